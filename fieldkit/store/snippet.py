"""Cut a short passage around the matched words of a text and say where they are."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, compress

from fieldkit.text.fold import fold

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

# The marks and joiners that belong inside a word: combining marks (harakat, accents), tatweel, ZWNJ and ZWJ.
_IN_WORD_MARKS = r"\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
# A word as a reader sees it: letters and digits with any of those marks inside.
_WORD = re.compile(rf"(?:[^\W_]|[{_IN_WORD_MARKS}])+")
_WORD_PIECES = re.compile(f"({_WORD.pattern})")
# The same pieces for a text without "_", where `\w` and `[^\W_]` cannot differ: one character class splits a
# text in about half the time of the alternation above.
_WORD_PIECES_NO_UNDERSCORE = re.compile(rf"([\w{_IN_WORD_MARKS}]+)")


if TYPE_CHECKING:  # for the type checker only: typing is not imported at run time
    from typing import Protocol

    class WordMatcher(Protocol):
        """What decides which words of a snippet are marked (a Query, or ranking.Highlighter)."""

        def matches_word(self, folded_word: str) -> bool: ...

        def word_starts(self) -> tuple[str, ...]:
            """What every matching word begins with (a word that begins with none of them cannot match): words
            that cannot match are skipped without asking `matches_word`."""
            ...


class Decided:
    """The words already checked against a query, and those that matched: one search's snippets share it, so each
    distinct word is checked once however many texts have it."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.matched: set[str] = set()

    def matching(self, words: set[str], query: WordMatcher) -> set[str]:
        starts = query.word_starts()
        for word in words - self.seen:
            if not word.startswith(starts):
                continue  # cannot match; not remembered either, the test is cheaper than a set's upkeep
            self.seen.add(word)
            if query.matches_word(word):
                self.matched.add(word)
        return words & self.matched


def snippet(text: str, query: WordMatcher, width: int = 160,
            decided: Decided | None = None) -> tuple[str, list[tuple[int, int]]]:
    """A passage of about `width` characters around the densest cluster of matches, with match offsets.
    `decided` carries the words checked so far from one text to the next (results are the same without it)."""
    spans = _match_spans(text, query, decided or Decided())
    if not spans:
        return _cut(text, 0, width), []
    start = _best_start(spans, width)
    begin = max(0, start - width // 4)
    if begin > 0:  # start on a word boundary
        space = text.rfind(" ", 0, begin)
        begin = space + 1 if space >= 0 else 0
    end = min(len(text), begin + width)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - begin
    highlights = [(s + shift, e + shift) for s, e in spans if s >= begin and e <= end]
    return prefix + text[begin:end] + suffix, highlights


def _match_spans(text: str, query: WordMatcher, decided: Decided) -> list[tuple[int, int]]:
    """Where the words that match the query are, in the original text.

    Each word is folded on its own through a cache: a search's texts share most of their words, so nearly every
    word is a cache hit, and the n-th folded word is the n-th original one by construction (folding the whole text
    and splitting it again gave the same words on every text tried, at twice the cost). Each distinct word is
    checked once (`decided`), and only the matching ones are looked at again.
    """
    pieces = (_WORD_PIECES if "_" in text else _WORD_PIECES_NO_UNDERSCORE).split(text)
    originals = pieces[1::2]  # between-words, word, between-words, word, ..., between-words
    folded = list(map(_folded, originals))
    hit = decided.matching(set(folded), query)
    if not hit:
        return []
    ends = list(accumulate(map(len, pieces)))  # word k is text[ends[2k]:ends[2k + 1]]
    return [(ends[2 * k], ends[2 * k + 1]) for k in compress(range(len(folded)), map(hit.__contains__, folded))]


_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=16384)
def _folded(word: str) -> str:
    """A reader's word as the index holds it: folded, and without what folding leaves that is not a letter or digit
    (a mark with no letter under it)."""
    return _NOT_WORD.sub("", fold(word))


def _best_start(spans: list[tuple[int, int]], width: int) -> int:
    """The start of the match after which the most other matches fit within 3/4 of `width` (one pass)."""
    reach = width * 3 // 4
    best, best_count, last = spans[0][0], 0, 0
    for first, (start, _) in enumerate(spans):
        last = max(last, first)
        while last + 1 < len(spans) and spans[last + 1][1] - start <= reach:
            last += 1
        count = last - first + 1 if spans[first][1] - start <= reach else 0
        if count > best_count:
            best, best_count = start, count
    return best


def _cut(text: str, begin: int, width: int) -> str:
    if len(text) <= width:
        return text
    space = text.rfind(" ", begin, begin + width)
    return text[begin : space if space > begin else begin + width] + "…"
