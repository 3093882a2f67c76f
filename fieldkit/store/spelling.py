"""Correct a misspelt query word to a word the content has: the index's own vocabulary (fts5vocab) and the search
vocabulary's names, by edit distance.

The vocabulary is read once, the first time a word needs correcting (a word that matches nothing), and kept by
length and first letter: a typo rarely hits the first letter, and limiting by it keeps a correction to a few
hundred comparisons.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from fieldkit.text.distance import allowed_edits, edit_distance
from fieldkit.text.lang.scripts import ARABIC, script_of
from fieldkit.text.lang.sound import arabic_script_key


class Speller:
    def __init__(self, conn: sqlite3.Connection, extra: Iterable[str], joined: dict[str, str] | None = None,
                 sounds: dict[str, str] | None = None) -> None:
        self._conn = conn
        self._joined = joined or {}  # a name's words run together -> the name (its words with spaces)
        self._sounds = sounds or {}  # consonant key -> a name (Lexicon.sounds)
        self._extra = set(extra) | set(self._joined)
        self._buckets: dict[tuple[str, int], list[tuple[str, int]]] | None = None

    def _load(self) -> dict[tuple[str, int], list[tuple[str, int]]]:
        counts: dict[str, int] = dict.fromkeys(self._extra, 1)
        try:
            self._conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, search, col)")
            rows = self._conn.execute(
                "SELECT term, sum(doc) FROM temp.search_vocabulary WHERE col IN ('title', 'body') GROUP BY term"
            ).fetchall()
        except sqlite3.DatabaseError:  # no fts5vocab: the names alone
            rows = []
        for term, documents in rows:
            counts[term] = counts.get(term, 0) + int(documents)
        buckets: dict[tuple[str, int], list[tuple[str, int]]] = {}
        for term, documents in counts.items():
            if len(term) >= 3 and not term.isdigit():
                buckets.setdefault((term[0], len(term)), []).append((term, documents))
        return buckets

    def correct(self, word: str) -> str | None:
        """The closest known word within the edits allowed for its length (ties: the commoner), or None. A name of
        several words typed as one is corrected to the name, with its spaces."""
        limit = allowed_edits(word)
        if not limit or word.isdigit():
            return None
        if self._buckets is None:
            self._buckets = self._load()
        best: tuple[int, int, str] | None = None
        for length in range(len(word) - limit, len(word) + limit + 1):
            for term, documents in self._buckets.get((word[0], length), ()):
                if term == word:
                    return None  # known already: nothing to correct
                distance = edit_distance(word, term, limit)
                if distance <= limit and (best is None or (distance, -documents, term) < best):
                    best = (distance, -documents, term)
        if best is None:
            return self._by_sound(word)
        return self._joined.get(best[2], best[2])

    def _by_sound(self, word: str) -> str | None:
        """The name of a place or country whose consonants a word in Arabic script has (a name spelt as it sounds,
        "سبوٹیکا" for Subotica), or None. Latin words are left to the edit distance: their letters are the name's."""
        if script_of(word) != ARABIC:
            return None
        key = arabic_script_key(word)
        return self._sounds.get(key) if key else None
