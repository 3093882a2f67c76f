"""Snippets: which words are marked, and the batch folding that decides it.

A search's snippets fold their distinct words in one pass (`_folded_all`) rather than one by one (`_folded`):
the two must give the same word for every word a text can have, or a snippet would mark other words than the
index matched.
"""

from __future__ import annotations

from pathlib import Path

from fieldkit.store import snippet as snippet_module
from fieldkit.store.snippet import (
    _WORD_PIECES,
    Decided,
    _folded,
    _folded_all,
    _folded_words,
    snippet,
)
from fieldkit.text.fold import fold

ROOT = Path(__file__).resolve().parents[2]


class Prefixes:
    """A WordMatcher that matches folded words beginning with any of `starts`."""

    def __init__(self, *starts: str) -> None:
        self.starts = tuple(fold(start) for start in starts)
        self.asked: list[str] = []

    def word_starts(self) -> tuple[str, ...]:
        return self.starts

    def matches_word(self, folded_word: str) -> bool:
        self.asked.append(folded_word)
        return folded_word.startswith(self.starts)


def content_words() -> list[str]:
    words: set[str] = set()
    for path in sorted((ROOT / "content").rglob("*")):
        if path.suffix in (".md", ".yaml") and path.is_file():
            words.update(_WORD_PIECES.split(path.read_text(encoding="utf-8"))[1::2])
    return sorted(words)


def test_batch_folding_gives_each_word_of_the_content_as_folding_it_alone_does():
    words = content_words()
    assert len(words) > 5000  # every script the content is written in: Latin, Cyrillic, Arabic
    assert _folded_all(words) == [_folded(word) for word in words]


def test_batch_folding_of_words_that_folding_changes_or_empties():
    words = ["Bihać", "ĐAKOVO", "Србија", "ﻻ", "ـــ", "\u0301", "\u0488", "كتاب", "مُهاجِر", "İstanbul", "Straße", "x1"]
    assert _folded_all(words) == [_folded(word) for word in words]
    assert _folded_all(words)[:3] == ["bihac", "dakovo", "srbija"]
    assert _folded_all([]) == []


def test_words_folded_before_are_remembered_and_the_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(snippet_module, "_FOLDED", {})
    monkeypatch.setattr(snippet_module, "_FOLDED_MAX", 6)
    first = ["Bihać", "Србија", "مُهاجِر", "Mines"]
    assert _folded_words(first) == [_folded(word) for word in first]
    assert set(snippet_module._FOLDED) == set(first)
    snippet_module._FOLDED["Mines"] = "remembered"  # a word found in memory is not folded again
    assert _folded_words(["Mines", "river"]) == ["remembered", "river"]
    more = ["ĐAKOVO", "İstanbul", "كتاب"]  # 5 remembered + 3 new > 6: emptied, then these kept
    assert _folded_words(["Bihać", *more]) == ["bihac", *[_folded(word) for word in more]]
    assert set(snippet_module._FOLDED) == set(more)


def test_a_word_is_marked_in_every_spelling_that_folds_to_the_query():
    text = "Bihać and BIHAC and bihac, but not Bihor; Бихаћ too."
    passage, spans = snippet(text, Prefixes("bihac"))
    assert [passage[start:end] for start, end in spans] == ["Bihać", "BIHAC", "bihac", "Бихаћ"]


def test_each_spelling_is_asked_once_across_a_searchs_snippets():
    query = Prefixes("mine")
    decided = Decided()
    first = snippet("Mines near the river. Mines again.", query, decided=decided)
    second = snippet("mines and Mines", query, decided=decided)
    assert [first[0][s:e] for s, e in first[1]] == ["Mines", "Mines"]
    assert [second[0][s:e] for s, e in second[1]] == ["mines", "Mines"]
    assert sorted(query.asked) == ["mines", "mines"]  # "Mines" and "mines": two spellings, each asked once
    # Words that do not start as the query's words do are never asked.
    assert "near" not in query.asked and "river" not in query.asked
