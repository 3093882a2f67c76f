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

    def close(self) -> None:
        self.conn.close()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
