"""Merge the published content (the base) and organisations' overlays into the one database fieldkit reads.

Search and every screen read one database whatever is installed, so merged content is read exactly as fast as
published content of the same size: no second database is opened, no query is run twice. The merged database is
a copy of the base's with each overlay's rows added, overlays in the order of their namespaces, so the same
layers always give the same database:

- its entries, translations, citations, relations and sources, each overlay entry noted in `local_entries` and
  each overlay in `layers` (who adds it, which version);
- the search index rows of its documents, computed by the compiler's own functions from the values the database
  keeps (`fieldkit.content.build.search_columns` over each file's body, which the overlay database keeps beside
  the body readers see; `snippet_text`, `title_position`; place names through `fieldkit.content.lexicon.name_rows`),
  with keys and title positions after the base's;
- its attachments (`attachments`: fields attached to a published entry, shown apart from its text) and, for each,
  a search row of the attached words that `search_alias` maps to the published entry's English document, so
  the entry is found by them.

An overlay may add rows in its namespace only and attach only a type's `attachable` fields to a published entry
(fieldkit/core/layers.py). `merge(..., refuse=NAMESPACE)` raises MergeError at the first thing the overlay being
installed does outside that, so the install is refused and nothing changes; for overlays already installed (a new
base may have removed an entry one attaches to) the offending rows are left out and reported.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldkit.content.build import count_prefixes, search_columns, stems, write_figures
from fieldkit.content.lexicon import name_rows
from fieldkit.core.explained import Explained
from fieldkit.core.layers import OVERLAY, in_namespace
from fieldkit.core.marker import N_
from fieldkit.core.registry import REGISTRY
from fieldkit.store.schema import facet_tokens, pack_text, snippet_text, title_position, unpack_text
from fieldkit.text.fold import fold

ATTACHMENTS = "attachments"
# The tables a merged database adds to a base database (the store reads them where present).
MERGED_TABLES = {
    "layers": "CREATE TABLE layers (namespace TEXT PRIMARY KEY, organisation TEXT NOT NULL, label TEXT NOT NULL, "
              "position INTEGER NOT NULL)",
    "local_entries": "CREATE TABLE local_entries (id TEXT PRIMARY KEY, namespace TEXT NOT NULL)",
    ATTACHMENTS: "CREATE TABLE attachments (entry_id TEXT NOT NULL, namespace TEXT NOT NULL, organisation TEXT NOT "
                 "NULL, fields TEXT NOT NULL, sources TEXT NOT NULL, checked TEXT, reviewed TEXT, "
                 "PRIMARY KEY (entry_id, namespace))",
    "search_alias": "CREATE TABLE search_alias (key INTEGER PRIMARY KEY, target INTEGER NOT NULL)",
}


class MergeError(Explained):
    """An overlay does something only the published content may: refused, with what and why."""


@dataclass(frozen=True)
class Layer:
    database: Path
    namespace: str
    organisation: str
    label: str  # "org-xyz 2026.12.01", for people


@dataclass
class MergeReport:
    entries: int = 0  # overlay entries added
    attachments: int = 0
    left_out: list[str] = field(default_factory=list)  # what an installed overlay could not add, and why


def merge(base: Path, layers: list[Layer], out: Path, *, refuse: str | None = None) -> MergeReport:
    """Write to `out` (atomically) the base database with every layer merged in. MergeError if the layer whose
    namespace is `refuse` steps outside its namespace or changes published text; OSError if `out` cannot be
    written. StoreError (fieldkit.store.db) if a database is not content this fieldkit reads."""
    from fieldkit.core.atomic import write_file

    report = MergeReport()
    with tempfile.TemporaryDirectory(prefix="fieldkit-merge-") as work:
        target = Path(work) / "merged.db"
        shutil.copyfile(base, target)
        conn = sqlite3.connect(target)
        try:
            conn.execute("PRAGMA journal_mode = OFF")  # a scratch copy: written whole, or thrown away
            conn.execute("PRAGMA synchronous = OFF")
            into = _Target(conn)
            for position, layer in enumerate(sorted(layers, key=lambda item: item.namespace)):
                _merge_layer(into, layer, position, report, strict=layer.namespace == refuse)
            into.finish(layers)
            conn.commit()
            conn.execute("VACUUM")  # the index's optimize leaves free pages: a merged file the size of its content
        finally:
            conn.close()
        write_file(out, target.read_bytes())
    return report


class _Target:
    """The merged database being written, and what it holds so far."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for name, sql in MERGED_TABLES.items():
            if name not in tables:
                conn.execute(sql)
        self.tables = tables | set(MERGED_TABLES)
        self.base_ids = {row[0] for row in conn.execute("SELECT id FROM entries")}
        self.ids = set(self.base_ids)
        self.sources = {row[0] for row in conn.execute("SELECT id FROM sources")}
        self.next_key = 1 + max(_one(conn, "SELECT max(key) FROM translations"), _one(conn, "SELECT max(key) FROM search_alias"))
        self.search_columns = [d[0] for d in conn.execute("SELECT * FROM search LIMIT 0").description]
        # Schema 5 keeps each document's snippet text and body packed in `texts`; older bases keep the body in
        # `translations` and (schema 2 to 4) the snippet text in `snippets`.
        self.texts = "texts" in tables and "dictionaries" in tables
        self.zdicts = {str(lang): bytes(zdict) for lang, zdict in conn.execute(
            "SELECT lang, zdict FROM dictionaries")} if self.texts else {}
        self.prefix_counts = "prefix_counts" in tables
        self.titles = "titles" in tables and "title_order" in tables and ("snippets" in tables or self.texts)
        self.next_title = 1 + (_one(conn, "SELECT count(*) FROM title_order") if self.titles else 0)
        self.lexicon = "lexicon" in tables

    def key(self) -> int:
        self.next_key += 1
        return self.next_key - 1

    def columns(self, table: str) -> list[str]:
        return [row[1] for row in self.conn.execute(f'PRAGMA table_info("{table}")')]

    def insert(self, table: str, row: dict[str, Any]) -> None:
        """Insert the row's columns that the table has; columns it lacks (an older base) are added first."""
        present = self.columns(table)
        for column in row:
            if column not in present:
                self.conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}"')
        names = list(row)
        self.conn.execute(f'INSERT INTO "{table}" ({", ".join(chr(34) + n + chr(34) for n in names)}) '
                          f'VALUES ({", ".join("?" * len(names))})', [row[n] for n in names])

    def index(self, key: int, columns: dict[str, str]) -> None:
        """One search row: the columns the base's index has (an older schema has no stem columns)."""
        names = [name for name in self.search_columns if name in columns]
        self.conn.execute(f"INSERT INTO search (rowid, {', '.join(names)}) VALUES (?{', ?' * len(names)})",
                          [key, *(columns[name] for name in names)])

    def text(self, key: int, lang: str, body: str) -> None:
        """A document's snippet text, and its body where the base keeps bodies packed (schema 5)."""
        if self.texts:
            self.conn.execute("INSERT INTO texts (key, blob) VALUES (?, ?)",
                              (key, pack_text(snippet_text(body), body, self.zdicts.get(lang, b""))))
        elif self.titles:
            self.conn.execute("INSERT INTO snippets (key, text) VALUES (?, ?)", (key, snippet_text(body)))

    def count_prefixes(self, lang: str, columns: tuple[str, str, str, str, str]) -> None:
        """A document added to `prefix_counts` (schema 5): the prefixes the base counted count it too, so they stay
        what they are, a lower bound of what the index matches."""
        if not self.prefix_counts:
            return
        counts: Counter[tuple[str, str]] = Counter()
        count_prefixes(counts, lang, columns)
        self.conn.executemany("UPDATE prefix_counts SET documents = documents + ? WHERE prefix = ? AND lang = ?",
                              [(count, prefix, code) for (prefix, code), count in sorted(counts.items())])

    def finish(self, layers: list[Layer]) -> None:
        self.conn.execute("INSERT INTO search (search) VALUES ('optimize')")
        if self.titles:
            self.conn.execute("INSERT INTO titles (titles) VALUES ('optimize')")
        # The languages, counts and journeys the build works out for the first screen, now of the merged content.
        languages = [row[0] for row in self.conn.execute("SELECT DISTINCT lang FROM translations ORDER BY lang")]
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('languages', ?)", (_json(languages),))
        write_figures(self.conn)
        overlays = [{"namespace": layer.namespace, "organisation": layer.organisation, "label": layer.label}
                    for layer in sorted(layers, key=lambda item: item.namespace)]
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('overlays', ?)", (_json(overlays),))


def _one(conn: sqlite3.Connection, sql: str) -> int:
    try:
        value = conn.execute(sql).fetchone()[0]
    except sqlite3.Error:
        return 0
    return int(value) if isinstance(value, int) else 0


def _merge_layer(into: _Target, layer: Layer, position: int, report: MergeReport, *, strict: bool) -> None:
    from fieldkit.store.db import connect

    source = connect(layer.database)  # read-only; the schema is checked before any query
    try:
        _Layer(into, source, layer, report, strict).merge(position)
    finally:
        source.close()


class _Layer:
    def __init__(self, into: _Target, source: sqlite3.Connection, layer: Layer, report: MergeReport, strict: bool):
        self.into, self.source, self.layer, self.report, self.strict = into, source, layer, report, strict
        self.namespace = layer.namespace

    def outside(self, template: str, **values: object) -> None:
        """An overlay stepping outside its namespace or onto published text: refused (installing it) or left out."""
        problem = MergeError(template, overlay=self.layer.label, namespace=self.namespace, **values)
        if self.strict:
            raise problem
        self.report.left_out.append(str(problem))

    def merge(self, position: int) -> None:
        meta = {str(row[0]): str(row[1]) for row in self.source.execute("SELECT key, value FROM meta")}
        if meta.get("layer") != OVERLAY or meta.get("namespace") != self.namespace:
            self.outside(N_("overlay {overlay} is not an overlay of namespace {namespace}: its database says "
                            "{found}"), found=meta.get("namespace") or "it is published content")
            return
        self.into.insert("layers", {"namespace": self.namespace, "organisation": self.layer.organisation,
                                    "label": self.layer.label, "position": position})
        sources = self._sources()
        entries = self._entries()
        self._translations(entries)
        for row in self.source.execute("SELECT * FROM citations ORDER BY entry_id, position"):
            if row["entry_id"] not in entries:
                continue
            if row["doc"] not in sources:
                self.outside(N_("overlay {overlay} cites '{doc}', which is not one of its own sources (their ids "
                                "start with '{namespace}-')"), doc=row["doc"])
                continue
            self.into.insert("citations", dict(row))
        for row in self.source.execute("SELECT * FROM relations ORDER BY src, kind, position"):
            if row["src"] in entries:
                self.into.insert("relations", dict(row))
        self._attachments()

    def _sources(self) -> set[str]:
        accepted = set()
        for row in self.source.execute("SELECT * FROM sources ORDER BY id"):
            source_id = str(row["id"])
            if not in_namespace(source_id, self.namespace) or source_id in self.into.sources:
                self.outside(N_("overlay {overlay} adds the source '{source}', which is outside its namespace "
                                "{namespace}"), source=source_id)
                continue
            self.into.insert("sources", dict(row))
            self.into.sources.add(source_id)
            accepted.add(source_id)
        return accepted

    def _entries(self) -> dict[str, sqlite3.Row]:
        accepted = {}
        for row in self.source.execute("SELECT * FROM entries ORDER BY id"):
            entry_id = str(row["id"])
            if entry_id in self.into.base_ids:
                self.outside(N_("overlay {overlay} would replace '{id}', which is published content: an overlay "
                                "may add entries in its namespace {namespace} and attach fields to published "
                                "entries, never change published text"), id=entry_id)
                continue
            if not in_namespace(entry_id, self.namespace) or entry_id in self.into.ids:
                self.outside(N_("overlay {overlay} adds '{id}', which is outside its namespace {namespace} (another "
                                "organisation's, or no one's)"), id=entry_id)
                continue
            if row["type"] not in REGISTRY:
                self.outside(N_("overlay {overlay} adds '{id}' of a type this fieldkit does not know"), id=entry_id)
                continue
            self.into.insert("entries", dict(row))
            self.into.insert("local_entries", {"id": entry_id, "namespace": self.namespace})
            self.into.ids.add(entry_id)
            accepted[entry_id] = row
            self.report.entries += 1
        return accepted

    def _translations(self, entries: dict[str, sqlite3.Row]) -> None:
        names = []
        tables = {row[0] for row in self.source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # The file's body as the compiler indexed it (ids not yet named, embeds not resolved), where the overlay
        # database keeps it (fieldkit/content/overlay.py); else the body readers see.
        indexed = {int(key): str(body) for key, body in self.source.execute(
            "SELECT key, body FROM source_bodies")} if "source_bodies" in tables else {}
        packed = _packed_bodies(self.source, tables)
        for row in self.source.execute("SELECT * FROM translations ORDER BY id, lang"):
            entry = entries.get(row["id"])
            if entry is None:
                continue
            key = self.into.key()
            body = packed.get(row["key"], row["body"])  # the body readers see
            self.into.insert("translations", dict(row, key=key, body="" if self.into.texts else body))
            fields = _fields(entry)
            columns = search_columns(entry_id=entry["id"], entry_type=entry["type"], lang=row["lang"],
                                     is_original=row["status"] == "original", title=row["title"],
                                     summary=row["summary"], body=indexed.get(row["key"], body), fields=fields)
            self.into.index(key, dict(zip(("title", "body", "facets", "tstem", "bstem"), columns)))
            self.into.count_prefixes(str(row["lang"]), columns)
            if self.into.titles:
                position = title_position(row["title"], self.into.next_title)
                self.into.next_title += 1
                self.into.conn.execute("INSERT INTO titles (rowid, title, facets) VALUES (?, ?, ?)",
                                       (position, columns[0], columns[2]))
                self.into.conn.execute("INSERT INTO title_order (pos, key) VALUES (?, ?)", (position, key))
            self.into.text(key, str(row["lang"]), body)
            if entry["type"] == "place":
                names.append(("place", str(entry["id"]), str(row["lang"]), str(row["title"])))
        if self.into.lexicon and names:
            self.into.conn.executemany(
                "INSERT INTO lexicon (kind, key, lang, text, folded, stemmed) VALUES (?, ?, ?, ?, ?, ?)", name_rows(names))

    def _attachments(self) -> None:
        tables = {row[0] for row in self.source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if ATTACHMENTS not in tables:
            return
        for row in self.source.execute(f"SELECT * FROM {ATTACHMENTS} ORDER BY entry_id"):
            target = str(row["entry_id"])
            published = self.into.conn.execute("SELECT type, country, details FROM entries WHERE id = ?",
                                               (target,)).fetchone() if target in self.into.base_ids else None
            if published is None and target in self.into.ids:
                self.outside(N_("overlay {overlay} attaches fields to '{id}', which is another organisation's "
                                "entry"), id=target)
                continue
            if published is None:
                self.outside(N_("overlay {overlay} attaches fields to '{id}', which is not in the published "
                                "content"), id=target)
                continue
            content_type = REGISTRY.get(published[0])
            allowed = content_type.attachable if content_type else ()
            fields = _loads(row["fields"], {})
            changed = sorted(name for name in fields if name not in allowed)
            if changed or not fields:
                self.outside(N_("overlay {overlay} would change {fields} of '{id}', published text: an overlay "
                                "attaches only {allowed}"), fields=", ".join(changed) or "nothing",
                             id=target, allowed=", ".join(allowed) or "-")
                continue
            self.into.insert(ATTACHMENTS, {
                "entry_id": target, "namespace": self.namespace, "organisation": self.layer.organisation,
                "fields": _json(fields), "sources": row["sources"], "checked": row["checked"],
                "reviewed": row["reviewed"]})
            self._index_attachment(target, published, fields)
            self.report.attachments += 1

    def _index_attachment(self, target: str, published: tuple[Any, ...], attached: dict[str, Any]) -> None:
        """A search row of the attached words (and who attached them), found as the published entry's English
        document: filters (language, type, country, place) apply to it as to that document."""
        document = self.into.conn.execute("SELECT key FROM translations WHERE id = ? AND lang = 'en'",
                                          (target,)).fetchone()
        if document is None:
            return
        entry_type, country, details = published
        fields = dict(_loads(details, {}), country=country)
        from fieldkit.content.build import entry_countries, places_of

        text = " ".join([self.layer.organisation, *_words(attached)])
        key = self.into.key()
        self.into.index(key, {"title": "", "body": fold(text), "tstem": "", "bstem": stems(text, "en"),
                              "facets": facet_tokens("en", entry_type, entry_countries(fields),
                                                     places_of(entry_type, target, fields), target)})
        self.into.conn.execute("INSERT INTO search_alias (key, target) VALUES (?, ?)", (key, document[0]))


def _packed_bodies(source: sqlite3.Connection, tables: set[str]) -> dict[int, str]:
    """key -> body of an overlay database that keeps its bodies packed (schema 5); empty for an older one. A
    packed text that cannot be read (a crafted database) is an empty body, as the store reads it."""
    if not {"texts", "dictionaries"} <= tables:
        return {}
    zdicts = {str(lang): bytes(zdict) for lang, zdict in source.execute("SELECT lang, zdict FROM dictionaries")
              if isinstance(zdict, bytes)}
    bodies = {}
    for key, lang, blob in source.execute(
            "SELECT x.key, t.lang, x.blob FROM texts x JOIN translations t ON t.key = x.key ORDER BY x.key"):
        try:
            bodies[int(key)] = unpack_text(blob, zdicts.get(str(lang), b""))[1]
        except ValueError:
            bodies[int(key)] = ""
    return bodies


def _fields(entry: sqlite3.Row) -> dict[str, Any]:
    """An entry's fields as the compiler saw them, from the row: its own fields, its country, its tags."""
    return dict(_loads(entry["details"], {}), country=entry["country"], tags=_loads(entry["tags"], []))


def _words(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [word for item in value.values() for word in _words(item)]
    if isinstance(value, list):
        return [word for item in value for word in _words(item)]
    return [str(value)] if value is not None and not isinstance(value, bool) else []


def _loads(text: Any, default: Any) -> Any:
    try:
        value = json.loads(text)
    except (TypeError, ValueError, RecursionError):
        return default
    return value if isinstance(value, type(default)) else default


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
