"""Find a phrase in a text as a reader means it: without regard to case, accents or harakat ("bihac" finds
"Bihać", "ايران" finds "إيران"), with the spans of the original text that match, for highlighting."""

from __future__ import annotations

from fieldkit.text.fold import fold


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """[start, end) spans of `text` where the folded query occurs in the folded text, left to right, not
    overlapping. An empty query (or one that folds to nothing) finds nothing."""
    needle = fold(query).strip()
    if not needle:
        return []
    folded, origin = _folded_with_origin(text)
    spans: list[tuple[int, int]] = []
    start = folded.find(needle)
    while start >= 0:
        end = start + len(needle)
        spans.append((origin[start], origin[end - 1] + 1))
        start = folded.find(needle, end)
    return spans


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the character of `text` it came from.
    Folding one character at a time keeps the mapping exact (a letter may fold to none, one or several)."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char) if not char.isascii() else char.lower()
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin
