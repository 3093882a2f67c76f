"""Cut a short passage around the matched words of a text and say where they are."""

from __future__ import annotations

import re
from itertools import accumulate, compress, repeat

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
    distinct word, as the text spells it, is folded and checked once however many texts have it."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.matched: set[str] = set()

    def matching(self, words: set[str], query: WordMatcher) -> set[str]:
        """The words of `words` (spelt as in the text) whose folded form the query matches."""
        new = list(words - self.seen)
        if new:
            self.seen.update(new)
            # Folding and the test of what a matching word starts with run in C; only a word that passes the
            # test, a few per search, is asked in Python.
            folded = _folded_words(new)
            could = map(str.startswith, folded, repeat(query.word_starts()))
            for word, folded_word in compress(zip(new, folded), could):
                if query.matches_word(folded_word):
                    self.matched.add(word)
        return words & self.matched


def snippets(texts: list[str], query: WordMatcher, width: int = 160) -> list[tuple[str, list[tuple[int, int]]]]:
    """`snippet` of each of a search's texts: the same passages and offsets, found faster together.

    Only a word whose folded form starts with a letter some matching word starts with can match
    (`WordMatcher.word_starts`). The texts' characters are sorted once by the letter each folds to first
    (`_Candidates`); one pattern then finds, in each text, just the words that open with such a letter, so a text
    is neither split into all its words nor are its words looked up one by one. A text this cannot read exactly
    (see `_Candidates`) is split as `snippet` does."""
    decided = Decided()
    candidates = _Candidates(texts, query)
    return [_passage(text, candidates.spans(text, query, decided) if candidates.reads(text)
                     else _match_spans(text, query, decided), width) for text in texts]


def snippet(text: str, query: WordMatcher, width: int = 160,
            decided: Decided | None = None) -> tuple[str, list[tuple[int, int]]]:
    """A passage of about `width` characters around the densest cluster of matches, with match offsets.
    `decided` carries the words checked so far from one text to the next (results are the same without it)."""
    return _passage(text, _match_spans(text, query, decided or Decided()), width)


def _passage(text: str, spans: list[tuple[int, int]], width: int) -> tuple[str, list[tuple[int, int]]]:
    """The passage around the densest cluster of `spans` (the matched words' offsets in `text`)."""
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

    Words are compared as the text spells them: a search's texts share most of their words, so each distinct
    spelling is folded and checked once (`decided`), and a text costs one split and a few set operations.
    """
    pieces = (_WORD_PIECES if "_" in text else _WORD_PIECES_NO_UNDERSCORE).split(text)
    originals = pieces[1::2]  # between-words, word, between-words, word, ..., between-words
    hit = decided.matching(set(originals), query)
    if not hit:
        return []
    ends = list(accumulate(map(len, pieces)))  # word k is text[ends[2k]:ends[2k + 1]]
    return [(ends[2 * k], ends[2 * k + 1]) for k in compress(range(len(originals)), map(hit.__contains__, originals))]


class _Candidates:
    """Where in a search's texts the words are that could match the query, found without splitting the texts.

    Every character met is sorted by the letter its folded form starts with (`_Letters`). A word can match only if
    its folded form starts with the first letter of one of the query's `word_starts`: its first character that
    folds to something must fold to such a letter. One pattern finds exactly those words, whole (the same maximal
    runs of word characters the split makes), in the order they come.

    That reasoning holds where folding a word is folding each of its characters and joining the results. It does
    for the characters below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic and their marks), Latin Extended
    Additional, General Punctuation and the Arabic presentation forms: no two letters among them compose into one
    under NFC. A text with any other character, or with "_" (whose words the split reads otherwise), is left to
    `_match_spans`, as is every text when a query's start is empty."""

    def __init__(self, texts: list[str], query: WordMatcher) -> None:
        starts = query.word_starts()
        self.readable = bool(starts) and all(starts)
        self.letters = _letters_of(texts) if self.readable else _LETTERS
        self.pattern = self.letters.pattern({start[0] for start in starts}) if self.readable else None

    def reads(self, text: str) -> bool:
        """Whether `spans` gives `text` what `_match_spans` would (`text` one of the texts this was made for)."""
        return self.readable and not self.letters.has_outside(text)

    def spans(self, text: str, query: WordMatcher, decided: Decided) -> list[tuple[int, int]]:
        """What `_match_spans` gives for `text`."""
        if self.pattern is None:
            return []
        found = [(match.group(), match.span()) for match in self.pattern.finditer(text)]
        hit = decided.matching({word for word, _ in found}, query)
        return [span for word, span in found if word in hit]


def _concatenative(char: str) -> bool:
    """Whether `_Candidates` can read a text with `char`: not "_", and in a range where folding goes character by
    character (see there)."""
    code = ord(char)
    return char != "_" and (code < 0x0800 or 0x1E00 <= code <= 0x1EFF or 0x2000 <= code <= 0x206F
                            or 0xFB50 <= code <= 0xFEFF)


class _Letters:
    """Characters of snippet texts, each under the letter it folds to first, and the patterns `_Candidates` builds
    from them. Never changed once made: more characters make a new one (`_letters_of`), so a search in one thread
    never reads a half-made one being extended by a search in another.

    Regular expressions over many characters take a millisecond or more to compile, which a one-off search from the
    command line would pay for nothing: whether a text has a character not met before is asked with a set until
    the same characters have served a few texts, and only then with a compiled pattern."""

    def __init__(self, known: frozenset[str] = frozenset()) -> None:
        self.known = known
        self.by_first: dict[str, str] = {}  # folded first letter -> its characters, escaped for a class
        self.empty = ""  # word characters that fold to nothing (marks, tatweel, ZWNJ), escaped
        outside = ""  # characters that keep a text from `_Candidates`, escaped
        for char in sorted(known):
            first = _first_letter(char)
            if first:
                self.by_first[first] = self.by_first.get(first, "") + re.escape(char)
            elif first == "":
                self.empty += re.escape(char)
            if not _concatenative(char):
                outside += re.escape(char)
        self.outside = re.compile(f"[{outside}]") if outside else None
        self._unknown: re.Pattern[str] | None = None
        self._asked = 0
        self.patterns: dict[frozenset[str], re.Pattern[str] | None] = {}

    def has_unknown(self, text: str) -> bool:
        """Whether `text` has a character not among these."""
        if self._unknown is None:
            self._asked += 1
            if self._asked <= 30 or not self.known:
                return not self.known.issuperset(text)
            self._unknown = re.compile("[^" + "".join(map(re.escape, sorted(self.known))) + "]")
        return self._unknown.search(text) is not None

    def has_outside(self, text: str) -> bool:
        """Whether `text` (every character of it among these) has one `_Candidates` cannot read."""
        return self.outside is not None and self.outside.search(text) is not None

    def pattern(self, firsts: set[str]) -> re.Pattern[str] | None:
        """Words that open with a character folding to one of `firsts`, or with characters that fold to nothing
        and then one; what is before them is not a word character. The pattern opens with one character class,
        which the regex engine scans for at C speed; the look-behind (two characters back, past the one just
        matched) follows it."""
        key = frozenset(firsts)
        if key not in self.patterns:
            opening = "".join(self.by_first.get(first, "") for first in sorted(firsts))
            word = rf"[\w{_IN_WORD_MARKS}]"
            rest = rf"(?:(?<=[{opening}])|[{self.empty}]*[{opening}])" if self.empty else ""
            if len(self.patterns) > 256:
                self.patterns.clear()
            self.patterns[key] = (re.compile(rf"[{opening}{self.empty}](?<!{word}.){rest}{word}*") if opening
                                  else None)
        return self.patterns[key]


_LETTERS = _Letters()
_FIRST_LETTERS: dict[str, str | None] = {}


def _first_letter(char: str) -> str | None:
    """The letter `char` folds to first ("" if it folds to none), or None if it is not a word character."""
    first = _FIRST_LETTERS.get(char, "?")
    if first == "?":
        # A word character: what the split's pieces are made of (a text without "_").
        first = _FIRST_LETTERS[char] = _folded(char)[:1] if _WORD_PIECES_NO_UNDERSCORE.fullmatch(char) else None
    return first


def _letters_of(texts: list[str]) -> _Letters:
    """`_Letters` that has every character of `texts`: the last one made, or a new one with theirs added."""
    global _LETTERS
    letters = _LETTERS
    if any(letters.has_unknown(text) for text in texts):
        letters = _Letters(letters.known.union(*map(set, texts)))
        _LETTERS = letters  # another thread may replace it meanwhile: what is lost is only learnt again
    return letters


_NOT_WORD = re.compile(r"[\W_]+")
_NOT_WORD_NOR_LINE = re.compile(r"(?:[^\w\n]|_)+")


def _folded(word: str) -> str:
    """A reader's word as the index holds it: folded, and without what folding leaves that is not a letter or digit
    (a mark with no letter under it)."""
    return _NOT_WORD.sub("", fold(word))


# Words folded by earlier searches: searches typed one after another share most of their texts' words. Emptied
# when full: at most 65,536 words, about 10 MB (the real content has 35,000 distinct words in all its languages).
_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 65536


def _folded_words(words: list[str]) -> list[str]:
    """`_folded` of each word, from the words folded before where they are there."""
    folded = list(map(_FOLDED.get, words))
    missing = [word for word, done in zip(words, folded) if done is None]
    if not missing:
        return folded  # type: ignore[return-value]  # no None left
    fresh = dict(zip(missing, _folded_all(missing)))
    if len(_FOLDED) + len(fresh) > _FOLDED_MAX:
        _FOLDED.clear()  # another thread may be reading it: it reads with get, and finds a word or not
    _FOLDED.update(fresh)
    # The fresh fold where there was none, else the one found (dict.get with a default, mapped in C).
    return list(map(fresh.get, words, folded))  # type: ignore[arg-type]


def _folded_all(words: list[str]) -> list[str]:
    """`_folded` of each word, in a few passes over all of them (one search's snippets have about a thousand
    distinct words; folding them one by one cost more than the rest of the snippets).

    A word in ASCII folds to itself in lower case. The others are folded joined by line breaks: folding works
    character by character and a line break stops every normalization step at it, so the lines come back as the
    words folded one by one (a test compares the two on every word of the content). What folding leaves that is
    not a letter or digit (a mark with no letter under it) is rare: the text is scanned for it only when
    `isalnum` says there is some."""
    folded = [word.lower() if word.isascii() else "" for word in words]
    others = [i for i, word in enumerate(words) if not word.isascii()]
    if others:
        joined = fold("\n".join([words[i] for i in others]))
        if not joined.replace("\n", "").isalnum():
            joined = _NOT_WORD_NOR_LINE.sub("", joined)
        lines = joined.split("\n")
        if len(lines) != len(others):
            return list(map(_folded, words))
        for i, line in zip(others, lines):
            folded[i] = line
    return folded


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
