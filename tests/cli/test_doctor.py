"""`fieldkit doctor`: version, content and its age, which database and from where, user data, terminal, RTL mode."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fieldkit import paths
from fieldkit.userdata import UserData


def doctor_json(cli, *args: str) -> dict:
    result = cli("doctor", "--json", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_doctor_json(cli, fixture_db, monkeypatch, isolated_dirs):
    monkeypatch.setenv("FIELDKIT_RTL", "terminal")
    report = doctor_json(cli, "--db", fixture_db)
    assert report["version"] == "0.1.0" and report["frozen"] is False and report["executable"] is None
    assert report["content"]["origin"] == "--db" and report["content"]["database"] == str(fixture_db)
    assert report["content"]["entries"] == 9 and report["content"]["version"] == "2026.11.01"
    assert report["content"]["date"] and report["content"]["age"] and isinstance(report["content"]["stale"], bool)
    assert report["terminal"]["right_to_left"] == "left to the terminal"
    assert (report["terminal"]["rtl"], report["terminal"]["rtl_from"]) == ("terminal", "FIELDKIT_RTL")
    data = report["user_data"]
    assert data["file"].endswith("userdata.db") and data["file"].startswith(str(isolated_dirs))
    assert data["config"] == str(paths.config_dir()) and data["cache"] == str(paths.cache_dir())


def test_doctor_text_and_missing_database(cli, tmp_path):
    result = cli("doctor", "--db", tmp_path / "missing.db")
    assert result.code == 1
    assert "content: PROBLEM: content database not found" in result.out
    assert "right-to-left text: laid out by fieldkit (default;" in result.out
    assert json.loads(cli("doctor", "--json", "--db", tmp_path / "missing.db").out)["content"]["error"]


@pytest.mark.parametrize(("env", "colours"), [
    ({"TERM": "xterm-256color"}, "256"),
    ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "16 million"),
    ({"TERM": "xterm"}, "16"),
    ({"TERM": "dumb"}, "none (TERM)"),
    ({"TERM": "xterm-256color", "NO_COLOR": ""}, "none (NO_COLOR)"),  # set at all, even empty: Textual goes mono
])
def test_doctor_colour_support(cli, fixture_db, monkeypatch, env, colours):
    for name in ("TERM", "COLORTERM", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    terminal = doctor_json(cli, "--db", fixture_db)["terminal"]
    assert terminal["colours"] == colours
    assert terminal["colour"] is ("NO_COLOR" not in env)
    assert (terminal["TERM"], terminal["COLORTERM"]) == (env["TERM"], env.get("COLORTERM", ""))


def test_doctor_unicode_and_locale(cli, fixture_db, monkeypatch):
    monkeypatch.setenv("LANG", "fa_IR.UTF-8")
    monkeypatch.delenv("LC_CTYPE", raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    terminal = doctor_json(cli, "--db", fixture_db)["terminal"]
    assert (terminal["locale_from"], terminal["locale"]) == ("LC_ALL", "C.UTF-8")  # LC_ALL wins, as in libc
    assert terminal["encoding"] and terminal["unicode"] is ("utf" in terminal["encoding"].lower().replace("-", ""))
    text = cli("doctor", "--db", fixture_db).out
    assert "unicode: " in text and "LC_ALL=C.UTF-8" in text


def test_doctor_reports_the_saved_rtl_setting(cli, fixture_db):
    userdata = UserData()
    userdata.set_setting("rtl", "terminal")
    userdata.close()
    terminal = doctor_json(cli, "--db", fixture_db)["terminal"]
    assert (terminal["rtl"], terminal["rtl_from"], terminal["right_to_left"]) == ("terminal", "setting",
                                                                                 "left to the terminal")
    assert "left to the terminal (saved setting;" in cli("doctor", "--db", fixture_db).out


def test_doctor_inside_the_executable(cli, fixture_db, monkeypatch):
    """Frozen by PyInstaller: says so, names the executable, and reads the database bundled inside it."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/media/usb/fieldkit")
    monkeypatch.setattr(paths, "BUNDLED_DB", fixture_db)
    report = doctor_json(cli)
    assert report["frozen"] is True and report["executable"] == "/media/usb/fieldkit"
    assert report["content"]["origin"] == "bundled" and report["content"]["entries"] == 9
    text = cli("doctor").out
    assert "one-file executable: /media/usb/fieldkit" in text and "from the copy inside this executable" in text


def test_doctor_never_imports_textual(fixture_db):
    code = ("import sys; from fieldkit.cli import main; main(['doctor', '--json', '--db', sys.argv[1]]); "
            "sys.exit('textual' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code, str(fixture_db)], capture_output=True, text=True)
    assert result.returncode == 0, "doctor imported textual"
