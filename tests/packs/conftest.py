"""Shared pack fixtures: publisher keys, packs built from the fixture content, forged and hostile packs, and a
fingerprint of the user data folder to prove that a refused install changed nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldkit import paths
from fieldkit.packs import keys
from fieldkit.packs.archive import (
    DATABASE,
    MANIFEST,
    SIGNATURE,
    deflated,
    render,
    stored,
)
from fieldkit.packs.build import build_pack, describe, seal
from tests.conftest import FIXTURE_CONTENT

NEW_WORD = "zorkwhistle"  # only in the "newer" content


@dataclass(frozen=True)
class Packs:
    secret: keys.SecretKey
    other: keys.SecretKey  # a key nobody trusts
    folder: Path
    v1: Path  # the fixture content, version 2026.11.01
    v2: Path  # newer content (an entry mentions NEW_WORD), version 2026.12.01
    v1_db: Path  # the database inside v1
    v2_db: Path


def newer_content(target: Path) -> Path:
    """A copy of the fixture content with one entry changed and checked later."""
    shutil.copytree(FIXTURE_CONTENT, target)
    bihac = target / "place" / "bihac.en.md"
    text = bihac.read_text(encoding="utf-8").replace("checked: 2026-11-01", "checked: 2026-12-01")
    bihac.write_text(text + f"\nA new service point opened near the {NEW_WORD} crossing.\n", encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def packs(tmp_path_factory) -> Packs:
    folder = tmp_path_factory.mktemp("packs")
    secret, other = keys.generate("test publisher"), keys.generate("stranger")
    build_pack(FIXTURE_CONTENT, secret, folder / "v1.fkpack", version="2026.11.01")
    build_pack(newer_content(folder / "content-v2"), secret, folder / "v2.fkpack", version="2026.12.01")
    dbs = {}
    for name in ("v1", "v2"):
        with zipfile.ZipFile(folder / f"{name}.fkpack") as archive:
            dbs[name] = folder / f"{name}.db"
            dbs[name].write_bytes(archive.read(DATABASE))
    return Packs(secret, other, folder, folder / "v1.fkpack", folder / "v2.fkpack", dbs["v1"], dbs["v2"])


@pytest.fixture
def trusted(packs, cli):
    """The test publisher's key, trusted the way a person would: `fieldkit pack trust FILE.pub`."""
    pub = packs.folder / "publisher.pub"
    if not pub.exists():
        pub.write_text(packs.secret.public.line(), encoding="ascii")
    assert cli("pack", "trust", pub).code == 0
    return packs


@pytest.fixture
def installed_v1(trusted, cli):
    """v1 installed, so a refused install has a state to leave alone."""
    result = cli("pack", "install", trusted.v1)
    assert result.code == 0, result.err
    return trusted


def fingerprint() -> str:
    """A hash of every name and byte under the user data folder (what 'nothing changed' means)."""
    root = paths.data_dir()
    digest = hashlib.sha256()
    if root.exists():
        for path in sorted(root.rglob("*")):
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


def forge(database: bytes, secret: keys.SecretKey, **overrides) -> bytes:
    """A pack holding `database`, signed by `secret`, with manifest fields overridden (e.g. schema_version)."""
    facts = {"name": "fieldkit", "version": "2026.12.24", "schema_version": 1, "content_hash": "x",
             "content_date": "2026-12-24", "languages": ["en"], "counts": {"entries": 1}}
    return seal(database, secret, **(facts | overrides))[1]


def facts_of(db_path: Path, **overrides) -> dict:
    return describe(db_path) | overrides


def members_of(blob: bytes) -> dict[str, bytes]:
    import io

    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def repack(manifest: bytes, signature: bytes, database: bytes) -> bytes:
    """Members put back together in fieldkit's own exact layout (valid zip, valid checksums)."""
    return render([stored(MANIFEST, manifest), stored(SIGNATURE, signature), deflated(DATABASE, database)])


def plain_zip(path: Path, members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    """Any zip at all, written by Python's zipfile (for hostile archives fieldkit would never write)."""
    with zipfile.ZipFile(path, "w") as archive:
        for info, data in members:
            archive.writestr(info, data)
    return path


def corrupt_database(source: Path, target: Path) -> Path:
    """A copy of `source` that opens but fails PRAGMA integrity_check (an index's pages orphaned)."""
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("DELETE FROM sqlite_master WHERE name = 'idx_entries_type'")
    conn.commit()
    conn.close()
    return target


@pytest.fixture(autouse=True)
def shipped_is_the_fixture(fixture_db, monkeypatch):
    """The content "shipped with fieldkit" in these tests: the fixture database, version 2026.11.01, so the test
    packs (2026.11.01 and 2026.12.01) are not older than it (fieldkit refuses packs older than what it ships)."""
    monkeypatch.setattr(paths, "BUNDLED_DB", fixture_db)
    return fixture_db
