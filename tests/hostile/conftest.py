"""Fixtures for the adversarial tests: the pack fixtures, a signed pack with any manifest at all, and the fixture
database standing in for the content shipped with fieldkit (so no test compiles the real content)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from fieldkit import paths
from fieldkit.packs import signing
from fieldkit.packs.archive import DATABASE, MANIFEST, SIGNATURE, deflated, render, stored
from fieldkit.packs.keys import SecretKey
from fieldkit.packs.manifest import Manifest, Member
from fieldkit.store.schema import SCHEMA_VERSION
from tests.packs.conftest import installed_v1, packs, trusted  # noqa: F401  (fixtures shared with tests/packs)
from tests.tui.conftest import make_app, userdata_path  # noqa: F401  (and with tests/tui)


@pytest.fixture(autouse=True)
def shipped_is_the_fixture(fixture_db, monkeypatch):
    """The content "shipped with fieldkit" in these tests: the fixture database (version 2026.11.01)."""
    monkeypatch.setattr(paths, "BUNDLED_DB", fixture_db)
    return fixture_db


def signed_pack(database: bytes, secret: SecretKey, **fields) -> bytes:
    """A pack whose manifest says exactly `fields` (no check of them at all), signed by `secret`."""
    packed = deflated(DATABASE, database)
    manifest = Manifest(**({
        "name": "fieldkit", "version": "2027.1.1", "created": "2026-12-24T00:00:00Z", "schema_version": SCHEMA_VERSION,
        "content_hash": "x", "content_date": "2027-01-01", "languages": ["en"], "counts": {"entries": 1},
        "signer": secret.public.b64,
        "members": {DATABASE: Member(len(database), hashlib.sha256(database).hexdigest(), len(packed[1]),
                                     hashlib.sha256(packed[1]).hexdigest())},
    } | fields))
    data = manifest.to_bytes()
    return render([stored(MANIFEST, data), stored(SIGNATURE, signing.sign(secret.raw, data)), packed])


def copy_db(source: Path, target: Path) -> Path:
    shutil.copy(source, target)
    return target
