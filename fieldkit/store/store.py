"""Read access to the compiled content: search, one entry, lists and statistics."""

from __future__ import annotations

import datetime as dt
import heapq
import json
import math
import sqlite3
from collections.abc import Iterable, Iterator
from functools import lru_cache

from fieldkit.core.languages import fallback_chain, is_english
from fieldkit.core.records import dataclass, replace  # not dataclasses: see records.py
from fieldkit.core.registry import REGISTRY
from fieldkit.store.db import Located
from fieldkit.store.lexicon import Lexicon
from fieldkit.store.models import Citation, Entry, Hit, Link, Review, SearchResult
from fieldkit.store.query import MatchFilters, Query, facet_filters
from fieldkit.store.ranking import (
    GROUP,
    IN_TITLE,
    LEVEL_WEIGHT,
    PREFERRED,
    WEAK_IN_TITLE,
    WEAK_MATCHED,
    WEAK_SHARE,
    Highlighter,
    group_weight,
    in_title,
    preferred,
    title_bonus,
    title_words,
)
from fieldkit.store.schema import (
    PREFIX_LENGTHS,
    REVIEW_SCHEMA,
    SEARCH_COLUMNS,
    SEARCH_TABLES,
    STEM_COLUMNS,
    TEXT_TABLES,
    country_token,
    entry_token,
    place_token,
    position_length,
    position_words,
    snippet_text,
    type_token,
    unpack_text,
)
from fieldkit.store.snippet import snippets
from fieldkit.store.understand import WORD, Group, Understanding, understand
from fieldkit.text.fold import fold, words
from fieldkit.text.sanitize import sanitize

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a search imports no typing at all)
if TYPE_CHECKING:
    from typing import Any, TypeVar, cast

    from fieldkit.store.snippet import WordMatcher
    from fieldkit.store.spelling import Speller

    T = TypeVar("T")
else:
    def cast(_type, value):  # typing.cast: nothing at run time
        return value

# Title matches count ten times a body match; the facets column never counts (the store's rank_sql adds the
# stem columns of schema 3: a stem counts half its exact word).
COVERING_IN_MATCH = 200  # services near a place named in one match, at most
MIN_WEAK = 20  # a group is weak only if it is in this many documents at least (small content has none)
WEAK_MARKED = 200  # of the documents found, how many are checked for the query's weak groups
FETCH_PER_RESULT = 6  # documents ranked by bm25 for each result wanted, before ranking.py orders them
_TITLE_RANK = "bm25(titles, 10.0, 0.0)"
# From this many matching documents a query is broad: bm25 would score every one of them (about 0.8 us each,
# 20-30 ms for a common word at x100), so titles alone are ranked, in the static title order. Below it, a
# query is ranked exactly as it always was. docs/performance.md has the measurements behind the figure.
BROAD_MATCHES = 2000




@dataclass
class Plan:
    understood: Understanding
    filters: str
    expressions: list[str]
    counts: list[int]
    weak: list[bool]
    wanted: list[int]
    required: list[int]
    strict: str | None


@lru_cache(maxsize=8192)
def _title_word_list(title: str) -> tuple[str, ...]:
    return tuple(words(fold(title)))


def words_of(title: str) -> list[str]:
    """A title's folded words (cached: ranking reads the same titles query after query)."""
    return list(_title_word_list(title))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def clean(value: Any, *, line: bool = False) -> Any:
    """Text from the database as it may leave the store: every escape sequence, control character and bidi
    override removed (a pack or a `--db` file may be hostile), with `line` on one line too (newlines and tabs
    become spaces; bodies keep theirs). Lists, tuples and dicts (keys too) are cleaned through; other values are
    returned as they are, except NaN and infinities (not JSON), which become None. Every method below passes what it returns through here: the one place text leaves."""
    if isinstance(value, bytes):  # a crafted database's BLOB where text belongs
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        if not value.isprintable():  # the common case, printable text, costs one C call
            value = sanitize(value)
            if line:
                value = value.replace("\n", " ").replace("\t", " ")
        return value
    if isinstance(value, list):
        return [clean(item, line=line) for item in value]
    if isinstance(value, tuple):
        return tuple(clean(item, line=line) for item in value)
    if isinstance(value, dict):
        return {clean(key, line=True): clean(item, line=line) for key, item in value.items()}
    if isinstance(value, float) and not math.isfinite(value):  # NaN or Infinity in a crafted JSON column
        return None
    return value


def _line(value: T) -> T:
    """`clean(value, line=True)`, keeping the value's type for the caller (cleaning never changes a type)."""
    return cast("T", clean(value, line=True))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def loads(text: Any, default: Any) -> Any:
    """A JSON column's value, or `default` when a crafted database holds something else there."""
    try:
        value = json.loads(text)
    except (TypeError, ValueError, RecursionError):
        return default
    return value if isinstance(value, type(default)) else default


# The figures of `stats()` the build counts once (`meta` "stats", Store.count_figures), in the order stats() gives
# them; `past_review_by` (it depends on the day) and `overlays` are read when asked.
STATS_FIGURES = ("entries", "types", "languages", "countries", "without_sources", "unreviewed", "oldest_reviewed",
                 "newest_reviewed", "reviewed_by_specialist", "checked", "unchecked", "oldest_checked",
                 "newest_checked", "translations", "outside_sources", "sources")
_WHOLE_FIGURES = ("entries", "without_sources", "unreviewed", "reviewed_by_specialist", "checked", "unchecked",
                  "outside_sources", "sources")
_DATE_FIGURES = ("oldest_reviewed", "newest_reviewed", "oldest_checked", "newest_checked")


def stored_figures(text: Any) -> dict[str, Any] | None:
    """The build's counts (`meta` "stats", written by fieldkit/content/build.py with `Store.count_figures`), if
    they have the shape `count_figures` gives; None for anything else (an older database, a crafted one)."""
    value = loads(text, {})
    if list(value) != list(STATS_FIGURES):
        return None
    languages = value["languages"]
    if not (all(_whole(value[key]) for key in _WHOLE_FIGURES)
            and _counts(value["types"]) and _counts(value["countries"]) and _counts(value["translations"])
            and isinstance(languages, dict)
            and all(isinstance(item, dict) and all(_number(v) for v in item.values()) for item in languages.values())
            and all(value[key] is None or isinstance(value[key], str) for key in _DATE_FIGURES)):
        return None
    return cast("dict[str, Any]", value)


def _whole(item: Any) -> bool:
    return isinstance(item, int) and not isinstance(item, bool)


def _number(item: Any) -> bool:
    return isinstance(item, (int, float)) and not isinstance(item, bool)


def _counts(item: Any) -> bool:
    return isinstance(item, dict) and all(isinstance(key, str) and _whole(value) for key, value in item.items())


def _maybe_json(text: Any) -> Any:
    """A column that holds JSON or nothing (a review: a date, or {by, organisation, date})."""
    if text is None:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        return None


class Store:
    def __init__(self, conn: sqlite3.Connection, located: Located | None = None):
        self.conn = conn
        self.located = located
        wanted = (*SEARCH_TABLES, *TEXT_TABLES)
        present = {row[0] for row in conn.execute(
            f"SELECT name FROM sqlite_master WHERE name IN ({','.join('?' * len(wanted))})", wanted
        )}
        # Schema 5 keeps each document's snippet text and body compressed in `texts` (schema.pack_text).
        self.texts = {"texts", "dictionaries"} <= present
        self.prefix_counts = "prefix_counts" in present
        # A schema 2 database has the title index and stored snippet text; a schema 1 database (an older pack)
        # is searched the schema 1 way: the same results, every match ranked by bm25, snippets made from bodies.
        self.search_tables = {"titles", "title_order"} <= present and ("snippets" in present or self.texts)
        self._zdicts: dict[str, bytes] | None = None
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        self.schema = int(version[0]) if version and str(version[0]).isdigit() else 0
        # Schema 4 says who checked what. Before it, `reviewed` held the date the editors wrote or checked an entry:
        # read as that (`checked`), and nothing counts as reviewed by a specialist (fieldkit/store/schema.py).
        self.review_columns = self.schema >= REVIEW_SCHEMA
        self._summary: dict[str, Any] | None = None
        # Schema 3 adds stem columns (and place and entry tokens in facets); the columns are read by name.
        self.columns = tuple(d[0] for d in conn.execute("SELECT * FROM search LIMIT 0").description)
        self.stems = all(column in self.columns for column in STEM_COLUMNS)
        weights = {"title": 10.0, "body": 1.0, "facets": 0.0, "tstem": 5.0, "bstem": 0.5}
        self.rank_sql = f"bm25(search, {', '.join(str(weights.get(c, 0.0)) for c in self.columns)})"
        self._lexicon: Lexicon | None = None
        self._speller: Speller | None = None
        self._covering: dict[str, list[tuple[str, str]]] = {}
        self._language_sizes: dict[tuple[str, ...], int] = {}
        self._counted: dict[str, tuple[int, int]] = {}  # match -> (documents, counted up to): one search's counts
        self._title_fields = {t.name: t.search_title for t in REGISTRY}
        # A merged database (fieldkit/content/merge.py) also holds organisations' overlays: which entries they
        # added, what they attached, and search rows of attached words standing for a published document.
        self.layered = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
            "('layers', 'local_entries', 'attachments', 'search_alias')")} == {
            "layers", "local_entries", "attachments", "search_alias"}
        self._alias: dict[int, int] | None = None
        self._added_by: dict[str, str] | None = None

    @property
    def lexicon(self) -> Lexicon:
        """The search vocabulary, read on first use."""
        if self._lexicon is None:
            self._lexicon = Lexicon.load(self.conn)
        return self._lexicon

    def close(self) -> None:
        self.conn.close()

    # --- metadata -------------------------------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        # Text, whatever a crafted database stored (an integer schema_version, say).
        return _line({str(row["key"]): str(row["value"]) for row in self.conn.execute("SELECT key, value FROM meta")})

    def ids(self) -> list[str]:
        return _line([row[0] for row in self.conn.execute("SELECT id FROM entries ORDER BY id")])

    # --- search ---------------------------------------------------------------------------------------------
    def search(self, text: str, *, lang: str | None = None, entry_type: str | None = None,
               country: str | None = None, limit: int = 20, literal: bool = False) -> list[Hit]:
        """Ranked hits for what a person typed (see `search_explained`)."""
        return self.search_explained(text, lang=lang, entry_type=entry_type, country=country, limit=limit,
                                     literal=literal).hits

    def understand(self, text: str, *, lang: str | None = None, literal: bool = False) -> Understanding:
        """How the query is read: its languages, stop words, names, concepts, corrections (understand.py)."""
        return understand(text, self.lexicon, lang=lang, known=self._known, correct=self._correct, literal=literal)

    def search_explained(self, text: str, *, lang: str | None = None, entry_type: str | None = None,
                         country: str | None = None, limit: int = 20, literal: bool = False) -> SearchResult:
        """Ranked hits and how the query was understood.

        With `lang`, entries are served in that language where translated, else in English (`fallback`); the
        documents searched are that language's and English, and, only when the query is written in another
        language, that language's too (its version is served when only it matched). Without `lang`, every
        language is searched and each entry served in the language that matched best.

        Each group of the query (a word with its stems, a concept, a place, a country) is an OR of terms; entries
        that match every group come first, ranked by ranking.py; if they are fewer than the results wanted, the
        best entries that match some groups follow, marked `partial`. A query that matches BROAD_MATCHES
        documents or more (a common word, two letters typed so far) is ranked from titles alone, in a static order
        (`_broad_hits`).
        """
        plan = self.plan(text, lang=lang, entry_type=entry_type, country=country, literal=literal)
        understood, groups, filters = plan.understood, plan.understood.groups, plan.filters
        if plan.strict is None or limit <= 0:
            return SearchResult([], understood)
        searched, expressions, counts = understood.searched, plan.expressions, plan.counts
        weak, wanted, required, strict = plan.weak, plan.wanted, plan.required, plan.strict
        fetch = max(limit, 10) * FETCH_PER_RESULT
        strict_count = self._count(strict, BROAD_MATCHES)
        if strict_count >= BROAD_MATCHES and self.search_tables:
            query = Query(terms=understood.content_words() or tuple(groups[0].terms[:1]),
                          prefix=groups[-1].prefix is not None)
            langs = searched
            hits = self._broad_hits(query, "AND", strict, langs, entry_type, country, lang, limit,
                                    limit * max(2, len(langs)))
            return SearchResult(hits, understood)
        matched: dict[int, set[int]] = {}
        rank: dict[int, float] = {}
        rows = self._ranked(strict, fetch) if strict_count else []
        for row in rows:
            matched[row[0]] = set(required)
            rank[row[0]] = row[1]
        # Entries of a type the query prefers ("what is" -> glossary, "route") may rank low on bm25 alone.
        for what, value in understood.prefers:
            if what == "type" and value != entry_type:
                for key, score in self._ranked(f"{strict} AND facets : \"{type_token(value)}\"", fetch):
                    matched[key] = set(required)
                    rank[key] = score
        if len(rows) < fetch and len(required) > 1:
            for i in required:
                single = self._conjunction([expressions[i]], filters)
                for key, score in self._ranked(single, fetch, broad=counts[i] >= BROAD_MATCHES):
                    matched.setdefault(key, set()).add(i)
                    rank[key] = min(rank.get(key, 0.0), score)
        self._mark_weak_matches(matched, rank, weak, groups, counts, filters, [expressions[i] for i in required])
        size = max(1, self._documents_in(searched))
        weights = [group_weight(count / size) for count in counts]
        ordered = self._rank(understood, matched, rank, set(wanted), weak, weights, limit)
        return SearchResult(self._served(ordered, Highlighter(groups, lang), lang), understood)

    def plan(self, text: str, *, lang: str | None = None, entry_type: str | None = None, country: str | None = None,
             literal: bool = False) -> Plan:
        """What a search will match: the query understood, each group's FTS5 expression and number of matches,
        which groups are weak, and the strict match (every group that is not weak; None: nothing can match)."""
        self._counted = {}
        understood = self.understand(text, lang=lang, literal=literal)
        groups = understood.groups
        searched = understood.searched
        filters = self._filters(searched, entry_type, country)
        expressions = [self._group_expression(group) for group in groups]
        if entry_type is None and country is None:  # counted by prefix_counts (a literal search skips _known)
            for group, expression in zip(groups, expressions):
                if self._broad_prefix(group, searched):
                    self._counted[f"{expression} AND {filters}" if filters else expression] = (BROAD_MATCHES,) * 2
        counts = [self._count(f"{expression} AND {filters}" if filters else expression, BROAD_MATCHES)
                  for expression in expressions]
        weak_from = self._weak_from(searched)
        weak = [len(groups) > 1 and (count >= weak_from or (
                    group.kind == WORD and self._common_in_a_language(expression, count, searched)))
                for group, expression, count in zip(groups, expressions, counts)]
        wanted = [i for i in range(len(groups)) if not weak[i]]  # what a strict match must have
        required = [i for i in wanted if counts[i]] or [i for i in range(len(groups)) if counts[i]]
        strict = self._conjunction([expressions[i] for i in required], filters) if required else None
        return Plan(understood, filters, expressions, counts, weak, wanted, required, strict)

    # The pieces of a search.
    def _filters(self, langs: tuple[str, ...], entry_type: str | None, country: str | None) -> str:
        return facet_filters(langs, entry_type, country)

    @staticmethod
    def _conjunction(expressions: list[str], filters: str) -> str:
        return " AND ".join([*expressions, *([filters] if filters else [])])

    def _group_expression(self, group: Group) -> str:
        """One group as an FTS5 expression: any of its terms in any text column, or an entry it names."""
        columns = "{" + " ".join(c for c in SEARCH_COLUMNS if c != "facets" and c in self.columns) + "}"
        terms = [f'"{term}"' for term in group.terms if term]
        if group.prefix:
            terms.append(f'"{group.prefix}"*')
        parts = [f"{columns} : ({' OR '.join(terms)})"] if terms else []
        facets = [country_token(code) for code in group.countries]
        if self.stems:  # schema 3: place and entry tokens
            facets += [place_token(place) for place in group.places]
            facets += [entry_token(service) for place in group.places
                       for service, _ in self.services_for_search(place)[:COVERING_IN_MATCH]]
        if facets:
            parts.append("facets : (" + " OR ".join(f'"{token}"' for token in dict.fromkeys(facets)) + ")")
        return "(" + " OR ".join(parts) + ")" if parts else '("")'

    def _mark_weak_matches(self, matched: dict[int, set[int]], rank: dict[int, float], weak: list[bool],
                           groups: list[Group], counts: list[int], filters: str, found_by: list[str]) -> None:
        """Add to the documents found the weak groups they have (WEAK_MATCHED in ranking.py): the mark only orders
        entries that tie on the rest, so only the WEAK_MARKED best found by bm25 are looked at, and a group's word
        still being typed is left out of the lookup (a weak group is common by definition, and a common prefix
        gathered from the full index, which has no prefix indexes, took hundreds of ms at x100).

        Every document found matched one of `found_by` (the required groups' expressions), so the documents with a
        weak group among them are those of "weak AND (any of found_by)": one match that FTS5 answers by walking
        the rarer lists, instead of a lookup per document (`rowid IN (...)`: one MATCH per rowid, up to 45 ms at
        x100). Merged content keeps the lookup: a document found through an overlay's attached words
        (`_documents_of`) need not match any of them itself."""
        wanted = [i for i, is_weak in enumerate(weak) if is_weak and counts[i]]
        if not matched or not wanted:
            return
        best = sorted(matched, key=lambda key: (rank.get(key, 0.0), key))[:WEAK_MARKED]
        marks = ",".join("?" * len(best))
        among = set(best)
        for i in wanted:
            weak_match = self._conjunction([self._group_expression(replace(groups[i], prefix=None))], filters)
            if self.layered or not found_by:
                keys: Iterable[int] = (row[0] for row in self.conn.execute(
                    f"SELECT rowid FROM search WHERE search MATCH ? AND rowid IN ({marks})", (weak_match, *best)))
            else:
                either = " OR ".join(found_by)
                keys = among.intersection(row[0] for row in self.conn.execute(  # FTS5 skips outside the rowids
                    "SELECT rowid FROM search WHERE search MATCH ? AND rowid BETWEEN ? AND ?",
                    (f"{weak_match} AND ({either})", min(among), max(among))))
            for key in keys:
                matched[key].add(i)

    def _ranked(self, match: str, fetch: int, broad: bool = False) -> list[tuple[int, float]]:
        """(rowid, bm25) of the best `fetch` documents; for a broad match, of its first BROAD_MATCHES only."""
        bound = ""
        args: list[Any] = [match]
        if broad:
            last = self.conn.execute(
                "SELECT rowid FROM search WHERE search MATCH ? LIMIT 1 OFFSET ?", (match, BROAD_MATCHES - 1)
            ).fetchone()
            if last:
                bound, args = " AND rowid <= ?", [match, last[0]]
        rows = self.conn.execute(
            f"SELECT rowid, {self.rank_sql} AS rank FROM search WHERE search MATCH ?{bound} ORDER BY rank LIMIT ?",
            (*args, fetch),
        ).fetchall()
        return self._documents_of([(row[0], row[1]) for row in rows])

    def _documents_of(self, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """Search rows as documents: a row of words an overlay attached stands for the published entry's English
        document (merged content only); each document once, at its best rank."""
        if not self.layered:
            return ranked
        if self._alias is None:
            self._alias = {int(k): int(v) for k, v in self.conn.execute("SELECT key, target FROM search_alias")}
        best: dict[int, float] = {}
        for key, score in ranked:
            key = self._alias.get(key, key)
            best[key] = min(best.get(key, score), score)
        return list(best.items())

    def _count(self, match: str, cap: int) -> int:
        """How many documents match, counted up to `cap` only: rowids, no positions, no scores (under 0.2 ms).
        A search counts the same match more than once (a word's group, then the strict match of a one-group
        query); each is counted once per search (`_counted`, emptied when a search starts)."""
        if match in self._counted:
            found, counted_to = self._counted[match]
            if found < counted_to or cap <= counted_to:  # exact, or counted far enough
                return min(found, cap)
        found = int(self.conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)", (match, cap)
        ).fetchone()[0])
        self._counted[match] = (found, cap)
        return found

    def _documents_in(self, langs: tuple[str, ...]) -> int:
        """How many documents the languages have (all documents for none), counted once per store."""
        if langs not in self._language_sizes:
            match = self._filters(langs, None, None)
            self._language_sizes[langs] = self.conn.execute(
                "SELECT count(*) FROM search WHERE search MATCH ?", (match,)
            ).fetchone()[0] if match else self.conn.execute("SELECT count(*) FROM translations").fetchone()[0]
        return self._language_sizes[langs]

    def _weak_from(self, langs: tuple[str, ...]) -> int:
        """How many documents of these languages a group must match to be weak."""
        return min(BROAD_MATCHES, max(MIN_WEAK, int(WEAK_SHARE * self._documents_in(langs))))

    def _common_in_a_language(self, expression: str, count: int, searched: tuple[str, ...]) -> bool:
        """Whether a word is in WEAK_SHARE of the documents of one of the languages searched. A Turkish word
        matches Turkish documents only, so its share of the Turkish and English documents together would hide that
        most Turkish entries have it ("gocmen", migrant). Words only: a concept's English words would make it
        weak in every language."""
        if len(searched) < 2 or count < MIN_WEAK:
            return False
        for code in searched:
            enough = self._weak_from((code,))
            if count >= enough and self._count(self._conjunction([expression], self._filters((code,), None, None)),
                                               enough) >= enough:
                return True
        return False

    def _known(self, group: Group, langs: tuple[str, ...]) -> bool:
        """Whether a word group matches any document of the languages searched (else it may be a typo). Counted
        as far as the plan will count it (the same match, unless a type or country narrows it), so it is counted
        once."""
        filters = self._filters(langs, None, None)
        match = self._conjunction([self._group_expression(group)], filters)
        if self._broad_prefix(group, langs):
            self._counted[match] = (BROAD_MATCHES, BROAD_MATCHES)
        return self._count(match, BROAD_MATCHES) > 0

    def _broad_prefix(self, group: Group, langs: tuple[str, ...]) -> bool:
        """Whether the group's 2-3 letter prefix opens a word in so many documents of the languages that the group
        is broad (schema 5 `prefix_counts`, a lower bound, with a tenth to spare): its capped count is then
        BROAD_MATCHES without asking the full index, which has no prefix indexes and would gather every word
        the prefix opens first."""
        prefix = group.prefix
        if not self.prefix_counts or not prefix or len(prefix) not in PREFIX_LENGTHS:
            return False
        sql, args = "SELECT sum(documents) FROM prefix_counts WHERE prefix = ?", [prefix]
        if langs:
            sql += f" AND lang IN ({','.join('?' * len(langs))})"
            args += list(langs)
        found = self.conn.execute(sql, args).fetchone()[0]
        return isinstance(found, int) and found >= BROAD_MATCHES * 11 // 10

    def _correct(self, word: str) -> str | None:
        if self._speller is None:
            from fieldkit.store.spelling import Speller  # here: only a word to correct needs it (and its sound keys)

            self._speller = Speller(self.conn, self.lexicon.words(), self.lexicon.joined(), self.lexicon.sounds())
        return self._speller.correct(word)

    def _rank(self, understood: Understanding, matched: dict[int, set[int]], rank: dict[int, float],
              wanted: set[int], weak: list[bool], weights: list[float], limit: int) -> list[dict[str, Any]]:
        """The best document of each entry, best entries first (ranking.py), each with `partial` set."""
        if not matched:
            return []
        groups = understood.groups
        covering = {
            i: {service: level for place in group.places for service, level in self.services_for_search(place)}
            for i, group in enumerate(groups) if group.places
        }
        words = understood.content_words()
        asked = self._countries_asked(groups)
        prefix = bool(groups) and groups[-1].prefix is not None
        scored: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        for doc in self._documents("t.key", list(matched), details=True):
            fields = self._title_fields.get(doc["type"], ())
            # Details are decoded only where they are read: other names (a term's aliases) and preferences.
            details = json.loads(doc["details"] or "{}") if fields or understood.prefers else {}
            names = [str(v) for field in fields for v in _as_list(details.get(field))]
            title_set = title_words(doc["title"], doc["lang"], names)
            found = matched[doc["key"]]
            score = 0.0
            for i, group in enumerate(groups):
                titled = in_title(group, title_set, doc["id"], doc["country"])
                if weak[i]:
                    score += WEAK_IN_TITLE if titled else WEAK_MATCHED if i in found else 0.0
                    continue
                level = covering.get(i, {}).get(doc["id"])
                if i in found or titled:
                    found = found | {i}
                    weight = weights[i] * (LEVEL_WEIGHT[level] if level and not titled else 1.0)
                    score += weight * (GROUP + (IN_TITLE if titled else 0.0))
            if preferred(understood.prefers, doc["type"], details, doc["country"], asked):
                score += PREFERRED
            title = words_of(doc["title"])
            score += title_bonus(title, words, prefix)
            strict = wanted <= found
            key = (not strict, -round(score, 6), len(title), rank[doc["key"]])
            scored.append((key, dict(doc, rank=-score, partial=not strict)))
        scored.sort(key=lambda item: item[0])
        chain = fallback_chain(understood.lang) if understood.lang else []
        best: dict[str, dict[str, Any]] = {}
        for order, candidate in scored:
            first = best.get(candidate["id"])
            if first is None:
                best[candidate["id"]] = dict(candidate, order=order)
            elif first["lang"] not in chain and candidate["lang"] in chain:
                # The reader's language (or English) matched too: serve that rather than the query's language.
                best[candidate["id"]] = dict(candidate, order=first["order"])
        return sorted(best.values(), key=lambda d: d["order"])[:limit]

    def _countries_asked(self, groups: list[Group]) -> frozenset[str]:
        """The countries a query names: its countries, and the countries of its places."""
        codes = {code for group in groups for code in group.countries}
        places = [place for group in groups for place in group.places]
        if places:
            marks = ",".join("?" * len(places))
            codes |= {row[0] for row in self.conn.execute(f"SELECT country FROM entries WHERE id IN ({marks})", places)
                      if row[0]}
        return frozenset(codes)

    def _broad_hits(self, query: Query, operator: str, match: str, langs: tuple[str, ...], entry_type: str | None,
                    country: str | None, lang: str | None, limit: int, fetch: int) -> list[Hit]:
        """Hits for a broad query from the title index, in the static order (see `search`).

        The order is (tier, title length, place of the language in `langs`, title position). Title positions
        (the index's rowids) follow the title length, so each stream below, one tier of one language, is read in
        that order straight from the index, a few rows at a time; merging the streams gives the static order,
        and reading stops as soon as it has `limit` entries. Tiers come from the index too: a title of tier 0
        or 1 opens with the query (FTS5's `^`) and has at least as many words as the query.
        """
        n = len(query.terms)
        exact = Query(terms=query.terms, prefix=False)
        streams = []
        for place, code in enumerate(langs or (None,)):
            filters: MatchFilters = {"langs": (code,) if code else (), "entry_type": entry_type,
                                     "country": country, "columns": "title"}
            opening = query.match(opening=True, **filters)
            if query.prefix:  # tier 0: the title is the query; tier 1: it opens with it, the last word a prefix
                streams.append(self._title_stream(exact.match(opening=True, **filters), place, fetch, n, n, 0))
                streams.append(self._title_stream(opening, place, fetch, n, None, 1))
            else:  # one match for both: tier 0 where the title has just the query's words
                streams.append(self._title_stream(opening, place, fetch, n, n, 0))
                streams.append(self._title_stream(opening, place, fetch, n + 1, None, 1))
            streams.append(self._title_stream(query.match(operator=operator, **filters), place, fetch, 0, None, 2))
        best: dict[str, dict[str, Any]] = {}  # entry id -> its first document in the order
        seen: set[int] = set()
        pending: list[tuple[int, int, int, int]] = []
        for item in heapq.merge(*streams):
            if item[3] in seen:  # a title of tier 0 or 1 is also in the tier 2 stream, later
                continue
            seen.add(item[3])
            pending.append(item)
            if len(pending) >= fetch:
                self._take_titles(pending, best)
                pending = []
                if len(best) >= limit:
                    break
        else:
            self._take_titles(pending, best)
        ordered = sorted(best.values(), key=lambda doc: doc["order"])[:limit]
        self._title_scores(query.match(operator=operator, langs=langs, entry_type=entry_type, country=country,
                                       columns="title"), ordered)
        if len(ordered) < limit:  # too few titles: the rest from the body, ranked after every title
            ordered += self._broad_fill(match, {doc["id"] for doc in ordered}, fetch)[: limit - len(ordered)]
        return self._served(ordered, query, lang)

    def _title_stream(self, title_match: str, place: int, chunk: int, fewest: int, most: int | None,
                      tier: int) -> Iterator[tuple[int, int, int, int]]:
        """(tier, title length, place, position) of each title matching `title_match` that has `fewest` to `most`
        words, in title order, read `chunk` rows at a time (more each time)."""
        after = -1
        while True:
            rows = self.conn.execute(
                "SELECT rowid FROM titles WHERE titles MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?",
                (title_match, after, chunk),
            ).fetchall()
            for (position,) in rows:
                title_words = position_words(position)
                if most is not None and title_words > most:
                    return
                # Fewer words than the query that opens the title: the query runs on into the aliases.
                if title_words >= fewest:
                    yield tier, position_length(position), place, position
            if len(rows) < chunk:
                return
            after, chunk = rows[-1][0], chunk * 4

    def _take_titles(self, items: list[tuple[int, int, int, int]], best: dict[str, dict[str, Any]]) -> None:
        """Add the documents of `items` (in order) to `best`, keeping each entry's first."""
        if not items:
            return
        order_of = {item[3]: item for item in items}
        marks = ",".join("?" * len(items))
        key_order = {row[0]: order_of[row[1]] for row in self.conn.execute(
            f"SELECT key, pos FROM title_order WHERE pos IN ({marks})", list(order_of)
        )}
        docs = self._documents("t.key", list(key_order))
        for doc in sorted(docs, key=lambda d: key_order[d["key"]]):
            if doc["id"] not in best:
                best[doc["id"]] = dict(doc, order=key_order[doc["key"]], rank=-0.0)

    def _title_scores(self, title_match: str, docs: list[dict[str, Any]]) -> None:
        """Set each document's rank to its title's bm25 (what `score` shows; the order does not use it)."""
        if not docs:
            return
        positions = {doc["order"][3]: doc for doc in docs}
        marks = ",".join("?" * len(positions))
        # `rowid + 0`: a filter on the rows read, not a lookup per value (FTS5 would run the match once per value).
        for position, rank in self.conn.execute(
            f"SELECT rowid, {_TITLE_RANK} FROM titles WHERE titles MATCH ? AND rowid BETWEEN ? AND ? "
            f"AND rowid + 0 IN ({marks})",
            (title_match, min(positions), max(positions), *positions),
        ):
            positions[position]["rank"] = rank

    def _broad_fill(self, match: str, known: set[str], fetch: int) -> list[dict[str, Any]]:
        """Entries without the words in a title, after every title match: bm25 over the first BROAD_MATCHES
        matching documents only, one document per entry."""
        bound = self.conn.execute(
            "SELECT rowid FROM search WHERE search MATCH ? LIMIT 1 OFFSET ?", (match, BROAD_MATCHES - 1)
        ).fetchone()
        rows = self.conn.execute(
            f"SELECT rowid, {self.rank_sql} AS rank FROM search WHERE search MATCH ? AND rowid <= ? ORDER BY rank LIMIT ?",
            (match, bound[0] if bound else 1 << 62, fetch + len(known)),
        ).fetchall()
        if not rows:
            return []
        rank_of = dict(self._documents_of([(row["rowid"], row["rank"]) for row in rows]))
        best: dict[str, dict[str, Any]] = {}
        for doc in sorted(self._documents("t.key", list(rank_of)), key=lambda d: rank_of[d["key"]]):
            if doc["id"] not in known:
                best.setdefault(doc["id"], dict(doc, rank=rank_of[doc["key"]]))
        return list(best.values())

    def _served(self, ordered: list[dict[str, Any]], query: WordMatcher, lang: str | None) -> list[Hit]:
        """Hits for the chosen documents, in order: each in `lang` where translated, with a snippet."""
        matched_lang = {doc["id"]: doc["lang"] for doc in ordered}
        if lang is not None:
            ordered = self._in_language(ordered, lang)
        texts = self._snippet_texts(ordered)
        # Cleaned first: the spans index the clean text.
        passages = snippets([clean(texts[doc["key"]]) for doc in ordered], query)
        hits = []
        for doc, (text, spans) in zip(ordered, passages):
            hits.append(Hit(
                id=_line(doc["id"]), type=_line(doc["type"]), title=_line(doc["title"]), summary=clean(doc["summary"]),
                snippet=text, highlights=spans, country=_line(doc["country"]), lang=_line(doc["lang"]),
                fallback=lang is not None and not is_english(lang) and doc["lang"] == "en", score=round(-doc["rank"], 6),
                partial=bool(doc.get("partial")), matched_lang=matched_lang[doc["id"]],
                added_by=self.added_by(doc["id"]),
            ))
        return hits

    # --- layers: organisations' overlays ------------------------------------------------------------------
    def added_by(self, entry_id: str) -> str | None:
        """The organisation that added an entry (an overlay's), or None for published content."""
        if not self.layered:
            return None
        if self._added_by is None:
            self._added_by = _line({str(row[0]): str(row[1] or row[2]) for row in self.conn.execute(
                "SELECT l.id, y.organisation, l.namespace FROM local_entries l "
                "LEFT JOIN layers y ON y.namespace = l.namespace")})
        return self._added_by.get(entry_id)

    def layers(self) -> list[dict[str, Any]]:
        """The overlays merged into this content, in order: {namespace, organisation, label}."""
        if not self.layered:
            return []
        return _line([{"namespace": row[0], "organisation": row[1], "label": row[2]} for row in self.conn.execute(
            "SELECT namespace, organisation, label FROM layers ORDER BY position")])

    def _local(self, entry_id: str) -> dict[str, Any] | None:
        if not self.layered:
            return None
        row = self.conn.execute(
            "SELECT l.namespace, y.organisation, y.label FROM local_entries l "
            "LEFT JOIN layers y ON y.namespace = l.namespace WHERE l.id = ?", (entry_id,)).fetchone()
        if row is None:
            return None
        return _line({"namespace": row[0], "organisation": row[1] or row[0], "layer": row[2] or row[0]})

    def _attached(self, entry_id: str) -> list[dict[str, Any]]:
        if not self.layered:
            return []
        rows = self.conn.execute(
            "SELECT a.namespace, a.organisation, a.fields, a.sources, a.checked, a.reviewed FROM attachments a "
            "LEFT JOIN layers y ON y.namespace = a.namespace WHERE a.entry_id = ? ORDER BY y.position, a.namespace",
            (entry_id,)).fetchall()
        return [{"namespace": _line(row[0]), "organisation": _line(row[1]), "fields": clean(loads(row[2], {})),
                 "sources": clean(loads(row[3], [])), "checked": _line(row[4]), "reviewed": clean(_maybe_json(row[5]))}
                for row in rows]

    def _snippet_texts(self, docs: list[dict[str, Any]]) -> dict[int, str]:
        """key -> the text a document's snippet is cut from: its summary and the start of its body, as plain text."""
        if not docs:
            return {}
        if not self.search_tables:  # schema 1: made from the body (read by _documents) on every search
            return {doc["key"]: doc["summary"] + " " + snippet_text(doc["body"]) for doc in docs}
        keys = [doc["key"] for doc in docs]
        if self.texts:  # schema 5: the snippet text opens each packed text; the body is not decompressed
            stored = {key: self._unpacked(key, blob, lang, body=False)[0] for key, lang, blob in self.conn.execute(
                f"SELECT x.key, t.lang, x.blob FROM texts x JOIN translations t ON t.key = x.key "
                f"WHERE x.key IN ({','.join('?' * len(keys))})", keys)}
            return {doc["key"]: doc["summary"] + " " + stored.get(doc["key"], "") for doc in docs}
        stored = dict(self.conn.execute(
            f"SELECT key, text FROM snippets WHERE key IN ({','.join('?' * len(keys))})", keys
        ).fetchall())
        return {doc["key"]: doc["summary"] + " " + stored[doc["key"]] for doc in docs}

    def _unpacked(self, key: int, blob: Any, lang: Any, *, body: bool = True) -> tuple[str, str]:
        """(snippet text, body) of a packed text (schema 5); ("", "") for one that is damaged or crafted."""
        if self._zdicts is None:
            self._zdicts = {str(code): bytes(zdict) for code, zdict in self.conn.execute(
                "SELECT lang, zdict FROM dictionaries") if isinstance(zdict, bytes)}
        try:
            return unpack_text(blob, self._zdicts.get(str(lang), b""), body=body)
        except ValueError:
            return "", ""

    def body_of(self, key: int) -> str:
        """The body of the document (translations row) `key`, wherever this database keeps it."""
        if self.texts:
            row = self.conn.execute("SELECT x.blob, t.lang FROM texts x JOIN translations t ON t.key = x.key "
                                    "WHERE x.key = ?", (key,)).fetchone()
            return clean(self._unpacked(key, row[0], row[1])[1]) if row else ""
        row = self.conn.execute("SELECT body FROM translations WHERE key = ?", (key,)).fetchone()
        return clean(row[0]) if row else ""

    def _documents(self, column: str, values: list[Any], lang: str | None = None,
                   details: bool = False) -> list[sqlite3.Row]:
        """Translation rows with their entry's type and country (and its details, if asked), where `column` is one
        of `values`.

        Bodies are read only where snippets are made from them (a schema 1 database).
        """
        marks = ",".join("?" * len(values))
        body = "" if self.search_tables else ", t.body"
        body += ", e.details" if details else ""
        sql = (
            f"SELECT t.key, t.id, t.lang, t.title, t.summary{body}, e.type, e.country FROM translations t "
            f"JOIN entries e ON e.id = t.id WHERE {column} IN ({marks})"
        )
        if lang is not None:
            sql += " AND t.lang = ?"
            values = [*values, lang]
        return self.conn.execute(sql, values).fetchall()

    def _in_language(self, docs: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
        """Serve each entry in `lang` (or its base language) where it has one, even if another language matched."""
        preferred = [code for code in fallback_chain(lang) if code != "en"]
        for code in reversed(preferred):  # the most specific language is applied last and wins
            missing = [d["id"] for d in docs if d["lang"] not in preferred[: preferred.index(code) + 1]]
            if missing:
                translated = {row["id"]: row for row in self._documents("t.id", missing, code)}
                docs = [dict(translated[d["id"]], rank=d["rank"], partial=d.get("partial")) if d["id"] in translated
                        else d for d in docs]
        return docs

    # --- one entry ------------------------------------------------------------------------------------------
    def get(self, entry_id: str, lang: str = "en") -> Entry | None:
        """The entry in `lang`, or in English with `fallback=True`; None for an unknown id."""
        if not _encodable(entry_id):  # bytes that are not UTF-8 on the command line: no entry has that id
            return None
        entry = self.conn.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if entry is None:
            return None
        rows = {r["lang"]: r for r in self.conn.execute("SELECT * FROM translations WHERE id = ?", (entry_id,))}
        doc = next((rows[code] for code in fallback_chain(lang) if code in rows), None)
        if doc is None:  # a crafted database: an entry without its English document
            return None
        sources = self._citations(entry_id)
        if self.review_columns:
            checked, reviewed, review = _day(entry["checked"]), _day(entry["reviewed"]), _review(entry["review"])
            state, translation_review = _line(doc["state"]), _review(doc["review"])
        else:
            checked, reviewed, review = _day(entry["reviewed"]), None, None
            state, translation_review = _line(doc["status"]), None
        review_by = [c.review_by for c in sources if c.review_by]
        return Entry(
            id=_line(entry["id"]),
            type=_line(entry["type"]),
            title=_line(doc["title"]),
            summary=clean(doc["summary"]),
            body=self.body_of(doc["key"]) if self.texts else clean(doc["body"]),
            lang=_line(doc["lang"]),
            requested_lang=lang,
            fallback=doc["lang"] == "en" and not is_english(lang),
            translation=_line(doc["status"]),
            country=_line(entry["country"]),
            countries=_line(loads(entry["countries"], [])),
            tags=_line(loads(entry["tags"], [])),
            details=clean(loads(entry["details"], {})),
            sources=sources,
            as_of=_line(entry["as_of"]),
            reviewed=reviewed,
            related=self._links("SELECT r.kind, r.dst AS id FROM relations r WHERE r.src = ? ORDER BY r.rowid", entry_id, lang),
            linked_from=self._links(
                "SELECT r.kind, r.src AS id FROM relations r WHERE r.dst = ? ORDER BY r.src, r.rowid", entry_id, lang
            ),
            languages=_line(sorted(rows)),
            checked=checked,
            review=review,
            translation_state=state,
            translation_review=translation_review,
            review_by=min(review_by) if review_by else None,
            local=self._local(entry_id),
            attached=self._attached(entry_id),
        )

    def _citations(self, entry_id: str) -> list[Citation]:
        review_by = "c.review_by" if self.review_columns else "NULL"
        rows = self.conn.execute(
            f"SELECT c.doc, c.location, c.quote, s.title, s.url, s.published, s.file, {review_by} AS review_by "
            "FROM citations c LEFT JOIN sources s ON s.id = c.doc WHERE c.entry_id = ? ORDER BY c.position",
            (entry_id,),
        )
        # A source with no file is not one of the shared documents: a public page cited for a fact from outside.
        return [
            Citation(doc=_line(r["doc"]), where=_line(r["location"]), quote=clean(r["quote"]),
                     title=_line(r["title"] or ""), url=_line(r["url"]), published=_line(r["published"] or ""),
                     outside_sources=not r["file"], review_by=_day(r["review_by"]))
            for r in rows
        ]

    def _links(self, sql: str, entry_id: str, lang: str) -> list[Link]:
        links, seen = [], set()
        for row in self.conn.execute(sql, (entry_id,)).fetchall():
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            title, entry_type = self.title_of(row["id"], lang)
            links.append(Link(id=_line(row["id"]), type=entry_type, title=title, kind=_line(row["kind"])))
        return links

    def title_of(self, entry_id: str, lang: str = "en") -> tuple[str, str]:
        """(title in `lang`, its base language or English, type) of an entry."""
        if not _encodable(entry_id):
            return (_line(entry_id.encode("utf-8", "replace").decode("utf-8")), "")
        chain = fallback_chain(lang)
        marks = ",".join("?" * len(chain))
        rows = self.conn.execute(
            f"SELECT t.lang, t.title, e.type FROM entries e JOIN translations t ON t.id = e.id "
            f"WHERE e.id = ? AND t.lang IN ({marks})",
            (entry_id, *chain),
        ).fetchall()
        if not rows:
            return (_line(entry_id), "")
        best = min(rows, key=lambda row: chain.index(row["lang"]))
        return _line(best["title"]), _line(best["type"])

    # --- lists ----------------------------------------------------------------------------------------------
    def list_entries(self, *, entry_type: str | None = None, country: str | None = None,
                     lang: str = "en") -> list[dict[str, Any]]:
        """Entries as {id, type, title, summary, country, lang}, by title, in `lang` where translated."""
        chain = fallback_chain(lang)
        exact, base = chain[0], chain[1] if len(chain) > 2 else chain[0]
        sql = (
            "SELECT e.id, e.type, e.country, COALESCE(t1.title, t2.title, e.title) AS title, "
            "COALESCE(t1.summary, t2.summary, e.summary) AS summary, COALESCE(t1.lang, t2.lang, 'en') AS lang "
            "FROM entries e LEFT JOIN translations t1 ON t1.id = e.id AND t1.lang = ? "
            "LEFT JOIN translations t2 ON t2.id = e.id AND t2.lang = ? WHERE 1"
        )
        args: list[Any] = [exact, base]
        if entry_type:
            sql += " AND e.type = ?"
            args.append(entry_type)
        if country:
            sql += " AND EXISTS (SELECT 1 FROM json_each(e.countries) WHERE value = ?)"
            args.append(country)
        rows = self.conn.execute(sql + " ORDER BY title COLLATE NOCASE", args).fetchall()
        return [{k: clean(row[k]) if k == "summary" else _line(row[k]) for k in ("id", "type", "title", "summary", "country", "lang")}
                for row in rows]

    def field_values(self, entry_type: str, field: str) -> dict[str, Any]:
        """Entry id -> the value of one of its fields, for every entry of a type (a place's kind, ...).

        JSON is read here, not by SQLite's json_extract, so a crafted `details` column is "not known", not an error."""
        return {entry_id: details.get(field) for entry_id, details in self.details_of(entry_type).items()}

    def details_of(self, entry_type: str) -> dict[str, dict[str, Any]]:
        """Entry id -> its type-specific fields, for every entry of a type (a list that shows where each works)."""
        rows = self.conn.execute("SELECT id, details FROM entries WHERE type = ?", (entry_type,))
        return _line({row[0]: loads(row[1], {}) for row in rows})

    def entries_at(self, entry_type: str, field: str, place_ids: list[str]) -> list[str]:
        """Ids of the entries of a type whose `field` names one of `place_ids` (services at these places)."""
        wanted = set(place_ids)
        return sorted(entry_id for entry_id, value in self.field_values(entry_type, field).items() if value in wanted)

    # --- services and the places they cover ---------------------------------------------------------------
    def services_covering(self, place_id: str) -> list[tuple[str, str]]:
        """(service id, level) of every service that covers a place, nearest first, then by id.

        Levels: "place", the service works at the place (or, for a region, at a place inside it); "region", its
        area includes the region the place lies in; "country", its area is the place's whole country. A service
        with no `area` covers its own `place` only; one with neither does not say where it works and is left
        out (country screens list it as "where: not known"). The one place where "a service covers a place" is
        decided: search counts a covering service as near the place (fieldkit/store/ranking.py).
        """
        if place_id in self._covering:  # search asks for the same places query after query
            return self._covering[place_id]
        self._covering[place_id] = self._services_covering(place_id)
        return self._covering[place_id]

    def services_for_search(self, place_id: str) -> list[tuple[str, str]]:
        """What search counts as near a place: the services covering it, then the other services of its country
        ("in-country": not said to work there, but the nearest the content knows, so "legal aid bihac" finds
        legal aid in Bosnia and Herzegovina). Lists of services near a place show `services_covering` only."""
        key = "search:" + place_id
        if key not in self._covering:
            near = self.services_covering(place_id)
            row = self.conn.execute("SELECT country FROM entries WHERE id = ? AND type = 'place'", (place_id,)).fetchone()
            listed = {service for service, _ in near}
            others = [] if row is None or not row[0] else [
                (service, "in-country") for (service,) in self.conn.execute(
                    "SELECT id FROM entries WHERE type = 'service' AND country = ? ORDER BY id", (row[0],))
                if service not in listed]
            self._covering[key] = _line(near + others)
        return self._covering[key]

    def _services_covering(self, place_id: str) -> list[tuple[str, str]]:
        row = self.conn.execute("SELECT country, details FROM entries WHERE id = ? AND type = 'place'",
                                (place_id,)).fetchone()
        if row is None:
            return []
        place = {"country": row["country"], "region": loads(row["details"], {}).get("region")}
        regions = {key: value for key, value in self.field_values("place", "region").items() if value}
        rank = {"place": 0, "region": 1, "country": 2}
        found: list[tuple[int, str, str]] = []
        for service_id, details in self.conn.execute(
            "SELECT id, details FROM entries WHERE type = 'service' ORDER BY id"
        ):
            fields = loads(details, {})
            items = fields.get("area") or ([fields["place"]] if fields.get("place") else [])
            levels = [level for level in (self._covers(item, place_id, place["region"], place["country"], regions)
                                          for item in items) if level]
            if levels:
                best = min(levels, key=rank.__getitem__)
                found.append((rank[best], service_id, best))
        return _line([(service_id, level) for _, service_id, level in sorted(found)])

    @staticmethod
    def _covers(item: str, place_id: str, region: str | None, country: str | None,
                regions: dict[str, Any]) -> str | None:
        """How an area item (a country code or a place id) covers the place: place, region, country or not."""
        if item == place_id or regions.get(item) == place_id:
            return "place"
        if region and item == region:
            return "region"
        if country and item == country:
            return "country"
        return None

    # --- statistics -----------------------------------------------------------------------------------------
    def languages(self) -> list[str]:
        """The languages the content is written in (the keys of `stats()["languages"]`), without counting them:
        the build's list in `meta`, else (a database without it) the translations' own."""
        listed = loads(self.meta().get("languages"), [])
        if listed and all(isinstance(code, str) for code in listed):
            return _line(sorted(set(listed)))
        return _line([row[0] for row in self.conn.execute("SELECT DISTINCT lang FROM translations ORDER BY lang")])

    def stats(self, today: str | None = None) -> dict[str, Any]:
        """Counts for `fieldkit stats`; `today` (YYYY-MM-DD, default: today) dates the review_by count. The counts
        are the build's (`meta` "stats", counted once when the database was made), else counted now (a database
        without them; counting reads every translation)."""
        meta = self.meta()
        figures = self.figures()
        return _line({
            "content_version": meta.get("content_version", ""),
            "content_date": meta.get("content_date", ""),
            "content_hash": meta.get("content_hash", ""),
            "schema_version": int(meta.get("schema_version", "0")),
            **{key: figures[key] for key in STATS_FIGURES[:-1]},
            "past_review_by": self._past_review_by(today or dt.date.today().isoformat()),
            "sources": figures["sources"],
            "overlays": self.layers(),
        })

    def figures(self) -> dict[str, Any]:
        """The counted figures of stats() (STATS_FIGURES): the build's where it kept them, else counted now."""
        return stored_figures(self.meta().get("stats")) or self.count_figures()

    def count_figures(self) -> dict[str, Any]:
        """The figures of `stats()` that come from counting the content (STATS_FIGURES, in that order)."""
        one = self._one
        types = {r[0]: r[1] for r in self.conn.execute("SELECT type, count(*) FROM entries GROUP BY type ORDER BY type")}
        languages: dict[str, dict[str, int | float]] = {}  # counts, coverage as a share, outdated translations
        entries = one("SELECT count(*) FROM entries")
        for lang, status, count in self.conn.execute(
            "SELECT lang, status, count(*) FROM translations GROUP BY lang, status ORDER BY lang, status"
        ):
            languages.setdefault(lang, {"original": 0, "machine": 0, "reviewed": 0, "total": 0})
            languages[lang][status] = count
            languages[lang]["total"] += count
        outdated: dict[str, int] = dict(self.conn.execute(
            "SELECT lang, count(*) FROM translations WHERE state = 'outdated' GROUP BY lang"
        ).fetchall()) if self.review_columns else {}
        for lang, counts in languages.items():  # share of all entries available in this language
            counts["coverage"] = round(counts["total"] / entries, 4) if entries else 0.0
            counts["outdated"] = outdated.get(lang, 0)  # of its machine and reviewed ones
        countries = {
            r[0]: r[1]
            for r in self.conn.execute(
                "SELECT j.value, count(*) FROM entries e, json_each(e.countries) j GROUP BY j.value ORDER BY j.value"
            )
        }
        return {
            "entries": entries,
            "types": types,
            "languages": languages,
            "countries": countries,
            "without_sources": one("SELECT count(*) FROM entries WHERE id NOT IN (SELECT entry_id FROM citations)"),
            **self._review_counts(),
            "sources": one("SELECT count(*) FROM sources"),
        }

    def _one(self, sql: str, *args: Any) -> Any:
        """The single value a query returns."""
        return self.conn.execute(sql, args).fetchone()[0]

    def _past_review_by(self, today: str) -> int:
        """How many entries cite a fact from outside the sources that was to be checked again before `today`."""
        if not self.review_columns:
            return 0
        return int(self._one("SELECT count(DISTINCT entry_id) FROM citations WHERE review_by < ?", today))

    def _review_counts(self) -> dict[str, Any]:
        """Who checked what, counted: `unreviewed` and the `*_reviewed` dates are about reviews by a specialist."""
        one = self._one
        translations: dict[str, int] = {status: 0 for status in ("machine", "reviewed", "outdated")}
        for status, count in self.conn.execute(
            "SELECT status, count(*) FROM translations WHERE status != 'original' GROUP BY status"
        ):
            translations[status] = count
        translations["outdated"] = one("SELECT count(*) FROM translations WHERE state = 'outdated'") \
            if self.review_columns else 0
        if self.review_columns:
            checked, reviewed = "checked", "reviewed"
        else:  # an older database: its `reviewed` dates are the editors', no specialist reviewed anything
            checked, reviewed = "reviewed", "NULL"
        return {
            "unreviewed": one(f"SELECT count(*) FROM entries WHERE {reviewed} IS NULL"),
            "oldest_reviewed": one(f"SELECT min({reviewed}) FROM entries"),
            "newest_reviewed": one(f"SELECT max({reviewed}) FROM entries"),
            "reviewed_by_specialist": one(f"SELECT count(*) FROM entries WHERE {reviewed} IS NOT NULL"),
            "checked": one(f"SELECT count(*) FROM entries WHERE {checked} IS NOT NULL"),
            "unchecked": one(f"SELECT count(*) FROM entries WHERE {checked} IS NULL"),
            "oldest_checked": one(f"SELECT min({checked}) FROM entries"),
            "newest_checked": one(f"SELECT max({checked}) FROM entries"),
            "translations": translations,
            "outside_sources": one("SELECT count(DISTINCT c.entry_id) FROM citations c JOIN sources s ON s.id = c.doc "
                                   "WHERE s.file IS NULL OR s.file = ''"),
        }

    def review_summary(self) -> dict[str, Any]:
        """What the app's header says about the whole content: newest check, how many a specialist reviewed.
        Counted once per store: the header asks on every screen, and the database does not change under it."""
        if self._summary is None:
            figures = self.figures()
            self._summary = _line({"checked": figures["newest_checked"],
                                   "entries": figures["entries"],
                                   "reviewed": figures["reviewed_by_specialist"],
                                   "past_review_by": self._past_review_by(dt.date.today().isoformat())})
        return self._summary


def _review(value: str | None) -> Review | None:
    """A review stored as JSON, or None."""
    if not value:
        return None
    data = loads(value, {})
    review = Review()
    for key in ("by", "organisation", "date"):
        if data.get(key):
            review[key] = _line(str(data[key]))
    return review if review else None


def _day(value: Any) -> str | None:
    """A date column's value as text (YYYY-MM-DD), or None; a crafted database's other values are not dates."""
    return _line(value) if isinstance(value, str) and value else None
