"""`fieldkit build`: atomic, deterministic, and a faithful copy of the content."""

from __future__ import annotations

import hashlib
import sqlite3

from fieldkit.content.build import build
from fieldkit.store.schema import SCHEMA_VERSION
from tests.content.test_check import edit


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def meta(path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, value FROM meta"))


def test_build_writes_every_entry_and_translation(content, tmp_path):
    out = tmp_path / "out.db"
    result = build(content, out)
    assert (result.entries, result.translations) == (9, 12)
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 9
        assert conn.execute("SELECT lang FROM translations WHERE id = 'risk-drowning' ORDER BY lang").fetchall() == [("en",), ("fa",)]
        assert conn.execute("SELECT count(*) FROM citations").fetchone()[0] == 10
        kinds = conn.execute("SELECT kind, dst FROM relations WHERE src = 'route-rs-ba-drina' ORDER BY kind").fetchall()
        assert kinds == [("from", "drina-river"), ("risks", "risk-drowning"), ("to", "bihac"), ("via", "velika-kladusa")]
    assert meta(out)["schema_version"] == str(SCHEMA_VERSION)
    assert meta(out)["content_date"] == "2026-11-01"


def test_same_input_gives_same_hash_and_bytes(content, tmp_path):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    build(content, first)
    build(content, second)
    assert meta(first)["content_hash"] == meta(second)["content_hash"]
    assert sha256(first) == sha256(second)


def test_changed_input_changes_hash(content, tmp_path):
    before = build(content, tmp_path / "a.db").content_hash
    edit(content / "place/bihac.en.md", "before they try", "before trying")
    assert build(content, tmp_path / "b.db").content_hash != before


def test_cli_build_reports_success(cli, content, tmp_path):
    out = tmp_path / "fieldkit.db"
    result = cli("build", "--content", content, "--out", out)
    assert result.code == 0, result.err
    assert f"built {out}: 9 entries" in result.err


def test_failed_build_leaves_previous_database_byte_for_byte(cli, content, tmp_path):
    out = tmp_path / "fieldkit.db"
    assert cli("build", "--content", content, "--out", out).code == 0
    before = sha256(out)
    broken = content / "place/bihac.en.md"
    edit(broken, "title: Bihać", "title: [Bihać")
    result = cli("build", "--content", content, "--out", out)
    assert result.code == 1
    assert result.out.startswith(f"{broken}:4: not valid YAML")
    assert f"{out} is unchanged" in result.err
    assert sha256(out) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_failed_first_build_writes_nothing(cli, content, tmp_path):
    edit(content / "place/bihac.en.md", "kind: town", "kind: metropolis")
    out = tmp_path / "fieldkit.db"
    result = cli("build", "--content", content, "--out", out)
    assert result.code == 1
    assert "was not written" in result.err
    assert not out.exists()


def test_build_interrupted_midway_keeps_previous_database(content, tmp_path, monkeypatch):
    out = tmp_path / "fieldkit.db"
    build(content, out)
    before = sha256(out)
    import fieldkit.content.build as build_module

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(build_module, "_meta", crash)
    try:
        build(content, out)
    except OSError:
        pass
    else:
        raise AssertionError("the build should have failed")
    assert sha256(out) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["fieldkit.db"]
