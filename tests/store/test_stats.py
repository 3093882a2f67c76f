"""What the store counts about its content, and the shortcuts that read the same figures without counting."""

from __future__ import annotations

import shutil
import sqlite3

from fieldkit.store.db import connect
from fieldkit.store.store import Store


def test_languages_are_the_languages_counted(store):
    assert store.languages() == sorted(store.stats()["languages"])


def test_languages_without_the_builds_list(fixture_db, tmp_path):
    """A database whose meta has no list (or a crafted one) gives the languages of its translations."""
    copy = tmp_path / "copy.db"
    shutil.copy(fixture_db, copy)
    for value in (None, "not json", '["en", 3]'):
        conn = sqlite3.connect(copy)
        if value is None:
            conn.execute("DELETE FROM meta WHERE key = 'languages'")
        else:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('languages', ?)", (value,))
        conn.commit()
        conn.close()
        store = Store(connect(copy))
        assert store.languages() == sorted(store.stats()["languages"])
        store.close()
