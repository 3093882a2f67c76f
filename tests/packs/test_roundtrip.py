"""The whole journey through the CLI: keygen, build, trust, install, the new content served, rollback, the old
content back; install --from-dir; which database fieldkit reads."""

from __future__ import annotations

import json
import shutil

from fieldkit import paths
from fieldkit.packs.state import active_pack, packs_dir, read_state
from tests.conftest import FIXTURE_CONTENT
from tests.packs.conftest import NEW_WORD, fingerprint, newer_content


def test_round_trip(cli, tmp_path, fixture_db, monkeypatch):
    monkeypatch.setattr(paths, "BUNDLED_DB", fixture_db)  # the content "shipped with fieldkit" in this test
    keydir = tmp_path / "keys"
    made = cli("pack", "keygen", "--out", keydir, "--name", "acme")
    assert made.code == 0 and "acme.key" in made.out and "acme.pub" in made.out
    assert (keydir / "acme.key").stat().st_mode & 0o077 == 0  # the secret key is readable by its owner only
    assert "SECRET" not in (keydir / "acme.pub").read_text() and "secret" not in (keydir / "acme.pub").read_text()

    v1, v2 = tmp_path / "acme-1.fkpack", tmp_path / "acme-2.fkpack"
    newer = newer_content(tmp_path / "content-new")
    assert cli("pack", "build", "--key", keydir / "acme.key", "--content", FIXTURE_CONTENT, "--version", "2026.11.1",
               "--name", "acme", "-o", v1).code == 0
    built = cli("pack", "build", "--key", keydir / "acme.key", "--content", newer, "-o", v2, "--name", "acme")
    assert built.code == 0 and "built" in built.out and "acme 2026.12.01" in built.out  # version from the content

    assert cli("pack", "install", v1).code == 1  # not trusted yet
    assert cli("pack", "trust", keydir / "acme.pub").code == 0
    assert cli("pack", "verify", v2).code == 0

    assert cli("search", NEW_WORD).code == 1  # the shipped content does not have it
    assert cli("pack", "install", v1).out.startswith("installed acme 2026.11.1 (was the content shipped with fieldkit)")
    assert cli("search", NEW_WORD).code == 1
    result = cli("pack", "install", v2)
    assert result.code == 0 and "installed acme 2026.12.01 (was acme 2026.11.1, kept for" in result.out

    found = cli("search", NEW_WORD, "--json")
    assert found.code == 0 and json.loads(found.out)[0]["id"] == "bihac"
    stats = json.loads(cli("stats", "--json").out)
    assert stats["content_version"] == "2026.12.01" and "packs" in stats["database"]
    doctor = json.loads(cli("doctor", "--json").out)
    assert doctor["content"]["origin"] == "pack acme 2026.12.01"

    listed = cli("pack", "list")
    assert "current  acme 2026.12.01" in listed.out and "<- in use" in listed.out
    assert "previous acme 2026.11.1" in listed.out and "ok" in listed.out

    back = cli("pack", "rollback")
    assert back.code == 0 and back.out.strip() == "rolled back from acme 2026.12.01; now using acme 2026.11.1"
    assert cli("search", NEW_WORD).code == 1  # the old content is back
    assert json.loads(cli("stats", "--json").out)["content_version"] == "2026.11.01"
    assert json.loads(cli("doctor", "--json").out)["content"]["origin"] == "pack acme 2026.11.1"

    back = cli("pack", "rollback")
    assert back.out.strip() == "rolled back from acme 2026.11.1; now using the content shipped with fieldkit"
    assert json.loads(cli("doctor", "--json").out)["content"]["origin"] == "bundled"
    assert cli("pack", "rollback").code == 1
    assert "no content pack installed" in cli("pack", "list").out

    # Rolled-back packs are gone from the data folder: only state.json is left.
    assert sorted(p.name for p in packs_dir().iterdir()) == ["state.json"]
    assert cli("pack", "install", v2).code == 0  # and a rolled-back version installs again


def test_db_and_environment_still_come_first(installed_v1, cli, fixture_db, monkeypatch):
    assert json.loads(cli("doctor", "--json").out)["content"]["origin"] == "pack fieldkit 2026.11.01"
    assert json.loads(cli("doctor", "--json", "--db", fixture_db).out)["content"]["origin"] == "--db"
    monkeypatch.setenv("FIELDKIT_DB", str(fixture_db))
    assert json.loads(cli("doctor", "--json").out)["content"]["origin"] == "FIELDKIT_DB"
    assert "FIELDKIT_DB is set" in cli("pack", "list").err


def test_install_from_dir_picks_the_newest_valid(trusted, cli, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    shutil.copy(trusted.v1, stick / "a-older.fkpack")
    shutil.copy(trusted.v2, stick / "b-newer.fkpack")
    tampered = bytearray(trusted.v2.read_bytes())
    tampered[tampered.index(b'"version": "2026.12.01"') + 13] = ord("9")  # claims 2996.12.01: the newest, if it were valid
    (stick / "c-newest-but-tampered.fkpack").write_bytes(tampered)
    (stick / "d-junk.fkpack").write_bytes(b"junk")
    (stick / "notes.txt").write_text("not a pack")

    result = cli("pack", "install", "--from-dir", stick)
    assert result.code == 0, result.err
    assert result.out.startswith("installed fieldkit 2026.12.01 (was the content shipped with fieldkit)")
    assert "skipped c-newest-but-tampered.fkpack: damaged" in result.err
    assert "skipped d-junk.fkpack: truncated, or not a fieldkit pack" in result.err
    assert "notes.txt" not in result.err
    assert active_pack().version == "2026.12.01"

    before = fingerprint()
    again = cli("pack", "install", "--from-dir", stick)
    assert again.code == 0 and "up to date: fieldkit 2026.12.01 is installed" in again.out
    assert fingerprint() == before


def test_install_from_dir_with_nothing_valid(trusted, cli, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "x.fkpack").write_bytes(b"x")
    result = cli("pack", "install", "--from-dir", empty)
    assert result.code == 1 and "no valid pack in" in result.err and "(1 .fkpack file(s) looked at)" in result.err
    assert cli("pack", "install", "--from-dir", tmp_path / "missing").code == 1


def test_a_damaged_installed_pack_is_not_used(installed_v1, cli, fixture_db, monkeypatch):
    """fieldkit reads the newest whole pack: a damaged current one falls back to the previous, then to bundled."""
    monkeypatch.setattr(paths, "BUNDLED_DB", fixture_db)
    assert cli("pack", "install", installed_v1.v2).code == 0
    current = active_pack()
    assert current.version == "2026.12.01"
    with open(current.database, "r+b") as handle:  # a disk error cut the database short
        handle.truncate(4096)
    assert active_pack().version == "2026.11.01"
    listed = cli("pack", "list")
    assert "current  fieldkit 2026.12.01" not in listed.out and "damaged or unreadable" in listed.out
    assert "previous fieldkit 2026.11.01" in listed.out and "<- in use" in listed.out
    assert json.loads(cli("doctor", "--json").out)["content"]["origin"] == "pack fieldkit 2026.11.01"

    # An unreadable state.json: the newest whole pack is found again (never a silent fall back to bundled).
    (packs_dir() / "state.json").write_text("{not json")
    assert active_pack().version == "2026.11.01" and read_state().recovered
    assert json.loads(cli("doctor", "--json").out)["content"]["origin"] == "pack fieldkit 2026.11.01"


def test_a_changed_database_shows_in_pack_list(installed_v1, cli):
    database = active_pack().database
    data = bytearray(database.read_bytes())
    data[-1] ^= 0xFF
    database.write_bytes(data)
    assert "damaged: its database does not match its manifest" in cli("pack", "list").out


def test_trust_accepts_key_text_and_refuses_secrets(packs, cli, tmp_path):
    line = packs.other.public.line().strip()
    result = cli("pack", "trust", line)
    assert result.code == 0 and f"now trusting key {packs.other.public.id} (stranger)" in result.out
    assert cli("pack", "trust", packs.other.public.b64).out.strip() == f"key {packs.other.public.id} is already trusted"
    secret = tmp_path / "s.key"
    secret.write_text(packs.secret.line())
    refused = cli("pack", "trust", secret)
    assert refused.code == 1 and "that is a SECRET key" in refused.err
    assert cli("pack", "trust", "not-a-key").code == 1
    missing = cli("pack", "trust", tmp_path / "missing.pub")
    assert missing.code == 1 and "no such key file" in missing.err
    from fieldkit.packs.keys import generate

    slashed = next(k.public for k in iter(lambda: generate("slash"), None) if "/" in k.public.b64)
    assert cli("pack", "trust", slashed.b64).code == 0  # a pasted key with '/' in it is a key, not a path
    shipped = cli("pack", "list").out
    assert "70f33b295adb3155 (fieldkit project), shipped with fieldkit" in shipped


def test_keygen_never_overwrites(cli, tmp_path):
    assert cli("pack", "keygen", "--out", tmp_path).code == 0
    before = (tmp_path / "publisher.key").read_bytes()
    again = cli("pack", "keygen", "--out", tmp_path)
    assert again.code == 1 and "already exists; fieldkit never overwrites a key" in again.err
    assert (tmp_path / "publisher.key").read_bytes() == before


def test_build_refuses_bad_content_and_keys(packs, cli, tmp_path, content):
    key = tmp_path / "k.key"
    key.write_text(packs.secret.line())
    (content / "place" / "bihac.en.md").write_text("---\nid: bihac\n---\nbroken\n")
    result = cli("pack", "build", "--key", key, "--content", content, "-o", tmp_path / "x.fkpack")
    assert result.code == 1 and "pack not built" in result.err and not (tmp_path / "x.fkpack").exists()
    pub = tmp_path / "k.pub"
    pub.write_text(packs.secret.public.line())
    result = cli("pack", "build", "--key", pub, "--content", FIXTURE_CONTENT, "-o", tmp_path / "x.fkpack")
    assert result.code == 1 and "that is a public key" in result.err
    result = cli("pack", "build", "--key", key, "--content", FIXTURE_CONTENT, "--version", "v2", "-o", tmp_path / "x.fkpack")
    assert result.code == 1 and "'v2' is not a pack version" in result.err


def test_shipped_key_is_a_public_key_only():
    """Only the public key ships; no secret key (a 'fieldkit-ed25519-secret BASE64' line) is anywhere in the repo."""
    import re

    from fieldkit.packs.keys import PUBLIC_TAG, shipped_keys
    from fieldkit.packs.trusted import SHIPPED_KEYS

    assert [key.id for key in shipped_keys()] == ["70f33b295adb3155"]
    assert all(line.startswith(PUBLIC_TAG + " ") for line in SHIPPED_KEYS)
    secret_line = re.compile(r"fieldkit-ed25519-secret\s+[A-Za-z0-9+/]{43}=")
    root = paths.PACKAGE_DIR.parent
    for folder in ("fieldkit", "docs", "tests", "build", "content"):
        for path in (root / folder).rglob("*"):
            if path.is_file() and path.suffix in {".py", ".md", ".pub", ".key", ".txt", ".json", ".toml", ".yaml"}:
                assert not secret_line.search(path.read_text(encoding="utf-8", errors="replace")), path


def test_versions_compare_as_numbers():
    from fieldkit.packs.manifest import version_key

    assert version_key("2026.11.24") < version_key("2026.11.24.1") < version_key("2026.12.1") < version_key("2027")
    assert version_key("2026.11.1") == version_key("2026.11.01.0")
    assert version_key("2026.10.31") < version_key("2026.11.01")


def test_an_unreadable_state_file_never_deletes_installed_packs(installed_v1, cli, tmp_path):
    """state.json is only ever replaced whole; should it still be damaged, nothing installed is swept away."""
    from fieldkit.packs.install import _sweep

    assert cli("pack", "install", installed_v1.v2).code == 0
    folders = sorted(p.name for p in packs_dir().iterdir() if p.is_dir())
    (packs_dir() / "state.json").write_text("{damaged")
    (packs_dir() / ".staging-leftover").mkdir()
    _sweep(packs_dir())
    assert sorted(p.name for p in packs_dir().iterdir() if p.is_dir()) == folders
    assert cli("pack", "install", installed_v1.v1, "--allow-downgrade").code == 0  # a new install still works
    assert active_pack().version == "2026.11.01"
