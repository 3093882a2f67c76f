"""The content database as the one-file executable carries it (build/fieldkit.spec): each document's text stored
uncompressed inside its packed form, so the executable's xz compresses all the texts together.

The build packs each text on its own with zlib and its language's dictionary (fieldkit/store/schema.py), which
suits a database on disk; inside the executable the whole database is xz-compressed anyway, and xz does better
across every text at once (about 0.5 MB less). The texts read back exactly the same: `unpack_text` reads a
stored (level 0) zlib stream without a dictionary like any other, and the `dictionaries` table is left empty.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from fieldkit.store.schema import pack_text, unpack_text


def bundled_form(database: Path) -> bytes:
    """The bytes of a copy of `database` with its texts stored uncompressed (a database without `texts`, as is)."""
    with tempfile.TemporaryDirectory(prefix="fieldkit-bundle-") as work:
        copy = Path(work) / "bundled.db"
        shutil.copyfile(database, copy)
        conn = sqlite3.connect(copy)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if {"texts", "dictionaries"} <= tables:
                zdicts = dict(conn.execute("SELECT lang, zdict FROM dictionaries"))
                rows = conn.execute("SELECT x.key, t.lang, x.blob FROM texts x JOIN translations t ON t.key = x.key "
                                    "ORDER BY x.key").fetchall()
                for key, lang, blob in rows:
                    snippet, body = unpack_text(blob, zdicts.get(lang, b""))
                    stored = pack_text(snippet, body, b"", level=0)
                    if unpack_text(stored, b"") != (snippet, body):
                        raise SystemExit(f"build/bundle_content.py: text {key} does not read back the same")
                    conn.execute("UPDATE texts SET blob = ? WHERE key = ?", (stored, key))
                conn.execute("DELETE FROM dictionaries")
                conn.commit()
                conn.execute("VACUUM")
        finally:
            conn.close()
        return copy.read_bytes()
