"""`fieldkit check`: every kind of problem is reported as path:line: message, all at once, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldkit.content.check import check
from tests.conftest import FIXTURE_SOURCES


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def problems_of(content: Path, sources: Path | None = None, *, bodies: bool = True) -> list[str]:
    _, problems = check(content, sources, bodies=bodies)
    return [str(p) for p in problems]


def test_fixture_content_is_clean(content):
    assert problems_of(content, FIXTURE_SOURCES) == []


def test_cli_check_passes_on_clean_content(cli, content):
    result = cli("check", "--content", content, "--sources", FIXTURE_SOURCES)
    assert result.code == 0
    assert "content OK" in result.err


@pytest.mark.parametrize(
    ("file", "old", "new", "needle", "message"),
    [
        ("place/bihac.en.md", "title: Bihać", "title: [Bihać", "title: [Bihać", "not valid YAML"),
        ("place/bihac.en.md", "kind: town", "kind: town\nsize: large", "size: large", "unknown field 'size'"),
        ("place/bihac.en.md", "tags: [una-sana]", "tags: una-sana", "tags: una-sana", "'tags' must be a list"),
        ("place/bihac.en.md", "lat: 44.82", "lat: north", "lat: north", "'lat' must be a number"),
        ("place/bihac.en.md", "kind: town", "kind: metropolis", "kind: metropolis", "'kind' must be one of"),
        ("place/bihac.en.md", "as_of: 2024-07", "as_of: 2024-13", "as_of: 2024-13", "'as_of' must be a date"),
        ("place/bihac.en.md", "checked: 2026-11-01", "checked: yesterday", "checked: yesterday", "'checked' must be a date"),
        ("place/bihac.en.md", "lat: 44.82\nlon: 15.87", "lat: 45.82\nlon: 25.87", "lat: 45.82", "outside Bosnia and Herzegovina"),
        ("place/bihac.en.md", "related: [velika-kladusa]", "related: [nowhere]", "related: [nowhere]", "'related' refers to 'nowhere', which does not exist"),
        ("place/bihac.en.md", "country: BA", "country: QQ", "country: QQ", "unknown country code 'QQ'"),
        ("place/bihac.en.md", "id: bihac", "id: bihac-town", "id: bihac-town", "does not match the file name"),
        ("place/bihac.en.md", "type: place", "type: risk", "type: risk", "but the file is in the 'place' folder"),
        ("place/bihac.en.md", "kind: town", "kind: town\nkind: city", "kind: city", "field 'kind' is given twice"),
        ("place/bihac.en.md", "  - doc: testdoc", "  - doc: nosuchdoc", "doc: nosuchdoc", "unknown source 'nosuchdoc'"),
        ("route/route-rs-ba-drina.en.md", "risks: [risk-drowning]", "risks: [bihac]", "risks: [bihac]", "must refer to a risk, but 'bihac' is a place"),
        ("risk/risk-drowning.en.md", "Tell people", "Tell \x1b[2J people", "Tell", "control character or escape sequence in the body"),
        # A service may have a point of its own (imported service sheets give one), checked as a place's is.
        ("service/svc-legal-aid-bihac.en.md", "place: bihac", "place: bihac\nlat: 44.81\nlon: 25.87\ncoords_source: geonames",
         "lat: 44.81", "outside Bosnia and Herzegovina"),
        ("service/svc-legal-aid-bihac.en.md", "place: bihac", "place: bihac\nlat: 44.81\ncoords_source: geonames",
         "lat: 44.81", "give both 'lat' and 'lon'"),
        ("service/svc-legal-aid-bihac.en.md", "place: bihac", "place: bihac\nlat: 44.81\nlon: 15.86",
         "lat: 44.81", "coordinates need 'coords_source'"),
    ],
)
@pytest.mark.parametrize("bodies", [True, False], ids=["kept", "let-go"])  # let go: as the build checks
def test_each_problem_is_reported_with_file_and_line(content, file, old, new, needle, message, bodies):
    path = content / file
    edit(path, old, new)
    problems = problems_of(content, bodies=bodies)
    expected_prefix = f"{path}:{line_of(path, needle)}: "
    assert any(p.startswith(expected_prefix) and message in p for p in problems), problems


def test_missing_required_field(content):
    path = content / "risk/risk-drowning.en.md"
    edit(path, "exposed: [children, people-without-money]\n", "")
    assert f"{path}:1: missing required field 'exposed'" in problems_of(content)


def test_front_matter_never_closed(content):
    path = content / "place/bihac.en.md"
    path.write_text("---\nid: bihac\ntitle: Bihać\n", encoding="utf-8")
    assert any(p.startswith(f"{path}:1: ") and "never closed" in p for p in problems_of(content))


def test_no_front_matter(content):
    path = content / "place/bihac.en.md"
    path.write_text("# Bihać\n", encoding="utf-8")
    assert any(p.startswith(f"{path}:1: ") and "must start with a '---'" in p for p in problems_of(content))


@pytest.mark.parametrize("bodies", [True, False], ids=["kept", "let-go"])
def test_duplicate_id_across_folders(content, bodies):
    copy = content / "glossary/bihac.en.md"
    copy.write_text((content / "place/bihac.en.md").read_text(encoding="utf-8").replace("type: place", "type: glossary"))
    problems = problems_of(content, bodies=bodies)
    duplicate = content / "place/bihac.en.md"  # read after the glossary folder
    assert f"{duplicate}:{line_of(duplicate, 'id: bihac')}: duplicate id 'bihac' (also {copy})" in problems, problems


def test_unknown_language_code_in_file_name(content):
    path = content / "risk/risk-drowning.xx.md"
    path.write_text((content / "risk/risk-drowning.fa.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert f"{path}:1: unknown language code 'xx' in the file name" in problems_of(content)


def test_translation_without_original(content):
    path = content / "risk/risk-fire.fa.md"
    path.write_text((content / "risk/risk-drowning.fa.md").read_text(encoding="utf-8").replace("risk-drowning", "risk-fire"))
    problems = problems_of(content)
    assert any(p.startswith(f"{path}:1: ") and "has no English original" in p for p in problems), problems


def test_translation_may_not_carry_original_fields(content):
    path = content / "risk/risk-drowning.fa.md"
    edit(path, "translation: machine", "translation: machine\ncountry: BA")
    problems = problems_of(content)
    assert any(p.startswith(f"{path}:{line_of(path, 'country: BA')}: unknown field 'country'") for p in problems)


def test_quote_not_in_document(content):
    path = content / "place/velika-kladusa.en.md"
    edit(path, 'quote: "Velika Kladuša lies north of Bihać."', 'quote: "Velika Kladuša lies south of Bihać."')
    assert problems_of(content) == []  # without --sources quotes are not read
    problems = problems_of(content, FIXTURE_SOURCES)
    assert any(p.startswith(f"{path}:{line_of(path, 'quote:')}: quote not found in 'testdoc'") for p in problems)


def test_quote_compared_with_whitespace_and_case_folded(content):
    path = content / "place/drina-river.en.md"
    # In the document this phrase spans a line break: "between Serbia and\nBosnia".
    edit(path, 'quote: "cross the Drina river between Serbia and Bosnia and Herzegovina"',
         'quote: "CROSS the Drina river   between Serbia and Bosnia"')
    assert problems_of(content, FIXTURE_SOURCES) == []


def test_every_problem_is_reported_at_once(cli, content):
    edit(content / "place/bihac.en.md", "kind: town", "kind: metropolis")
    edit(content / "glossary/term-pushback.en.md", "title: Pushback", "title: [Pushback")
    edit(content / "route/route-rs-ba-drina.en.md", "to: bihac", "to: atlantis")
    result = cli("check", "--content", content)
    assert result.code == 1
    assert len(result.out.strip().splitlines()) == 3
    assert "3 problem(s) in 3 file(s)" in result.err


def test_check_reports_missing_sources_folder_as_usage_error(cli, content, tmp_path):
    result = cli("check", "--content", content, "--sources", tmp_path / "nope")
    assert result.code == 2
    assert "no such folder" in result.err
