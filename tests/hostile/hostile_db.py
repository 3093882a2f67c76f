"""A content database with terminal escape sequences in every text field: a copy of a built one, altered."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

# OSC 52 (write the clipboard), OSC 0 (window title), clear screen, an 8-bit CSI, a bidi override, BEL and CR:
# all of it removed by fieldkit.text.sanitize, so the cleaned text is the text before EVIL was added.
EVIL = "\x1b]52;c;cHduZWQ=\x07\x1b]0;pwned\x07\x1b[2J\x1b[H\u202e\x9b31m\r\x07"
EVIL_ID = "evil" + EVIL
# What must never reach a terminal (newline and tab are allowed in bodies).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _worse(value: Any) -> Any:
    if isinstance(value, str):
        return value + EVIL
    if isinstance(value, list):
        return [_worse(item) for item in value]
    if isinstance(value, dict):
        return {key + EVIL: _worse(item) for key, item in value.items()}
    return value


def make_hostile(source: Path, target: Path) -> Path:
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    evil = lambda column: f"{column} = {column} || :evil"  # noqa: E731
    with conn:
        for key in ("content_version", "content_date", "content_hash"):
            conn.execute("UPDATE meta SET value = value || :evil WHERE key = :key", {"evil": EVIL, "key": key})
        conn.execute(f"UPDATE entries SET {evil('title')}, {evil('summary')}, {evil('country')}, {evil('as_of')}, "
                     f"{evil('reviewed')}, {evil('checked')}, review = :review",
                     {"evil": EVIL, "review": json.dumps(_worse({"by": "A person", "organisation": "An NGO",
                                                                 "date": "2026-11-20"}))})
        for entry_id, countries, tags, details in conn.execute("SELECT id, countries, tags, details FROM entries").fetchall():
            conn.execute("UPDATE entries SET countries = ?, tags = ?, details = ? WHERE id = ?",
                         (json.dumps(_worse(json.loads(countries))), json.dumps(_worse(json.loads(tags))),
                          json.dumps(_worse(json.loads(details))), entry_id))
        conn.execute(f"UPDATE translations SET {evil('title')}, {evil('summary')}, {evil('body')}, {evil('status')}, "
                     f"{evil('reviewed')}, {evil('state')}, review = :review",
                     {"evil": EVIL, "review": json.dumps({"by": "A translator" + EVIL, "date": "2026-11-20" + EVIL})})
        conn.execute(f"UPDATE sources SET {evil('title')}, {evil('url')}, {evil('published')}, {evil('publisher')}",
                     {"evil": EVIL})
        conn.execute(f"UPDATE citations SET {evil('location')}, {evil('quote')}", {"evil": EVIL})
        conn.execute("UPDATE citations SET review_by = '2026-01-01' || :evil WHERE position = 0", {"evil": EVIL})
        conn.execute("UPDATE citations SET doc = doc || :evil WHERE position = 1", {"evil": EVIL})
        conn.execute(f"UPDATE relations SET {evil('kind')}", {"evil": EVIL})
        edit_texts(conn, lambda snippet, body: (snippet + EVIL, body + EVIL))
        # One entry whose id and type are hostile too, linked from bihac.
        columns = [row[1] for row in conn.execute("PRAGMA table_info(entries)")]
        chosen = ", ".join({"id": ":id", "type": "'place' || :evil"}.get(column, column) for column in columns)
        conn.execute(f"INSERT INTO entries SELECT {chosen} FROM entries WHERE id = 'bihac'", {"id": EVIL_ID, "evil": EVIL})
        key = conn.execute("SELECT max(key) + 1 FROM translations").fetchone()[0]
        columns = [row[1] for row in conn.execute("PRAGMA table_info(translations)")]
        chosen = ", ".join({"key": ":key", "id": ":id"}.get(column, column) for column in columns)
        conn.execute(f"INSERT INTO translations SELECT {chosen} FROM translations WHERE id = 'bihac' AND lang = 'en'",
                     {"key": key, "id": EVIL_ID})
        conn.execute("INSERT INTO relations VALUES ('bihac', :id, 'related', 99)", {"id": EVIL_ID})
    conn.close()
    return target


def edit_texts(conn: sqlite3.Connection, change, where: str = "1") -> None:
    """Change the snippet text and body of the documents `where` (an SQL condition on translations `t`), wherever
    the database keeps them: `texts`, packed (schema 4), or `snippets` and `translations.body` (schema 2 and 3)."""
    from fieldkit.store.schema import pack_text, unpack_text

    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "texts" in tables:
        zdicts = dict(conn.execute("SELECT lang, zdict FROM dictionaries"))
        for key, lang, blob in conn.execute(f"SELECT x.key, t.lang, x.blob FROM texts x JOIN translations t "
                                            f"ON t.key = x.key WHERE {where}").fetchall():
            snippet, body = change(*unpack_text(blob, zdicts[lang]))
            conn.execute("UPDATE texts SET blob = ? WHERE key = ?", (pack_text(snippet, body, zdicts[lang]), key))
        return
    for key, snippet, body in conn.execute(f"SELECT t.key, s.text, t.body FROM translations t JOIN snippets s "
                                           f"ON s.key = t.key WHERE {where}").fetchall():
        snippet, body = change(snippet, body)
        conn.execute("UPDATE snippets SET text = ? WHERE key = ?", (snippet, key))
        conn.execute("UPDATE translations SET body = ? WHERE key = ?", (body, key))


def strings(value: Any, where: str = ""):
    """(where, text) for every string inside `value`: dataclasses (and fieldkit.core.records' classes, which the
    store's are), dicts (keys too), lists and tuples."""
    from dataclasses import fields, is_dataclass

    from fieldkit.core import records

    if isinstance(value, str):
        yield where, value
    elif is_dataclass(value) or records.is_record(value):
        for item in (records.fields(value) if records.is_record(value) else fields(value)):
            yield from strings(getattr(value, item.name), f"{where}.{item.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key, f"{where}[key]")
            yield from strings(item, f"{where}[{key!r}]")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from strings(item, f"{where}[{index}]")
