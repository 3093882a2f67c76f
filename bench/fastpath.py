"""A PROTOTYPE of a faster search for bench/search_bench.py. Not used by fieldkit; nothing in fieldkit/ changes.

Three changes against `fieldkit.store.store.Store.search`, each measurable on its own:

1. Plain text precomputed. `Store._hits` runs `plain_text()` (13 regular expressions) over the body of every hit
   on every search. Here the snippet text (summary + plain body) is computed once, at "build" time, into a side
   table `plain(key, text)`.
2. Snippet folding in one pass. `snippet()` folds every word of the text one by one (a regex, an lru_cache of
   4,096 words that a multilingual vocabulary overflows, a per-character generator in `fold()`). Here the text's
   distinct words are folded in one call, with combining marks removed by `str.translate` instead of a Python
   loop. The result is the same snippet, character for character (search_bench.py checks it).
3. Capped scoring. bm25 is computed for every row that matches. Here a cheap capped count (rowids only, no
   positions) comes first: under `CAP` matches the query runs exactly as the store runs it (same rows, same
   scores). From `CAP` matches up (a common word, a 2-letter prefix) only titles are ranked, in a small title-only
   FTS5 index, and if titles give too few rows the rest come from bm25 over the first `CAP` matching rows.

The side tables (title index and plain text) live in a separate file next to the database, `<db>.side.db`,
attached read-only; in a real design they would be two more tables in the one database.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
import unicodedata
from pathlib import Path
from typing import Any

from fieldkit.store import snippet as snippet_module
from fieldkit.store.models import Hit
from fieldkit.store.query import Query
from fieldkit.store.schema import facet_tokens
from fieldkit.store.store import Store, _title_tier
from fieldkit.text import fold as fold_module
from fieldkit.text.markdown_plain import plain_text

CAP = 2000  # matches from which only titles are ranked
FULL_SQL = "SELECT rowid, bm25(search, 10.0, 1.0, 0.0) AS rank FROM search WHERE search MATCH ? ORDER BY rank LIMIT ?"
SIDE_VERSION = "1"

# --- 2. folding in one pass ------------------------------------------------------------------------------------

# fieldkit's fold() now folds in one pass itself (its _table() holds the marks and the letter mappings); this
# prototype keeps its own copy so the what-if stays comparable.
_COMBINING = {cp: None for cp in range(0x110000) if unicodedata.combining(chr(cp))}
_ONE_PASS = {**_COMBINING, **fold_module._table()}


def fast_fold(text: str) -> str:
    """The same result as fieldkit.text.fold.fold(), with marks dropped by str.translate (C) instead of a loop."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return unicodedata.normalize("NFC", decomposed.translate(_ONE_PASS))


_NOT_WORD = re.compile(r"(?:(?!\n)[\W_])+")
# snippet._WORD is (?:[^\W_]|[marks])+, an alternation tried per character. The same words, faster: one class
# (\w and the marks, so it also takes "_"), then any match with "_" split where snippet._WORD would split it.
_MARKS = snippet_module._WORD.pattern[len("(?:[^\\W_]|[") : -len("])+")]
_WORD_OR_UNDERSCORE = re.compile(f"[\\w{_MARKS}]+")


def _word_spans(text: str) -> list[tuple[str, int]]:
    out = []
    for m in _WORD_OR_UNDERSCORE.finditer(text):
        word = m.group()
        if "_" not in word:
            out.append((word, m.start()))
            continue
        offset = m.start()
        for piece in word.split("_"):
            if piece:
                out.append((piece, offset))
            offset += len(piece) + 1
    return out


def fast_snippet(text: str, query: Query, width: int = 160) -> tuple[str, list[tuple[int, int]]]:
    """fieldkit.store.snippet.snippet(), with the words of `text` folded in one call."""
    found = _word_spans(text)
    distinct = dict.fromkeys(word for word, _ in found)
    # ASCII words fold to lower case; the others are folded together, in one call.
    others = [word for word in distinct if not word.isascii()]
    folded = dict(zip(others, _NOT_WORD.sub("", fast_fold("\n".join(others))).split("\n"))) if others else {}
    terms, last = set(query.terms), query.terms[-1]
    matching = set()
    for word in distinct:
        f = folded[word] if word in folded else word.lower()
        if f in terms or (query.prefix and f.startswith(last)):
            matching.add(word)
    spans = [(start, start + len(word)) for word, start in found if word in matching]
    # From here on exactly as snippet().
    if not spans:
        return snippet_module._cut(text, 0, width), []
    start = snippet_module._best_start(spans, width)
    begin = max(0, start - width // 4)
    if begin > 0:
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


# --- the side tables (what the build would add) ----------------------------------------------------------------

def side_path(db: Path) -> Path:
    return db.with_name(db.name + ".side.db")


def build_side(db: Path, *, force: bool = False) -> tuple[Path, float]:
    """Write `<db>.side.db`: a title-only FTS5 index and the snippet text of every document. Returns (path, s)."""
    out = side_path(db)
    if out.exists() and not force and out.stat().st_mtime >= db.stat().st_mtime:
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
    import json

    titles, plains = [], []
    for key, lang, title, summary, body, entry_type, countries, aliases in rows:
        words = " ".join([title, *(json.loads(aliases) if aliases else [])])
        titles.append((key, fold_module.fold(words), facet_tokens(lang, entry_type, json.loads(countries))))
        plains.append((key, summary + " " + plain_text(body)))
    side.executemany("INSERT INTO titles (rowid, title, facets) VALUES (?, ?, ?)", titles)
    side.execute("INSERT INTO titles (titles) VALUES ('optimize')")
    side.executemany("INSERT INTO plain (key, text) VALUES (?, ?)", plains)
    side.execute("INSERT INTO meta VALUES ('version', ?)", (SIDE_VERSION,))
    side.commit()
    side.execute("VACUUM")
    side.close()
    source.close()
    os.replace(temporary, out)
    return out, time.perf_counter() - started


# --- the store -------------------------------------------------------------------------------------------------

class FastStore(Store):
    """Store with the prototype search. `plain` and `capped` switch changes 1 and 3 off for comparison."""

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
        langs: tuple[str, ...] = () if lang is None else (lang,) if lang == "en" else (lang, "en")
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
            "SELECT rowid, bm25(search, 10.0, 1.0, 0.0) AS rank FROM search WHERE search MATCH ? AND rowid <= ? "
            "ORDER BY rank LIMIT ?",
            (match, bound, fetch),
        )
        rows += [(key, rank + 1000.0) for key, rank in fill if key not in seen]  # bm25 is < 0: after any title
        return rows[:fetch]

    def _took(self, path: str) -> None:
        self.paths[path] = self.paths.get(path, 0) + 1

    def _light(self, column: str, values: list[Any], lang: str | None = None) -> list[sqlite3.Row]:
        """Like Store._documents, without the body (it is the bulk of each row and is not needed here)."""
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
        if not rows:
            return []
        rank_of = dict(rows)
        docs = [dict(doc, rank=rank_of[doc["key"]]) for doc in self._light("t.key", list(rank_of))]
        best: dict[str, dict[str, Any]] = {}
        for doc in sorted(docs, key=lambda d: d["rank"]):
            best.setdefault(doc["id"], doc)
        ordered = sorted(best.values(), key=lambda d: (_title_tier(d["title"], query), d["rank"]))[:limit]
        if lang is not None:
            missing = [d["id"] for d in ordered if d["lang"] != lang]
            if missing:
                translated = {row["id"]: row for row in self._light("t.id", missing, lang)}
                ordered = [dict(translated[d["id"]], rank=d["rank"]) if d["id"] in translated else d for d in ordered]
        keys = [d["key"] for d in ordered]
        marks = ",".join("?" * len(keys))
        texts = dict(self.conn.execute(f"SELECT key, text FROM side.plain WHERE key IN ({marks})", keys).fetchall())
        hits = []
        for doc in ordered:
            text, spans = fast_snippet(texts[doc["key"]], query)
            hits.append(Hit(
                id=doc["id"], type=doc["type"], title=doc["title"], summary=doc["summary"], snippet=text,
                highlights=spans, country=doc["country"], lang=doc["lang"],
                fallback=lang is not None and doc["lang"] != lang, score=round(-doc["rank"], 6),
            ))
        return hits
