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
from fieldkit.store.schema import SCHEMA_VERSION, TABLES


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
            build(content_dir, target)
        except ContentError as error:
            shown = "\n".join(str(p) for p in error.problems[:10])
            raise StoreError(f"the content in {content_dir} has problems (run 'fieldkit check'):\n{shown}") from None
        except OSError as error:
            raise StoreError(f"cannot write the content database to {target}: {error}") from None
    return target


def connect(path: Path) -> sqlite3.Connection:
    """Open `path` read-only and make sure it is a fieldkit database of a schema this version reads."""
    if not path.is_file():
        raise StoreError(f"content database not found: {path}")
    try:
        # immutable=1: no locks and no journal, so it works from read-only media and beside another fieldkit.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        conn.row_factory = sqlite3.Row
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        missing = [t for t in TABLES if t not in names]
        if missing:
            raise StoreError(f"{path} is not a fieldkit content database (no {', '.join(missing)} table)")
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a readable content database: {error}") from None
    if version is None or not version[0].isdigit() or int(version[0]) > SCHEMA_VERSION:
        found = version[0] if version else "none"
        raise StoreError(f"{path} has content schema {found}; this fieldkit reads schema {SCHEMA_VERSION} or older: update fieldkit")
    return conn


def open_store(explicit: str | os.PathLike[str] | None = None) -> "Store":
    from fieldkit.store.store import Store

    located = locate(explicit)
    return Store(connect(located.path), located)
