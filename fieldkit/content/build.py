"""Compile a content folder into one SQLite database, atomically and deterministically.

The database is compiled in a temporary folder, then written to the target by fieldkit.core.atomic (beside it,
renamed over it only when complete), so a failed build leaves the previous database byte-for-byte as it was. Rows go in sorted, nothing time-dependent is
stored, so the same input gives the same `content_hash` (and, with the same SQLite, the same bytes).
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from fieldkit.content.check import check
from fieldkit.content.corpus import Corpus, EntryFile
from fieldkit.content.embeds import find_embeds, resolve_embeds
from fieldkit.content.lexicon import lexicon_rows
from fieldkit.content.problems import ContentError
from fieldkit.core import registry
from fieldkit.core.atomic import write_bytes
from fieldkit.core.progress import step, track
from fieldkit.core.registry import REGISTRY
from fieldkit.store.routes import journey_outlines
from fieldkit.store.schema import (
    PREFIX_COUNTED_FROM,
    PREFIX_LENGTHS,
    SCHEMA_VERSION,
    facet_tokens,
    pack_text,
    snippet_text,
    title_order,
    title_position,
)
from fieldkit.store.store import Store
from fieldkit.text.fold import fold, words
from fieldkit.text.lang.stem import stem
from fieldkit.text.markdown_plain import plain_text
from fieldkit.text.tokens import written_words

COMMON_FIELDS = {f.name for f in registry.COMMON_FIELDS}


@dataclass
class BuildResult:
    path: Path
    content_hash: str
    entries: int
    translations: int


def build(content_dir: Path, out: Path) -> BuildResult:
    """Check `content_dir` and compile it to `out`. Raises ContentError (and leaves `out` alone) on any problem."""
    corpus, problems = check(content_dir)
    if problems:
        raise ContentError(problems)
    with tempfile.TemporaryDirectory(prefix="fieldkit-build-") as work:
        compiled = Path(work) / "fieldkit.db"
        counts = _write_database(corpus, compiled)
        write_bytes(out, compiled.read_bytes())  # WriteError (an OSError) with a one-line reason if it cannot
    return BuildResult(path=out, content_hash=corpus.input_hash, entries=counts[0], translations=counts[1])


def _write_database(corpus: Corpus, path: Path) -> tuple[int, int]:
    db = sqlite_utils.Database(path)
    try:
        return _fill(db, corpus)
    finally:
        db.close()


def _fill(db: sqlite_utils.Database, corpus: Corpus) -> tuple[int, int]:
    db.execute("PRAGMA journal_mode = DELETE")
    _create_tables(db)
    originals = sorted(corpus.originals.values(), key=lambda e: e.id)
    db.table("sources").insert_all(
        (vars(source) | {"line": None} for source in sorted(corpus.sources.values(), key=lambda s: s.id)),
    )
    db.table("entries").insert_all(_entry_row(entry) for entry in originals)
    db.table("citations").insert_all(
        {"entry_id": e.id, "position": i, "doc": c["doc"], "location": c.get("where"), "quote": c.get("quote")}
        for e in originals
        for i, c in enumerate(e.fields["sources"])
    )
    db.table("relations").insert_all(_relation_rows(originals))

    documents = _documents(corpus)
    # Schema 4: the body is in `texts` (with the snippet text, compressed), not in its translations row.
    db.table("translations").insert_all(dict(row, body="") for row, _ in documents)
    db.conn.executemany(
        "INSERT INTO search (rowid, title, body, facets, tstem, bstem) VALUES (?, ?, ?, ?, ?, ?)",
        [(row["key"], *index) for row, index in documents],
    )
    step("writing the search index")
    db.execute("INSERT INTO search (search) VALUES ('optimize')")
    _fill_search_tables(db, documents)
    db.conn.executemany("INSERT INTO lexicon (kind, key, lang, text, folded, stemmed) VALUES (?, ?, ?, ?, ?, ?)",
                        lexicon_rows(corpus))
    db.conn.executemany(
        "INSERT INTO concepts (id, prefers, search) VALUES (?, ?, ?)",
        [(c.id, _json([list(p) for p in c.prefers]), int(c.search))
         for c in sorted(corpus.vocabulary.concepts.values(), key=lambda c: c.id)],
    )
    db.table("meta").insert_all({"key": k, "value": v} for k, v in sorted(_meta(corpus, originals).items()))
    _write_figures(db.conn)
    db.conn.commit()
    step("compacting the database")
    db.execute("VACUUM")
    return len(originals), len(documents)


def _write_figures(conn: sqlite3.Connection) -> None:
    """What the app's first screen shows, worked out once here by the store's own code and kept in `meta`: the
    counts of `fieldkit stats` (Store.count_figures reads every translation) and the journeys across the region
    (routes.journeys walks every chain of legs). Home then reads them instead of growing with the content."""
    factory = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        store = Store(conn)
        figures = store.count_figures()
        outlines = journey_outlines(store, stored=False)
    finally:
        conn.row_factory = factory
    journeys = [{"legs": list(legs), "countries": list(countries)} for legs, countries in outlines]
    conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [
        ("stats", json.dumps(figures, ensure_ascii=False)),  # key order kept: it is the order stats() gives
        ("journeys", json.dumps(journeys, ensure_ascii=False)),
    ])


def _create_tables(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("sources").create(
        {"id": str, "title": str, "publisher": str, "published": str, "file": str, "url": str, "note": str, "line": int},
        pk="id",
    )
    db.table("entries").create(
        {
            "id": str, "type": str, "title": str, "summary": str, "country": str, "countries": str, "tags": str,
            "details": str, "as_of": str, "reviewed": str, "path": str,
        },
        pk="id",
    )
    db.table("entries").create_index(["type"])
    db.table("citations").create(
        {"entry_id": str, "position": int, "doc": str, "location": str, "quote": str},
        pk=("entry_id", "position"),
        foreign_keys=[("entry_id", "entries", "id"), ("doc", "sources", "id")],
    )
    db.table("relations").create(
        {"src": str, "dst": str, "kind": str, "position": int},
        pk=("src", "kind", "position"),
        foreign_keys=[("src", "entries", "id"), ("dst", "entries", "id")],
    )
    db.table("relations").create_index(["dst"])
    # One row per entry and language; `key` is also the rowid of its row in the search index.
    db.table("translations").create(
        {
            "key": int, "id": str, "lang": str, "title": str, "summary": str, "body": str, "status": str,
            "reviewed": str, "path": str,
        },
        pk="key",
        foreign_keys=[("id", "entries", "id")],
    )
    db.table("translations").create_index(["id", "lang"], unique=True)
    # Contentless: the index holds folded words only; text shown to people comes from `translations`.
    # `facets` carries lang/type/country tokens so filters narrow the match before bm25 scores it.
    # Schema 3: the stems of title and body words, where they differ from the word (fieldkit/store/schema.py).
    db.execute(
        "CREATE VIRTUAL TABLE search USING fts5("
        "title, body, facets, tstem, bstem, content='', tokenize='unicode61 remove_diacritics 2')"
    )  # no prefix indexes (schema 4): they were 60% of it; broad prefixes go to the title index (prefix_counts)
    # Schema 2 (fieldkit/store/schema.py): the title index for queries that match too much to rank by bm25, in
    # the static title order, and the snippet text, so a search reads no body and runs no Markdown conversion.
    db.execute(
        "CREATE VIRTUAL TABLE titles USING fts5("
        "title, facets, content='', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    db.execute("CREATE TABLE title_order (pos INTEGER PRIMARY KEY, key INTEGER NOT NULL)")
    # Schema 4: texts, their dictionaries, and how many documents each short prefix opens a word of.
    db.execute("CREATE TABLE texts (key INTEGER PRIMARY KEY, blob BLOB NOT NULL)")
    db.execute("CREATE TABLE dictionaries (lang TEXT PRIMARY KEY, zdict BLOB NOT NULL)")
    db.execute("CREATE TABLE prefix_counts (prefix TEXT NOT NULL, lang TEXT NOT NULL, documents INTEGER NOT NULL, "
               "PRIMARY KEY (prefix, lang)) WITHOUT ROWID")
    # Schema 3: the search vocabulary (fieldkit/content/lexicon.py).
    db.execute("CREATE TABLE lexicon (kind TEXT NOT NULL, key TEXT NOT NULL, lang TEXT NOT NULL, text TEXT NOT NULL, "
               "folded TEXT NOT NULL, stemmed TEXT NOT NULL)")
    db.execute("CREATE TABLE concepts (id TEXT PRIMARY KEY, prefers TEXT NOT NULL, search INTEGER NOT NULL)")
    # The store looks names up by their first word or stem, and by what they name, instead of loading them all.
    db.execute("CREATE INDEX lexicon_folded ON lexicon (folded)")
    db.execute("CREATE INDEX lexicon_stemmed ON lexicon (stemmed)")
    db.execute("CREATE INDEX lexicon_named ON lexicon (kind, key)")


def _fill_search_tables(db: sqlite_utils.Database, documents: list[tuple[dict[str, Any], SearchColumns]]) -> None:
    """The title index (rowid = title position: title order, ties by key); each document's snippet text and body,
    compressed (`texts`, with the languages' `dictionaries`); the short prefixes' counts."""
    ordered = sorted(documents, key=lambda doc: (*title_order(doc[0]["title"]), doc[0]["key"]))
    positions = [(title_position(row["title"], seq), row, index) for seq, (row, index) in enumerate(ordered, start=1)]
    db.conn.executemany(
        "INSERT INTO titles (rowid, title, facets) VALUES (?, ?, ?)",
        [(pos, index[0], index[2]) for pos, _, index in positions],
    )
    db.execute("INSERT INTO titles (titles) VALUES ('optimize')")
    db.conn.executemany("INSERT INTO title_order (pos, key) VALUES (?, ?)", [(pos, row["key"]) for pos, row, _ in positions])
    dictionaries = _dictionaries(row for row, _ in documents)
    db.conn.executemany("INSERT INTO dictionaries (lang, zdict) VALUES (?, ?)", sorted(dictionaries.items()))
    db.conn.executemany(
        "INSERT INTO texts (key, blob) VALUES (?, ?)",
        ((row["key"], pack_text(snippet_text(row["body"]), row["body"], dictionaries.get(row["lang"], b"")))
         for row, _ in track(documents, "writing and compressing the text")),
    )
    db.conn.executemany("INSERT INTO prefix_counts (prefix, lang, documents) VALUES (?, ?, ?)",
                        _prefix_counts(documents))


ZDICT_BYTES = 32768  # zlib's window: a preset dictionary longer than this is not used


def _dictionaries(rows: Iterable[dict[str, Any]]) -> dict[str, bytes]:
    """Per language, the preset dictionary its texts are compressed with: its commonest words, the commonest last
    (zlib reaches the end of a dictionary most cheaply), up to ZDICT_BYTES. Most texts are a few KB: on their own
    they compress poorly, with the words they share they compress to a third."""
    counts: dict[str, Counter[str]] = {}
    for row in rows:
        counts.setdefault(row["lang"], Counter()).update(row["body"].split())
    found = {}
    for lang, counter in sorted(counts.items()):
        picked, size = [], 0
        for word, _ in counter.most_common():
            size += len(word.encode("utf-8")) + 1
            if size > ZDICT_BYTES:
                break
            picked.append(word)
        found[lang] = " ".join(reversed(picked)).encode("utf-8")
    return found


def _prefix_counts(documents: list[tuple[dict[str, Any], SearchColumns]]) -> list[tuple[str, str, int]]:
    """(prefix, language, documents) for each 2 and 3 letter prefix that opens a word of at least
    PREFIX_COUNTED_FROM documents of a language, in their folded title and body: a lower bound of what the index
    matches (the stems add more), so a prefix counted broad here is broad in the index."""
    counts: Counter[tuple[str, str]] = Counter()
    for row, (title, body, *_) in documents:
        found = set(words(title + " " + body))
        counts.update((prefix, row["lang"]) for prefix in {word[:n] for word in found for n in PREFIX_LENGTHS
                                                           if len(word) >= n})
    return sorted((prefix, lang, count) for (prefix, lang), count in counts.items() if count >= PREFIX_COUNTED_FROM)


def _entry_row(entry: EntryFile) -> dict[str, Any]:
    fields = entry.fields
    details = {k: v for k, v in fields.items() if k not in COMMON_FIELDS}
    return {
        "id": entry.id,
        "type": entry.type,
        "title": fields["title"],
        "summary": fields["summary"],
        "country": fields.get("country"),
        "countries": _json(entry_countries(fields)),
        "tags": _json(fields.get("tags") or []),
        "details": _json(details),
        "as_of": fields["as_of"],
        "reviewed": fields.get("reviewed"),
        "path": _relative_path(entry),
    }


def _relative_path(entry: EntryFile) -> str:
    """The file's path inside the content folder, the same wherever the folder lives."""
    return f"{REGISTRY[entry.type].folder_name}/{entry.id}.{entry.lang}.md"


def entry_countries(fields: dict[str, Any]) -> list[str]:
    """The entry's country followed by any others it names, without repeats."""
    codes = [fields["country"]] if fields.get("country") else []
    return codes + [c for c in fields.get("countries") or [] if c not in codes]


def _relation_rows(originals: list[EntryFile]) -> Iterator[dict[str, Any]]:
    for entry in originals:
        embedded = [target for _, target in find_embeds(entry.front.body)]
        content_type = REGISTRY[entry.type]
        for kind in (*content_type.relation_fields, "related", registry.EMBEDS):
            value = embedded if kind == registry.EMBEDS else entry.fields.get(kind)
            spec = content_type.field(kind)
            if spec is not None and spec.kind == "area":  # an area's countries are not entries
                value = spec.link_targets(value)
            targets = value if isinstance(value, list) else [value] if value else []
            for position, target in enumerate(targets):
                yield {"src": entry.id, "dst": target, "kind": kind, "position": position}


SearchColumns = tuple[str, str, str, str, str]  # title, body, facets, tstem, bstem


def _documents(corpus: Corpus) -> list[tuple[dict[str, Any], SearchColumns]]:
    """Every (entry, language) as a translations row and its folded search columns, in a stable order."""
    rows = []
    files = sorted([*corpus.originals.values(), *corpus.translations.values()], key=lambda e: (e.id, e.lang))
    for key, entry in enumerate(track(files, "preparing documents for search"), start=1):
        if not entry.is_original and entry.id not in corpus.originals:
            continue
        original = corpus.originals[entry.id]
        fields = entry.fields
        body = entry.front.body.strip()
        if REGISTRY[entry.type].embeds:
            body = resolve_embeds(body, lambda target: _title_and_summary(corpus, target, entry.lang))
        row = {
            "key": key,
            "id": entry.id,
            "lang": entry.lang,
            "title": fields["title"],
            "summary": fields["summary"],
            "body": body,
            "status": "original" if entry.is_original else fields["translation"],
            "reviewed": fields.get("reviewed"),
            "path": _relative_path(entry),
        }
        rows.append((row, _search_columns(entry, original)))
    return rows


def _title_and_summary(corpus: Corpus, entry_id: str, lang: str) -> tuple[str, str, bool] | None:
    """An embedded entry in the deck's language where translated, else in English (and says so)."""
    translated = corpus.translations.get((entry_id, lang))
    entry = translated or corpus.originals.get(entry_id)
    if entry is None:
        return None
    return entry.fields["title"], entry.fields["summary"], lang != "en" and translated is None


def _search_columns(entry: EntryFile, original: EntryFile) -> SearchColumns:
    """The folded title and body columns of a document, its facets, and the stems of title and body. A type's
    `search_title` fields (a term's other names) count as title words in every language; tags and its
    `search_body` fields count in English."""
    fields, details = entry.fields, original.fields
    content_type = REGISTRY[original.type]
    title = " ".join([fields["title"], *(word for name in content_type.search_title for word in _words(details, name))])
    extra = []
    if entry.is_original:
        extra = [word for name in ("tags", *content_type.search_body) for word in _words(details, name)]
    body = " ".join([fields["summary"], plain_text(entry.front.body), *extra])
    facets = facet_tokens(entry.lang, original.type, entry_countries(details), entry_places(original), original.id)
    return fold(title), fold(body), facets, _stems(title, entry.lang), _stems(body, entry.lang)


def _stems(text: str, lang: str) -> str:
    """The stems of a text's words in its language, where a stem differs from the folded word (the word itself is
    in the exact column already)."""
    found = []
    for word in written_words(text):
        stemmed = stem(word, lang)
        if [stemmed] != words(fold(word)):
            found.append(stemmed)
    return " ".join(found)


def entry_places(entry: EntryFile) -> list[str]:
    """The places an entry is, is at, or links to: itself if a place, its place fields, related places."""
    fields = entry.fields
    found = [entry.id] if entry.type == "place" else []
    for spec in REGISTRY[entry.type].fields:
        if spec.refers_to == "place":
            found += _words(fields, spec.name)
    return list(dict.fromkeys(found))


def _words(fields: dict[str, Any], name: str) -> list[str]:
    value = fields.get(name)
    return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []


def _meta(corpus: Corpus, originals: list[EntryFile]) -> dict[str, str]:
    reviewed = sorted(e.fields["reviewed"] for e in originals if e.fields.get("reviewed"))
    content_date = reviewed[-1] if reviewed else ""
    languages = sorted({e.lang for e in corpus.files()})
    return {
        "schema_version": str(SCHEMA_VERSION),
        "content_hash": corpus.input_hash,
        "content_date": content_date,
        "content_version": content_date.replace("-", ".") or "0",
        "languages": _json(languages),
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
