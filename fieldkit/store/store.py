"""Read access to the compiled content: search, one entry, lists and statistics."""

from __future__ import annotations

import datetime as dt
import heapq
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from fieldkit.core.languages import fallback_chain
from fieldkit.store.db import Located
from fieldkit.store.models import Citation, Entry, Hit, Link, Review
from fieldkit.store.query import MatchFilters, Query
from fieldkit.store.schema import (
    REVIEW_SCHEMA,
    SEARCH_TABLES,
    position_length,
    position_words,
    snippet_text,
)
from fieldkit.store.snippet import snippet
from fieldkit.text.fold import fold, words

# Title matches count ten times a body match; the facets column never counts.
_RANK = "bm25(search, 10.0, 1.0, 0.0)"
_TITLE_RANK = "bm25(titles, 10.0, 0.0)"
# From this many matching documents a query is broad: bm25 would score every one of them (about 0.8 us each,
# 20-30 ms for a common word at x100), so titles alone are ranked, in the static title order. Below it, a
# query is ranked exactly as it always was. docs/performance.md has the measurements behind the figure.
BROAD_MATCHES = 2000


def _title_tier(title: str, query: Query) -> int:
    """0 when the title is the query, 1 when it starts with it (as typed so far), else 2."""
    title_words = words(fold(title))
    if tuple(title_words) == query.terms:
        return 0
    head = title_words[: len(query.terms)]
    if len(head) == len(query.terms) and head[:-1] == list(query.terms[:-1]) and (
        head[-1] == query.terms[-1] or (query.prefix and head[-1].startswith(query.terms[-1]))
    ):
        return 1
    return 2


class Store:
    def __init__(self, conn: sqlite3.Connection, located: Located | None = None):
        self.conn = conn
        self.located = located
        present = {row[0] for row in conn.execute(
            f"SELECT name FROM sqlite_master WHERE name IN ({','.join('?' * len(SEARCH_TABLES))})", SEARCH_TABLES
        )}
        # A schema 2 database has the title index and stored snippet text; a schema 1 database (an older pack)
        # is searched the schema 1 way: the same results, every match ranked by bm25, snippets made from bodies.
        self.search_tables = present == set(SEARCH_TABLES)
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        self.schema = int(version[0]) if version and str(version[0]).isdigit() else 0
        # Schema 3 says who checked what. Before it, `reviewed` held the date the editors wrote or checked an entry:
        # read as that (`checked`), and nothing counts as reviewed by a specialist (fieldkit/store/schema.py).
        self.review_columns = self.schema >= REVIEW_SCHEMA
        self._summary: dict[str, Any] | None = None

    def close(self) -> None:
        self.conn.close()

    # --- metadata -------------------------------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.conn.execute("SELECT key, value FROM meta")}

    def ids(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT id FROM entries ORDER BY id")]

    # --- search ---------------------------------------------------------------------------------------------
    def search(self, text: str, *, lang: str | None = None, entry_type: str | None = None,
               country: str | None = None, limit: int = 20) -> list[Hit]:
        """Ranked hits for what a person typed.

        With `lang`, entries are served in that language where they match in it, else in English (`fallback`).
        Without, every language is searched and each entry is served in the language that matched best.
        All words must match; if that finds nothing, any word may (a question typed as a sentence still finds
        something). An entry whose title is exactly the query comes first.

        A query that matches BROAD_MATCHES documents or more (a common word, two letters typed so far) is ranked
        from titles alone, in a static order: the title is the query, then titles that start with it, then any
        other title with the words; within each, shorter titles first, then the requested language, then the
        build's order. Only if titles give fewer than `limit` entries, others follow, ranked by bm25 over the
        first BROAD_MATCHES matching documents.
        """
        query = Query.parse(text)
        if not query or limit <= 0:
            return []
        langs: tuple[str, ...] = () if lang is None else tuple(fallback_chain(lang))
        # Both languages of one entry can match; fetch enough rows to keep `limit` entries after merging.
        fetch = limit * max(2, len(langs))
        for operator in ("AND", "OR"):
            match = query.match(operator=operator, langs=langs, entry_type=entry_type, country=country)
            count = self._count(match, BROAD_MATCHES) if self.search_tables else None
            if count is not None and count >= BROAD_MATCHES:
                return self._broad_hits(query, operator, match, langs, entry_type, country, lang, limit, fetch)
            rows = [] if count == 0 else self.conn.execute(
                f"SELECT rowid, {_RANK} AS rank FROM search WHERE search MATCH ? ORDER BY rank LIMIT ?",
                (match, fetch),
            ).fetchall()
            if rows or len(query.terms) == 1:
                break
        return self._hits(rows, query, lang, limit)

    def _count(self, match: str, cap: int) -> int:
        """How many documents match, counted up to `cap` only: rowids, no positions, no scores (under 0.2 ms)."""
        count: int = self.conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)", (match, cap)
        ).fetchone()[0]
        return count

    def _hits(self, rows: list[sqlite3.Row], query: Query, lang: str | None, limit: int) -> list[Hit]:
        if not rows:
            return []
        rank_of = {row["rowid"]: row["rank"] for row in rows}
        docs = [dict(doc, rank=rank_of[doc["key"]]) for doc in self._documents("t.key", list(rank_of))]
        # One document per entry, ranked by its best-matching language; an exact title match comes first.
        best: dict[str, dict[str, Any]] = {}
        for doc in sorted(docs, key=lambda d: d["rank"]):
            best.setdefault(doc["id"], doc)
        ordered = sorted(best.values(), key=lambda d: (_title_tier(d["title"], query), d["rank"]))[:limit]
        return self._served(ordered, query, lang)

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
            f"SELECT rowid, {_RANK} AS rank FROM search WHERE search MATCH ? AND rowid <= ? ORDER BY rank LIMIT ?",
            (match, bound[0] if bound else 1 << 62, fetch + len(known)),
        ).fetchall()
        if not rows:
            return []
        rank_of = {row["rowid"]: row["rank"] for row in rows}
        best: dict[str, dict[str, Any]] = {}
        for doc in sorted(self._documents("t.key", list(rank_of)), key=lambda d: rank_of[d["key"]]):
            if doc["id"] not in known:
                best.setdefault(doc["id"], dict(doc, rank=rank_of[doc["key"]]))
        return list(best.values())

    def _served(self, ordered: list[dict[str, Any]], query: Query, lang: str | None) -> list[Hit]:
        """Hits for the chosen documents, in order: each in `lang` where translated, with a snippet."""
        if lang is not None:
            ordered = self._in_language(ordered, lang)
        texts = self._snippet_texts(ordered)
        hits = []
        for doc in ordered:
            text, spans = snippet(texts[doc["key"]], query)
            hits.append(Hit(
                id=doc["id"], type=doc["type"], title=doc["title"], summary=doc["summary"], snippet=text,
                highlights=spans, country=doc["country"], lang=doc["lang"],
                fallback=lang is not None and lang != "en" and doc["lang"] == "en", score=round(-doc["rank"], 6),
            ))
        return hits

    def _snippet_texts(self, docs: list[dict[str, Any]]) -> dict[int, str]:
        """key -> the text a document's snippet is cut from: its summary and the start of its body, as plain text."""
        if not docs:
            return {}
        if not self.search_tables:  # schema 1: made from the body (read by _documents) on every search
            return {doc["key"]: doc["summary"] + " " + snippet_text(doc["body"]) for doc in docs}
        keys = [doc["key"] for doc in docs]
        stored = dict(self.conn.execute(
            f"SELECT key, text FROM snippets WHERE key IN ({','.join('?' * len(keys))})", keys
        ).fetchall())
        return {doc["key"]: doc["summary"] + " " + stored[doc["key"]] for doc in docs}

    def _documents(self, column: str, values: list[Any], lang: str | None = None) -> list[sqlite3.Row]:
        """Translation rows with their entry's type and country, where `column` is one of `values`.

        Bodies are read only where snippets are made from them (a schema 1 database).
        """
        marks = ",".join("?" * len(values))
        body = "" if self.search_tables else ", t.body"
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
                docs = [dict(translated[d["id"]], rank=d["rank"]) if d["id"] in translated else d for d in docs]
        return docs

    # --- one entry ------------------------------------------------------------------------------------------
    def get(self, entry_id: str, lang: str = "en") -> Entry | None:
        """The entry in `lang`, or in English with `fallback=True`; None for an unknown id."""
        entry = self.conn.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if entry is None:
            return None
        rows = {r["lang"]: r for r in self.conn.execute("SELECT * FROM translations WHERE id = ?", (entry_id,))}
        doc = next(rows[code] for code in fallback_chain(lang) if code in rows)
        sources = self._citations(entry_id)
        if self.review_columns:
            checked, reviewed, review = entry["checked"], entry["reviewed"], _review(entry["review"])
            state, translation_review = doc["state"], _review(doc["review"])
        else:
            checked, reviewed, review = entry["reviewed"], None, None
            state, translation_review = doc["status"], None
        review_by = [c.review_by for c in sources if c.review_by]
        return Entry(
            id=entry["id"],
            type=entry["type"],
            title=doc["title"],
            summary=doc["summary"],
            body=doc["body"],
            lang=doc["lang"],
            requested_lang=lang,
            fallback=doc["lang"] == "en" and lang != "en",
            translation=doc["status"],
            country=entry["country"],
            countries=json.loads(entry["countries"]),
            tags=json.loads(entry["tags"]),
            details=json.loads(entry["details"]),
            sources=sources,
            as_of=entry["as_of"],
            reviewed=reviewed,
            related=self._links("SELECT r.kind, r.dst AS id FROM relations r WHERE r.src = ? ORDER BY r.rowid", entry_id, lang),
            linked_from=self._links(
                "SELECT r.kind, r.src AS id FROM relations r WHERE r.dst = ? ORDER BY r.src, r.rowid", entry_id, lang
            ),
            languages=sorted(rows),
            checked=checked,
            review=review,
            translation_state=state,
            translation_review=translation_review,
            review_by=min(review_by) if review_by else None,
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
            Citation(doc=r["doc"], where=r["location"], quote=r["quote"], title=r["title"] or "", url=r["url"],
                     published=r["published"] or "", outside_sources=not r["file"], review_by=r["review_by"])
            for r in rows
        ]

    def _links(self, sql: str, entry_id: str, lang: str) -> list[Link]:
        links, seen = [], set()
        for row in self.conn.execute(sql, (entry_id,)).fetchall():
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            title, entry_type = self.title_of(row["id"], lang)
            links.append(Link(id=row["id"], type=entry_type, title=title, kind=row["kind"]))
        return links

    def title_of(self, entry_id: str, lang: str = "en") -> tuple[str, str]:
        """(title in `lang`, its base language or English, type) of an entry."""
        chain = fallback_chain(lang)
        marks = ",".join("?" * len(chain))
        rows = self.conn.execute(
            f"SELECT t.lang, t.title, e.type FROM entries e JOIN translations t ON t.id = e.id "
            f"WHERE e.id = ? AND t.lang IN ({marks})",
            (entry_id, *chain),
        ).fetchall()
        if not rows:
            return (entry_id, "")
        best = min(rows, key=lambda row: chain.index(row["lang"]))
        return best["title"], best["type"]

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
        return [{k: row[k] for k in ("id", "type", "title", "summary", "country", "lang")} for row in rows]

    def field_values(self, entry_type: str, field: str) -> dict[str, Any]:
        """Entry id -> the value of one of its fields, for every entry of a type (a place's kind, ...)."""
        rows = self.conn.execute(
            "SELECT id, json_extract(details, '$.' || ?) FROM entries WHERE type = ?", (field, entry_type)
        )
        return {row[0]: row[1] for row in rows}

    def entries_at(self, entry_type: str, field: str, place_ids: list[str]) -> list[str]:
        """Ids of the entries of a type whose `field` names one of `place_ids` (services at these places)."""
        if not place_ids:
            return []
        marks = ",".join("?" * len(place_ids))
        sql = (f"SELECT id FROM entries WHERE type = ? AND json_extract(details, '$.' || ?) IN ({marks}) "
               "ORDER BY id")
        return [row[0] for row in self.conn.execute(sql, (entry_type, field, *place_ids))]

    # --- statistics -----------------------------------------------------------------------------------------
    def stats(self, today: str | None = None) -> dict[str, Any]:
        """Counts for `fieldkit stats`; `today` (YYYY-MM-DD, default: today) dates the review_by count."""
        meta = self.meta()
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
            "content_version": meta.get("content_version", ""),
            "content_date": meta.get("content_date", ""),
            "content_hash": meta.get("content_hash", ""),
            "schema_version": int(meta.get("schema_version", "0")),
            "entries": entries,
            "types": types,
            "languages": languages,
            "countries": countries,
            "without_sources": one("SELECT count(*) FROM entries WHERE id NOT IN (SELECT entry_id FROM citations)"),
            **self._review_counts(today or dt.date.today().isoformat()),
            "sources": one("SELECT count(*) FROM sources"),
        }

    def _one(self, sql: str, *args: Any) -> Any:
        """The single value a query returns."""
        return self.conn.execute(sql, args).fetchone()[0]

    def _review_counts(self, today: str) -> dict[str, Any]:
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
            past = one("SELECT count(DISTINCT entry_id) FROM citations WHERE review_by < ?", today)
        else:  # an older database: its `reviewed` dates are the editors', no specialist reviewed anything
            checked, reviewed, past = "reviewed", "NULL", 0
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
            "past_review_by": past,
        }

    def review_summary(self) -> dict[str, Any]:
        """What the app's header says about the whole content: newest check, how many a specialist reviewed.
        Counted once per store: the header asks on every screen, and the database does not change under it."""
        if self._summary is None:
            counts = self._review_counts(dt.date.today().isoformat())
            self._summary = {"checked": counts["newest_checked"], "entries": self._one("SELECT count(*) FROM entries"),
                             "reviewed": counts["reviewed_by_specialist"], "past_review_by": counts["past_review_by"]}
        return self._summary


def _review(value: str | None) -> Review | None:
    """A review stored as JSON, or None."""
    if not value:
        return None
    data = json.loads(value)
    review = Review()
    for key in ("by", "organisation", "date"):
        if data.get(key):
            review[key] = str(data[key])
    return review
