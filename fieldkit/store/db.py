"""Open a content database read-only and make sure this fieldkit can read it.

Which database a run uses is decided above the store, in fieldkit/runtime/locate.py.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from fieldkit.core.explained import Explained
from fieldkit.core.marker import N_
from fieldkit.store.schema import SCHEMA_VERSION, TABLES


class StoreError(Explained):
    """The database is missing, unreadable, or not one this fieldkit can read. The message says which."""


@dataclass(frozen=True)
class Located:
    path: Path
    origin: str  # "--db", "FIELDKIT_DB", "pack NAME VERSION", "bundled", "source checkout"


def connect(path: Path) -> sqlite3.Connection:
    """Open `path` read-only and make sure it is a fieldkit database of a schema this version reads."""
    if not path.is_file():
        raise StoreError(N_("content database not found: {path}"), path=path)
    try:
        # immutable=1: no locks and no journal, so it works from read-only media and beside another fieldkit.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        conn.row_factory = sqlite3.Row
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        missing = [t for t in TABLES if t not in names]
        if missing:
            raise StoreError(N_("{path} is not a fieldkit content database (no {tables} table)"), path=path,
                             tables=", ".join(missing))
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(N_("{path} is not a readable content database: {reason}"), path=path, reason=error) from None
    if version is None or not version[0].isdigit() or int(version[0]) > SCHEMA_VERSION:
        found = version[0] if version else "none"
        raise StoreError(N_("{path} has content schema {found}; this fieldkit reads schema {current} or older: "
                           "update fieldkit"), path=path, found=found, current=SCHEMA_VERSION)
    return conn
