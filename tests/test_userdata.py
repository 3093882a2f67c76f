"""Bookmarks and history: saved, kept across restarts, never lost to a crash or a damaged file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from fieldkit.userdata import HISTORY_KEPT, UserData


def test_bookmarks_and_history_persist(tmp_path):
    path = tmp_path / "userdata.db"
    data = UserData(path)
    assert data.toggle_bookmark("bihac") is True
    data.record_view("bihac")
    data.record_view("risk-drowning")
    data.close()
    again = UserData(path)
    assert again.bookmarks() == ["bihac"]
    assert again.recent() == ["risk-drowning", "bihac"]
    assert again.toggle_bookmark("bihac") is False
    assert again.bookmarks() == []
    assert again.notice == ""


def test_history_is_capped(tmp_path):
    data = UserData(tmp_path / "u.db")
    for number in range(HISTORY_KEPT + 10):
        data.record_view(f"entry-{number}")
    assert len(data.recent(limit=1000)) == HISTORY_KEPT


def test_damaged_file_is_set_aside_not_deleted(tmp_path):
    path = tmp_path / "userdata.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # a header, then garbage
    data = UserData(path)
    assert "damaged" in data.notice
    assert data.toggle_bookmark("bihac") is True
    kept = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_folder_keeps_the_app_running(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        data = UserData(folder / "sub" / "userdata.db")
        assert "cannot be saved" in data.notice
        assert data.toggle_bookmark("bihac") is True  # in memory for this run
    finally:
        folder.chmod(0o700)


def test_unwritable_location_keeps_the_app_running(tmp_path):
    """Works for root too: the data folder's parent is a file, so the folder cannot be made."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    data = UserData(blocker / "fieldkit" / "userdata.db")
    assert "cannot be saved" in data.notice
    assert data.toggle_bookmark("bihac") is True
    assert data.bookmarks() == ["bihac"]


def test_process_killed_mid_write_leaves_a_usable_file(tmp_path):
    """A writer is killed while it writes bookmarks in a loop; the file opens cleanly with what was committed."""
    path = tmp_path / "userdata.db"
    UserData(path).toggle_bookmark("kept-before")
    writer = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from fieldkit.userdata import UserData\n"
         f"data = UserData(Path({str(path)!r}))\n"
         "print('ready', flush=True)\n"
         "i = 0\n"
         "while True:\n    data.toggle_bookmark(f'entry-{i}'); data.record_view(f'entry-{i}'); i += 1\n"],
        stdout=subprocess.PIPE, text=True,
    )
    assert writer.stdout.readline().strip() == "ready"
    import time

    time.sleep(0.3)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    data = UserData(path)
    assert data.notice == ""
    assert "kept-before" in data.bookmarks()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_full_disk_keeps_the_app_running_and_says_so(tmp_path):
    """SQLite's "database or disk is full", forced with a page limit: nothing raises, the notice says why, what was
    saved before is still there."""
    path = tmp_path / "userdata.db"
    data = UserData(path)
    data.toggle_bookmark("kept-before")
    pages = data.conn.execute("PRAGMA page_count").fetchone()[0]
    data.conn.execute(f"PRAGMA max_page_count = {pages}")
    for number in range(200):  # history rows with long ids until the file would have to grow
        data.record_view(f"entry-{number}-" + "x" * 400)
    assert "Could not save" in data.notice and "full" in data.notice
    assert data.bookmarks() == ["kept-before"]
    data.close()
    assert UserData(path).bookmarks() == ["kept-before"]


def test_a_saved_setting_is_read_without_writing(tmp_path):
    from fieldkit.userdata import saved_setting

    path = tmp_path / "userdata.db"
    assert saved_setting("language", path) == "" and not path.exists()  # nothing saved, nothing created
    data = UserData(path)
    data.set_setting("language", "fa")
    data.close()
    before = path.read_bytes()
    assert saved_setting("language", path) == "fa"
    assert saved_setting("theme", path) == ""
    assert path.read_bytes() == before
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # damaged: the app sets it aside; a reader says ""
    assert saved_setting("language", path) == ""
