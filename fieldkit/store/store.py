"""Read access to the compiled content: search, one entry, lists and statistics."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from fieldkit.i18n.languages import fallback_chain
from fieldkit.store.db import Located
from fieldkit.store.models import Citation, Entry, Hit, Link
from fieldkit.store.query import Query
from fieldkit.store.snippet import snippet
from fieldkit.text.fold import fold, words
from fieldkit.text.markdown_plain import plain_text

# Title matches count ten times a body match; the facets column never counts.
_RANK = "bm25(search, 10.0, 1.0, 0.0)"
SNIPPET_SOURCE = 3000  # characters of a body searched for the snippet


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
        """
        query = Query.parse(text)
        if not query or limit <= 0:
            return []
        langs: tuple[str, ...] = () if lang is None else tuple(fallback_chain(lang))
        for operator in ("AND", "OR"):
            match = query.match(operator=operator, langs=langs, entry_type=entry_type, country=country)
            # Both languages of one entry can match; fetch enough rows to keep `limit` entries after merging.
            rows = self.conn.execute(
                f"SELECT rowid, {_RANK} AS rank FROM search WHERE search MATCH ? ORDER BY rank LIMIT ?",
                (match, limit * max(2, len(langs))),
            ).fetchall()
            if rows or len(query.terms) == 1:
                break
        return self._hits(rows, query, lang, limit)

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
        if lang is not None:
            ordered = self._in_language(ordered, lang)
        hits = []
        for doc in ordered:
            # A snippet comes from the start of long bodies: it is cut around the first dense cluster anyway.
            text, spans = snippet(doc["summary"] + " " + plain_text(doc["body"][:SNIPPET_SOURCE]), query)
            hits.append(Hit(
                id=doc["id"], type=doc["type"], title=doc["title"], summary=doc["summary"], snippet=text,
                highlights=spans, country=doc["country"], lang=doc["lang"],
                fallback=lang is not None and lang != "en" and doc["lang"] == "en", score=round(-doc["rank"], 6),
            ))
        return hits

    def _documents(self, column: str, values: list[Any], lang: str | None = None) -> list[sqlite3.Row]:
        """Translation rows with their entry's type and country, where `column` is one of `values`."""
        marks = ",".join("?" * len(values))
        sql = (
            "SELECT t.key, t.id, t.lang, t.title, t.summary, t.body, e.type, e.country FROM translations t "
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
            sources=self._citations(entry_id),
            as_of=entry["as_of"],
            reviewed=entry["reviewed"],
            related=self._links("SELECT r.kind, r.dst AS id FROM relations r WHERE r.src = ? ORDER BY r.rowid", entry_id, lang),
            linked_from=self._links(
                "SELECT r.kind, r.src AS id FROM relations r WHERE r.dst = ? ORDER BY r.src, r.rowid", entry_id, lang
            ),
            languages=sorted(rows),
        )

    def _citations(self, entry_id: str) -> list[Citation]:
        rows = self.conn.execute(
            "SELECT c.doc, c.location, c.quote, s.title, s.url, s.published FROM citations c "
            "LEFT JOIN sources s ON s.id = c.doc WHERE c.entry_id = ? ORDER BY c.position",
            (entry_id,),
        )
        return [
            Citation(doc=r["doc"], where=r["location"], quote=r["quote"], title=r["title"] or "", url=r["url"],
                     published=r["published"] or "")
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

    def place_kinds(self) -> dict[str, str]:
        """Place id -> kind (town, border-crossing, river, ...)."""
        rows = self.conn.execute("SELECT id, json_extract(details, '$.kind') FROM entries WHERE type = 'place'")
        return {row[0]: row[1] for row in rows}

    def services_at(self, place_ids: list[str]) -> list[str]:
        """Ids of services whose place is one of `place_ids`."""
        if not place_ids:
            return []
        marks = ",".join("?" * len(place_ids))
        sql = f"SELECT id FROM entries WHERE type = 'service' AND json_extract(details, '$.place') IN ({marks}) ORDER BY id"
        return [row[0] for row in self.conn.execute(sql, place_ids)]

    # --- statistics -----------------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        meta = self.meta()
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        types = {r[0]: r[1] for r in self.conn.execute("SELECT type, count(*) FROM entries GROUP BY type ORDER BY type")}
        languages: dict[str, dict[str, int]] = {}
        entries = one("SELECT count(*) FROM entries")
        for lang, status, count in self.conn.execute(
            "SELECT lang, status, count(*) FROM translations GROUP BY lang, status ORDER BY lang, status"
        ):
            languages.setdefault(lang, {"original": 0, "machine": 0, "reviewed": 0, "total": 0})
            languages[lang][status] = count
            languages[lang]["total"] += count
        for counts in languages.values():  # share of all entries available in this language
            counts["coverage"] = round(counts["total"] / entries, 4) if entries else 0.0
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
            "unreviewed": one("SELECT count(*) FROM entries WHERE reviewed IS NULL"),
            "oldest_reviewed": one("SELECT min(reviewed) FROM entries"),
            "newest_reviewed": one("SELECT max(reviewed) FROM entries"),
            "sources": one("SELECT count(*) FROM sources"),
        }
