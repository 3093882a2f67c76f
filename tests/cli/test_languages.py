"""One language for the whole CLI (issue 19): --lang before or after the command, FIELDKIT_LANG, the locale;
labels, messages and errors translated; right-to-left lines laid out on a terminal, logical when piped."""

from __future__ import annotations

import json

import pytest

from fieldkit.cli.bidi import decide
from fieldkit.i18n.catalog import _, set_language
from fieldkit.text.bidi import visual_lines
from fieldkit.text.glyphs import is_presentation_form


def label(lang: str, message: str) -> str:
    set_language(lang)
    try:
        return _(message)
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", ["en", "fa", "ar", "bs"])
def test_the_same_command_prints_labels_in_each_language(cli, fixture_db, lang):
    result = cli("show", "risk-drowning", "--lang", lang, "--db", fixture_db)
    assert result.code == 0, result.err
    for message in ("Sources", "Related"):
        assert label(lang, message) in result.out
    facts = label(lang, "Facts as of {as_of} · checked against the sources {checked} ({age})").split("{")[0].strip()
    assert facts in result.out
    if lang != "en":
        assert "Sources" not in result.out and "Facts as of" not in result.out


@pytest.mark.parametrize("how", ["global", "environment", "locale"])
def test_every_way_of_choosing_the_language_reaches_the_cli(cli, fixture_db, monkeypatch, how):
    args = ["show", "risk-drowning", "--db", fixture_db]
    if how == "global":
        args = ["--lang", "fa", *args]
    elif how == "environment":
        monkeypatch.setenv("FIELDKIT_LANG", "fa")
    else:
        monkeypatch.setenv("LANG", "fa_IR.UTF-8")
    result = cli(*args)
    assert result.code == 0, result.err
    assert label("fa", "Sources") in result.out
    assert "غرق" in result.out  # and the content in Farsi


def test_command_lang_wins_over_the_global_one_and_the_environment(cli, fixture_db, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "ar")
    result = cli("--lang", "bs", "show", "risk-drowning", "--lang", "fa", "--db", fixture_db)
    assert label("fa", "Sources") in result.out


def test_errors_are_translated(cli, fixture_db):
    result = cli("--lang", "fa", "show", "risk-drownin", "--db", fixture_db)
    assert result.code == 1
    expected = label("fa", "no entry with id {id}; did you mean {ids}?").format(id="'risk-drownin'", ids="risk-drowning")
    assert expected in result.err
    missing = cli("stats", "--lang", "ar", "--db", "/nonexistent/fieldkit.db")
    assert missing.code == 1 and label("ar", "content database not found: {path}").split(":")[0] in missing.err
    bad = cli("search", "x", "--lang", "xx-nope")
    assert bad.code == 2 and "unknown language code" in bad.err


def test_english_output_keeps_its_words(cli, fixture_db):
    """The English the scripts and docs know stays as it was."""
    result = cli("show", "nope", "--db", fixture_db)
    assert "no entry with id 'nope'" in result.err
    stats = cli("stats", "--db", fixture_db).out
    assert stats.startswith("Content version ") and "entries without sources:" in stats


@pytest.mark.parametrize("command", [["stats"], ["doctor"], ["search", "drina"], ["pack", "list"],
                                     ["export", "--type", "service", "-o", "{tmp}/s.csv", "--format", "csv"]])
def test_other_commands_speak_bosnian_and_farsi(cli, fixture_db, tmp_path, command):
    command = [part.replace("{tmp}", str(tmp_path)) for part in command]
    english = cli(*command, "--db", fixture_db) if command[0] != "pack" else cli(*command)
    for lang in ("bs", "fa"):
        args = ["--lang", lang, *command] + (["--db", str(fixture_db)] if command[0] != "pack" else [])
        result = cli(*args)
        assert result.code == english.code, result.err
        assert (result.out + result.err) != (english.out + english.err)  # something said differently
        assert "Traceback" not in result.err


def test_json_stays_the_same_in_every_language(cli, fixture_db):
    english = cli("stats", "--json", "--db", fixture_db).out
    assert cli("--lang", "fa", "stats", "--json", "--db", fixture_db).out == english
    doctor = json.loads(cli("--lang", "ar", "doctor", "--json", "--db", fixture_db).out)
    assert doctor["terminal"]["right_to_left"] in ("laid out by fieldkit", "left to the terminal")
    assert doctor["terminal"]["cli_bidi"]["visual"] is False  # captured output: not a terminal


def test_piped_output_is_in_logical_order(cli, fixture_db):
    out = cli("show", "risk-drowning", "--lang", "fa", "--db", fixture_db).out
    assert "غرق شدن" in out  # as stored
    assert not any(is_presentation_form(char) for char in out)


def test_bidi_visual_lays_right_to_left_lines_out_even_when_piped(cli, fixture_db, store, monkeypatch):
    monkeypatch.setenv("COLUMNS", "70")
    out = cli("--bidi", "visual", "show", "risk-drowning", "--lang", "fa", "--db", fixture_db).out
    entry = store.get("risk-drowning", "fa")
    for line in visual_lines(entry.summary, 70):
        assert line.rstrip() in out
    assert "\x1b[8l" not in out  # not a terminal: nothing to switch
    logical = cli("show", "risk-drowning", "--lang", "fa", "--bidi", "logical", "--db", fixture_db).out
    assert entry.summary.split()[0] in logical


@pytest.mark.parametrize(("environ", "tty", "visual"), [
    ({}, True, True),
    ({}, False, False),
    ({"VTE_VERSION": "7600"}, True, False),  # VTE 0.76 reorders by itself
    ({"VTE_VERSION": "6800"}, True, True),
    ({"KONSOLE_VERSION": "230805"}, True, False),
    ({"MLTERM": "3.9.3"}, True, False),
    ({"VTE_VERSION": "7600", "TMUX": "/tmp/tmux-0/default,1,0"}, True, True),  # tmux draws the cells
    ({"FIELDKIT_RTL": "terminal"}, True, False),
])
def test_who_lays_out_right_to_left_text(environ, tty, visual):
    assert decide(None, tty, environ).visual is visual
    assert decide("visual", False, environ).visual is True
    assert decide("logical", True, environ).visual is False


def test_doctor_says_what_it_decided(cli, fixture_db, monkeypatch):
    monkeypatch.setenv("VTE_VERSION", "7601")
    report = json.loads(cli("doctor", "--json", "--db", fixture_db).out)
    assert report["terminal"]["cli_bidi"]["VTE_VERSION"] == 7601
    text = cli("doctor", "--db", fixture_db).out
    assert "in commands such as 'fieldkit show': printed in logical order (not a terminal" in text


def test_search_serves_the_language_saved_in_the_app(cli, fixture_db):
    """Without --lang or FIELDKIT_LANG, `search` serves what the app would: the language saved in it."""
    from fieldkit.userdata import UserData

    data = UserData()
    data.set_setting("language", "fa")
    data.close()
    results = json.loads(cli("search", "drowning", "--db", fixture_db, "--json").out)
    assert results and results[0]["id"] == "risk-drowning" and results[0]["lang"] == "fa"
