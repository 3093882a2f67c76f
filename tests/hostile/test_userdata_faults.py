"""Issue 16, item 3: only real damage sets the bookmarks file aside. A lock, a permission problem or a file of
another schema is said, and the file is left exactly as it was, bookmarks and all."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from fieldkit import userdata
from fieldkit.userdata import UserData


def saved(path):
    data = UserData(path)
    data.toggle_bookmark("bihac")
    data.close()
    return path.read_bytes()


def nothing_moved(path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if ".corrupt-" in p.name] == []


def test_a_locked_file_is_waited_for_then_left_alone(tmp_path):
    path = tmp_path / "userdata.db"
    before = saved(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another fieldkit in the middle of a write
    try:
        data = UserData(path, lock_wait=0.2)
        assert "in use by another fieldkit" in data.notice
        assert data.toggle_bookmark("x") is True  # this session goes on, in memory
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    nothing_moved(path, before)
    assert UserData(path).bookmarks() == ["bihac"]


def test_a_lock_taken_while_running_is_a_notice_not_a_crash(tmp_path):
    path = tmp_path / "userdata.db"
    saved(path)
    data = UserData(path, lock_wait=0.1)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert data.bookmarks() == [] and "Could not read bookmarks" in data.notice
        data.toggle_bookmark("x")
        assert data.setting("rtl", "app") == "app"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert data.bookmarks() == ["bihac"]


@pytest.mark.parametrize("message, code", [("unable to open database file", 14),
                                           ("attempt to write a readonly database", 8),
                                           ("access permission denied", 3)])
def test_a_permission_problem_is_said_and_nothing_moves(tmp_path, monkeypatch, message, code):
    path = tmp_path / "userdata.db"
    before = saved(path)
    real = sqlite3.connect

    def refused(target, *args, **kwargs):
        if str(target) == str(path):
            error = sqlite3.OperationalError(message)
            error.sqlite_errorcode = code
            raise error
        return real(target, *args, **kwargs)

    monkeypatch.setattr(userdata.sqlite3, "connect", refused)
    data = UserData(path)
    assert "cannot be opened" in data.notice and "permissions" in data.notice
    monkeypatch.undo()
    nothing_moved(path, before)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_said_and_nothing_moves(tmp_path):
    path = tmp_path / "userdata.db"
    saved(path)
    path.chmod(0)
    try:
        data = UserData(path)
        assert "cannot be opened" in data.notice
    finally:
        path.chmod(0o600)
    assert [p.name for p in tmp_path.iterdir()] == ["userdata.db"]


def test_a_file_of_another_schema_is_left_alone(tmp_path):
    path = tmp_path / "userdata.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE settings (name TEXT, data BLOB, extra INT)")
        conn.execute("CREATE TABLE bookmarks (entry TEXT)")
    before = path.read_bytes()
    data = UserData(path)
    assert "another version of fieldkit" in data.notice
    assert data.setting("rtl", "app") == "app" and data.bookmarks() == []
    data.toggle_bookmark("bihac")
    nothing_moved(path, before)


def test_doctor_with_user_data_of_another_schema(cli, fixture_db, isolated_dirs):
    from fieldkit import paths

    paths.data_dir().mkdir(parents=True)
    with sqlite3.connect(paths.data_dir() / "userdata.db") as conn:
        conn.execute("CREATE TABLE settings (k TEXT)")
    result = cli("doctor", "--db", fixture_db, "--json")
    assert result.code == 0 and "Traceback" not in result.err
    assert "another version of fieldkit" in json.loads(result.out)["user_data"]["notice"]
    assert cli("doctor", "--db", fixture_db).code == 0


def test_real_damage_is_still_set_aside(tmp_path):
    path = tmp_path / "userdata.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    data = UserData(path)
    assert "damaged" in data.notice and len([p for p in tmp_path.iterdir() if ".corrupt-" in p.name]) == 1
