"""Issue 16, item 2: the pack kept for rollback is one proven whole, and nothing installed is deleted unless it
is proven replaced: a damaged current pack, an unreadable state.json, damage that keeps the file's size."""

from __future__ import annotations

import json

from fieldkit.packs.build import describe
from fieldkit.packs.state import STATE, active_pack, packs_dir, read_state
from tests.hostile.conftest import signed_pack
from tests.packs.conftest import NEW_WORD


def install_v2(cli, packs):
    assert cli("pack", "install", packs.v2).code == 0
    state = read_state()
    assert active_pack().version == "2026.12.01"
    return state.current, state.previous  # the v2 and v1 folders


def v3(packs, tmp_path):
    path = tmp_path / "v3.fkpack"
    path.write_bytes(signed_pack(packs.v2_db.read_bytes(), packs.secret, version="2027.1.1",
                                 content_hash=describe(packs.v2_db)["content_hash"]))
    return path


def zero_the_middle(database):
    """Damage that keeps the size: every page but the first and last zeroed."""
    data = bytearray(database.read_bytes())
    data[4096:-4096] = bytes(len(data) - 8192)
    database.write_bytes(data)


def test_a_damaged_current_pack_is_not_kept_the_working_one_is(installed_v1, cli, tmp_path):
    v2_folder, v1_folder = install_v2(cli, installed_v1)
    with open(packs_dir() / v2_folder / "fieldkit.db", "r+b") as handle:
        handle.truncate(4096)
    assert active_pack().version == "2026.11.01"
    assert cli("pack", "install", v3(installed_v1, tmp_path)).code == 0
    state = read_state()
    assert state.previous == v1_folder and (packs_dir() / v1_folder / "fieldkit.db").is_file()
    assert cli("pack", "rollback").code == 0 and active_pack().version == "2026.11.01"


def test_an_unreadable_state_file_is_recovered_and_nothing_is_lost(installed_v1, cli, tmp_path):
    v2_folder, v1_folder = install_v2(cli, installed_v1)
    for damage in (b"", b'{"current": "fieldk', b"\xff\xfe", b'{"current": "../../etc", "previous": null}'):
        (packs_dir() / STATE).write_bytes(damage)
        assert active_pack().version == "2026.12.01" and read_state().recovered
        listed = cli("pack", "list")
        assert "could not be read" in listed.out and "fieldkit 2026.12.01" in listed.out
        assert "fieldkit 2026.11.01" in listed.out
        assert json.loads(cli("pack", "list", "--json").out)["state_recovered"] is True
        assert cli("search", NEW_WORD, "--json").code == 0
    assert cli("pack", "install", v3(installed_v1, tmp_path)).code == 0
    state = read_state()
    assert not state.recovered and active_pack().version == "2027.1.1"
    assert state.previous == v2_folder and (packs_dir() / v2_folder / "fieldkit.db").is_file()


def test_damage_that_keeps_the_size_is_caught_before_use(installed_v1, cli):
    v2_folder, _ = install_v2(cli, installed_v1)
    zero_the_middle(packs_dir() / v2_folder / "fieldkit.db")
    assert active_pack().version == "2026.11.01"
    result = cli("search", "bihac", "--json")
    assert result.code == 0 and "Traceback" not in result.err
    assert cli("stats").code == 0 and cli("search", NEW_WORD).code == 1  # v1 in use, not the damaged v2
    assert "damaged: its database does not match its manifest" in cli("pack", "list").out


def test_damage_found_only_while_reading_is_a_message(installed_v1, cli):
    """Bit rot that leaves the file's times alone escapes the stamp: every command still says so in one line."""
    from fieldkit.packs.state import remember

    v2_folder, _ = install_v2(cli, installed_v1)
    folder = packs_dir() / v2_folder
    zero_the_middle(folder / "fieldkit.db")
    remember(folder, json.loads((folder / "manifest.json").read_text())["members"]["fieldkit.db"]["sha256"])
    assert active_pack().version == "2026.12.01"  # the forged stamp is believed
    for command in (("search", "bihac"), ("show", "bihac"), ("stats",), ("export", "--type", "place")):
        result = cli(*command)
        assert result.code == 1 and "Traceback" not in result.err, (command, result.err)
        assert result.err.startswith("fieldkit: ") and result.err.count("\n") == 1
