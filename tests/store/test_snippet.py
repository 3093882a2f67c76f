"""Snippets: which words are marked, and the batch folding that decides it.

A search's snippets fold their distinct words in one pass (`_folded_all`) rather than one by one (`_folded`):
the two must give the same word for every word a text can have, or a snippet would mark other words than the
index matched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldkit.store import snippet as snippet_module
from fieldkit.store.snippet import (
    _WORD_PIECES,
    Decided,
    _folded,
    _folded_all,
    _folded_words,
    snippet,
    snippets,
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


def _first_folded_letter(word: str) -> str:
    """The first letter of a word's folded form, as `_Candidates` works it out: from the first of its characters
    that folds to anything."""
    from fieldkit.store.snippet import _first_letter

    return next((first for first in map(_first_letter, word) if first), "")


def test_a_words_folded_form_starts_with_its_first_characters_folded_form_wherever_candidates_are_read():
    """`_Candidates` finds the words that could match by their first character's fold alone: that must be the
    first letter of the whole word's fold for every word of the content it reads (Latin, Cyrillic, Arabic
    script, with marks, tatweel and ZWNJ)."""
    from fieldkit.store.snippet import _concatenative

    words = [word for word in content_words() if all(map(_concatenative, word))]
    assert len(words) > 5000
    assert [_folded(word)[:1] for word in words] == [_first_folded_letter(word) for word in words]
    odd = ["ـبیهاچ", "\u200cخانه", "\u0301e", "ﻻجئ", "Ǆemal", "ßtraße", "İzmir", "ЉУБЉАНА", "ﷲ"]
    assert [_folded(word)[:1] for word in odd] == [_first_folded_letter(word) for word in odd]


SAMPLES = [
    "Bihać and BIHAC and bihac, but not Bihor; Бихаћ too.",
    "Mines near the river (Una). Mines again: MINES, mine-field, landmine.",
    "مهاجران در بیهاچ می‌مانند؛ بیهاچی‌ها و ـبیهاچ و بيهاچ.",
    "snake_case and bihac_camp keep their underscores; bihac too.",
    "한국어 bihac 中文 mixed with Bihać: not read by the candidates.",
    "",
    "no match at all in this one",
    "\u0301bihac starts with a mark; ٔبیهاچ too",
    "conjoining jamo \u1112\u1161\u11ab fold to one syllable together, not one by one",  # left to the split
]


@pytest.mark.parametrize("starts", [("bihac",), ("bih",), ("mine",), ("m", "b"), ("بیهاچ",), ("بی",),
                                    ("river", "una"), ("한",), ("",), ()], ids=repr)
def test_a_searchs_snippets_together_are_each_text_s_snippet(starts):
    """`snippets` (what a search uses) gives each text exactly what `snippet` gives it alone."""
    query = Prefixes(*starts)
    alone = [snippet(text, Prefixes(*starts), width=60) for text in SAMPLES]
    assert snippets(SAMPLES, query, width=60) == alone


def test_snippets_of_the_contents_own_texts_are_the_same_as_one_by_one():
    texts = []
    for path in sorted((ROOT / "content").rglob("*.md"))[:400]:
        texts.append(path.read_text(encoding="utf-8")[:1500])
    for starts in (("bihac",), ("asyl", "azil"), ("پناه",), ("لجو",), ("мин",), ("s",), ("ce", "sa")):
        query = Prefixes(*starts)
        decided = Decided()
        assert snippets(texts, query) == [snippet(text, query, decided=decided) for text in texts], starts
