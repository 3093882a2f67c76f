"""Issue 16, item 9 and the crafted-database tracebacks: a `--db` file or a signed pack whose database has a view
(a `meta` that recurses for ever), a trigger, the right tables with the wrong columns, or an integer
schema_version gives a one-line message (or works), never a hang or a traceback; such a pack never installs."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from fieldkit.packs.build import describe
from fieldkit.packs.state import active_pack
from tests.conftest import ROOT
from tests.hostile.conftest import copy_db, signed_pack
from tests.packs.conftest import fingerprint

# Counts up for ever looking for a row with n < 0: any query of `meta` never returns.
RECURSIVE_META = ("CREATE VIEW meta AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                  "SELECT 'schema_version' AS key, '2' AS value FROM r WHERE n < 0")


def altered(source, target, *statements: str):
    copy_db(source, target)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA writable_schema = OFF")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    return target


def crafted(fixture_db, folder, *, hanging: bool = False):
    """name -> a database fieldkit must refuse without crashing (`hanging`: and the one that used to hang it)."""
    hang = {"recursive-view": altered(fixture_db, folder / "view.db", "DROP TABLE meta", RECURSIVE_META)}
    return (hang if hanging else {}) | {
        "trigger": altered(fixture_db, folder / "trigger.db",
                           "CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM entries; END"),
        "wrong-columns": altered(fixture_db, folder / "columns.db", "ALTER TABLE entries RENAME COLUMN title TO name"),
        "plain-search-table": altered(fixture_db, folder / "plain.db", "DROP TABLE search",
                                      "CREATE TABLE search (title, body, facets)"),
    }


def run(*args, timeout=30):
    """fieldkit in a process of its own, so that a hang is a failure (after `timeout`), not a stuck test run."""
    return subprocess.run([sys.executable, "-m", "fieldkit", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=os.environ.copy(), timeout=timeout)


def test_crafted_databases_are_refused_by_every_command(fixture_db, tmp_path, cli):
    for name, db in crafted(fixture_db, tmp_path).items():
        for command in (("search", "bihac"), ("show", "bihac"), ("stats", "--json"), ("export", "--type", "place"),
                        ("brief", "--list")):
            result = cli(*command, "--db", db)
            assert result.code == 1, (name, command, result)
            assert "is not a fieldkit content database" in result.err and result.err.count("\n") == 1, result.err
        doctor = cli("doctor", "--db", db, "--json")
        assert doctor.code == 1 and "Traceback" not in doctor.err


@pytest.mark.slow
def test_a_recursive_view_does_not_hang(fixture_db, tmp_path):
    db = altered(fixture_db, tmp_path / "view.db", "DROP TABLE meta", RECURSIVE_META)
    result = run("stats", "--db", db, timeout=30)
    assert result.returncode == 1 and "it has a view ('meta')" in result.stderr


def test_an_integer_schema_version_is_read(fixture_db, tmp_path, cli):
    db = altered(fixture_db, tmp_path / "int.db", "ALTER TABLE meta RENAME TO old_meta",
                 "CREATE TABLE meta (key TEXT PRIMARY KEY, value)",  # no type: an integer stays an integer
                 "INSERT INTO meta SELECT key, CASE key WHEN 'schema_version' THEN 2 ELSE value END FROM old_meta",
                 "DROP TABLE old_meta")
    assert sqlite3.connect(db).execute("SELECT typeof(value) FROM meta WHERE key = 'schema_version'").fetchone() == ("integer",)
    for command in (("search", "bihac"), ("stats",), ("doctor",), ("show", "bihac")):
        result = cli(*command, "--db", db)
        assert result.code == 0 and "Traceback" not in result.err, (command, result.err)


@pytest.mark.slow
def test_signed_packs_with_crafted_databases_never_install(installed_v1, tmp_path):
    facts = describe(installed_v1.v2_db)
    before = fingerprint()
    for name, db in crafted(installed_v1.v2_db, tmp_path, hanging=True).items():
        pack = tmp_path / f"{name}.fkpack"
        pack.write_bytes(signed_pack(db.read_bytes(), installed_v1.secret, version="2027.1.1",
                                     content_hash=facts["content_hash"]))
        for command in ("verify", "install"):
            result = run("pack", command, pack, timeout=30)
            assert result.returncode == 1 and "Traceback" not in result.stderr, (name, result.stderr)
            assert "not fieldkit content" in result.stderr, (name, result.stderr)
    assert fingerprint() == before and active_pack().version == "2026.11.01"


def test_a_damaged_text_is_shown_empty_not_a_traceback(fixture_db, tmp_path, cli):
    """Schema 4 keeps texts compressed: a blob that does not decompress reads as no text, never as an error."""
    import shutil
    import sqlite3

    db = tmp_path / "damaged.db"
    shutil.copy(fixture_db, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE texts SET blob = x'00ff00ff' WHERE key = (SELECT key FROM translations WHERE id = 'bihac' "
                     "AND lang = 'en')")
    conn.close()
    shown = cli("show", "bihac", "--db", db, "--json")
    assert shown.code == 0 and '"body": ""' in shown.out and "Traceback" not in shown.err
    found = cli("search", "bihac", "--db", db, "--json")
    assert found.code == 0 and "Traceback" not in found.err
