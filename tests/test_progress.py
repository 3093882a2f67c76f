"""Long work reports its progress; the CLI draws it on a terminal and prints nothing of it when piped."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

from fieldkit import paths
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


def test_a_stage_tells_the_listener_when_its_work_is_over():
    from fieldkit.core.progress import stage, step

    events: list[str] = []
    with reporting(lambda what, done, total: events.append(what), ended=lambda: events.append("ended")):
        with stage():
            step("a")
        step("b")
    assert events == ["a", "ended", "b"]
    with stage():  # nobody listening: nothing to tell
        step("c")


@pytest.fixture
def fresh_checkout(monkeypatch, tmp_path):
    """A source checkout whose content was never compiled: no installed pack, no content shipped."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    monkeypatch.setattr(paths, "SOURCE_CONTENT_DIR", content)
    monkeypatch.setattr(paths, "BUNDLED_DB", tmp_path / "none" / "fieldkit.db")
    return content


@pytest.fixture
def drawn(monkeypatch):
    """A terminal on standard error (the bar is drawn), and the order in which the bar ends and results come out."""
    from fieldkit.cli import commands, output, progress

    monkeypatch.setattr(progress, "wanted", lambda: True)
    events: list[str] = []
    end = progress._Bar.end

    def ended(bar):
        if bar.progress is not None:
            events.append("bar gone")
        end(bar)

    monkeypatch.setattr(progress._Bar, "end", ended)
    printed = output.print_json

    def print_json(value):
        events.append("results")
        printed(value)

    monkeypatch.setattr(commands, "print_json", print_json)
    return events


def test_a_first_launch_shows_the_content_being_compiled_then_the_answer(cli, fresh_checkout, drawn):
    result = cli("search", "bihac", "--json")
    assert result.code == 0 and json.loads(result.out)[0]["id"] == "bihac"
    assert "reading content files" in result.err and "writing documents" in result.err
    assert drawn == ["bar gone", "results"]  # the bar is put away before the answer, not drawn over it
    again = cli("search", "bihac", "--json")  # compiled once: nothing long the second time
    assert again.out == result.out and again.err == ""


@pytest.mark.parametrize(("lang", "step_name"), [("fr", "lecture des fichiers de contenu"),
                                                 ("tr", "içerik dosyaları okunuyor"),
                                                 ("bs", "čitanje datoteka sadržaja")])
def test_the_steps_are_named_in_the_readers_language(cli, fresh_checkout, drawn, lang, step_name):
    result = cli("--lang", lang, "search", "bihac", "--json")
    assert result.code == 0 and step_name in result.err and "reading content files" not in result.err


def test_a_right_to_left_step_is_laid_out_for_a_terminal_that_does_not_reorder(cli, fresh_checkout, drawn):
    from fieldkit.i18n.catalog import _, set_language
    from fieldkit.text.bidi import visual_line

    set_language("fa")
    try:
        farsi = _("reading content files")
    finally:
        set_language("en")
    assert farsi != "reading content files"
    result = cli("--lang", "fa", "--bidi", "visual", "search", "bihac", "--json")
    assert result.code == 0 and visual_line(farsi) in result.err and farsi not in result.err


def test_the_app_starts_after_the_bar_is_gone(cli, fresh_checkout, drawn, monkeypatch):
    from fieldkit.tui import launch

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(launch, "run", lambda store, lang, userdata: drawn.append("app") or 0)
    result = cli()
    assert result.code == 0 and "reading content files" in result.err
    assert drawn == ["bar gone", "app"]


def test_a_command_with_nothing_long_to_do_draws_nothing(cli, fixture_db, drawn):
    result = cli("search", "bihac", "--db", fixture_db, "--json")
    assert result.code == 0 and result.err == "" and drawn == ["results"]


def test_a_report_sent_to_a_file_goes_to_the_file_while_the_bar_is_drawn(cli, drawn, tmp_path):
    # stdout is captured (not a terminal), as in `fieldkit import ... --json > report.json` typed at a terminal: the
    # report went to the screen through the bar's console, and the file stayed empty.
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    sheet = FIXTURE_CONTENT.parent / "interop" / "partner-services.csv"
    result = cli("import", "services", sheet, "--content", content, "--dry-run", "--json")
    assert "checking the sheet's rows" in result.err
    assert json.loads(result.out)["rows"] and '"rows"' not in result.err
