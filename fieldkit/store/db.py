"""Find and open the content database, read-only.

Which database: `--db` / `FIELDKIT_DB` if given; else the one shipped inside the package; else, in a source
checkout, `content/` compiled once into the cache folder under its content hash. An installed content pack
(fieldkit/packs) comes before the shipped content: the newest whole one, see `fieldkit pack list`.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from fieldkit import paths
from fieldkit.store.schema import COLUMNS, FULL_TEXT, SCHEMA_VERSION, TABLES


class StoreError(Exception):
    """The database is missing, unreadable, or not one this fieldkit can read. The message says which."""


@dataclass(frozen=True)
class Located:
    path: Path
    origin: str  # "--db", "FIELDKIT_DB", "pack NAME VERSION", "bundled", "source checkout"


def locate(explicit: str | os.PathLike[str] | None = None) -> Located:
    """Decide which database to use, building the source checkout's content on first use."""
    if explicit:
        return Located(Path(explicit), "--db")
    if os.environ.get("FIELDKIT_DB"):
        return Located(Path(os.environ["FIELDKIT_DB"]), "FIELDKIT_DB")
    # Every launch passes here: the packs code (a few ms to import) only where packs were ever installed.
    if paths.packs_dir().is_dir():
        from fieldkit.packs.state import active_pack

        if (pack := active_pack()) is not None:
            return Located(pack.database, f"pack {pack.label}")
    return shipped()


def shipped() -> Located:
    """The content shipped with fieldkit (what is read when no pack is installed)."""
    if paths.BUNDLED_DB.exists():
        return Located(paths.BUNDLED_DB, "bundled")
    if getattr(sys, "frozen", False):  # the one-file executable: see frozen_content.py
        from fieldkit.store.frozen_content import CorruptExecutable, unpacked_content

        try:
            if (bundled := unpacked_content()) is not None:
                return Located(bundled, "bundled")
        except CorruptExecutable as problem:
            raise StoreError(str(problem)) from None
    if paths.SOURCE_CONTENT_DIR.is_dir():
        return Located(_build_source_checkout(paths.SOURCE_CONTENT_DIR), "source checkout")
    raise StoreError("no content database: this fieldkit was installed without one; pass --db FILE")


def _build_source_checkout(content_dir: Path) -> Path:
    # Hashing the inputs is cheap; the compiler (YAML, sqlite-utils) is imported only when a build is due.
    from fieldkit.content.inputs import input_hash

    # The schema is in the name: a fieldkit with a newer schema builds its own copy instead of reading an older one.
    target = paths.cache_dir() / f"content-{input_hash(content_dir)[:16]}-schema{SCHEMA_VERSION}.db"
    if not target.exists():
        from fieldkit.content.build import build
        from fieldkit.content.problems import ContentError

        try:
            target.parent.mkdir(parents=True, exist_ok=True)  # fieldkit's own cache folder
            build(content_dir, target)
        except ContentError as error:
            shown = "\n".join(str(p) for p in error.problems[:10])
            raise StoreError(f"the content in {content_dir} has problems (run 'fieldkit check'):\n{shown}") from None
        except OSError as error:
            raise StoreError(f"cannot write the content database to {target}: {error}") from None
    return target


def connect(path: Path) -> sqlite3.Connection:
    """Open `path` read-only and make sure it is a fieldkit database of a schema this version reads."""
    try:
        if not path.is_file():
            raise StoreError(f"content database not found: {path}")
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    except OSError as error:  # a path longer than the system allows, say
        raise StoreError(f"cannot open the content database {_short(path)}: {error.strerror or error}") from None
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
        raise StoreError(f"{path} is not a readable content database: {error}") from None
    except StoreError:
        conn.close()
        raise
    found = str(version[0]) if version else "none"
    if not found.isdigit() or int(found) > SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{path} has content schema {found[:20]}; this fieldkit reads schema {SCHEMA_VERSION} or older: update fieldkit")
    return conn


def check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """StoreError unless the file holds tables only (no view, no trigger), every table fieldkit needs with the
    columns it reads, and FTS5 where full-text tables are. Reads sqlite_master and table_info only: no query of
    the content runs before this passes (a view named `meta` that recurses for ever would hang the first one)."""
    objects = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    for kind, name, _ in objects:
        if kind not in ("table", "index"):
            raise StoreError(f"{path} is not a fieldkit content database: it has a {kind} ({str(name)[:40]!r}); "
                             "fieldkit content holds tables only")
    tables = {name: (sql or "") for kind, name, sql in objects if kind == "table"}
    missing = [table for table in TABLES if table not in tables]
    if missing:
        raise StoreError(f"{path} is not a fieldkit content database (no {', '.join(missing)} table)")
    for name, sql in tables.items():
        virtual = " ".join(sql.split()).upper().startswith("CREATE VIRTUAL TABLE")
        if virtual != (name in FULL_TEXT) or (virtual and "USING FTS5" not in " ".join(sql.split()).upper()):
            raise StoreError(f"{path} is not a fieldkit content database: table {str(name)[:40]!r} is not what "
                             "fieldkit makes")
    for table, columns in COLUMNS.items():
        if table not in tables:
            continue  # the schema 2 search tables are optional (schema 1 databases are read without them)
        found = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
        lacking = [column for column in columns if column not in found]
        if lacking:
            raise StoreError(f"{path} is not a fieldkit content database: table {table} has no "
                             f"{', '.join(lacking)} column")


def _short(path: Path) -> str:
    text = str(path)
    return text if len(text) <= 120 else text[:50] + "..." + text[-50:]


def open_store(explicit: str | os.PathLike[str] | None = None) -> "Store":
    from fieldkit.store.store import Store

    located = locate(explicit)
    return Store(connect(located.path), located)
