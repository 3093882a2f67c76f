"""Right-to-left text for terminals that do not reorder it themselves.

Neither Textual nor Rich reorders RTL text, and terminals differ, so the app does it: shape Arabic script into
its joined presentation forms, wrap by terminal cells in logical order, then reorder each visual line and
right-align it. Reordering before wrapping would put the last line of a paragraph first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from fieldkit.text.glyphs import covered, plain_letters

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a CLI search imports no typing at all)

# Bidi formatting characters and joiners: after shaping and reordering they only confuse the terminal (and
# DejaVu Sans Mono has no glyph for ZWNJ or ZWJ, which some terminals then draw as a box). The marks (LRM, RLM,
# ALM) steer the reordering, so visual_lines() drops them only after it.

_JOINERS_AND_EMBEDDINGS = re.compile("[\u200c\u200d\u202a-\u202e\u2066-\u2069]")
_MARKS = re.compile("[\u200e\u200f\u061c]")


if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Protocol

    class _Reshaper(Protocol):
        """What this module uses of arabic_reshaper's ArabicReshaper (the library has no type hints)."""

        def reshape(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _reshaper() -> _Reshaper:
    """arabic-reshaper with only the ligatures whose every form the font has (fieldkit/text/glyphs.py): lam-alef
    stays (it is required); LAM WITH ALEF MAKSURA (U+FC43, U+FC86) and the word ligatures (ﷲ ﷺ ﷽) go."""
    import arabic_reshaper
    from arabic_reshaper import reshaper_config
    from arabic_reshaper.ligatures import LIGATURES

    configuration = {"delete_harakat": True, "delete_tatweel": True, "support_ligatures": True}
    forms = {name: [form for form in shapes if form] for name, (_match, shapes) in LIGATURES}
    for name in reshaper_config.default_config:
        if name.startswith("ARABIC LIGATURE") or name == "RIAL SIGN":
            configuration[name] = bool(forms.get(name)) and all(covered(form) for form in forms[name])
    reshaper = arabic_reshaper.ArabicReshaper(configuration=configuration)
    reshaper.configuration = _Settings(reshaper.configuration)
    shaper: _Reshaper = reshaper
    return shaper


class _Settings:
    """A reshaper's settings, read once. arabic-reshaper keeps them in a configparser section and reads six of them
    through it on every `reshape` (and each ligature's on the first): about 0.1 ms a label, and 8 ms before the
    first, most of the time a Farsi or Arabic Home screen spent shaping. The same values from a dict; what the
    reshaper reads of a section (`get`, `getboolean`) answers as the section would."""

    def __init__(self, section: Mapping[str, str]) -> None:  # a configparser.SectionProxy
        from configparser import ConfigParser

        self._values = {key: section[key] for key in section}
        self._booleans = ConfigParser.BOOLEAN_STATES

    def get(self, key: str, fallback: str | None = None) -> str | None:
        return self._values.get(key.lower(), fallback)

    def getboolean(self, key: str, fallback: bool | None = None) -> bool | None:
        value = self._values.get(key.lower())
        if value is None:
            return fallback
        if value.lower() not in self._booleans:
            raise ValueError(f"Not a boolean: {value}")
        return self._booleans[value.lower()]


def is_rtl_text(text: str) -> bool:
    """True when the first letter with a strong direction is right-to-left (Arabic, Hebrew, ...)."""
    return next(filter(None, map(_strong, text)), None) == "R"


def shape(text: str) -> str:
    """Join Arabic-script letters into their presentation forms; drop harakat, tatweel, joiners and bidi marks.

    A joined form the font lacks is drawn as its plain letter (fieldkit/text/glyphs.py)."""
    return _MARKS.sub("", _shape_keeping_marks(text))


@lru_cache(maxsize=1024)
def _shape_keeping_marks(text: str) -> str:
    # Cached: a Farsi Home screen shapes 67 texts 157 times (a label is measured, then drawn; bindings in each
    # footer), and arabic-reshaper walks each one in Python.
    return plain_letters(_JOINERS_AND_EMBEDDINGS.sub("", _reshaper().reshape(text)))


# Where a command-line option starts ("--limit", "-o") that follows a space, a bracket or the line's start.
_OPTION_START = re.compile(r"(?<![\w-])(?=--?[A-Za-z])")


def _shaped_for_reordering(text: str) -> str:
    """`text` shaped, marks kept, and a left-to-right mark before each option: an option's hyphens are neutral, and
    between right-to-left words reordering would put them on its right ("limit--"). The mark keeps the option whole,
    as it is typed; the reordering functions drop it again (_MARKS)."""
    return _OPTION_START.sub("\u200e", _shape_keeping_marks(text))


def cell_width(text: str) -> int:
    """Terminal cells `text` takes: combining marks 0, East Asian wide characters 2, the rest 1."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200b\u200c\u200d\u200e\u200f\u061c":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


_BREAKS = re.compile(r"[ \t\r\f\v\u2000-\u200a\u3000]+")  # where a line may break: any space but U+00A0


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by cell width, in logical order. A word longer than the line is cut. A no-break space
    (U+00A0) holds its neighbours together: "3 legs" written with one stays on one line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_width = "", 0
        for word in _BREAKS.split(paragraph):
            if not word:
                continue
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


def mirror_pairs(visual: str, base: str = "L") -> str:
    """Turn bracket pairs that came out of reordering back to front (")…(") the right way round ("(…)").

    A pair resolved right-to-left is reversed without being mirrored, so its closing character shows first; a pair
    inside a left-to-right run keeps its order and is left alone. A bracket whose partner is not on the line (a
    snippet cut after "(BRMC 2023؛", a paragraph wrapped inside brackets) is mirrored where the bidi algorithm
    resolved it right to left (`_lone_bracket_direction`; `base` is the paragraph direction, "R" or "L").
    """
    chars = list(visual)
    # Brackets not yet paired, in order: a closer waits for the opener of a reversed pair, an opener (of a pair in
    # a left-to-right run, "{namespace}" inside a right-to-left line) for its closer.
    stack: list[int] = []
    for index, char in enumerate(chars):
        top = chars[stack[-1]] if stack else None
        if char in _OPENERS and top == _OPENERS[char]:  # ")…(": reversed, turned round
            start = stack.pop()
            chars[start], chars[index] = char, chars[start]
        elif char in _CLOSERS and top == _CLOSERS[char]:  # "{…}": already the right way round
            stack.pop()
        elif char in _OPENERS or char in _CLOSERS:
            stack.append(index)
    for index in stack:
        if _lone_bracket_direction(chars, index, base) == "R":
            chars[index] = _OPENERS.get(chars[index]) or _CLOSERS[chars[index]]
    return "".join(chars)


def _strong(char: str) -> str | None:
    """"L" or "R" for a letter with a strong direction (Arabic's AL counts as R), None for any other character."""
    kind = unicodedata.bidirectional(char)
    return "L" if kind == "L" else "R" if kind in ("R", "AL") else None


def _lone_bracket_direction(chars: list[str], index: int, base: str) -> str:
    """The direction the bidi algorithm gave a bracket with no partner (Unicode N1, N2): that of the nearest letters
    on both sides where they agree, else the paragraph's; the line's ends count as the paragraph's direction.
    Digits are passed over (after Latin letters they are resolved left to right, rule W7)."""
    left = next((d for c in reversed(chars[:index]) if (d := _strong(c))), base)
    right = next((d for c in chars[index + 1:] if (d := _strong(c))), base)
    return left if left == right else base


def has_rtl_letters(text: str) -> bool:
    """True when any character is a right-to-left letter (Arabic, Hebrew, ...), wherever it stands."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def _base(text: str, base: str) -> str:
    """"R" or "L": as given, or for "auto" the paragraph's own direction (its first strong letter, Unicode P2)."""
    if base == "auto":
        return "R" if is_rtl_text(text) else "L"
    return base


def visual_lines(text: str, width: int, *, align: bool = True, base: str = "R") -> list[str]:
    """`text` as the lines a terminal should print, left to right: shaped, wrapped, reordered; right-to-left
    paragraphs right-aligned (with `align`).

    `base` is the paragraph direction: "R" (a right-to-left interface line), "L", or "auto" (the text's own: an
    English paragraph inside a right-to-left document keeps its full stop at its end). Numbers and Latin words
    inside keep their left-to-right order (the Unicode bidi algorithm).
    """
    from bidi import get_display

    width = max(width, 1)
    direction = _base(text, base)
    out = []
    for line in wrap(_shaped_for_reordering(text), width):
        visual = _MARKS.sub("", mirror_pairs(get_display(line, base_dir=direction), direction))
        out.append(" " * (width - cell_width(visual)) + visual if align and direction == "R" else visual)
    return out


def visual_line(text: str, *, base: str = "R") -> str:
    """One short text (a title) in visual order, unwrapped and unaligned; `base` as for visual_lines."""
    from bidi import get_display

    line = _shaped_for_reordering(" ".join(text.split()))
    direction = _base(text, base)
    return _MARKS.sub("", mirror_pairs(get_display(line, base_dir=direction), direction))
