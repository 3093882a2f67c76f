"""An installed fieldkit carries its compiled content: the wheel's build hook puts the database inside."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile

from tests.conftest import ROOT


def test_wheel_ships_the_compiled_content(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir",
         str(tmp_path), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    wheel = next(tmp_path.glob("fieldkit-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        assert "fieldkit/data/fieldkit.db" in archive.namelist()
        (tmp_path / "fieldkit.db").write_bytes(archive.read("fieldkit/data/fieldkit.db"))
    with sqlite3.connect(tmp_path / "fieldkit.db") as conn:
        entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        content_files = len(list((ROOT / "content").glob("*/*.en.md")))
        assert entries == content_files
