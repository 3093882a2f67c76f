"""A PROTOTYPE of a faster search for bench/search_bench.py. Not used by fieldkit; nothing in fieldkit/ changes.

Two changes against `fieldkit.store.store.Store.search`, measured by search_bench.py:

1. Capped scoring. bm25 is computed for every row that matches (about 0.8 us a row at x100), so a common word or
   a 2-letter prefix matching 20,000-30,000 rows costs 15-25 ms before the best ten are known. Here a capped count
   comes first (rowids only, no positions, at most `CAP` rows: under 0.1 ms). Under `CAP` matches the query runs
   exactly as the store runs it (same rows, same scores, same hits). From `CAP` matches up only titles are ranked,
   in a small title-only FTS5 index; if titles give too few rows, the rest come from bm25 over the first `CAP`
   matching rows, ranked after every title match.
2. Plain text precomputed. `Store._hits` reads every hit's Markdown body and runs `plain_text()` (13 regular
   expressions) on it for the snippet on every search. Here the snippet source (summary + plain text of the first
   SNIPPET_SOURCE characters of the body, exactly what the store computes) is stored once in a side table, and
   bodies are not read at all. Snippets are made by fieldkit's own snippet(), so they are the same.

The side tables (title index and plain text) live in a separate file next to the database, `<db>.side.db`,
attached read-only; in a real design they would be two more tables in the one database, written by the build.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from fieldkit.i18n.languages import fallback_chain
from fieldkit.store.models import Hit
from fieldkit.store.query import Query
from fieldkit.store.schema import facet_tokens
from fieldkit.store.snippet import snippet
from fieldkit.store.store import _RANK, Store, _title_tier
from fieldkit.store import store as store_module
from fieldkit.text.fold import fold
from fieldkit.text.markdown_plain import plain_text

CAP = 2000  # matches from which only titles are ranked
FULL_SQL = f"SELECT rowid, {_RANK} AS rank FROM search WHERE search MATCH ? ORDER BY rank LIMIT ?"
SNIPPET_SOURCE = getattr(store_module, "SNIPPET_SOURCE", None)  # as the store cuts bodies for snippets
SIDE_VERSION = "2"


# --- the side tables (what the build would add) ----------------------------------------------------------------

def side_path(db: Path) -> Path:
    return db.with_name(db.name + ".side.db")


def snippet_source(summary: str, body: str) -> str:
    """The text the store makes a snippet from (Store._hits)."""
    return summary + " " + plain_text(body[:SNIPPET_SOURCE])


def _side_is_current(out: Path, db: Path) -> bool:
    if not out.exists() or out.stat().st_mtime < db.stat().st_mtime:
        return False
    try:
        conn = sqlite3.connect(f"{out.resolve().as_uri()}?mode=ro", uri=True)
        version = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        conn.close()
    except sqlite3.DatabaseError:
        return False
    return version is not None and version[0] == f"{SIDE_VERSION}:{SNIPPET_SOURCE}"


def build_side(db: Path, *, force: bool = False) -> tuple[Path, float]:
    """Write `<db>.side.db`: a title-only FTS5 index and the snippet source of every document. Returns (path, s)."""
    out = side_path(db)
    if not force and _side_is_current(out, db):
        return out, 0.0
    started = time.perf_counter()
    temporary = out.with_name(out.name + ".tmp")
    temporary.unlink(missing_ok=True)
    source = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    side = sqlite3.connect(temporary)
    side.execute("PRAGMA journal_mode = OFF")
    side.execute(
        "CREATE VIRTUAL TABLE titles USING fts5("
        "title, facets, content='', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    side.execute("CREATE TABLE plain (key INTEGER PRIMARY KEY, text TEXT NOT NULL)")
    side.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    rows = source.execute(
        "SELECT t.key, t.lang, t.title, t.summary, t.body, e.type, e.countries, "
        "json_extract(e.details, '$.aliases') FROM translations t JOIN entries e ON e.id = t.id ORDER BY t.key"
    )
    titles, plains = [], []
    for key, lang, title, summary, body, entry_type, countries, aliases in rows:
        words = " ".join([title, *(json.loads(aliases) if aliases else [])])  # as the build's title column
        titles.append((key, fold(words), facet_tokens(lang, entry_type, json.loads(countries))))
        plains.append((key, snippet_source(summary, body)))
    side.executemany("INSERT INTO titles (rowid, title, facets) VALUES (?, ?, ?)", titles)
    side.execute("INSERT INTO titles (titles) VALUES ('optimize')")
    side.executemany("INSERT INTO plain (key, text) VALUES (?, ?)", plains)
    side.execute("INSERT INTO meta VALUES ('version', ?)", (f"{SIDE_VERSION}:{SNIPPET_SOURCE}",))
    side.commit()
    side.execute("VACUUM")
    side.close()
    source.close()
    os.replace(temporary, out)
    return out, time.perf_counter() - started


def side_sizes(side: Path) -> dict[str, int]:
    """Bytes of the title index and of the plain-text table."""
    conn = sqlite3.connect(f"{side.resolve().as_uri()}?mode=ro", uri=True)
    sizes = {"titles": 0, "plain": 0}
    for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
        if name.startswith("titles"):
            sizes["titles"] += size
        elif name == "plain":
            sizes["plain"] += size
    conn.close()
    return sizes


# --- the store -------------------------------------------------------------------------------------------------

class FastStore(Store):
    """Store with the prototype search; everything but ranking and the snippet source is the store's own code."""

    def __init__(self, conn: sqlite3.Connection, side: Path, *, capped: bool = True):
        super().__init__(conn)
        conn.execute("ATTACH DATABASE ? AS side", (f"{side.resolve().as_uri()}?mode=ro&immutable=1",))
        self.capped = capped
        self.paths: dict[str, int] = {}  # which path each search took: full, titles, titles+fill

    def search(self, text: str, *, lang: str | None = None, entry_type: str | None = None,
               country: str | None = None, limit: int = 20) -> list[Hit]:
        query = Query.parse(text)
        if not query or limit <= 0:
            return []
        langs: tuple[str, ...] = () if lang is None else tuple(fallback_chain(lang))
        fetch = limit * max(2, len(langs))
        for operator in ("AND", "OR"):
            match = query.match(operator=operator, langs=langs, entry_type=entry_type, country=country)
            rows = self._ranked(match, fetch)
            if rows or len(query.terms) == 1:
                break
        return self._fast_hits(rows, query, lang, limit)

    def _ranked(self, match: str, fetch: int) -> list[tuple[int, float]]:
        conn = self.conn
        if self.capped:
            count = conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)", (match, CAP)
            ).fetchone()[0]
        if not self.capped or count < CAP:
            self._took("full")
            return [(r[0], r[1]) for r in conn.execute(FULL_SQL, (match, fetch))]
        # Very many matches: rank titles only, in the small title index.
        title_match = match.replace("{title body} :", "title :", 1)
        rows = [(r[0], r[1]) for r in conn.execute(
            "SELECT rowid, bm25(titles, 10.0, 0.0) AS rank FROM side.titles WHERE titles MATCH ? ORDER BY rank LIMIT ?",
            (title_match, fetch),
        )]
        if len(rows) >= fetch:
            self._took("titles")
            return rows
        # Too few titles: fill with bm25 over the first CAP matching rows only, ranked after every title match.
        self._took("titles+fill")
        bound = conn.execute(
            "SELECT rowid FROM search WHERE search MATCH ? LIMIT 1 OFFSET ?", (match, CAP - 1)
        ).fetchone()[0]
        seen = {key for key, _ in rows}
        fill = conn.execute(
            f"SELECT rowid, {_RANK} AS rank FROM search WHERE search MATCH ? AND rowid <= ? ORDER BY rank LIMIT ?",
            (match, bound, fetch),
        )
        rows += [(key, rank + 1000.0) for key, rank in fill if key not in seen]  # bm25 is < 0: after any title
        return rows[:fetch]

    def _took(self, path: str) -> None:
        self.paths[path] = self.paths.get(path, 0) + 1

    def _documents(self, column: str, values: list[Any], lang: str | None = None) -> list[sqlite3.Row]:
        """Store._documents without the body (the bulk of each row, not needed here); Store._in_language uses it."""
        marks = ",".join("?" * len(values))
        sql = (
            "SELECT t.key, t.id, t.lang, t.title, t.summary, e.type, e.country FROM translations t "
            f"JOIN entries e ON e.id = t.id WHERE {column} IN ({marks})"
        )
        if lang is not None:
            sql += " AND t.lang = ?"
            values = [*values, lang]
        return self.conn.execute(sql, values).fetchall()

    def _fast_hits(self, rows: list[tuple[int, float]], query: Query, lang: str | None, limit: int) -> list[Hit]:
        """Store._hits, with the snippet source read from the side table instead of computed from the body."""
        if not rows:
            return []
        rank_of = dict(rows)
        docs = [dict(doc, rank=rank_of[doc["key"]]) for doc in self._documents("t.key", list(rank_of))]
        best: dict[str, dict[str, Any]] = {}
        for doc in sorted(docs, key=lambda d: d["rank"]):
            best.setdefault(doc["id"], doc)
        ordered = sorted(best.values(), key=lambda d: (_title_tier(d["title"], query), d["rank"]))[:limit]
        if lang is not None:
            ordered = self._in_language(ordered, lang)
        keys = [d["key"] for d in ordered]
        marks = ",".join("?" * len(keys))
        texts = dict(self.conn.execute(f"SELECT key, text FROM side.plain WHERE key IN ({marks})", keys).fetchall())
        hits = []
        for doc in ordered:
            text, spans = snippet(texts[doc["key"]], query)
            hits.append(Hit(
                id=doc["id"], type=doc["type"], title=doc["title"], summary=doc["summary"], snippet=text,
                highlights=spans, country=doc["country"], lang=doc["lang"],
                fallback=lang is not None and lang != "en" and doc["lang"] == "en", score=round(-doc["rank"], 6),
            ))
        return hits
