"""How entries are ranked once the index has found them: by how many of the query's groups each matches.

A group (fieldkit/store/understand.py) is one thing asked for: a word, a concept, a place, a country. An entry that
matches every group that is not weak is a strict match; the others are partial and come after every strict one,
marked `partial`. Within each, the score is the sum of what was matched:

    GROUP          each group matched, times group_weight() (a group most documents have counts less), and less
                   again for a place's services matched through their country or region (LEVEL_WEIGHT)
    IN_TITLE       extra when the group is in the title or other names (a term's aliases), or the entry is the place
                   or of the country asked
    WEAK_IN_TITLE  a weak group (one most documents have, like "migrant") counts this in a title
    WEAK_MATCHED   and this little elsewhere: enough to order entries that tie on the rest
    PREFERRED      the entry is of the type, service kind or right topic a concept of the query prefers
    WHOLE_TITLE    the title is exactly the query's content words (OPENS_TITLE: it starts with them, the last
                   one perhaps still being typed)

Ties go to the shorter title, then keep bm25's order. The weights are round numbers on purpose: the order they give is easy to explain.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from fieldkit.core.records import dataclass  # not dataclasses: see records.py
from fieldkit.store.understand import PLACE, Group
from fieldkit.text.fold import fold, words
from fieldkit.text.lang.stem import stem
from fieldkit.text.lang.stopwords import languages as stopword_languages
from fieldkit.text.lang.stopwords import stopwords
from fieldkit.text.tokens import written_words

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a search imports no typing at all)
if TYPE_CHECKING:
    from typing import Any

GROUP = 1.0
IN_TITLE = 0.5
WEAK_IN_TITLE = 0.25
WEAK_MATCHED = 0.1
PREFERRED = 0.75
WHOLE_TITLE = 1.0
OPENS_TITLE = 0.5
LEVEL_WEIGHT = {"place": 1.0, "region": 0.8, "country": 0.6, "in-country": 0.6}
WEAK_SHARE = 0.25  # a group in more than this share of the documents searched is weak
COMMON_SHARE = 0.1  # from this share on, a group counts less and less (down to RAREST_WEIGHT): "police" < "dogs"
COMMONEST_WEIGHT = 0.4


def group_weight(share: float) -> float:
    """What matching a group is worth, by the share of documents searched that have it (an inverse document
    frequency in two straight lines: full weight up to COMMON_SHARE, then falling to COMMONEST_WEIGHT)."""
    if share <= COMMON_SHARE:
        return 1.0
    return max(COMMONEST_WEIGHT, 1.0 - (share - COMMON_SHARE) * 1.5)


def title_words(title: str, lang: str, other_names: Iterable[str] = ()) -> frozenset[str]:
    """The folded words and their stems of a title and an entry's other names (aliases)."""
    return _title_words(title, lang, tuple(other_names))


@lru_cache(maxsize=8192)
def _title_words(title: str, lang: str, other_names: tuple[str, ...]) -> frozenset[str]:
    # Cached: the same titles come up query after query (folding and stemming them was a fifth of a search).
    found: set[str] = set()
    for text in (title, *other_names):
        found.update(words(fold(text)))
        found.update(stem(word, lang) for word in written_words(text))
    return frozenset(found)


def in_title(group: Group, title_set: frozenset[str], entry_id: str, country: str | None = None) -> bool:
    """Whether the group is in the title or other names, or the entry is the place or about the country asked
    (an entry of that country counts more than one that only mentions it)."""
    if group.kind == PLACE and entry_id in group.places:
        return True
    if country is not None and country in group.countries:
        return True
    if any(all(word in title_set for word in term.split()) for term in group.terms):
        return True
    return group.prefix is not None and any(word.startswith(group.prefix) for word in title_set)


def title_bonus(title: list[str], query: tuple[str, ...], prefix: bool) -> float:
    """WHOLE_TITLE when the title's words are the query's, OPENS_TITLE when it starts with them."""
    if not query:
        return 0.0
    if tuple(title) == query:
        return WHOLE_TITLE
    head = title[: len(query)]
    if len(head) == len(query) and tuple(head[:-1]) == query[:-1] and (
        head[-1] == query[-1] or (prefix and head[-1].startswith(query[-1]))
    ):
        return OPENS_TITLE
    return 0.0


def preferred(prefers: list[tuple[str, str]], entry_type: str, details: dict[str, Any], country: str | None = None,
              asked: frozenset[str] = frozenset()) -> bool:
    """Whether the entry is of a kind a concept of the query prefers. A right is a country's law: it is preferred
    only when the query names that country (`asked`: the countries of its countries and places), or applies
    EU-wide."""
    if entry_type == "right" and country not in (None, "EU") and country not in asked:
        return False
    for what, value in prefers:
        if what == "type" and entry_type == value:
            return True
        if what == "service-kind" and entry_type == "service" and value in (details.get("kind") or ()):
            return True
        if what == "right-topic" and entry_type == "right" and details.get("topic") == value:
            return True
    return False


@dataclass
class Scored:
    key: int
    strict: bool
    score: float
    rank: float  # bm25 (lower is better): the tie-break


@cache
def _all_stopwords() -> frozenset[str]:
    return frozenset().union(*(stopwords(code) for code in stopword_languages()))


class Highlighter:
    """Which words of a snippet to mark: any word or stem of any group, or a word the prefix opens."""

    def __init__(self, groups: list[Group], lang: str | None) -> None:
        self.words: set[str] = set()
        for group in groups:
            # The words of a concept's phrases, but not their stop words ("for" of "apply for asylum").
            self.words |= {word for word in group.words() if word not in _all_stopwords() or word in group.terms}
        self.prefixes = tuple(g.prefix for g in groups if g.prefix)
        self.lang = lang
        # Only a word that starts like a query word can have its stem among them: stem those alone.
        self.heads = {word[:3] for word in self.words}
        self.starts = (*sorted(self.heads), *self.prefixes)

    def matches_word(self, folded_word: str) -> bool:
        if folded_word in self.words or (self.prefixes and folded_word.startswith(self.prefixes)):
            return True
        return (self.lang is not None and len(folded_word) > 3 and folded_word[:3] in self.heads
                and stem(folded_word, self.lang) in self.words)

    def word_starts(self) -> tuple[str, ...]:
        """Every word that matches begins with a head (the first three letters of a word or stem) or a prefix."""
        return self.starts
