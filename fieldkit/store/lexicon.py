"""The search vocabulary as the store reads it: names of countries and places, concept words, and matching them
against the words of a query.

A schema 3 database carries it in its `lexicon` and `concepts` tables (fieldkit/content/lexicon.py writes them);
an older one gets what can be made from itself: place titles and the English country names.

A query word matches a word of a name when it is the same folded word, when its stem in the name's language is
the name word's stem ("Srbiji" and "Srbija"), or when it is the name word with a short ending attached
(Turkish "sirbistanda", "bihaca"; English "serbian"), which stemmers do not always see.
"""

from __future__ import annotations

import json
import sqlite3

from fieldkit.core.countries import COUNTRIES
from fieldkit.core.records import dataclass, field  # not dataclasses: see records.py
from fieldkit.text.fold import fold, words
from fieldkit.text.lang.scripts import ARABIC, LATIN, script_of
from fieldkit.text.lang.stem import stem
from fieldkit.text.lang.turkish import shorter_forms
from fieldkit.text.tokens import written_words

MIN_ENDING_BASE = 5  # a name word must be this long before "word + ending" counts (not "bar" in "barrier")
MAX_ENDING = 4  # letters of an attached ending: Turkish -da/-dan/-nin, Bosnian -ima, English -n/-s
_SOUNDED = ("place", "country")  # the names a word is matched to by its consonants (sounds())
TURKISH = "tr"  # its names also match a word with Turkish endings (turkish.py), however short the name


@dataclass(frozen=True)
class Name:
    kind: str  # country, place or concept
    key: str  # country code, place id or concept id
    lang: str
    text: str
    folded: tuple[str, ...]
    stemmed: tuple[str, ...]


@dataclass(frozen=True)
class ConceptInfo:
    prefers: tuple[tuple[str, str], ...]
    search: bool


@dataclass
class Lexicon:
    names: list[Name] = field(default_factory=list)
    concepts: dict[str, ConceptInfo] = field(default_factory=dict)
    _by_word: dict[str, list[Name]] = field(default_factory=dict)
    _by_stem: dict[str, list[Name]] = field(default_factory=dict)
    _by_key: dict[tuple[str, str], list[Name]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in self.names:
            self._by_word.setdefault(name.folded[0], []).append(name)
            self._by_stem.setdefault(name.stemmed[0], []).append(name)
            self._by_key.setdefault((name.kind, name.key), []).append(name)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Lexicon:
        present = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE name IN ('lexicon', 'concepts', 'lexicon_folded', 'lexicon_stemmed', "
            "'lexicon_named')")}
        if {"lexicon", "concepts"} <= present:
            concepts = {
                concept_id: ConceptInfo(tuple((str(a), str(b)) for a, b in json.loads(prefers)), bool(search))
                for concept_id, prefers, search in conn.execute("SELECT id, prefers, search FROM concepts")
            }
            if {"lexicon_folded", "lexicon_stemmed", "lexicon_named"} <= present:  # schema 5: looked up, not loaded
                return IndexedLexicon(conn, concepts)
            names = [_row_name(*row) for row in conn.execute(_NAMES + " ORDER BY rowid")]
            return cls(names=[name for name in names if name is not None], concepts=concepts)
        # Schema 1 or 2: place titles and English country names only.
        rows = conn.execute(
            "SELECT t.id, t.lang, t.title FROM translations t JOIN entries e ON e.id = t.id WHERE e.type = 'place'"
        ).fetchall()
        found = [_name("place", entry_id, lang, title) for entry_id, lang, title in rows]
        found += [_name("country", code, "en", country.name.rstrip("*")) for code, country in COUNTRIES.items()]
        return cls(names=[n for n in found if n is not None])

    def names_of(self, kind: str, key: str) -> list[Name]:
        return self._by_key.get((kind, key), [])

    def candidates(self, word: str) -> list[Name]:
        """Names whose first word may match the folded query `word` (exactly, by stem or with an ending)."""
        found: list[Name] = list(self._first_word(word))
        for length in range(max(MIN_ENDING_BASE, len(word) - MAX_ENDING), len(word)):
            found += self._first_word(word[:length])
        for code in {name.lang for name in self._first_stem(word)} | _stem_languages(word):
            found += self._first_stem(stem(word, code))
        for form in shorter_forms(word):  # Turkish endings on a short name word ("rotası": "rota")
            found += [name for name in self._first_word(form) if name.lang == TURKISH]
        return list(dict.fromkeys(found))

    # How names are found: here from the names read at load; IndexedLexicon looks them up in the database.
    def _first_word(self, word: str) -> list[Name]:
        """Names whose first folded word is `word`."""
        return self._by_word.get(word, [])

    def _first_stem(self, stemmed: str) -> list[Name]:
        """Names whose first stem is `stemmed`."""
        return self._by_stem.get(stemmed, [])

    def _names(self) -> list[Name]:
        """Every name (only a spelling correction needs them all)."""
        return self.names

    def words(self) -> set[str]:
        """Every folded word of every name: what a misspelt word may be corrected to, besides the index's."""
        return {word for name in self._names() for word in name.folded}

    def joined(self) -> dict[str, str]:
        """Names of several words written as one ("ریڈمیشن" for "ری ایڈمیشن", "montenegro" for "monte negro"):
        the joined form -> the name, for correcting a word to a name typed without its spaces."""
        return {"".join(name.folded): " ".join(name.folded) for name in self._names() if len(name.folded) > 1}

    def sounds(self) -> dict[str, str]:
        """The consonant keys (fieldkit/text/lang/sound.py) of the names of places and countries -> the name a word
        in Arabic script with that key is corrected to ("سبوٹیکا" -> "سوبوتیتسا", through "Subotica"): the place's
        name in Arabic script where it has one. A key that two places or countries share is left out."""
        from fieldkit.text.lang.sound import arabic_script_key, latin_keys  # here: only spelling correction asks

        things: dict[str, set[tuple[str, str]]] = {}
        target: dict[tuple[str, str], str] = {}
        for name in self._names():
            if name.kind not in _SOUNDED:
                continue
            thing, joined = (name.kind, name.key), " ".join(name.folded)
            script = script_of(name.text)
            if script == ARABIC:
                keys = {arabic_script_key("".join(name.folded))}
                if script_of(target.get(thing, "")) != ARABIC:
                    target[thing] = joined
            elif script == LATIN:
                keys = latin_keys(name.text)
                target.setdefault(thing, joined)
            else:
                continue
            for key in keys - {""}:
                things.setdefault(key, set()).add(thing)
        return {key: target[next(iter(named))] for key, named in things.items() if len(named) == 1}


_NAMES = "SELECT kind, key, lang, text, folded, stemmed FROM lexicon"


def _row_name(kind: str, key: str, lang: str, text: str, folded: str, stemmed: str) -> Name | None:
    if folded and stemmed and len(folded.split()) == len(stemmed.split()):
        return Name(kind, key, lang, text, tuple(folded.split()), tuple(stemmed.split()))
    return None


class IndexedLexicon(Lexicon):
    """The lexicon of a database with its indexes (schema 5): names are looked up by their first word or stem,
    or by what they name, when a query needs them, instead of all being read when the store opens (tens of
    thousands of place names at x100 took a cold `fieldkit search` a few hundred ms). The same names, in the
    same order, as Lexicon gives."""

    LOOKUPS_KEPT = 4096

    def __init__(self, conn: sqlite3.Connection, concepts: dict[str, ConceptInfo]) -> None:
        super().__init__(concepts=concepts)
        self._conn = conn
        self._looked_up: dict[tuple[str, str], list[Name]] = {}
        self._all: list[Name] | None = None

    def _lookup(self, column: str, value: str) -> list[Name]:
        """Names whose first folded word (column "folded") or first stem ("stemmed") is `value`, in rowid order;
        by (kind, key) for column "named"."""
        cached = self._looked_up.get((column, value))
        if cached is not None:
            return cached
        if column == "named":
            kind, key = value.split("\0", 1)
            rows = self._conn.execute(_NAMES + " WHERE kind = ? AND key = ? ORDER BY rowid", (kind, key))
        else:  # the whole name is the word, or it opens the name ("word ...": between "word " and "word!")
            rows = self._conn.execute(
                _NAMES + f" WHERE {column} = ? OR ({column} >= ? AND {column} < ?) ORDER BY rowid",
                (value, value + " ", value + "!"))
        found = [name for name in (_row_name(*row) for row in rows) if name is not None]
        if len(self._looked_up) >= self.LOOKUPS_KEPT:
            self._looked_up.clear()
        self._looked_up[(column, value)] = found
        return found

    def names_of(self, kind: str, key: str) -> list[Name]:
        return self._lookup("named", f"{kind}\0{key}")

    def _first_word(self, word: str) -> list[Name]:
        return self._lookup("folded", word)

    def _first_stem(self, stemmed: str) -> list[Name]:
        return self._lookup("stemmed", stemmed)

    def _names(self) -> list[Name]:
        if self._all is None:  # only a spelling correction needs every name
            self._all = [name for name in (_row_name(*row) for row in self._conn.execute(_NAMES + " ORDER BY rowid"))
                         if name is not None]
        return self._all



def _stem_languages(word: str) -> set[str]:
    from fieldkit.text.lang.scripts import script_languages

    return set(script_languages(word))


def _name(kind: str, key: str, lang: str, text: str) -> Name | None:
    folded = tuple(words(fold(text)))
    stemmed = tuple(stem(word, lang) for word in written_words(text))
    if not folded or len(folded) != len(stemmed):
        return None
    return Name(kind, key, lang, text, folded, stemmed)


def word_matches(written: str, folded: str, name: Name, index: int) -> bool:
    """Whether a query word (as written and folded) matches word `index` of `name`."""
    target = name.folded[index]
    if folded == target:
        return True
    if len(target) >= MIN_ENDING_BASE and folded.startswith(target) and len(folded) - len(target) <= MAX_ENDING:
        return True
    if name.lang == TURKISH and target in shorter_forms(folded):
        return True
    return len(folded) >= 3 and stem(written, name.lang) == name.stemmed[index]
