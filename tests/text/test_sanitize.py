"""sanitize(): no control or escape sequence from content reaches the terminal."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldkit.text.sanitize import find_control, sanitize

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain", "plain"),
        ("red \x1b[31mtext\x1b[0m", "red text"),
        ("title \x1b]0;pwned\x07 here", "title  here"),
        ("clear\x1b[2J screen", "clear screen"),
        ("bell\x07 and backspace\x08", "bell and backspace"),
        ("8-bit \x9b31m csi", "8-bit  csi"),
        ("line one\nline two\tend", "line one\nline two\tend"),
        ("crlf\r\nline", "crlf\nline"),
        ("override \u202etxet", "override txet"),
        ("بحث عربي", "بحث عربي"),
    ],
)
def test_sanitize(raw, clean):
    assert sanitize(raw) == clean


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_nothing_unsafe_survives(text):
    assert not UNSAFE.search(sanitize(text))


@given(st.text(alphabet=st.sampled_from("ab\x1b[]0;?m\x07\x9b\x9d\\P\n")))
def test_escape_soup_leaves_no_escape(text):
    assert "\x1b" not in sanitize(text)
    assert find_control(sanitize(text)) is None


def test_find_control():
    assert find_control("fine text") is None
    assert find_control("bad \x1b[1m") == 4
