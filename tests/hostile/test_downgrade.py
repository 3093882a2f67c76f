"""Issue 16, item 5: with no pack installed, a signed pack older than the content shipped with fieldkit does not
replace it without --allow-downgrade (the shipped content here: the fixture database, version 2026.11.01)."""

from __future__ import annotations

import json

from fieldkit.packs.build import describe
from fieldkit.packs.state import active_pack
from tests.hostile.conftest import signed_pack
from tests.packs.conftest import fingerprint


def old_pack(packs, tmp_path):
    path = tmp_path / "old.fkpack"
    path.write_bytes(signed_pack(packs.v1_db.read_bytes(), packs.secret, version="2020.1.1",
                                 content_hash=describe(packs.v1_db)["content_hash"]))
    return path


def test_an_old_pack_does_not_replace_newer_shipped_content(trusted, cli, tmp_path):
    old = old_pack(trusted, tmp_path)
    before = fingerprint()
    result = cli("pack", "install", old)
    assert result.code == 1 and "older than the content shipped with fieldkit (2026.11.01)" in result.err
    assert fingerprint() == before and active_pack() is None
    verified = cli("pack", "verify", old, "--json")
    assert verified.code == 0 and json.loads(verified.out)["would_install"] is False
    assert cli("pack", "install", old, "--allow-downgrade").code == 0
    assert active_pack().version == "2020.1.1"


def test_from_dir_with_only_older_packs_keeps_the_shipped_content(trusted, cli, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    old_pack(trusted, tmp_path).rename(stick / "old.fkpack")
    result = cli("pack", "install", "--from-dir", stick)
    assert result.code == 0 and "the content shipped with fieldkit is newer" in result.out
    assert active_pack() is None


def test_the_same_or_a_newer_version_installs(trusted, cli):
    assert cli("pack", "install", trusted.v1).code == 0  # 2026.11.01, the shipped version itself
    assert cli("pack", "install", trusted.v2).code == 0
