"""Remove everything from content text that a terminal would act on instead of show.

Content may come from a pack someone else built; an escape sequence in it could move the cursor, change the
window title or hide text. Newlines and tabs survive; every other C0/C1 control, ESC sequence and bidi override
is removed.
"""

from __future__ import annotations

import re

# ESC followed by a CSI, OSC, DCS/PM/APC string or a single-character sequence; then any lone control left over.
# Every sequence starts with ESC, 8-bit CSI or 8-bit OSC (_has_start): a text without them has none, and the
# pattern is compiled only when a text has one.
_ESCAPE_PATTERN = r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI ... final byte
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?   # OSC ... BEL or ST
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?      # DCS, SOS, PM, APC ... ST
    | \x1b[ -/]*[0-~]?                  # two- or three-character escapes
    | \x9b[0-?]*[ -/]*[@-~]            # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?     # 8-bit OSC
    """
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitize(text: str) -> str:
    """Return `text` with escape sequences and control characters removed (newline and tab kept)."""
    text = text.replace("\r\n", "\n")
    if _has_start(text):
        text = _escape_sequence().sub("", text)
    return _CONTROL.sub("", text)


def find_control(text: str) -> int | None:
    """Return the index of the first character `sanitize()` would remove, or None. Used by `fieldkit check`."""
    found = _escape_sequence().search(text) if _has_start(text) else None
    match = found or _CONTROL.search(text.replace("\r\n", "\n"))
    return match.start() if match else None


def _has_start(text: str) -> bool:
    return "\x1b" in text or "\x9b" in text or "\x9d" in text


def _escape_sequence() -> re.Pattern[str]:
    return re.compile(_ESCAPE_PATTERN, re.VERBOSE)  # re keeps it compiled after the first call
