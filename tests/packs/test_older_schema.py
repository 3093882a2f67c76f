"""A pack made by an older fieldkit (content schema 1) still installs and is read; doctor says it is older."""

from __future__ import annotations

import json

from fieldkit.store.schema import SCHEMA_VERSION
from tests.packs.conftest import facts_of, forge
from tests.store.test_search_plans import downgrade


def test_pack_of_an_older_schema_installs_and_is_searched(trusted, cli, tmp_path):
    old_db = downgrade(trusted.v1_db, tmp_path / "schema1.db")
    pack = tmp_path / "schema1.fkpack"
    pack.write_bytes(forge(old_db.read_bytes(), trusted.secret, **facts_of(old_db, version="2026.11.15")))
    installed = cli("pack", "install", pack)
    assert installed.code == 0, installed.err
    result = cli("search", "bihac", "--json")
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out)[0]["id"] == "bihac"
    doctor = cli("doctor")
    assert doctor.code == 0 and "Traceback" not in doctor.err
    assert "from pack fieldkit 2026.11.15" in doctor.out
    assert f"content schema 1, older than this fieldkit's {SCHEMA_VERSION}" in doctor.out
