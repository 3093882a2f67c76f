"""A source document's text as quotes are matched against it: whitespace runs folded, case folded, each character
remembering the line it came from, so a quote found in it can be placed under its section."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path


def normalise_for_quote(text: str) -> str:
    """Whitespace runs become one space and case is folded, so line breaks in a document do not matter."""
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass(frozen=True)
class Span:
    """Where one occurrence of a quote is: its first and last line (1-based) and its offsets in `folded`."""

    first_line: int
    last_line: int
    start: int
    end: int


class SourceText:
    """One document: its lines, a folded copy for matching, and where each folded character came from."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        folded: list[str] = []
        line_of: list[int] = []
        line, space = 1, True  # a leading space is dropped, as normalise_for_quote() strips
        for char in text:
            if char.isspace():
                if not space:
                    folded.append(" ")
                    line_of.append(line)
                space = True
                if char == "\n":
                    line += 1
                continue
            space = False
            for part in char.casefold():  # "ß" folds to "ss": every part comes from this line
                folded.append(part)
                line_of.append(line)
        self.folded = "".join(folded)
        self._line_of = line_of
        # offset in `folded` where each line begins (the first character that came from it or a later line)
        self._line_starts = [bisect_right_first(line_of, n) for n in range(1, len(self.lines) + 2)]

    @classmethod
    def read(cls, path: Path) -> SourceText:
        return cls(path.read_text(encoding="utf-8"))

    def find_all(self, quote: str) -> list[Span]:
        """Every occurrence of `quote` (compared as normalise_for_quote() compares)."""
        needle = normalise_for_quote(quote)
        if not needle:
            return []
        spans, start = [], self.folded.find(needle)
        while start >= 0:
            end = start + len(needle)
            spans.append(Span(self._line_of[start], self._line_of[end - 1], start, end))
            start = self.folded.find(needle, start + 1)
        return spans

    def line_offset(self, line: int) -> int:
        """The offset in `folded` of the first character of `line` (1-based)."""
        return self._line_starts[min(max(line, 1), len(self._line_starts)) - 1]

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""


def bisect_right_first(line_of: list[int], line: int) -> int:
    """The first offset whose character comes from `line` or later."""
    return bisect_right(line_of, line - 1)
