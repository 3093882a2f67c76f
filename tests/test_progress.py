"""Long work reports its progress; the CLI draws it on a terminal and prints nothing of it when piped."""

from __future__ import annotations

from fieldkit.content.build import build
from fieldkit.core.progress import reporting, track
from tests.conftest import FIXTURE_CONTENT


def test_without_a_listener_track_only_yields():
    assert list(track(iter([1, 2, 3]), "counting")) == [1, 2, 3]


def test_a_build_reports_each_step_with_counts(tmp_path):
    seen: dict[str, list[tuple[int, int | None]]] = {}
    with reporting(lambda what, done, total: seen.setdefault(what, []).append((done, total))):
        build(FIXTURE_CONTENT, tmp_path / "out.db")
    files = len([p for p in FIXTURE_CONTENT.glob("*/*.md") if p.parent.name != "vocabulary"])
    assert seen["reading content files"][0] == (0, files) and seen["reading content files"][-1] == (files, files)
    assert seen["writing documents"][-1][0] == seen["writing documents"][-1][1] == len(list(
        FIXTURE_CONTENT.glob("*/*.md"))) - len(list(FIXTURE_CONTENT.glob("vocabulary/*.md")))
    assert list(seen) == ["reading content files", "choosing the compression dictionaries", "writing documents",
                          "writing the search index", "compacting the database"]


def test_piped_output_has_no_bar(cli, tmp_path):
    result = cli("build", "--content", FIXTURE_CONTENT, "--out", tmp_path / "out.db")
    assert result.code == 0 and "reading content files" not in result.err and "\x1b" not in result.err


def test_a_terminal_gets_a_bar(cli, tmp_path, monkeypatch):
    from fieldkit.cli import progress

    monkeypatch.setattr(progress, "wanted", lambda: True)
    result = cli("build", "--content", FIXTURE_CONTENT, "--out", tmp_path / "out.db")
    assert result.code == 0 and "compacting the database" in result.err
