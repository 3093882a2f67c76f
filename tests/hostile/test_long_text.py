"""Issue 16: an entry with a 20 MB line (a crafted database) is shown in moments, cut with a mark, by `show` and
the app; `show --json` still prints all of it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from fieldkit.text.clip import BODY, MARK
from fieldkit.tui.messages import ToEntry
from tests.conftest import ROOT
from tests.hostile.conftest import copy_db
from tests.hostile.hostile_db import edit_texts

HUGE = 20 * 1024 * 1024


@pytest.fixture(scope="module")
def long_db(fixture_db, tmp_path_factory):
    db = copy_db(fixture_db, tmp_path_factory.mktemp("long") / "long.db")
    with sqlite3.connect(db) as conn:
        edit_texts(conn, lambda snippet, body: (snippet, "[" * 1000 + "word " * (HUGE // 5)),
                   "t.id = 'bihac' AND t.lang = 'en'")
        conn.execute("UPDATE entries SET title = ? WHERE id = 'bihac'", ("Bihać " * 400_000,))
    conn.close()
    return db


@pytest.mark.slow
def test_show_finishes_and_says_it_cut(long_db):
    result = subprocess.run([sys.executable, "-m", "fieldkit", "show", "bihac", "--db", str(long_db)],
                            capture_output=True, text=True, cwd=ROOT, env=os.environ.copy(), timeout=60)
    assert result.returncode == 0, result.stderr[-300:]
    assert MARK in result.stdout and len(result.stdout) < 200_000


async def test_the_app_shows_it_cut(long_db, tmp_path):
    import datetime as dt

    from textual.widgets import Markdown

    from fieldkit.store.db import Located, connect
    from fieldkit.store.store import Store
    from fieldkit.tui.app import FieldkitApp
    from fieldkit.userdata import UserData

    store = Store(connect(long_db), Located(long_db, "--db"))
    app = FieldkitApp(store, userdata=UserData(tmp_path / "u.db"), today=dt.date(2026, 11, 24))
    async with app.run_test(size=(120, 40)) as pilot:
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        source = app.screen.query_one("#entry-markdown", Markdown).source
        assert len(source) <= BODY + 10 and source.endswith(MARK)
