"""Which Arabic presentation forms fieldkit may draw: the ones DejaVu Sans Mono has.

DejaVu Sans Mono is the common Linux monospace font (and close to what Windows Terminal and macOS fall back to for
Arabic). A joined form it lacks shows as a box, so fieldkit draws the plain letter instead: a letter drawn
unjoined reads better than a box. The ranges were read from the font's cmap (DejaVu Sans Mono 2.37);
tests/text/test_glyphs.py reads the installed font and checks every code point fieldkit draws against it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFF) that DejaVu Sans Mono maps to a glyph. It has none of the
# ligatures in U+FC00..U+FDFF, such as LAM WITH ALEF MAKSURA (U+FC43, U+FC86) in every "على" and "إلى".
COVERED_FORMS: tuple[tuple[int, int], ...] = (
    (0xFB52, 0xFB81), (0xFB8A, 0xFB95), (0xFB9E, 0xFB9F), (0xFBAA, 0xFBAD), (0xFBE8, 0xFBE9),
    (0xFBFC, 0xFBFF), (0xFE70, 0xFE74), (0xFE76, 0xFEFC),
)


_BLOCKS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))  # Arabic Presentation Forms-A and -B


def is_presentation_form(char: str) -> bool:
    point = ord(char)
    return any(start <= point <= end for start, end in _BLOCKS)


def covered(char: str) -> bool:
    """True for a presentation form the font has; every other character is left to the font (and its fallbacks)."""
    point = ord(char)
    return any(start <= point <= end for start, end in COVERED_FORMS)


def _uncovered_forms() -> str:
    """A regex character class of the presentation forms the font lacks: each block less COVERED_FORMS."""
    ranges = []
    for block_start, block_end in _BLOCKS:
        start = block_start
        for first, last in sorted(COVERED_FORMS):
            if last < block_start or first > block_end:
                continue
            if start < first:
                ranges.append((start, first - 1))
            start = max(start, last + 1)
        if start <= block_end:
            ranges.append((start, block_end))
    return "[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in ranges) + "]"


@lru_cache(maxsize=1)
def _uncovered() -> re.Pattern[str]:  # compiled on first use: only Arabic-script text ever needs it
    return re.compile(_uncovered_forms())


def plain_letters(text: str) -> str:
    """Each presentation form the font lacks replaced by its plain letter(s): ﳃ (U+FC43) -> لى.

    Found by one regex (a scan in C): a Farsi Home screen shapes about 150 labels, and asking each character in
    Python took longer than shaping them."""
    uncovered = _uncovered()
    if uncovered.search(text) is None:
        return text
    return uncovered.sub(lambda found: unicodedata.normalize("NFKC", found.group()), text)
