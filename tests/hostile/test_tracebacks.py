"""Issue 16, "tracebacks instead of messages": every input the sweep used gives one line and a non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURE_CONTENT, ROOT
from tests.interop.conftest import PARTNER_SHEET

TOO_LONG = "x" * 5000  # longer than any path or file name the system allows
NOT_UTF8 = os.fsdecode(b"\xff")  # what Python makes of a byte that is not UTF-8 on the command line


def one_line(result, code: int = 1) -> str:
    assert result.code == code, result
    assert "Traceback" not in result.err and result.err.count("\n") == 1 and len(result.err) < 400, result.err
    return result.err


def test_arguments_that_are_not_utf8(cli, fixture_db):
    assert "no entry with id" in one_line(cli("show", NOT_UTF8, "--db", fixture_db))
    assert "no briefing deck" in one_line(cli("brief", NOT_UTF8, "--db", fixture_db))
    assert "no results" in one_line(cli("search", NOT_UTF8, "--db", fixture_db))


@pytest.mark.parametrize("args", [
    ("search", "bihac", "--db", TOO_LONG), ("stats", "--db", TOO_LONG), ("check", "--content", TOO_LONG),
    ("build", "--content", TOO_LONG), ("build", "--content", FIXTURE_CONTENT, "--out", TOO_LONG),
    ("import", "services", TOO_LONG), ("import", "services", PARTNER_SHEET, "--content", TOO_LONG),
    ("pack", "install", "--from-dir", TOO_LONG), ("pack", "install", TOO_LONG), ("pack", "verify", TOO_LONG),
    ("pack", "trust", TOO_LONG), ("--db", TOO_LONG, "stats"),
])
def test_paths_longer_than_the_system_allows(cli, args):
    result = cli(*args)
    assert result.code in (1, 2), result  # a usage error (2) or a refusal (1): one line either way
    assert "Traceback" not in result.err and result.err.count("\n") <= 1 and len(result.err) < 400, result.err


def test_doctor_with_a_path_too_long(cli):
    result = cli("doctor", "--db", TOO_LONG)
    assert result.code == 1 and "Traceback" not in result.err and "the path is longer than this system allows" in result.out


def test_pack_install_when_the_data_folder_cannot_be_made(trusted, cli, isolated_dirs, monkeypatch):
    blocker = isolated_dirs / "blocker"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    err = one_line(cli("pack", "install", trusted.v1))
    assert "cannot write to" in err and "the installed content is unchanged" in err
    assert blocker.read_text() == "a file where the data folder should be"


def test_pack_trust_with_a_config_folder_that_cannot_be_written(packs, cli, isolated_dirs, monkeypatch):
    blocker = isolated_dirs / "config-blocker"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    assert "cannot save the trusted key" in one_line(cli("pack", "trust", packs.other.public.line()))


def test_the_global_db_is_used_or_refused(cli, fixture_db, tmp_path):
    used = cli("--db", fixture_db, "stats", "--json")
    assert used.code == 0 and '"content_version": "2026.11.01"' in used.out
    assert "content database not found" in one_line(cli("--db", tmp_path / "missing.db", "search", "x"))
    assert "does not use it" in one_line(cli("--db", fixture_db, "check"), code=2)


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("export", "--type", "service"), ("brief", "brief-rivers"),
                                  ("search", "bihac", "--json"), ("stats",), ("show", "bihac")])
def test_a_full_disk_under_standard_output(fixture_db, args):
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "fieldkit", *args, "--db", str(fixture_db)], stdout=full,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT, env=os.environ.copy(), timeout=60)
    assert result.returncode == 1, result.stderr
    assert result.stderr == "fieldkit: cannot write the output: the disk is full\n"
