"""Bad arguments are answered in the reader's language, laid out like every other line, and sanitised
(fieldkit/cli/parser.py). argparse's own messages used to come out in English whatever the language, printed raw."""

from __future__ import annotations

import pytest

from fieldkit.core.languages import catalog_codes
from fieldkit.i18n.catalog import _, set_language
from fieldkit.text.bidi import visual_lines


def said(lang: str, template: str, *values: object) -> str:
    """What the catalog of `lang` makes of one of argparse's %-style messages."""
    set_language(lang)
    try:
        return _(template) % values if values else _(template)
    finally:
        set_language("en")


def error_line(lang: str, prog: str, message: str) -> str:
    set_language(lang)
    try:
        return _("{prog}: error: {message}").format(prog=prog, message=message)
    finally:
        set_language("en")


def test_english_errors_read_as_argparse_wrote_them(cli):
    result = cli("search")
    assert result.code == 2
    assert result.err.startswith("usage: fieldkit search")
    assert result.err.endswith("fieldkit search: error: the following arguments are required: query\n")
    wrong = cli("serch", "x")
    assert wrong.code == 2 and "fieldkit: error: argument COMMAND: invalid choice: 'serch' (choose from" in wrong.err


@pytest.mark.parametrize("lang", catalog_codes())
def test_a_missing_argument_is_told_in_the_readers_language(cli, lang):
    result = cli("--lang", lang, "search")
    assert result.code == 2
    message = said(lang, "the following arguments are required: %s", "query")
    assert message != "the following arguments are required: query"  # every catalog has it
    assert result.err.splitlines()[-1] == error_line(lang, "fieldkit search", message)
    assert result.err.startswith("usage: fieldkit search")  # the command line itself stays as it is spelt


@pytest.mark.parametrize("lang", ["fr", "tr", "fa"])
def test_a_bad_value_and_an_unknown_command_too(cli, lang):
    limit = cli("search", "x", "--limit", "0", "--lang", lang)
    own = said(lang, "must be from 1 to 1000")
    assert limit.code == 2
    assert limit.err.splitlines()[-1] == error_line(
        lang, "fieldkit search", said(lang, "argument %(argument_name)s: %(message)s") % {
            "argument_name": "--limit", "message": own})
    unknown = cli("--lang", lang, "serch", "x")
    assert unknown.code == 2
    assert said(lang, "invalid choice: %(value)r (choose from %(choices)s)").split("%")[0] in unknown.err
    assert "invalid choice" not in unknown.err


def test_the_plural_message_is_translated(cli):
    result = cli("--lang", "bs", "search", "x", "--country")
    assert result.code == 2 and said("bs", "expected one argument") in result.err


def test_escape_sequences_in_arguments_never_reach_the_terminal(cli):
    result = cli("stats", "\x1b[2J\x1b]0;owned\x07boom", "\u202ereversed")
    assert result.code == 2
    assert "\x1b" not in result.err and "\x07" not in result.err and "\u202e" not in result.err
    assert "unrecognized arguments:" in result.err and "boom" in result.err


def test_a_right_to_left_error_is_laid_out_as_asked(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    message = error_line("fa", "fieldkit search", said("fa", "the following arguments are required: %s", "query"))
    visual = cli("--bidi", "visual", "--lang", "fa", "search")
    assert visual.code == 2
    assert visual.err.splitlines()[-1].rstrip() == visual_lines(message, 60, base="R")[-1].rstrip()
    logical = cli("--lang", "fa", "search")  # captured, not a terminal: logical order, as stored
    assert logical.err.splitlines()[-1] == message
