"""Right-to-left text for terminals that do not reorder it themselves.

Neither Textual nor Rich reorders RTL text, and terminals differ, so the app does it: shape Arabic script into
its joined presentation forms, wrap by terminal cells in logical order, then reorder each visual line and
right-align it. Reordering before wrapping would put the last line of a paragraph first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Protocol

# Bidi formatting characters: after shaping and reordering they only confuse the terminal.
_BIDI_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# Word ligatures (ﷲ ﷺ ﷽ ...) are wide single glyphs most terminal fonts lack; lam-alef stays (it is required).
_KEEP_LIGATURES = ("ARABIC LIGATURE LAM WITH ALEF",)


class _Reshaper(Protocol):
    """What this module uses of arabic_reshaper's ArabicReshaper (the library has no type hints)."""

    def reshape(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _reshaper() -> _Reshaper:
    import arabic_reshaper
    from arabic_reshaper import reshaper_config

    configuration = {"delete_harakat": True, "delete_tatweel": True, "support_ligatures": True}
    for name in reshaper_config.default_config:
        if name.startswith("ARABIC LIGATURE") or name == "RIAL SIGN":
            configuration[name] = name.startswith(_KEEP_LIGATURES)
    reshaper: _Reshaper = arabic_reshaper.ArabicReshaper(configuration=configuration)
    return reshaper


def shape(text: str) -> str:
    """Join Arabic-script letters into their presentation forms; drop harakat, tatweel and bidi marks."""
    return _BIDI_MARKS.sub("", _reshaper().reshape(text))


def cell_width(text: str) -> int:
    """Terminal cells `text` takes: combining marks 0, East Asian wide characters 2, the rest 1."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200b\u200c\u200d":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by cell width, in logical order. A word longer than the line is cut."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_width = "", 0
        for word in paragraph.split():
            word_width = cell_width(word)
            while word_width > width:  # a word wider than the line: cut it
                if line:
                    lines.append(line)
                    line, line_width = "", 0
                cut = _cut_at_width(word, width)
                lines.append(word[:cut])
                word = word[cut:]
                word_width = cell_width(word)
            if not word:
                continue
            needed = word_width if not line else line_width + 1 + word_width
            if needed <= width:
                line = word if not line else f"{line} {word}"
                line_width = needed
            else:
                lines.append(line)
                line, line_width = word, word_width
        lines.append(line)
    return lines


def _cut_at_width(word: str, width: int) -> int:
    used = 0
    for index, char in enumerate(word):
        used += cell_width(char)
        if used > width:
            return max(index, 1)
    return len(word)


# Mirrored pairs (Unicode BidiMirroring, the ones text uses). The Rust unicode-bidi behind python-bidi reorders but
# leaves mirroring (rule L4) to the renderer; a terminal does not do it, so "(IOM 2025)" would show as ")IOM 2025(".
_OPENERS = {"(": ")", "[": "]", "{": "}", "<": ">", "«": "»", "‹": "›"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}


def mirror_pairs(visual: str) -> str:
    """Turn bracket pairs that came out of reordering back to front (")…(") the right way round ("(…)").

    A pair resolved right-to-left is reversed without being mirrored, so its closing character shows first; a pair
    inside a left-to-right run keeps its order and is left alone. A bracket whose partner is on another line of a
    wrapped paragraph cannot be paired and is left as it is.
    """
    chars = list(visual)
    stack: list[int] = []  # positions of closing characters waiting for their (reversed) opener
    for index, char in enumerate(chars):
        if char in _CLOSERS:
            stack.append(index)
        elif char in _OPENERS and stack and chars[stack[-1]] == _OPENERS[char]:
            start = stack.pop()
            chars[start], chars[index] = char, chars[start]
    return "".join(chars)


def visual_lines(text: str, width: int, *, align: bool = True) -> list[str]:
    """RTL `text` as the lines a terminal should print, left to right: shaped, wrapped, reordered, right-aligned.

    Numbers and Latin words inside keep their left-to-right order (the Unicode bidi algorithm).
    """
    from bidi import get_display

    width = max(width, 1)
    out = []
    for line in wrap(shape(text), width):
        visual = mirror_pairs(get_display(line, base_dir="R"))
        out.append(" " * (width - cell_width(visual)) + visual if align else visual)
    return out


def visual_line(text: str) -> str:
    """One short RTL text (a title) in visual order, unwrapped and unaligned."""
    from bidi import get_display

    return mirror_pairs(get_display(shape(" ".join(text.split())), base_dir="R"))
