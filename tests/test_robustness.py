"""Two fieldkit processes at once, and a database replaced while it is being read."""

from __future__ import annotations

import subprocess
import sys

from fieldkit.content.build import build
from tests.conftest import FIXTURE_CONTENT, ROOT

READER = """
import sys
from pathlib import Path
from fieldkit.store.db import connect
from fieldkit.store.store import Store
store = Store(connect(Path(sys.argv[1])))
print("ready", flush=True)
for number in range(int(sys.argv[2])):
    hits = store.search(["bihac", "drina", "کیف", "asylum"][number % 4])
    assert hits, number
    assert store.get("bihac") is not None
print("done", flush=True)
"""


def test_two_processes_read_at_once(tmp_path):
    database = tmp_path / "fieldkit.db"
    build(FIXTURE_CONTENT, database)
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(database), "400"], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for reader in readers:
        out, err = reader.communicate(timeout=120)
        assert reader.returncode == 0, err
        assert out.split() == ["ready", "done"]


def test_database_replaced_while_a_reader_has_it_open(tmp_path):
    """A rebuild renames a new file over the old one; a reader that opened the old one carries on."""
    database = tmp_path / "fieldkit.db"
    build(FIXTURE_CONTENT, database)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(database), "3000"], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    assert reader.stdout.readline().strip() == "ready"
    for _ in range(3):
        build(FIXTURE_CONTENT, database)
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    assert out.strip() == "done"
