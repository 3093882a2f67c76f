"""Every bad pack of issue 8 is refused with one clear line and exit 1, and the installed state stays as it was.

Each test starts with v1 installed, fingerprints the user data folder, tries the bad input with `pack install`
(and `pack verify`), and checks the message, the exit code and the fingerprint.
"""

from __future__ import annotations

import io
import sqlite3
import stat
import struct
import zipfile
import zlib

import pytest

from fieldkit.packs import archive
from fieldkit.packs.archive import DATABASE, MANIFEST, SIGNATURE
from fieldkit.store.schema import SCHEMA_VERSION
from tests.packs.conftest import (
    corrupt_database,
    facts_of,
    fingerprint,
    forge,
    members_of,
    plain_zip,
    repack,
)


def refused(cli, path, reason: str, *, verify: bool = True) -> str:
    """Install (and verify) `path`: exit 1, one line naming the file and `reason`, nothing changed."""
    before = fingerprint()
    result = cli("pack", "install", path)
    assert result.code == 1, result
    assert result.err.count("\n") == 1 and "Traceback" not in result.err, result.err
    assert result.err.startswith(f"fieldkit: not installed: {path.name}: "), result.err
    assert reason in result.err, result.err
    assert result.out == ""
    assert fingerprint() == before
    if verify:
        checked = cli("pack", "verify", path)
        assert checked.code == 1 and reason in checked.err and checked.err.startswith("fieldkit: refused: ")
        assert fingerprint() == before
    assert "fieldkit 2026.11.01" in cli("pack", "list").out  # v1 still installed and in use
    return result.err


def test_truncated_file(installed_v1, cli, tmp_path):
    blob = installed_v1.v1.read_bytes()
    for cut in (0, 1, 30, len(blob) // 2, len(blob) - 22, len(blob) - 1):
        bad = tmp_path / f"cut-{cut}.fkpack"
        bad.write_bytes(blob[:cut])
        refused(cli, bad, "truncated, or not a fieldkit pack", verify=cut == 1)


def test_not_a_pack_at_all(installed_v1, cli, tmp_path):
    bad = tmp_path / "notes.fkpack"
    bad.write_text("this is not a pack\n")
    refused(cli, bad, "truncated, or not a fieldkit pack")


def test_missing_file(installed_v1, cli, tmp_path):
    refused(cli, tmp_path / "gone.fkpack", "cannot read it: no such file or folder")


def _positions(blob: bytes) -> list[int]:
    """Every header byte of the pack, and a spread of bytes through every member's data."""
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        infos = zf.infolist()
    headers, data_starts, total = archive.layout([archive.Entry(i.filename, i.CRC, i.compress_size, i.file_size)
                                                  for i in infos])
    positions = {offset + k for offset, header in headers for k in range(len(header))}
    for start, info in zip(data_starts, infos):
        positions.update(range(start, start + info.compress_size, max(1, info.compress_size // 40)))
        positions.add(start + info.compress_size - 1)  # the last byte of deflate data has padding bits
    assert max(positions) == total - 1
    return sorted(positions)


REASONS = ("truncated, or not a fieldkit pack", "damaged", "unexpected member", "bad signature",
           "does not match its sha256", "would unpack to", "unsafe member path")


def test_a_flipped_byte_anywhere(installed_v1, cli, tmp_path):
    blob = installed_v1.v2.read_bytes()
    bad = tmp_path / "flipped.fkpack"
    before = fingerprint()
    for position in _positions(blob):
        for mask in (0x01, 0x80):
            changed = bytearray(blob)
            changed[position] ^= mask
            bad.write_bytes(changed)
            result = cli("pack", "install", bad)
            assert result.code == 1, (position, mask, result)
            assert result.err.count("\n") == 1 and result.err.startswith("fieldkit: not installed: flipped.fkpack: ")
            assert any(reason in result.err for reason in REASONS), (position, result.err)
    assert fingerprint() == before
    assert "fieldkit 2026.11.01" in cli("pack", "list").out


def test_signed_by_an_untrusted_key(installed_v1, cli, tmp_path):
    facts = facts_of(installed_v1.v2_db, version="2026.12.24")
    bad = tmp_path / "stranger.fkpack"
    bad.write_bytes(forge(installed_v1.v2_db.read_bytes(), installed_v1.other, **facts))
    err = refused(cli, bad, f"signed by an untrusted key {installed_v1.other.public.id}")
    assert "fieldkit pack trust" in err


def test_manifest_changed_after_signing(installed_v1, cli, tmp_path):
    members = members_of(installed_v1.v2.read_bytes())
    manifest = members[MANIFEST].replace(b'"version": "2026.12.01"', b'"version": "2099.12.01"')
    assert manifest != members[MANIFEST]
    bad = tmp_path / "edited.fkpack"
    bad.write_bytes(repack(manifest, members[SIGNATURE], members[DATABASE]))
    refused(cli, bad, "bad signature: the pack was changed after it was signed")


def test_database_does_not_match_the_manifest_hash(installed_v1, cli, tmp_path):
    members = members_of(installed_v1.v2.read_bytes())
    bad = tmp_path / "swapped.fkpack"  # the signed manifest of v2 around the database of v1
    bad.write_bytes(repack(members[MANIFEST], members[SIGNATURE], installed_v1.v1_db.read_bytes()))
    refused(cli, bad, "fieldkit.db does not match its sha256 in the signed manifest")


@pytest.fixture
def hostile(packs, tmp_path):
    """A zip made by Python's zipfile: v2's signed manifest and signature, plus a database member as given."""

    def make(file_name: str, database: bytes, member: str | zipfile.ZipInfo = DATABASE, extra=()):
        members = members_of(packs.v2.read_bytes())
        entries = [(MANIFEST, members[MANIFEST]), (SIGNATURE, members[SIGNATURE]), (member, database), *extra]
        return plain_zip(tmp_path / file_name, entries)

    return make


@pytest.mark.parametrize("name", ["/tmp/fieldkit.db", "\\\\server\\share\\fieldkit.db", "C:/fieldkit.db"])
def test_member_with_an_absolute_path(installed_v1, cli, hostile, name):
    bad = hostile("absolute.fkpack", b"x", name)
    refused(cli, bad, "unsafe member path", verify=False)
    assert "an absolute path" in cli("pack", "verify", bad).err


@pytest.mark.parametrize("name", ["../fieldkit.db", "packs/../../fieldkit.db", "..\\fieldkit.db"])
def test_member_climbing_out_with_dotdot(installed_v1, cli, hostile, name):
    bad = hostile("dotdot.fkpack", b"x", name)
    refused(cli, bad, "it climbs out of its folder with '..'")


def test_symlink_member(installed_v1, cli, hostile):
    link = zipfile.ZipInfo(DATABASE)
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    bad = hostile("link.fkpack", b"/home/user/.ssh/id_rsa", link)
    refused(cli, bad, "member 'fieldkit.db' is a symbolic link")


def test_unexpected_member(installed_v1, cli, hostile):
    bad = hostile("extra.fkpack", installed_v1.v2_db.read_bytes(), extra=[("autorun.sh", b"rm -rf ~")])
    refused(cli, bad, "unexpected member 'autorun.sh'")


def test_zip_bomb_declared(installed_v1, cli, tmp_path):
    """A member whose header claims 4 GiB is refused before anything is unpacked."""
    blob = bytearray(installed_v1.v2.read_bytes())
    with zipfile.ZipFile(installed_v1.v2) as zf:
        info = zf.getinfo(DATABASE)
    central = blob.rindex(b"PK\x01\x02")  # the last central directory entry is fieldkit.db's
    struct.pack_into("<I", blob, central + 24, 0xFFFFFFF0)  # uncompressed size
    local = info.header_offset
    struct.pack_into("<I", blob, local + 22, 0xFFFFFFF0)
    bad = tmp_path / "bomb.fkpack"
    bad.write_bytes(blob)
    refused(cli, bad, "member 'fieldkit.db' would unpack to 4.0 GiB, more than the 1.0 GiB a pack may hold")


def test_zip_bomb_real(installed_v1, cli, tmp_path, monkeypatch):
    """64 MiB of zeros in a 64 KiB signed pack, with the cap lowered to 16 MiB to keep the test quick."""
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 16 << 20)
    zeros = bytes(64 << 20)
    bad = tmp_path / "zeros.fkpack"
    bad.write_bytes(forge(zeros, installed_v1.secret))
    assert bad.stat().st_size < 200_000
    refused(cli, bad, "member 'fieldkit.db' would unpack to 64.0 MiB, more than the 16.0 MiB a pack may hold")


def test_member_unpacking_beyond_what_it_declares(installed_v1, cli, tmp_path):
    """Headers that under-declare the size: the exact-layout check or the unpacker stops it, never the disk."""
    blob = installed_v1.v2.read_bytes()
    members = members_of(blob)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    bigger = packer.compress(members[DATABASE] * 4) + packer.flush()
    entry = archive.Entry(DATABASE, zlib.crc32(members[DATABASE]), len(bigger), len(members[DATABASE]))
    bad = tmp_path / "liar.fkpack"
    bad.write_bytes(archive.render([archive.stored(MANIFEST, members[MANIFEST]),
                                    archive.stored(SIGNATURE, members[SIGNATURE]), (entry, bigger)]))
    refused(cli, bad, "does not match its sha256")


def test_pack_from_a_newer_schema(installed_v1, cli, tmp_path):
    facts = facts_of(installed_v1.v2_db, version="2026.12.24", schema_version=SCHEMA_VERSION + 1)
    bad = tmp_path / "future.fkpack"
    bad.write_bytes(forge(installed_v1.v2_db.read_bytes(), installed_v1.secret, **facts))
    refused(cli, bad, f"made for content schema {SCHEMA_VERSION + 1}, but this fieldkit reads schema "
                      f"{SCHEMA_VERSION} or older: update fieldkit first")


def test_database_failing_integrity_check(installed_v1, cli, tmp_path):
    broken = corrupt_database(installed_v1.v2_db, tmp_path / "broken.db")
    bad = tmp_path / "broken.fkpack"
    bad.write_bytes(forge(broken.read_bytes(), installed_v1.secret, **facts_of(installed_v1.v2_db, version="2026.12.24")))
    with sqlite3.connect(installed_v1.v2_db) as conn:  # the orphaned index's page
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'idx_entries_type'").fetchone()[0]
    refused(cli, bad, f"its database fails SQLite's integrity check: *** in database main *** Page {page} is never used")


def test_database_that_is_not_fieldkit_content(installed_v1, cli, tmp_path):
    import sqlite3

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    bad = tmp_path / "other.fkpack"
    bad.write_bytes(forge(other.read_bytes(), installed_v1.secret))
    refused(cli, bad, "its database is not fieldkit content")


def test_older_and_equal_versions_need_allow_downgrade(installed_v1, cli):
    assert cli("pack", "install", installed_v1.v2).code == 0
    refused(cli, installed_v1.v2, "version 2026.12.01 is already installed (use --allow-downgrade", verify=False)
    before = fingerprint()
    result = cli("pack", "install", installed_v1.v1)
    assert result.code == 1 and "version 2026.11.01 is older than the installed 2026.12.01" in result.err
    assert fingerprint() == before
    assert "it would not install: version 2026.11.01 is older" in cli("pack", "verify", installed_v1.v1).out
    result = cli("pack", "install", installed_v1.v1, "--allow-downgrade")
    assert result.code == 0 and "installed fieldkit 2026.11.01 (was fieldkit 2026.12.01" in result.out


def test_nothing_is_created_when_the_first_install_is_refused(trusted, cli, tmp_path):
    """Before any install the data folder does not even exist; a refused pack must not create it."""
    bad = tmp_path / "bad.fkpack"
    bad.write_bytes(b"PK\x03\x04" + bytes(100))
    before = fingerprint()
    broken = corrupt_database(trusted.v2_db, tmp_path / "broken.db")
    worse = tmp_path / "broken.fkpack"
    worse.write_bytes(forge(broken.read_bytes(), trusted.secret, **facts_of(trusted.v2_db)))
    for path in (bad, worse):
        assert cli("pack", "install", path).code == 1
    assert fingerprint() == before
    from fieldkit import paths

    assert not (paths.data_dir() / "packs").exists()


@pytest.mark.parametrize("args", [("pack",), ("pack", "install"), ("pack", "install", "a.fkpack", "--from-dir", "."),
                                  ("pack", "install", "--from-dir", ".", "--allow-downgrade"), ("pack", "build"),
                                  ("pack", "keygen"), ("pack", "frobnicate")])
def test_usage_errors_exit_2(cli, args):
    result = cli(*args)
    assert result.code == 2 and "Traceback" not in result.err


@pytest.mark.parametrize("command", ["keygen", "build", "verify", "install", "rollback", "list", "trust"])
def test_every_pack_command_has_help(cli, command):
    result = cli("pack", command, "--help")
    assert result.code == 0 and "usage: fieldkit pack " + command in result.out
