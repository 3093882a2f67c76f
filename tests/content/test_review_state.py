"""Who checked what (issue 15): `checked` is the editors', `reviewed` only a person's, translations keep the hash
of their original, and facts from outside the sources carry a date to check them again."""

from __future__ import annotations

import importlib.util

import pytest

from fieldkit.content.check import check
from fieldkit.content.corpus import load
from fieldkit.content.review import hash_of_entry
from tests.conftest import ROOT
from tests.content.test_check import edit, line_of, problems_of

ONLY_A_PERSON = "only a person reviews: give by: and date:, or use checked: for the editors' check against the sources"


@pytest.mark.parametrize("reviewed", ["reviewed: 2026-11-02", "reviewed: {date: 2026-11-02}",
                                      "reviewed: {by: '', date: 2026-11-02}", "reviewed: yes"])
def test_a_review_without_a_reviewer_is_an_error(content, reviewed):
    path = content / "place/bihac.en.md"
    edit(path, "checked: 2026-11-01", f"checked: 2026-11-01\n{reviewed}")
    problems = problems_of(content)
    assert any(p.startswith(f"{path}:{line_of(path, 'reviewed:')}: ") and ONLY_A_PERSON in p for p in problems), problems


def test_a_specialists_review_is_accepted(content):
    path = content / "place/bihac.en.md"
    edit(path, "checked: 2026-11-01", "checked: 2026-11-01\nreviewed:\n  by: Protection officer\n"
                                      "  organisation: Example NGO\n  date: 2026-11-20")
    assert problems_of(content) == []
    assert load(content).originals["bihac"].fields["reviewed"] == {
        "by": "Protection officer", "organisation": "Example NGO", "date": "2026-11-20"}


def test_a_reviewed_translation_names_its_reviewer(content):
    path = content / "risk/risk-drowning.fa.md"
    edit(path, "translation: machine", "translation: reviewed")
    assert any("'translation: reviewed' needs 'reviewed: {by: ..., date: ...}'" in p for p in problems_of(content))
    edit(path, "translation: reviewed", "translation: reviewed\nreviewed: {by: A. Translator, date: 2026-11-03}")
    assert problems_of(content) == []
    edit(path, "translation: reviewed", "translation: machine")
    assert any("a translation with 'reviewed' is 'translation: reviewed'" in p for p in problems_of(content))


def test_a_translation_without_its_originals_hash_is_told_the_hash(content):
    path = content / "risk/risk-drowning.fa.md"
    original = load(content).originals["risk-drowning"]
    stamp = hash_of_entry(original.fields, original.front.body)
    edit(path, f"original_hash: {stamp}\n", "")
    assert f"{path}:1: a translation records the hash of the English original it was made from: add " \
           f"'original_hash: {stamp}' if it says what {original.path} says" in problems_of(content)


def test_an_outdated_translation_is_a_warning_that_does_not_fail_the_check(cli, content):
    edit(content / "risk/risk-drowning.en.md", "Tell people", "Warn people")  # the original changes
    translation = content / "risk/risk-drowning.fa.md"
    _, problems = check(content)
    assert [(p.path, p.line, p.warning) for p in problems] == [(str(translation), line_of(translation, "original_hash"), True)]
    assert "translation of risk-drowning is outdated (the English original changed)" in problems[0].message
    result = cli("check", "--content", content)
    assert result.code == 0 and "warning: translation of risk-drowning is outdated" in result.out
    assert "1 warning(s)" in result.err
    assert cli("check", "--content", content, "--strict").code == 1
    # Rewrapping the original's lines changes no words: the translation is not outdated by it.
    edit(content / "risk/risk-drowning.en.md", "Warn people", "Tell\npeople")
    assert problems_of(content) == []


def test_a_fact_from_outside_the_sources_needs_a_date_to_check_it_again(content):
    path = content / "place/bihac.en.md"
    edit(path, "sources:\n", "sources:\n  - doc: geonames\n    where: Bihać\n")
    assert any(p.startswith(f"{path}:{line_of(path, '- doc: geonames')}: 'geonames' is from outside the shared "
                            "documents: give the citation 'review_by: YYYY-MM-DD'") for p in problems_of(content))
    edit(path, "    where: Bihać\n", "    where: Bihać\n    review_by: 2999-01-01\n")
    assert problems_of(content) == []
    edit(path, "review_by: 2999-01-01", "review_by: 2001-01-01")
    _, problems = check(content)
    assert [p.warning for p in problems] == [True]
    assert "was to be checked again by 2001-01-01" in problems[0].message
    # Only facts from outside the documents carry one.
    testdoc = content / "risk/risk-drowning.en.md"
    edit(testdoc, 'and some drown"', 'and some drown"\n    review_by: 2999-01-01')
    assert any("'review_by' is for facts from outside the shared documents" in p for p in problems_of(content))


def test_the_migration_converts_old_content_and_is_idempotent(tmp_path):
    spec = importlib.util.spec_from_file_location("migrate", ROOT / "build" / "migrate_review_state.py")
    migrate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migrate)
    folder = tmp_path / "content" / "risk"
    folder.mkdir(parents=True)
    original = folder / "risk-x.en.md"
    original.write_text("---\nid: risk-x\ntitle: X\nsummary: S\nas_of: 2024\nreviewed: '2026-12-01'\n---\nBody.\n")
    imported = folder / "risk-y.en.md"
    imported.write_text("---\nid: risk-y\ntitle: Y\nsummary: S\nreviewed: null\nas_of: 2024\n---\nBody.\n")
    person = folder / "risk-z.en.md"
    person.write_text("---\nid: risk-z\ntitle: Z\nsummary: S\nreviewed:\n  by: A\n  date: 2026-01-01\n---\nB\n")
    translation = folder / "risk-x.fa.md"
    translation.write_text("---\nid: risk-x\ntitle: ایکس\nsummary: س\ntranslation: machine\nreviewed: 2026-11-24\n---\nب\n")
    migrate.migrate(tmp_path / "content")
    assert "\nchecked: 2026-12-01\n" in original.read_text() and "reviewed" not in original.read_text()
    assert "reviewed" not in imported.read_text() and "checked" not in imported.read_text()
    assert "reviewed:\n  by: A\n" in person.read_text()
    stamp = hash_of_entry({"title": "X", "summary": "S"}, "Body.\n")
    assert f"translation: machine\noriginal_hash: {stamp}\n---" in translation.read_text()
    before = {path: path.read_text() for path in folder.iterdir()}
    assert migrate.migrate(tmp_path / "content") == []
    assert {path: path.read_text() for path in folder.iterdir()} == before
    # A hash already recorded is kept: running it again never hides that the original changed.
    original.write_text(original.read_text().replace("Body.", "Another body."))
    migrate.migrate(tmp_path / "content")
    assert f"original_hash: {stamp}\n" in translation.read_text()

