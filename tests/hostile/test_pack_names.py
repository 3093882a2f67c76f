"""Issue 16, item 1: a pack name or version that the install folder rule refuses must never install into nothing.

One rule (fieldkit.packs.manifest.check_name, folder_name, is_pack_folder) at build, verify and install: a name
that builds is a name that installs and stays in use.
"""

from __future__ import annotations

from fieldkit.packs.build import describe
from fieldkit.packs.state import active_pack, packs_dir, read_state
from tests.hostile.conftest import signed_pack
from tests.packs.conftest import fingerprint

LONG_NAME = "n" * 64
LONG_VERSION = ".".join(["999999999"] * 6)  # 59 characters, the longest version there is


def test_build_refuses_a_name_with_two_dots(packs, cli, tmp_path):
    key = tmp_path / "k.key"
    key.write_text(packs.secret.line())
    out = tmp_path / "x.fkpack"
    result = cli("pack", "build", "--key", key, "--name", "a..b", "-o", out, "--content", packs.folder / "content-v2")
    assert result.code == 1 and "'a..b' is not a pack name" in result.err and not out.exists()


def test_a_signed_pack_named_with_two_dots_is_refused(installed_v1, cli, tmp_path):
    bad = tmp_path / "dots.fkpack"
    facts = describe(installed_v1.v2_db)
    bad.write_bytes(signed_pack(installed_v1.v2_db.read_bytes(), installed_v1.secret, name="a..b",
                                version="2027.1.1", content_hash=facts["content_hash"]))
    before = fingerprint()
    for command in (("install",), ("verify",)):
        result = cli("pack", *command, bad)
        assert result.code == 1 and "'a..b' is not a pack name" in result.err, result.err
    assert fingerprint() == before and active_pack().version == "2026.11.01"


def test_the_longest_name_and_version_install_and_stay_in_use(installed_v1, cli, tmp_path):
    facts = describe(installed_v1.v2_db)
    database = installed_v1.v2_db.read_bytes()
    long_pack = tmp_path / "long.fkpack"
    long_pack.write_bytes(signed_pack(database, installed_v1.secret, name=LONG_NAME, version=LONG_VERSION,
                                      content_hash=facts["content_hash"]))
    result = cli("pack", "install", long_pack)
    assert result.code == 0, result.err
    assert active_pack().name == LONG_NAME and active_pack().version == LONG_VERSION
    state = read_state()
    assert state.current.startswith(LONG_NAME) and state.previous.startswith("fieldkit-2026.11.01-")
    assert (packs_dir() / state.previous).is_dir()  # the fallback is still there
    assert "<- in use" in cli("pack", "list").out


def test_from_dir_twice_keeps_a_pack_in_use(installed_v1, cli, tmp_path):
    facts = describe(installed_v1.v2_db)
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "long.fkpack").write_bytes(signed_pack(installed_v1.v2_db.read_bytes(), installed_v1.secret,
                                                     name=LONG_NAME, version=LONG_VERSION,
                                                     content_hash=facts["content_hash"]))
    for _ in range(2):
        assert cli("pack", "install", "--from-dir", folder).code == 0
        assert active_pack() is not None and active_pack().version == LONG_VERSION
    assert read_state().previous is not None and (packs_dir() / read_state().previous).is_dir()
