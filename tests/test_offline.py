"""Offline means offline: no fieldkit command opens a network connection or even resolves a name."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import FIXTURE_CONTENT, FIXTURE_SOURCES, ROOT

# Runs fieldkit in a fresh interpreter with an audit hook that fails on any socket use.
GUARD = """
import sys, runpy
def guard(event, args):
    if event.startswith("socket.") or event in ("urllib.Request", "http.client.connect"):
        sys.stderr.write("NETWORK: " + event + " " + repr(args)[:200] + "\\n")
        sys.stderr.flush()
        import os; os._exit(99)
sys.addaudithook(guard)
sys.argv = ["fieldkit"] + sys.argv[1:]
try:
    runpy.run_module("fieldkit", run_name="__main__")
except SystemExit as exit_:
    raise
"""


def run_guarded(*args: str, tmp_path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.run([sys.executable, "-c", GUARD, *args], capture_output=True, text=True, cwd=ROOT, env=env)


def test_guard_catches_a_connection(tmp_path):
    """The guard itself works: a script that opens a socket is stopped."""
    code = GUARD.replace('runpy.run_module("fieldkit", run_name="__main__")',
                         'import socket; socket.create_connection(("127.0.0.1", 9))')
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 99
    assert "NETWORK: socket." in result.stderr


def test_no_command_touches_the_network(tmp_path):
    db = tmp_path / "fieldkit.db"
    commands = [
        ("check", "--content", str(FIXTURE_CONTENT), "--sources", str(FIXTURE_SOURCES)),
        ("build", "--content", str(FIXTURE_CONTENT), "--out", str(db)),
        ("search", "bihac", "--db", str(db)),
        ("search", "کیف", "--lang", "fa", "--json", "--db", str(db)),
        ("show", "bihac", "--db", str(db)),
        ("show", "risk-drowning", "--lang", "fa", "--json", "--db", str(db)),
        ("stats", "--db", str(db)),
        ("stats", "--json"),  # the default database, compiled from the source checkout
        ("--version",),
    ]
    for command in commands:
        result = run_guarded(*command, tmp_path=tmp_path)
        assert "NETWORK" not in result.stderr, (command, result.stderr)
        assert result.returncode == 0, (command, result.stderr)


def test_no_network_modules_in_the_package():
    """A cheap second line: fieldkit's own source imports no network client."""
    import re

    pattern = re.compile(r"^\s*(import|from)\s+(requests|httpx|urllib\.request|urllib3|aiohttp|socket|http\.client)\b", re.M)
    offenders = [str(p) for p in (ROOT / "fieldkit").rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_export_and_import_stay_offline(tmp_path):
    import shutil

    db, content = tmp_path / "fieldkit.db", tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    sheet = ROOT / "tests" / "fixtures" / "interop" / "partner-services.csv"
    commands = [
        ("build", "--content", str(FIXTURE_CONTENT), "--out", str(db)),
        ("export", "--type", "service", "--format", "hxl", "--db", str(db)),
        ("export", "--format", "geojson", "-o", str(tmp_path / "map.geojson"), "--db", str(db)),
        ("import", "services", str(sheet), "--content", str(content), "--skip-bad"),
    ]
    for command in commands:
        result = run_guarded(*command, tmp_path=tmp_path)
        assert "NETWORK" not in result.stderr, (command, result.stderr)
        assert result.returncode == 0, (command, result.stderr)
