"""Shared fixtures for organisations' overlays: the fixture overlay folder (tests/fixtures/overlay), keys for the
base and for the organisation, base and overlay packs, and crafted overlays that step outside their namespace."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldkit import paths
from fieldkit.content.overlay import BaseContent, build_overlay
from fieldkit.packs import keys
from fieldkit.packs.build import build_pack, describe, seal
from tests.conftest import FIXTURE_CONTENT, FIXTURES
from tests.packs.conftest import fingerprint, newer_content  # noqa: F401  (shared with the pack tests)

FIXTURE_OVERLAY = FIXTURES / "overlay"
NAMESPACE = "org-xyz"
ATTACHED_PHONE = "+000 555 0199"  # attached to the published svc-legal-aid-bihac
OWN_PHONE = "+000 555 0101"  # on the overlay's own service


@dataclass(frozen=True)
class Layers:
    base_key: keys.SecretKey
    org_key: keys.SecretKey
    other_key: keys.SecretKey  # trusted for another namespace only
    folder: Path
    base1: Path  # the fixture content, 2100.1.1
    base2: Path  # newer content, 2100.2.1
    overlay1: Path  # the fixture overlay, 2100.1.1
    overlay2: Path  # the same with another service, 2100.2.1
    base_db: Path
    overlay_db: Path


def overlay_copy(target: Path) -> Path:
    shutil.copytree(FIXTURE_OVERLAY, target)
    return target


def second_service(folder: Path) -> Path:
    """The overlay with one more service of its own."""
    text = (folder / "service" / "org-xyz-legal-desk-bihac.en.md").read_text(encoding="utf-8")
    text = text.replace("org-xyz-legal-desk-bihac", "org-xyz-night-desk-bihac").replace("XYZ legal desk", "XYZ night desk")
    (folder / "service" / "org-xyz-night-desk-bihac.en.md").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def layers(tmp_path_factory) -> Layers:
    folder = tmp_path_factory.mktemp("layers")
    base_key, org_key, other_key = keys.generate("base"), keys.generate("xyz"), keys.generate("abc")
    build_pack(FIXTURE_CONTENT, base_key, folder / "base-1.fkpack", version="2100.1.1")
    build_pack(newer_content(folder / "content-2"), base_key, folder / "base-2.fkpack", version="2100.2.1")
    base_db = folder / "base.db"
    from fieldkit.content.build import build

    build(FIXTURE_CONTENT, base_db)
    build_pack(FIXTURE_OVERLAY, org_key, folder / "xyz-1.fkpack", version="2100.1.1", base=base_db)
    build_pack(second_service(overlay_copy(folder / "overlay-2")), org_key, folder / "xyz-2.fkpack",
               version="2100.2.1", base=base_db)
    overlay_db = folder / "overlay.db"
    build_overlay(FIXTURE_OVERLAY, BaseContent.read(base_db), overlay_db)
    return Layers(base_key, org_key, other_key, folder, folder / "base-1.fkpack", folder / "base-2.fkpack",
                  folder / "xyz-1.fkpack", folder / "xyz-2.fkpack", base_db, overlay_db)


def public_file(folder: Path, key: keys.SecretKey, name: str) -> Path:
    path = folder / f"{name}.pub"
    if not path.exists():
        path.write_text(key.public.line(), encoding="ascii")
    return path


@pytest.fixture
def trusting(layers, cli):
    """This laptop trusts the base key for the base, the organisation's key for org-xyz, another for org-abc."""
    assert cli("pack", "trust", public_file(layers.folder, layers.base_key, "base")).code == 0
    assert cli("pack", "trust", public_file(layers.folder, layers.org_key, "xyz"), "--namespace", NAMESPACE).code == 0
    assert cli("pack", "trust", public_file(layers.folder, layers.other_key, "abc"), "--namespace", "org-abc").code == 0
    return layers


@pytest.fixture
def installed(trusting, cli):
    """Base 1 and the overlay installed."""
    for pack in (trusting.base1, trusting.overlay1):
        result = cli("pack", "install", pack)
        assert result.code == 0, result.err
    return trusting


def crafted_overlay(layers: Layers, target: Path, sql: list[str], *, key: keys.SecretKey | None = None,
                    namespace: str = NAMESPACE, version: str = "2100.3.1") -> Path:
    """An overlay pack whose database was changed with `sql` after it was compiled, signed as the organisation:
    what a careless or hostile publisher could send."""
    database = target.with_suffix(".db")
    shutil.copyfile(layers.overlay_db, database)
    conn = sqlite3.connect(database)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    facts = describe(database) | {"version": version}
    blob = seal(database.read_bytes(), key or layers.org_key, name=namespace, namespace=namespace,
                organisation="XYZ Legal Aid", **facts)[1]
    target.write_bytes(blob)
    return target


@pytest.fixture(autouse=True)
def shipped_is_the_fixture(fixture_db, monkeypatch):
    """The content shipped with fieldkit in these tests: the fixture database (version 2026.11.01)."""
    monkeypatch.setattr(paths, "BUNDLED_DB", fixture_db)
    return fixture_db
