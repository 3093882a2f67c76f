"""Remove everything from content text that a terminal would act on instead of show.

Content may come from a pack someone else built; an escape sequence in it could move the cursor, change the
window title or hide text. Newlines and tabs survive; every other C0/C1 control, ESC sequence and bidi override
is removed.
"""

from __future__ import annotations

import re

# ESC followed by a CSI, OSC, DCS/PM/APC string or a single-character sequence; then any lone control left over.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI ... final byte
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?   # OSC ... BEL or ST
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?      # DCS, SOS, PM, APC ... ST
    | \x1b[ -/]*[0-~]?                  # two- or three-character escapes
    | \x9b[0-?]*[ -/]*[@-~]            # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?     # 8-bit OSC
    """,
    re.VERBOSE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitize(text: str) -> str:
    """Return `text` with escape sequences and control characters removed (newline and tab kept)."""
    text = text.replace("\r\n", "\n")
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def find_control(text: str) -> int | None:
    """Return the index of the first character `sanitize()` would remove, or None. Used by `fieldkit check`."""
    match = _ESCAPE_SEQUENCE.search(text) or _CONTROL.search(text.replace("\r\n", "\n"))
    return match.start() if match else None
