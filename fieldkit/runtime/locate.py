"""Which content database this run uses, and opening it.

Which database: `--db` / `FIELDKIT_DB` if given; else an installed content pack (fieldkit/packs: the newest whole
one, see `fieldkit pack list`); else the one shipped inside the package or the one-file executable; else, in a
source checkout, `content/` compiled once into the cache folder under its content hash. With organisations'
overlays installed, that base merged with them into one database (fieldkit/packs/layers.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fieldkit import paths
from fieldkit.core import env
from fieldkit.core.explained import os_reason
from fieldkit.core.marker import N_
from fieldkit.store.db import Located, StoreError, connect
from fieldkit.store.schema import SCHEMA_VERSION

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a search imports no typing at all)
if TYPE_CHECKING:
    from fieldkit.packs.layers import InUse
    from fieldkit.store.store import Store


def locate(explicit: str | os.PathLike[str] | None = None) -> Located:
    """Decide which database to use, building the source checkout's content on first use."""
    if explicit:
        return Located(Path(explicit), "--db")
    if env.database():
        return Located(Path(env.database() or ""), "FIELDKIT_DB")
    # Every launch passes here: the packs code (a few ms to import) only where packs were ever installed.
    if paths.packs_dir().is_dir() or paths.overlay_packs_dir().is_dir():
        if (layered := in_use()) is not None:
            return Located(layered.path, layered.origin)
    return shipped()


def in_use() -> InUse | None:
    """The installed layers this run reads (None: no pack, the shipped content alone)."""
    from fieldkit.packs.layers import content_in_use

    return content_in_use(shipped_path)


def expired_packs() -> list[tuple[str, str]]:
    """(pack, expiry day) for each pack in use past the day its publisher gave: fieldkit warns, and still reads it
    (it never refuses content offline)."""
    if env.database() or not (paths.packs_dir().is_dir() or paths.overlay_packs_dir().is_dir()):
        return []
    from fieldkit.packs.layers import expired

    return [(pack.label, str(pack.manifest.expires)) for pack in expired(in_use())]


def shipped_path() -> Path | None:
    """The shipped content's database file, or None when this fieldkit has none."""
    try:
        return shipped().path
    except StoreError:
        return None


def base_located(explicit: str | os.PathLike[str] | None = None) -> Located:
    """The published content an overlay folder is checked against: --base if given, else FIELDKIT_DB, else the
    base pack in use, else the shipped content (never a merged database, which already holds overlays)."""
    if explicit:
        return Located(Path(explicit), "--base")
    if env.database():
        return Located(Path(env.database() or ""), "FIELDKIT_DB")
    if paths.packs_dir().is_dir():
        from fieldkit.packs.state import active_pack

        if (pack := active_pack()) is not None:
            return Located(pack.database, f"pack {pack.label}")
    return shipped()


def shipped() -> Located:
    """The content shipped with fieldkit: what is read when no pack is installed."""
    if paths.BUNDLED_DB.exists():
        return Located(paths.BUNDLED_DB, "bundled")
    if getattr(sys, "frozen", False):  # the one-file executable: see frozen_content.py
        from fieldkit.runtime.frozen_content import CorruptExecutable, unpacked_content

        try:
            if (bundled := unpacked_content()) is not None:
                return Located(bundled, "bundled")
        except CorruptExecutable as problem:
            raise StoreError(str(problem)) from None
    if paths.SOURCE_CONTENT_DIR.is_dir():
        return Located(_build_source_checkout(paths.SOURCE_CONTENT_DIR), "source checkout")
    raise StoreError(N_("no content database: this fieldkit was installed without one; pass --db FILE"))


def _build_source_checkout(content_dir: Path) -> Path:
    # The compiler (YAML, sqlite-utils) is imported only when a build is due.
    # The schema is in the name: a fieldkit with a newer schema builds its own copy instead of reading an older one.
    target = paths.cache_dir() / f"content-{_input_hash(content_dir)[:16]}-schema{SCHEMA_VERSION}.db"
    if not target.exists():
        from fieldkit.content.build import build
        from fieldkit.content.problems import ContentError
        from fieldkit.core.progress import stage

        try:
            target.parent.mkdir(parents=True, exist_ok=True)  # fieldkit's own cache folder
            with stage():  # a few seconds, on a first launch: shown while it lasts, gone before the answer
                build(content_dir, target)
        except ContentError as error:
            shown = "\n".join(str(p) for p in error.problems[:10])
            raise StoreError(N_("the content in {folder} has problems (run 'fieldkit check'):\n{problems}"),
                             folder=content_dir, problems=shown) from None
        except OSError as error:
            raise StoreError(N_("cannot write the content database to {path}: {reason}"), path=target,
                             reason=os_reason(error)) from None
    return target


def _input_hash(content_dir: Path) -> str:
    """The content's input hash, read every file only when one changed: the hash is kept beside the cached
    databases under the files' sizes and times (`stat_key`), so a launch with unchanged content only lists them."""
    from fieldkit.content.inputs import input_hash, stat_key

    remembered = paths.cache_dir() / f"inputs-{stat_key(content_dir)[:32]}.txt"
    try:
        known = remembered.read_text(encoding="ascii").strip()
        if len(known) == 64 and all(c in "0123456789abcdef" for c in known):
            return known
    except (OSError, ValueError):
        pass  # not computed yet for these files (or unreadable): compute it
    computed = input_hash(content_dir)
    try:
        from fieldkit.core.atomic import write_file

        remembered.parent.mkdir(parents=True, exist_ok=True)
        write_file(remembered, computed.encode("ascii"))
    except OSError:
        pass  # a cache that cannot be written: hashed again next time
    return computed


def shipped_version() -> str | None:
    """The content version shipped with fieldkit, or None if it cannot be read (then no pack is refused for it)."""
    import sqlite3

    try:
        conn = connect(shipped().path)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'content_version'").fetchone()
        finally:
            conn.close()
    except (StoreError, sqlite3.Error, OSError):
        return None
    from fieldkit.packs.errors import PackError
    from fieldkit.packs.manifest import check_version

    try:
        return check_version(str(row[0])) if row else None
    except PackError:
        return None


def open_store(explicit: str | os.PathLike[str] | None = None) -> Store:
    from fieldkit.store.store import Store  # here: `pack` commands locate content without searching it

    located = locate(explicit)
    return Store(connect(located.path), located)
