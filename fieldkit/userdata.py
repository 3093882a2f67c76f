"""Bookmarks and recently viewed entries, in a small SQLite file under the user data folder.

SQLite commits are atomic, so a process killed mid-write leaves the previous state. What happens to a file that
cannot be used depends on why, and `problem` says which (`notice` in English):

- damaged (SQLite's integrity check fails, or it is not a database at all): set aside (renamed, never deleted)
  and a new one started;
- in use by another fieldkit (locked for longer than LOCK_WAIT seconds), not readable (permissions), or made by
  another version of fieldkit (other tables): left exactly as it is, and this run keeps bookmarks in memory;
- a folder that cannot be written: the same, in memory.
"""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
from pathlib import Path

from fieldkit import paths
from fieldkit.core.explained import OS_REASONS, Explained, Reason, os_reason
from fieldkit.core.marker import N_

HISTORY_KEPT = 50
LOCK_WAIT = 5.0  # seconds to wait for another fieldkit's write to finish before giving up on the file
_SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmarks (id TEXT PRIMARY KEY, added TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS history (id TEXT PRIMARY KEY, viewed TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_COLUMNS = {"bookmarks": ["id", "added"], "history": ["id", "viewed"], "settings": ["key", "value"]}
# SQLite's primary result codes (the low byte of an extended code), by what they mean for the file.
_LOCKED = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_NO_ACCESS = {3, 8, 14, 23}  # SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_AUTH


class Notice(Explained):
    """What the person should know about their bookmarks file (it cannot be saved, it was damaged): an English
    template and its values, shown in the reader's language by the app (`fieldkit.i18n.catalog.explain`)."""


class _Unusable(Exception):
    """The file cannot be used as it is: `kind` is damaged, locked, access, schema or other; `reason` says why in
    words the catalogs have where there are some."""

    def __init__(self, kind: str, detail: str, reason: str | None = None):
        super().__init__(detail)
        self.kind = kind
        self.reason = reason or detail


def _sqlite_reason(error: sqlite3.Error) -> str:
    """Why SQLite refused, in words the catalogs have where it is one of the usual reasons, else SQLite's own."""
    text = str(error).lower()
    if "full" in text:
        return OS_REASONS[errno.ENOSPC]
    if _kind(error) == "locked":
        return Reason(N_("another fieldkit is using the file"))
    if "readonly" in text or "permission" in text:
        return OS_REASONS[errno.EACCES]
    return str(error)


def _kind(error: sqlite3.Error) -> str:
    code = getattr(error, "sqlite_errorcode", None)
    text = str(error).lower()
    if code is not None:
        code &= 0xFF
    if code in _LOCKED or "locked" in text:
        return "locked"
    if code in _DAMAGED or "malformed" in text or "not a database" in text:
        return "damaged"
    if code in _NO_ACCESS or "readonly" in text or "unable to open" in text or "permission" in text:
        return "access"
    return "other"

# Schema changes after the first, each run once, in order (PRAGMA user_version counts those done). Each only adds:
# a file from an older fieldkit keeps its bookmarks, history and settings as they are.
_MIGRATIONS = (
    # 1: named lists of entries (bookmarks stay the unnamed list), and a short personal note per entry.
    """
    CREATE TABLE IF NOT EXISTS lists (name TEXT PRIMARY KEY, created TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS list_entries (list TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL,
                                             PRIMARY KEY (list, id));
    CREATE TABLE IF NOT EXISTS notes (id TEXT PRIMARY KEY, text TEXT NOT NULL, updated TEXT NOT NULL);
    """,
)
BOOKMARKS = "bookmarks"  # the name the bookmarks (b in the app) go by among the lists
NOTE_MAX = 500  # characters: a note is a reminder, not a document


class UserData:
    def __init__(self, path: Path | None = None, *, lock_wait: float | None = None):
        self.path = path or paths.data_dir() / "userdata.db"
        self.lock_wait = LOCK_WAIT if lock_wait is None else lock_wait
        self.problem: Notice | None = None  # what the person should be told, shown translated by the app
        self.conn = self._open()

    @property
    def notice(self) -> str:
        """The problem in English, on one line ("" if there is none)."""
        return str(self.problem) if self.problem else ""

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.problem = Notice(N_("Bookmarks and history cannot be saved ({reason}: {folder}); they last until you "
                                     "quit."), reason=os_reason(error), folder=str(self.path.parent))
            return self._memory()
        try:
            return self._connect(self.path)
        except _Unusable as problem:
            if problem.kind == "damaged":
                return self._set_aside_and_recreate()
            self.problem = self._explain(problem)
            return self._memory()

    def _explain(self, problem: _Unusable) -> Notice:
        if problem.kind == "locked":
            return Notice(N_("Your bookmarks file is in use by another fieldkit ({path}); close it to save bookmarks "
                             "here. Bookmarks and history of this session last until you quit."), path=str(self.path))
        if problem.kind == "access":
            return Notice(N_("Your bookmarks file cannot be opened ({reason}: {path}); check its permissions. It was "
                             "left as it is. Bookmarks and history of this session last until you quit."),
                          reason=problem.reason, path=str(self.path))
        if problem.kind == "schema":
            return Notice(N_("Your bookmarks file was made by another version of fieldkit ({detail}); it was left as "
                             "it is. Bookmarks and history of this session last until you quit."), detail=str(problem))
        return Notice(N_("Your bookmarks file cannot be used ({reason}); it was left as it is. Bookmarks and history "
                         "of this session last until you quit."), reason=problem.reason)

    def _connect(self, target: Path) -> sqlite3.Connection:
        """Open, check integrity, create missing tables, check the columns. _Unusable says why not."""
        try:
            conn = sqlite3.connect(target, isolation_level=None, timeout=self.lock_wait)
        except sqlite3.Error as error:
            raise _Unusable(_kind(error), str(error), _sqlite_reason(error)) from None
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _Unusable("damaged", "integrity check failed")
            self._check_tables(conn)
            conn.executescript(_SCHEMA)  # tables an older fieldkit did not have yet
            _migrate(conn)
        except sqlite3.Error as error:
            conn.close()
            raise _Unusable(_kind(error), str(error), _sqlite_reason(error)) from None
        except _Unusable:
            conn.close()
            raise
        return conn

    @staticmethod
    def _check_tables(conn: sqlite3.Connection) -> None:
        """Our tables, where present, have our columns; a file holding only other tables is not ours."""
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table, columns in _COLUMNS.items():
            found = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            if table in tables and found != columns:
                raise _Unusable("schema", f"table {table} has columns {', '.join(found) or 'none'}")
        if tables and not tables & set(_COLUMNS):
            raise _Unusable("schema", f"it holds other tables: {', '.join(sorted(tables))[:80]}")

    def _memory(self) -> sqlite3.Connection:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.executescript(_SCHEMA)
        _migrate(conn)
        return conn

    def _set_aside_and_recreate(self) -> sqlite3.Connection:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            self.path.rename(aside)
        except OSError as error:
            self.problem = Notice(N_("Your bookmarks file is damaged and cannot be replaced ({reason}); nothing will "
                                     "be saved."), reason=os_reason(error))
            return self._memory()
        try:
            conn = self._connect(self.path)
        except _Unusable as problem:
            self.problem = Notice(N_("Your bookmarks file was damaged; it was kept as {name}, but a new one cannot be "
                                     "started ({reason}); nothing will be saved."), name=aside.name,
                                  reason=problem.reason)
            return self._memory()
        self.problem = Notice(N_("Your bookmarks file was damaged; it was kept as {name} and a new one started."),
                              name=aside.name)
        return conn

    def _read(self, sql: str, args: tuple = ()) -> list:
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.Error as error:  # locked by another fieldkit for longer than LOCK_WAIT, say
            self.problem = Notice(N_("Could not read bookmarks ({reason})."), reason=_sqlite_reason(error))
            return []

    def _write(self, sql: str, args: tuple) -> None:
        try:
            self.conn.execute(sql, args)
        except sqlite3.Error as error:  # disk full, folder made read-only or file locked while running
            self.problem = Notice(N_("Could not save ({reason})."), reason=_sqlite_reason(error))

    # --- bookmarks --------------------------------------------------------------------------------------------
    def bookmarks(self) -> list[str]:
        return [row[0] for row in self._read("SELECT id FROM bookmarks ORDER BY added DESC, id")]

    def is_bookmarked(self, entry_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM bookmarks WHERE id = ?", (entry_id,)))

    def toggle_bookmark(self, entry_id: str) -> bool:
        """Add or remove; returns whether it is bookmarked now."""
        if self.is_bookmarked(entry_id):
            self._write("DELETE FROM bookmarks WHERE id = ?", (entry_id,))
            return False
        self._write("INSERT OR REPLACE INTO bookmarks (id, added) VALUES (?, ?)", (entry_id, _now()))
        return True

    # --- history ----------------------------------------------------------------------------------------------
    def recent(self, limit: int = 10) -> list[str]:
        return [row[0] for row in self._read("SELECT id FROM history ORDER BY viewed DESC LIMIT ?", (limit,))]

    def record_view(self, entry_id: str) -> None:
        self._write("INSERT OR REPLACE INTO history (id, viewed) VALUES (?, ?)", (entry_id, _now()))
        self._write(
            "DELETE FROM history WHERE id NOT IN (SELECT id FROM history ORDER BY viewed DESC LIMIT ?)", (HISTORY_KEPT,)
        )

    # --- settings ---------------------------------------------------------------------------------------------
    def setting(self, key: str, default: str = "") -> str:
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        self._write("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    # --- named lists ------------------------------------------------------------------------------------------
    def lists(self) -> list[tuple[str, int]]:
        """(name, number of entries) of every list, the bookmarks first, then by name."""
        named = self.conn.execute(
            "SELECT l.name, count(e.id) FROM lists l LEFT JOIN list_entries e ON e.list = l.name "
            "GROUP BY l.name ORDER BY l.name COLLATE NOCASE").fetchall()
        return [(BOOKMARKS, len(self.bookmarks()))] + [(name, count) for name, count in named]

    def has_list(self, name: str) -> bool:
        return name == BOOKMARKS or self.conn.execute("SELECT 1 FROM lists WHERE name = ?", (name,)).fetchone() is not None

    def list_entries(self, name: str) -> list[str]:
        """The entry ids of a list in the order they were added (the bookmarks: newest first)."""
        if name == BOOKMARKS:
            return self.bookmarks()
        return [row[0] for row in self.conn.execute(
            "SELECT id FROM list_entries WHERE list = ? ORDER BY position", (name,))]

    def add_to_list(self, name: str, entry_ids: list[str]) -> int:
        """Add entries (the list is made if new); returns how many were not in it yet."""
        if name == BOOKMARKS:
            new = [i for i in entry_ids if not self.is_bookmarked(i)]
            for entry_id in new:
                self._write("INSERT OR REPLACE INTO bookmarks (id, added) VALUES (?, ?)", (entry_id, _now()))
            return len(new)
        self._write("INSERT OR IGNORE INTO lists (name, created) VALUES (?, ?)", (name, _now()))
        present = set(self.list_entries(name))
        new = list(dict.fromkeys(i for i in entry_ids if i not in present))
        position = self.conn.execute("SELECT coalesce(max(position), 0) FROM list_entries WHERE list = ?",
                                     (name,)).fetchone()[0]
        for offset, entry_id in enumerate(new, start=1):
            self._write("INSERT INTO list_entries (list, id, position) VALUES (?, ?, ?)",
                        (name, entry_id, position + offset))
        return len(new)

    def remove_from_list(self, name: str, entry_ids: list[str]) -> int:
        """Remove entries; returns how many were in the list."""
        present = set(self.list_entries(name))
        gone = [i for i in dict.fromkeys(entry_ids) if i in present]
        table = "bookmarks WHERE id = ?" if name == BOOKMARKS else "list_entries WHERE list = ? AND id = ?"
        for entry_id in gone:
            self._write(f"DELETE FROM {table}", (entry_id,) if name == BOOKMARKS else (name, entry_id))
        return len(gone)

    def delete_list(self, name: str) -> bool:
        """Delete a named list (not its entries' notes); the bookmarks cannot be deleted, only emptied."""
        if name == BOOKMARKS or not self.has_list(name):
            return False
        self._write("DELETE FROM list_entries WHERE list = ?", (name,))
        self._write("DELETE FROM lists WHERE name = ?", (name,))
        return True

    # --- personal notes ---------------------------------------------------------------------------------------
    def note(self, entry_id: str) -> str:
        row = self.conn.execute("SELECT text FROM notes WHERE id = ?", (entry_id,)).fetchone()
        return row[0] if row else ""

    def set_note(self, entry_id: str, text: str) -> None:
        """Keep a short note on an entry (cut to NOTE_MAX characters); an empty note deletes it."""
        text = " ".join(text.split())[:NOTE_MAX]
        if text:
            self._write("INSERT OR REPLACE INTO notes (id, text, updated) VALUES (?, ?, ?)", (entry_id, text, _now()))
        else:
            self._write("DELETE FROM notes WHERE id = ?", (entry_id,))

    def close(self) -> None:
        self.conn.close()


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring an older file up to this fieldkit's schema; each step in one transaction."""
    done = conn.execute("PRAGMA user_version").fetchone()[0]
    for version, script in enumerate(_MIGRATIONS[done:], start=done + 1):
        conn.executescript(f"BEGIN; {script} PRAGMA user_version = {version}; COMMIT;")


def saved_setting(key: str, path: Path | None = None) -> str:
    """One saved setting, read without opening the file for writing ("" when there is none): for a command that
    only reads one, as `fieldkit search` reads the app's language. No file is created, checked or repaired (the
    app does that when it starts); a file that cannot be read gives "", as a missing one does."""
    target = path or paths.data_dir() / "userdata.db"
    if not target.is_file():
        return ""
    try:
        conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True, timeout=LOCK_WAIT)
    except (sqlite3.Error, OSError, ValueError):
        return ""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return ""
    finally:
        conn.close()
    return row[0] if row and isinstance(row[0], str) else ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
