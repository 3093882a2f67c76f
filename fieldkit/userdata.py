"""Bookmarks and recently viewed entries, in a small SQLite file under the user data folder.

SQLite commits are atomic, so a process killed mid-write leaves the previous state. A file that is corrupt or
not ours is set aside (renamed, never deleted) and a new one made; a folder that cannot be written gives an
in-memory store so the app still runs for reading. Either way `notice` says what happened.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from fieldkit import paths

HISTORY_KEPT = 50
_SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmarks (id TEXT PRIMARY KEY, added TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS history (id TEXT PRIMARY KEY, viewed TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
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
    def __init__(self, path: Path | None = None):
        self.path = path or paths.data_dir() / "userdata.db"
        self.notice = ""
        self.conn = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect(self.path)
        except sqlite3.DatabaseError:
            return self._set_aside_and_recreate()
        except OSError as error:
            self.notice = f"Bookmarks and history cannot be saved ({error.strerror}: {self.path.parent}); they last until you quit."
            return self._connect(":memory:")

    def _connect(self, target: Path | str) -> sqlite3.Connection:
        conn = sqlite3.connect(target, isolation_level=None)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            conn.executescript(_SCHEMA)
            _migrate(conn)
        except sqlite3.OperationalError as error:
            conn.close()
            if "readonly" in str(error) or "unable to open" in str(error):
                raise OSError(30, "read-only") from error
            raise sqlite3.DatabaseError(str(error)) from error
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _set_aside_and_recreate(self) -> sqlite3.Connection:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            self.path.rename(aside)
            self.notice = f"Your bookmarks file was damaged; it was kept as {aside.name} and a new one started."
            return self._connect(self.path)
        except (OSError, sqlite3.DatabaseError) as error:
            self.notice = f"Your bookmarks file is damaged and cannot be replaced ({error}); nothing will be saved."
            return self._connect(":memory:")

    def _write(self, sql: str, args: tuple) -> None:
        try:
            self.conn.execute(sql, args)
        except sqlite3.OperationalError as error:  # disk full, folder made read-only while running
            self.notice = f"Could not save ({error})."

    # --- bookmarks --------------------------------------------------------------------------------------------
    def bookmarks(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT id FROM bookmarks ORDER BY added DESC, id")]

    def is_bookmarked(self, entry_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM bookmarks WHERE id = ?", (entry_id,)).fetchone() is not None

    def toggle_bookmark(self, entry_id: str) -> bool:
        """Add or remove; returns whether it is bookmarked now."""
        if self.is_bookmarked(entry_id):
            self._write("DELETE FROM bookmarks WHERE id = ?", (entry_id,))
            return False
        self._write("INSERT OR REPLACE INTO bookmarks (id, added) VALUES (?, ?)", (entry_id, _now()))
        return True

    # --- history ----------------------------------------------------------------------------------------------
    def recent(self, limit: int = 10) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT id FROM history ORDER BY viewed DESC LIMIT ?", (limit,))]

    def record_view(self, entry_id: str) -> None:
        self._write("INSERT OR REPLACE INTO history (id, viewed) VALUES (?, ?)", (entry_id, _now()))
        self._write(
            "DELETE FROM history WHERE id NOT IN (SELECT id FROM history ORDER BY viewed DESC LIMIT ?)", (HISTORY_KEPT,)
        )

    # --- settings ---------------------------------------------------------------------------------------------
    def setting(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

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


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
