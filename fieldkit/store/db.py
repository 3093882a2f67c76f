"""Open a content database read-only and make sure this fieldkit can read it.

Which database a run uses is decided above the store, in fieldkit/runtime/locate.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fieldkit.core.explained import Explained, os_reason
from fieldkit.core.marker import N_
from fieldkit.core.records import dataclass  # not dataclasses: see records.py
from fieldkit.store.schema import COLUMNS, FULL_TEXT, REVIEW_COLUMNS, REVIEW_SCHEMA, SCHEMA_VERSION, TABLES


class StoreError(Explained):
    """The database is missing, unreadable, or not one this fieldkit can read. The message says which."""


@dataclass(frozen=True)
class Located:
    path: Path
    origin: str  # "--db", "FIELDKIT_DB", "pack NAME VERSION", "bundled", "source checkout"


def connect(path: Path) -> sqlite3.Connection:
    """Open `path` read-only and make sure it is a fieldkit database of a schema this version reads."""
    try:
        if not path.is_file():
            raise StoreError(N_("content database not found: {path}"), path=path)
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    except OSError as error:  # a path longer than the system allows, say
        raise StoreError(N_("cannot open the content database {path}: {reason}"), path=_short(path),
                         reason=os_reason(error)) from None
    conn = None
    try:
        # immutable=1: no locks and no journal, so it works from read-only media and beside another fieldkit.
        conn = sqlite3.connect(uri, uri=True)
        conn.execute("PRAGMA trusted_schema = OFF")  # nothing in the file's schema may run functions
        check_schema(conn, path)
        conn.row_factory = sqlite3.Row
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        raise StoreError(N_("{path} is not a readable content database: {reason}"), path=path, reason=error) from None
    except StoreError:
        if conn is not None:
            conn.close()
        raise
    found = str(version[0]) if version else "none"
    if not found.isdigit() or int(found) > SCHEMA_VERSION:
        conn.close()
        raise StoreError(N_("{path} has content schema {found}; this fieldkit reads schema {current} or older: "
                           "update fieldkit"), path=path, found=found[:20], current=SCHEMA_VERSION)
    if int(found) >= REVIEW_SCHEMA:  # the store reads who checked what from these columns
        try:
            check_columns(conn, path, REVIEW_COLUMNS)
        except StoreError:
            conn.close()
            raise
    return conn



def check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """StoreError unless the file holds tables only (no view, no trigger), every table fieldkit needs with the
    columns it reads, and FTS5 where full-text tables are. Reads sqlite_master and table_info only: no query of
    the content runs before this passes (a view named `meta` that recurses for ever would hang the first one)."""
    objects = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    for kind, name, _ in objects:
        if kind not in ("table", "index"):
            raise StoreError(N_("{path} is not a fieldkit content database: it has a {kind} ({name}); fieldkit "
                                "content holds tables only"), path=str(path), kind=kind, name=repr(str(name)[:40]))
    tables = {name: (sql or "") for kind, name, sql in objects if kind == "table"}
    missing = [table for table in TABLES if table not in tables]
    if missing:
        raise StoreError(N_("{path} is not a fieldkit content database (no {tables} table)"), path=str(path),
                         tables=", ".join(missing))
    for name, sql in tables.items():
        virtual = " ".join(sql.split()).upper().startswith("CREATE VIRTUAL TABLE")
        if virtual != (name in FULL_TEXT) or (virtual and "USING FTS5" not in " ".join(sql.split()).upper()):
            raise StoreError(N_("{path} is not a fieldkit content database: table {table} is not what fieldkit "
                                "makes"), path=str(path), table=repr(str(name)[:40]))
    check_columns(conn, path, {table: columns for table, columns in COLUMNS.items() if table in tables})
    # (the schema 2 search tables are optional: schema 1 databases are read without them)


def check_columns(conn: sqlite3.Connection, path: Path, wanted: dict[str, tuple[str, ...]]) -> None:
    """StoreError unless each table has the columns fieldkit reads from it (read from table_info only)."""
    for table, columns in wanted.items():
        found = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
        lacking = [column for column in columns if column not in found]
        if lacking:
            raise StoreError(N_("{path} is not a fieldkit content database: table {table} has no {columns} column"),
                             path=str(path), table=table, columns=", ".join(lacking))


def _short(path: Path) -> str:
    text = str(path)
    return text if len(text) <= 120 else text[:50] + "..." + text[-50:]
