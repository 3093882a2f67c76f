"""Compile a content folder into one SQLite database, atomically and deterministically.

The database is compiled in a temporary folder, then written to the target by fieldkit.core.atomic (beside it,
renamed over it only when complete), so a failed build leaves the previous database byte-for-byte as it was. Rows go in sorted, nothing time-dependent is
stored, so the same input gives the same `content_hash` (and, with the same SQLite, the same bytes).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from fieldkit.content.check import check
from fieldkit.content.corpus import Corpus, EntryFile
from fieldkit.content.embeds import resolve_embeds
from fieldkit.content.lexicon import lexicon_rows
from fieldkit.content.problems import ContentError, errors
from fieldkit.content.references import name_references, reference_pattern
from fieldkit.content.review import translation_state
from fieldkit.core import registry
from fieldkit.core.atomic import write_bytes
from fieldkit.core.marker import N_
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
    title_position_of,
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
    # Bodies are let go as each file is checked and read again, one at a time, as the database is written: the
    # build never holds every body, nor every document's rows, at once (peak memory, docs/performance.md).
    corpus, problems = check(content_dir, bodies=False)
    if errors(problems):  # warnings (an outdated translation) are shown by `fieldkit check`, not refused here
        raise ContentError(errors(problems))
    with tempfile.TemporaryDirectory(prefix="fieldkit-build-") as work:
        compiled = Path(work) / "fieldkit.db"
        counts = write_database(corpus, compiled)
        with compiled.open("rb") as database:
            write_bytes(out, database)  # WriteError (an OSError) with a one-line reason if it cannot
    return BuildResult(path=out, content_hash=corpus.input_hash, entries=counts[0], translations=counts[1])


def write_database(corpus: Corpus, path: Path) -> tuple[int, int]:
    """Compile a checked corpus into the new database `path`; (entries, documents) written."""
    conn = sqlite3.connect(path)
    try:
        return _fill(conn, corpus)
    finally:
        conn.close()


def _fill(conn: sqlite3.Connection, corpus: Corpus) -> tuple[int, int]:
    conn.execute("PRAGMA journal_mode = DELETE")
    _create_tables(conn)
    originals = sorted(corpus.originals.values(), key=lambda e: e.id)
    _insert(conn, "sources",
            (vars(source) | {"line": None} for source in sorted(corpus.sources.values(), key=lambda s: s.id)))
    references = reference_pattern(corpus.originals)
    _insert(conn, "entries", (_entry_row(entry, lambda text: name_references(
        text, references, partial(_title, corpus, lang="en"), markdown=False)) for entry in originals))
    _insert(conn, "citations", (
        {"entry_id": e.id, "position": i, "doc": c["doc"], "location": c.get("where"), "quote": c.get("quote"),
         "review_by": c.get("review_by")}
        for e in originals
        for i, c in enumerate(e.fields["sources"])
    ))
    _insert(conn, "relations", _relation_rows(originals))

    documents = _write_documents(conn, corpus)
    conn.executemany("INSERT INTO lexicon (kind, key, lang, text, folded, stemmed) VALUES (?, ?, ?, ?, ?, ?)",
                     lexicon_rows(corpus))
    conn.executemany(
        "INSERT INTO concepts (id, prefers, search) VALUES (?, ?, ?)",
        [(c.id, _json([list(p) for p in c.prefers]), int(c.search))
         for c in sorted(corpus.vocabulary.concepts.values(), key=lambda c: c.id)],
    )
    _insert(conn, "meta", ({"key": k, "value": v} for k, v in sorted(_meta(corpus, originals).items())))
    write_figures(conn)
    conn.commit()
    step(N_("compacting the database"))
    conn.execute("VACUUM")
    return len(originals), documents


def _insert(conn: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    """Insert each row's columns (dates as ISO text, lists and dicts as JSON)."""
    for row in rows:
        names = ", ".join(f'"{name}"' for name in row)
        conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(row))})',
                      [_sql_value(value) for value in row.values()])


def _sql_value(value: Any) -> Any:
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, default=repr, ensure_ascii=False)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def write_figures(conn: sqlite3.Connection) -> None:
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
    conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [  # the merge of overlays counts again
        ("stats", json.dumps(figures, ensure_ascii=False)),  # key order kept: it is the order stats() gives
        ("journeys", json.dumps(journeys, ensure_ascii=False)),
    ])


# The plain tables, column by column (the layout sqlite-utils wrote for schemas 1 to 4).
_TABLES = {
    "meta": ('"key" TEXT PRIMARY KEY', '"value" TEXT'),
    "sources": ('"id" TEXT PRIMARY KEY', '"title" TEXT', '"publisher" TEXT', '"published" TEXT', '"file" TEXT',
                '"url" TEXT', '"note" TEXT', '"line" INTEGER'),
    "entries": ('"id" TEXT PRIMARY KEY', '"type" TEXT', '"title" TEXT', '"summary" TEXT', '"country" TEXT',
                '"countries" TEXT', '"tags" TEXT', '"details" TEXT', '"as_of" TEXT', '"reviewed" TEXT', '"path" TEXT',
                '"checked" TEXT', '"review" TEXT'),
    "citations": ('"entry_id" TEXT REFERENCES "entries"("id")', '"position" INTEGER',
                  '"doc" TEXT REFERENCES "sources"("id")', '"location" TEXT', '"quote" TEXT', '"review_by" TEXT',
                  'PRIMARY KEY ("entry_id", "position")'),
    "relations": ('"src" TEXT REFERENCES "entries"("id")', '"dst" TEXT REFERENCES "entries"("id")', '"kind" TEXT',
                  '"position" INTEGER', 'PRIMARY KEY ("src", "kind", "position")'),
    "translations": ('"key" INTEGER PRIMARY KEY', '"id" TEXT REFERENCES "entries"("id")', '"lang" TEXT',
                     '"title" TEXT', '"summary" TEXT', '"body" TEXT', '"status" TEXT', '"reviewed" TEXT',
                     '"path" TEXT', '"review" TEXT', '"state" TEXT'),
}


def _create_tables(conn: sqlite3.Connection) -> None:
    for name, columns in _TABLES.items():
        conn.execute(f'CREATE TABLE "{name}" (\n   ' + ",\n   ".join(columns) + "\n)")
    conn.execute('CREATE INDEX "idx_entries_type"\n    ON "entries" ("type")')
    conn.execute('CREATE INDEX "idx_relations_dst"\n    ON "relations" ("dst")')
    # One row per entry and language; `key` is also the rowid of its row in the search index.
    conn.execute('CREATE UNIQUE INDEX "idx_translations_id_lang"\n    ON "translations" ("id", "lang")')
    # Contentless: the index holds folded words only; text shown to people comes from `translations`.
    # `facets` carries lang/type/country tokens so filters narrow the match before bm25 scores it.
    # Schema 3: the stems of title and body words, where they differ from the word (fieldkit/store/schema.py).
    conn.execute(
        "CREATE VIRTUAL TABLE search USING fts5("
        "title, body, facets, tstem, bstem, content='', tokenize='unicode61 remove_diacritics 2')"
    )  # no prefix indexes (schema 5): they were 60% of it; broad prefixes go to the title index (prefix_counts)
    # Schema 2 (fieldkit/store/schema.py): the title index for queries that match too much to rank by bm25, in
    # the static title order, and the snippet text, so a search reads no body and runs no Markdown conversion.
    conn.execute(
        "CREATE VIRTUAL TABLE titles USING fts5("
        "title, facets, content='', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    conn.execute("CREATE TABLE title_order (pos INTEGER PRIMARY KEY, key INTEGER NOT NULL)")
    # Schema 5: texts, their dictionaries, and how many documents each short prefix opens a word of.
    conn.execute("CREATE TABLE texts (key INTEGER PRIMARY KEY, blob BLOB NOT NULL)")
    conn.execute("CREATE TABLE dictionaries (lang TEXT PRIMARY KEY, zdict BLOB NOT NULL)")
    conn.execute("CREATE TABLE prefix_counts (prefix TEXT NOT NULL, lang TEXT NOT NULL, documents INTEGER NOT NULL, "
               "PRIMARY KEY (prefix, lang)) WITHOUT ROWID")
    # Schema 3: the search vocabulary (fieldkit/content/lexicon.py).
    conn.execute("CREATE TABLE lexicon (kind TEXT NOT NULL, key TEXT NOT NULL, lang TEXT NOT NULL, text TEXT NOT NULL, "
               "folded TEXT NOT NULL, stemmed TEXT NOT NULL)")
    conn.execute("CREATE TABLE concepts (id TEXT PRIMARY KEY, prefers TEXT NOT NULL, search INTEGER NOT NULL)")
    # The store looks names up by their first word or stem, and by what they name, instead of loading them all.
    conn.execute("CREATE INDEX lexicon_folded ON lexicon (folded)")
    conn.execute("CREATE INDEX lexicon_stemmed ON lexicon (stemmed)")
    conn.execute("CREATE INDEX lexicon_named ON lexicon (kind, key)")


def _write_documents(conn: sqlite3.Connection, corpus: Corpus) -> int:
    """Every (entry, language) as a translations row, its search columns, its packed text (schema 5) and its place
    in the title index, written one document at a time; returns how many."""
    files = _document_files(corpus)
    references = reference_pattern(corpus.originals)
    dictionaries = _dictionaries(corpus, files)
    conn.executemany("INSERT INTO dictionaries (lang, zdict) VALUES (?, ?)", sorted(dictionaries.items()))
    titles: list[tuple[int, int, int, str, str]] = []  # title order, key, then the title index's columns
    prefixes: Counter[tuple[str, str]] = Counter()
    for key, entry in track(files, N_("writing documents")):
        row, columns = _document(corpus, key, entry, references)
        body = row["body"]
        # Schema 5: the body is in `texts` (with the snippet text, compressed), not in its translations row.
        conn.execute(f"INSERT INTO translations ({', '.join(TRANSLATION_COLUMNS)}) VALUES "
                     f"({', '.join('?' * len(TRANSLATION_COLUMNS))})",
                     [row[name] if name != "body" else "" for name in TRANSLATION_COLUMNS])
        conn.execute("INSERT INTO search (rowid, title, body, facets, tstem, bstem) VALUES (?, ?, ?, ?, ?, ?)",
                     (key, *columns))
        conn.execute("INSERT INTO texts (key, blob) VALUES (?, ?)",
                     (key, pack_text(snippet_text(body), body, dictionaries.get(row["lang"], b""))))
        count_prefixes(prefixes, row["lang"], columns)
        titles.append((*title_order(row["title"]), key, columns[0], columns[2]))
    step(N_("writing the search index"))
    conn.execute("INSERT INTO search (search) VALUES ('optimize')")
    _write_title_index(conn, titles)
    conn.executemany("INSERT INTO prefix_counts (prefix, lang, documents) VALUES (?, ?, ?)",
                     sorted((prefix, lang, count) for (prefix, lang), count in prefixes.items()
                            if count >= PREFIX_COUNTED_FROM))
    return len(files)


TRANSLATION_COLUMNS = ("key", "id", "lang", "title", "summary", "body", "status", "reviewed", "path", "review", "state")


def _write_title_index(conn: sqlite3.Connection, titles: list[tuple[int, int, int, str, str]]) -> None:
    """The title index (rowid = title position: title order, ties by key) and the key of each position."""
    titles.sort()
    positions = [(title_position_of(words_count, characters, seq), key, title, facets)
                 for seq, (words_count, characters, key, title, facets) in enumerate(titles, start=1)]
    conn.executemany("INSERT INTO titles (rowid, title, facets) VALUES (?, ?, ?)",
                     [(pos, title, facets) for pos, _, title, facets in positions])
    conn.execute("INSERT INTO titles (titles) VALUES ('optimize')")
    conn.executemany("INSERT INTO title_order (pos, key) VALUES (?, ?)", [(pos, key) for pos, key, _, _ in positions])


ZDICT_BYTES = 32768  # zlib's window: a preset dictionary longer than this is not used


DICTIONARY_SAMPLE = 4000  # documents whose words make the dictionaries: all of them up to this many, else a sample


def _dictionaries(corpus: Corpus, files: list[tuple[int, EntryFile]]) -> dict[str, bytes]:
    """Per language, the preset dictionary its texts are compressed with: the commonest words of its bodies (every
    document's, or those of an even sample of DICTIONARY_SAMPLE documents), the commonest last (zlib reaches the
    end of a dictionary most cheaply), up to ZDICT_BYTES. Most texts are a few KB: on their own they compress
    poorly, with the words their language shares they compress to a third."""
    counts: dict[str, Counter[str]] = {}
    step = max(1, len(files) // DICTIONARY_SAMPLE)
    for _, entry in track(files[::step], N_("choosing the compression dictionaries")):
        counts.setdefault(entry.lang, Counter()).update(entry.body().split())
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


def count_prefixes(counts: Counter[tuple[str, str]], lang: str, columns: SearchColumns) -> None:
    """Add a document to the counts of `prefix_counts`: each 2 and 3 letter prefix that opens a word of its folded
    title or body. That is a lower bound of what the index matches (the stems add more), so a prefix counted
    broad there is broad in the index."""
    found = set(words(columns[0] + " " + columns[1]))
    counts.update((prefix, lang) for prefix in {word[:n] for word in found for n in PREFIX_LENGTHS if len(word) >= n})


def _entry_row(entry: EntryFile, named: Callable[[str], str] = lambda text: text) -> dict[str, Any]:
    """The entries row; `named` puts titles for the ids in free-text details (they are in English)."""
    fields = entry.fields
    text_fields = {f.name for f in REGISTRY[entry.type].fields if f.kind == "text"}
    details = {k: named(v) if k in text_fields and isinstance(v, str) else v
               for k, v in fields.items() if k not in COMMON_FIELDS}
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
        "reviewed": _review_date(fields),
        "path": _relative_path(entry),
        "checked": fields.get("checked"),
        "review": _json(fields["reviewed"]) if fields.get("reviewed") else None,
    }


def _review_date(fields: dict[str, Any]) -> str | None:
    """The date of a person's review, or None: never a date the editors set when writing."""
    review = fields.get("reviewed")
    return review.get("date") if isinstance(review, dict) else None


def _relative_path(entry: EntryFile) -> str:
    """The file's path inside the content folder, the same wherever the folder lives."""
    return f"{REGISTRY[entry.type].folder_name}/{entry.id}.{entry.lang}.md"


def entry_countries(fields: dict[str, Any]) -> list[str]:
    """The entry's country followed by any others it names, without repeats."""
    codes = [fields["country"]] if fields.get("country") else []
    return codes + [c for c in fields.get("countries") or [] if c not in codes]


def _relation_rows(originals: list[EntryFile]) -> Iterator[dict[str, Any]]:
    for entry in originals:
        embedded = [target for _, target in entry.embeds]
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


def _document_files(corpus: Corpus) -> list[tuple[int, EntryFile]]:
    """(key, file) of every document, in the stable order that numbers them (a translation without its original,
    which check refuses, keeps its number)."""
    files = sorted([*corpus.originals.values(), *corpus.translations.values()], key=lambda e: (e.id, e.lang))
    return [(key, entry) for key, entry in enumerate(files, start=1)
            if entry.is_original or entry.id in corpus.originals]


def _documents(corpus: Corpus) -> Iterator[tuple[dict[str, Any], SearchColumns]]:
    """Every (entry, language) as a translations row and its folded search columns, in a stable order."""
    references = reference_pattern(corpus.originals)
    for key, entry in _document_files(corpus):
        yield _document(corpus, key, entry, references)


def _document(corpus: Corpus, key: int, entry: EntryFile, references: Any) -> tuple[dict[str, Any], SearchColumns]:
    """One document as a translations row (with its body) and its folded search columns."""
    original = corpus.originals[entry.id]
    fields = entry.fields
    status = "original" if entry.is_original else fields["translation"]
    source = entry.body()
    body = source.strip()
    if REGISTRY[entry.type].embeds:
        body = resolve_embeds(body, lambda target: _title_and_summary(corpus, target, entry.lang))
    body = name_references(body, references, partial(_title, corpus, lang=entry.lang))
    row = {
        "key": key,
        "id": entry.id,
        "lang": entry.lang,
        "title": fields["title"],
        "summary": fields["summary"],
        "body": body,
        "status": status,
        "reviewed": _review_date(fields),
        "path": _relative_path(entry),
        "review": _json(fields["reviewed"]) if fields.get("reviewed") else None,
        "state": translation_state(status, fields.get("original_hash"), original.text_hash),
    }
    return row, _search_columns(entry, original, source)


def _title(corpus: Corpus, entry_id: str, *, lang: str) -> str | None:
    """An entry's title in `lang` where translated, else in English; None for an unknown id."""
    entry = corpus.translations.get((entry_id, lang)) or corpus.originals.get(entry_id)
    return entry.fields["title"] if entry is not None else None


def _title_and_summary(corpus: Corpus, entry_id: str, lang: str) -> tuple[str, str, bool] | None:
    """An embedded entry in the deck's language where translated, else in English (and says so)."""
    translated = corpus.translations.get((entry_id, lang))
    entry = translated or corpus.originals.get(entry_id)
    if entry is None:
        return None
    return entry.fields["title"], entry.fields["summary"], lang != "en" and translated is None


def _search_columns(entry: EntryFile, original: EntryFile, source: str) -> SearchColumns:
    return search_columns(entry_id=original.id, entry_type=original.type, lang=entry.lang,
                          is_original=entry.is_original, title=entry.fields["title"], summary=entry.fields["summary"],
                          body=source, fields=original.fields)


def search_columns(*, entry_id: str, entry_type: str, lang: str, is_original: bool, title: str, summary: str,
                   body: str, fields: dict[str, Any]) -> SearchColumns:
    """The folded title and body columns of a document, its facets, and the stems of title and body. A type's
    `search_title` fields (a term's other names) count as title words in every language; tags and its
    `search_body` fields count in English. `fields` are the original's (country, tags, the type's own fields).

    The one way a document is indexed: the build calls it for every document, and the merge of an overlay
    (fieldkit/content/merge.py) for each document it adds, from the values the database keeps."""
    content_type = REGISTRY[entry_type]
    title = " ".join([title, *(word for name in content_type.search_title for word in _words(fields, name))])
    extra = []
    if is_original:
        extra = [word for name in ("tags", *content_type.search_body) for word in _words(fields, name)]
    text = " ".join([summary, plain_text(body), *extra])
    facets = facet_tokens(lang, entry_type, entry_countries(fields), places_of(entry_type, entry_id, fields), entry_id)
    return fold(title), fold(text), facets, stems(title, lang), stems(text, lang)


def stems(text: str, lang: str) -> str:
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
    return places_of(entry.type, entry.id, entry.fields)


def places_of(entry_type: str, entry_id: str, fields: dict[str, Any]) -> list[str]:
    found = [entry_id] if entry_type == "place" else []
    for spec in REGISTRY[entry_type].fields:
        if spec.refers_to == "place":
            found += _words(fields, spec.name)
    return list(dict.fromkeys(found))


def _words(fields: dict[str, Any], name: str) -> list[str]:
    value = fields.get(name)
    return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []


def _meta(corpus: Corpus, originals: list[EntryFile]) -> dict[str, str]:
    # The content's date is the day the editors last checked an entry against its sources.
    checked = sorted(e.fields["checked"] for e in originals if e.fields.get("checked"))
    content_date = checked[-1] if checked else ""
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
