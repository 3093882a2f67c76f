"""A folder of packs that updates itself: catalog.json (signed: sizes, hashes, expiry, key rotation and
revocation), `pack install --from-dir` installing the newest valid pack of each layer and skipping files still
being synced, and the send-only / receive-only Syncthing recipe of docs/content-updates.md, simulated with two
folders and partial files (issue 18, item 3)."""

from __future__ import annotations

import json
import shutil

import pytest

from fieldkit.packs import keys
from fieldkit.packs.state import active_pack
from tests.overlays.conftest import ATTACHED_PHONE, NAMESPACE, fingerprint, public_file


def key_file(folder, key: keys.SecretKey, name: str):
    path = folder / f"{name}.key"
    if not path.exists():
        path.write_text(key.line(), encoding="ascii")
    return path


@pytest.fixture
def published(layers, tmp_path, cli):
    """The publisher's send-only folder: two base packs, two overlay packs, a catalogue signed by the base key."""
    folder = tmp_path / "send-only"
    folder.mkdir()
    for pack in (layers.base1, layers.base2, layers.overlay1, layers.overlay2):
        shutil.copy(pack, folder / pack.name)
    result = cli("pack", "catalog", folder, "--key", key_file(tmp_path, layers.base_key, "base"),
                 "--expires", "2100-12-31")
    assert result.code == 0, result.err
    return folder


def test_catalogue_lists_every_pack_signed(published, layers):
    data = json.loads((published / "catalog.json").read_text(encoding="utf-8"))
    listed = {item["file"]: item for item in data["catalog"]["packs"]}
    assert sorted(listed) == ["base-1.fkpack", "base-2.fkpack", "xyz-1.fkpack", "xyz-2.fkpack"]
    assert listed["xyz-2.fkpack"]["layer"] == "overlay" and listed["xyz-2.fkpack"]["namespace"] == NAMESPACE
    assert listed["base-2.fkpack"]["size"] == layers.base2.stat().st_size
    assert data["catalog"]["expires"] == "2100-12-31" and data["catalog"]["signer"] == layers.base_key.public.b64


def test_newest_of_each_layer_is_installed(trusting, published, cli):
    result = cli("pack", "install", "--from-dir", published)
    assert result.code == 0, result.err
    assert "installed fieldkit 2100.2.1" in result.out
    assert "installed the overlay org-xyz 2100.2.1 by XYZ Legal Aid" in result.out
    assert cli("show", "org-xyz-night-desk-bihac").code == 0 and cli("search", "zorkwhistle").code == 0
    again = cli("pack", "install", "--from-dir", published)  # safe at every login
    assert again.code == 0 and again.out.count("up to date") == 2


def test_the_syncthing_recipe_with_partial_files(trusting, published, cli, tmp_path):
    """The coordinator's folder is Send Only, each laptop's Receive Only: simulated by copying, with a copy cut
    short in flight, Syncthing's temporary name for a file still arriving, and an editor's backup copy."""
    receive = tmp_path / "receive-only"
    receive.mkdir()
    shutil.copy(published / "catalog.json", receive)
    shutil.copy(published / "base-1.fkpack", receive)
    shutil.copy(published / "xyz-1.fkpack", receive)
    data = (published / "base-2.fkpack").read_bytes()
    (receive / "base-2.fkpack").write_bytes(data[: len(data) // 2])  # listed in the catalogue, still arriving
    (receive / ".syncthing.xyz-2.fkpack.tmp").write_bytes((published / "xyz-2.fkpack").read_bytes()[:100])
    (receive / "xyz-2.fkpack~").write_bytes(b"an editor's backup")
    first = cli("pack", "install", "--from-dir", receive)
    assert first.code == 0, first.err
    assert f"skipped base-2.fkpack: incomplete: {len(data) // 2} of {len(data)} bytes (still copying or syncing?)" \
        in first.err
    assert "skipped .syncthing.xyz-2.fkpack.tmp: a file Syncthing is still writing" in first.err
    assert "skipped xyz-2.fkpack~: a temporary or backup copy (~)" in first.err
    assert active_pack().version == "2100.1.1" and ATTACHED_PHONE in cli("show", "svc-legal-aid-bihac").out
    # Syncthing finishes: the complete files arrive under their names.
    shutil.copy(published / "base-2.fkpack", receive)
    (receive / ".syncthing.xyz-2.fkpack.tmp").rename(receive / "xyz-2.fkpack")
    shutil.copy(published / "xyz-2.fkpack", receive)
    second = cli("pack", "install", "--from-dir", receive)
    assert second.code == 0 and "installed fieldkit 2100.2.1" in second.out and "org-xyz 2100.2.1" in second.out


def test_a_tampered_listed_pack_is_skipped_before_unpacking(trusting, published, cli):
    data = bytearray((published / "base-2.fkpack").read_bytes())
    data[-10] ^= 0xFF
    (published / "base-2.fkpack").write_bytes(bytes(data))
    result = cli("pack", "install", "--from-dir", published)
    assert "skipped base-2.fkpack: does not match catalog.json" in result.err
    assert active_pack().version == "2100.1.1"


def test_untrusted_or_changed_catalogue_is_ignored_not_fatal(layers, published, cli, tmp_path):
    assert cli("pack", "trust", public_file(layers.folder, layers.org_key, "xyz"), "--namespace", NAMESPACE).code == 0
    result = cli("pack", "install", "--from-dir", published)  # the base key is not trusted here
    assert "catalog.json ignored: signed by the untrusted key" in result.err
    assert "installed the overlay org-xyz 2100.2.1" in result.out  # each pack is still checked on its own
    text = (published / "catalog.json").read_text().replace("2100-12-31", "2200-12-31")
    (published / "catalog.json").write_text(text)
    assert "catalog.json ignored: bad signature" in cli("pack", "install", "--from-dir", published).err


def test_an_expired_catalogue_warns_and_installs(trusting, layers, cli, tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(layers.base1, folder)
    assert cli("pack", "catalog", folder, "--key", key_file(tmp_path, layers.base_key, "base"),
               "--expires", "2020-01-01").code == 0
    result = cli("pack", "install", "--from-dir", folder)
    assert result.code == 0 and "catalog.json expired on 2020-01-01" in result.err
    assert active_pack().version == "2100.1.1"


def test_key_rotation_new_key_signed_by_the_old(trusting, layers, cli, tmp_path):
    """The organisation moves to a new key: the catalogue carries the new key signed by the old one, so laptops that
    trust the old key for org-xyz trust the new one for org-xyz, and nothing more."""
    new = keys.generate("xyz 2027")
    folder = tmp_path / "rotated"
    folder.mkdir()
    from fieldkit.packs.build import build_pack
    from tests.overlays.conftest import FIXTURE_OVERLAY

    build_pack(FIXTURE_OVERLAY, new, folder / "xyz-3.fkpack", version="2100.3.1", base=layers.base_db)
    assert cli("pack", "install", folder / "xyz-3.fkpack").code == 1  # not trusted yet
    made = cli("pack", "catalog", folder, "--key", key_file(tmp_path, new, "new"),
               "--rotated-from", key_file(tmp_path, layers.org_key, "xyz"))
    assert made.code == 0 and "1 key rotation(s)" in made.out
    result = cli("pack", "install", "--from-dir", folder)
    assert result.code == 0, result.err
    assert f"now trusting key {new.public.id} (xyz 2027) for namespace org-xyz" in result.err
    assert "installed the overlay org-xyz 2100.3.1" in result.out
    scope = {key.id: (key.base, key.namespaces) for key in keys.trusted_keys()}[new.public.id]
    assert scope == (False, (NAMESPACE,))  # the old key's scope, not more


def test_a_forged_rotation_is_not_followed(trusting, layers, cli, tmp_path):
    thief = keys.generate("thief")
    folder = tmp_path / "forged"
    folder.mkdir()
    stranger = keys.generate("not the organisation")  # signs the rotation instead of the old key
    cli("pack", "catalog", folder, "--key", key_file(tmp_path, thief, "thief"),
        "--rotated-from", key_file(tmp_path, stranger, "stranger"))
    data = json.loads((folder / "catalog.json").read_text())
    data["catalog"]["keys"][0]["replaces"] = layers.org_key.public.id  # claims to replace the organisation's key
    (folder / "catalog.json").write_text(json.dumps(data))
    before = [key.id for key in keys.trusted_keys()]
    cli("pack", "install", "--from-dir", folder)
    assert [key.id for key in keys.trusted_keys()] == before


def test_revocation_through_the_catalogue(installed, layers, cli, tmp_path):
    """A stolen organisation key: revoked (signed by itself, or by the key that replaced it). The laptop trusts it no
    more, stops reading what it signed, and says so."""
    folder = tmp_path / "revoking"
    folder.mkdir()
    assert cli("pack", "catalog", folder, "--key", key_file(tmp_path, layers.base_key, "base"),
               "--revoke", key_file(tmp_path, layers.org_key, "xyz")).code == 0
    shutil.copy(layers.base1, folder)
    before = ATTACHED_PHONE in cli("show", "svc-legal-aid-bihac").out
    result = cli("pack", "install", "--from-dir", folder)
    assert before and f"key {layers.org_key.public.id} is revoked" in result.err
    assert layers.org_key.public.id not in [key.id for key in keys.trusted_keys()]
    assert ATTACHED_PHONE not in cli("show", "svc-legal-aid-bihac").out  # what it signed is no longer read
    assert cli("pack", "install", layers.overlay2).code == 1
    trusted_again = cli("pack", "trust", public_file(layers.folder, layers.org_key, "xyz"), "--namespace", NAMESPACE)
    assert trusted_again.code == 1 and "was revoked" in trusted_again.err
    assert layers.org_key.public.id in json.loads(cli("pack", "list", "--json").out)["revoked_keys"]


def test_a_revocation_signed_by_someone_else_is_ignored(installed, layers, cli, tmp_path):
    folder = tmp_path / "fake-revocation"
    folder.mkdir()
    cli("pack", "catalog", folder, "--key", key_file(tmp_path, layers.base_key, "base"),
        "--revoke-id", layers.org_key.public.id)  # the base key never replaced the organisation's key
    before = fingerprint()
    cli("pack", "install", "--from-dir", folder)
    assert layers.org_key.public.id in [key.id for key in keys.trusted_keys()] and fingerprint() == before
