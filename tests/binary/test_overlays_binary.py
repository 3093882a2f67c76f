"""Issue 18's "done when", step by step, with nothing but the one-file executable (run as tests/binary/test_binary.py
runs it: a read-only copy alone in an empty folder, an empty environment, a fresh home per laptop):

- a publisher signs two base packs;
- an organisation's laptop makes a key, adds a service with a phone number and attaches a phone number to a
  published service (`fieldkit new`, then the editor's own words), checks it, builds and signs an overlay;
- a second laptop trusts that key for that namespace, installs base and overlay from a folder (with a catalogue
  and files still syncing), sees the phone number on the published service and in search; a later base pack does
  not remove the overlay; an overlay that touches another namespace or published text is refused with a clear
  message and nothing changes;
- ZIM export says what it needs (the executable leaves python-libzim out).

Skipped unless dist/fieldkit exists (build it with build/build.sh) or FIELDKIT_BINARY names one.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.binary.test_binary import BINARY, lonely, run  # noqa: F401  (the fixture, shared)
from tests.conftest import FIXTURE_CONTENT, FIXTURES

pytestmark = pytest.mark.skipif(not BINARY.is_file(), reason="no built executable (run build/build.sh)")

OVERLAY = FIXTURES / "overlay"
PHONE = "+000 555 0199"  # what the organisation attaches to the published svc-legal-aid-bihac (not a real number)


def ok(result) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stdout


def fingerprint(home: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(home.rglob("*")):
        if "cache" in path.relative_to(home).parts[0].lower():
            continue  # the executable's own unpacked copy of its content
        digest.update(str(path.relative_to(home)).encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def world(lonely, tmp_path_factory):  # noqa: F811
    """Homes for the publisher and two laptops, and the packs folder they share."""
    root = tmp_path_factory.mktemp("world")
    homes = {name: root / name for name in ("publisher", "organisation", "field")}
    for home in homes.values():
        home.mkdir()
    shared = root / "shared"
    shared.mkdir()
    return lonely, homes, shared, root


@pytest.fixture(scope="module")
def published(world):
    lonely_, homes, shared, root = world
    home = homes["publisher"]
    ok(run(lonely_, "pack", "keygen", "--out", str(root / "base-keys"), "--name", "base", home=home))
    newer = root / "content-2"
    shutil.copytree(FIXTURE_CONTENT, newer)
    bihac = newer / "place" / "bihac.en.md"
    bihac.write_text(bihac.read_text(encoding="utf-8") + "\nA note only the newer base has: zorkwhistle.\n",
                     encoding="utf-8")
    for version, content in (("2100.1.1", FIXTURE_CONTENT), ("2100.2.1", newer)):
        ok(run(lonely_, "pack", "build", "--key", str(root / "base-keys" / "base.key"), "--content", str(content),
               "--version", version, "-o", str(root / f"base-{version}.fkpack"), home=home))
    return root / "base-keys" / "base.pub", root / "base-2100.1.1.fkpack", root / "base-2100.2.1.fkpack"


@pytest.fixture(scope="module")
def organisation(world, published):
    """The organisation's laptop: the published base installed, then its own content written and signed."""
    lonely_, homes, shared, root = world
    base_pub, base1, _ = published
    home = homes["organisation"]
    ok(run(lonely_, "pack", "trust", str(base_pub), home=home))
    ok(run(lonely_, "pack", "install", str(base1), home=home))
    ok(run(lonely_, "pack", "keygen", "--out", str(root / "xyz-keys"), "--name", "xyz", home=home))
    written = ok(run(lonely_, "new", "service", "--org", "org-xyz", "--id", "legal-desk-bihac", "--organisation",
                     "XYZ Legal Aid", home=home))
    folder = Path(written.splitlines()[0].split("wrote ", 1)[1]).parent
    assert str(folder).startswith(str(home)) and folder.name == "org-xyz"  # the user data folder
    ok(run(lonely_, "new", "attach", "--org", "org-xyz", "--to", "svc-legal-aid-bihac", home=home))
    unfilled = run(lonely_, "check", home=home)  # the one overlay folder, found without saying
    assert unfilled.returncode == 1 and "still holds the template's placeholder" in unfilled.stdout
    # The editor fills in the templates with what the organisation knows (here: the fixture overlay's files).
    for relative in ("sources.yaml", "service/org-xyz-legal-desk-bihac.en.md", "attach/svc-legal-aid-bihac.yaml"):
        shutil.copy(OVERLAY / relative, folder / relative)
    checked = run(lonely_, "check", home=home)
    assert checked.returncode == 0 and "overlay org-xyz OK: 1 entries" in checked.stderr, checked.stdout
    ok(run(lonely_, "pack", "build", "--key", str(root / "xyz-keys" / "xyz.key"), "--version", "2100.1.1",
           "-o", str(root / "xyz-2100.1.1.fkpack"), home=home))
    return root / "xyz-keys" / "xyz.pub", root / "xyz-keys" / "xyz.key", root / "xyz-2100.1.1.fkpack"


def test_the_organisation_sees_its_own_content(world, organisation):
    lonely_, homes, _, _ = world
    home = homes["organisation"]
    assert run(lonely_, "pack", "install", str(organisation[2]), home=home).returncode == 1  # own key not trusted yet
    ok(run(lonely_, "pack", "trust", str(organisation[0]), "--namespace", "org-xyz", home=home))
    ok(run(lonely_, "pack", "install", str(organisation[2]), home=home))
    assert PHONE in ok(run(lonely_, "show", "svc-legal-aid-bihac", home=home))


@pytest.fixture(scope="module")
def field(world, published, organisation):
    """The second laptop: trusts the base key and the organisation's key for org-xyz; the shared folder holds the
    base, the overlay, a catalogue, and a newer base still arriving."""
    lonely_, homes, shared, root = world
    base_pub, base1, base2 = published
    home = homes["field"]
    ok(run(lonely_, "pack", "trust", str(base_pub), home=home))
    ok(run(lonely_, "pack", "trust", str(organisation[0]), "--namespace", "org-xyz", home=home))
    shutil.copy(base1, shared)
    shutil.copy(organisation[2], shared)
    ok(run(lonely_, "pack", "catalog", str(shared), "--key", str(root / "base-keys" / "base.key"),
           "--expires", "2100-12-31", home=homes["publisher"]))
    (shared / f".syncthing.{base2.name}.tmp").write_bytes(base2.read_bytes()[:2048])  # still syncing
    return home


def test_install_base_and_overlay_from_a_folder(world, field):
    lonely_, _, shared, _ = world
    result = run(lonely_, "pack", "install", "--from-dir", str(shared), home=field)
    out = ok(result)
    assert "installed fieldkit 2100.1.1" in out and "installed the overlay org-xyz 2100.1.1 by XYZ Legal Aid" in out
    assert "a file Syncthing is still writing" in result.stderr


def test_the_phone_number_on_the_published_service_and_in_search(world, field):
    lonely_ = world[0]
    shown = ok(run(lonely_, "show", "svc-legal-aid-bihac", home=field))
    assert PHONE in shown and "Added by XYZ Legal Aid, not part of the published content" in shown
    hits = json.loads(ok(run(lonely_, "search", PHONE, "--json", home=field)))
    assert hits[0]["id"] == "svc-legal-aid-bihac"
    own = json.loads(ok(run(lonely_, "search", "XYZ legal desk", "--json", home=field)))[0]
    assert own["id"] == "org-xyz-legal-desk-bihac" and own["added_by"] == "XYZ Legal Aid"
    listed = ok(run(lonely_, "pack", "list", home=field))
    assert "overlay org-xyz, added by XYZ Legal Aid, not part of the published content:" in listed


def test_a_later_base_does_not_remove_the_overlay(world, field, published):
    lonely_, _, shared, _ = world
    (shared / f".syncthing.{published[2].name}.tmp").unlink()
    shutil.copy(published[2], shared)  # Syncthing finished
    out = ok(run(lonely_, "pack", "install", "--from-dir", str(shared), home=field))
    assert "installed fieldkit 2100.2.1" in out
    assert json.loads(ok(run(lonely_, "search", "zorkwhistle", "--json", home=field)))
    assert PHONE in ok(run(lonely_, "show", "svc-legal-aid-bihac", home=field))
    doctor = json.loads(ok(run(lonely_, "doctor", "--json", home=field)))
    assert doctor["content"]["origin"] == "pack fieldkit 2100.2.1 + overlay org-xyz 2100.1.1"


def crafted(organisation, target: Path, *sql: str) -> Path:
    """The organisation's pack with its database changed and signed again with its key: what a careless or
    hostile publisher could send."""
    from fieldkit.packs.build import describe, seal
    from fieldkit.packs.keys import load_secret

    with zipfile.ZipFile(organisation[2]) as archive:
        data = archive.read("fieldkit.db")
    database = target.with_suffix(".db")
    database.write_bytes(data)
    conn = sqlite3.connect(database)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    facts = describe(database) | {"version": "2100.9.1"}
    blob = seal(database.read_bytes(), load_secret(organisation[1]), name="org-xyz", namespace="org-xyz",
                organisation="XYZ Legal Aid", **facts)[1]
    target.write_bytes(blob)
    zipfile.ZipFile(io.BytesIO(blob)).testzip()
    return target


@pytest.mark.parametrize("name, sql, message", [
    ("published-text", ["UPDATE entries SET id = 'svc-legal-aid-bihac'", "UPDATE translations SET id = 'svc-legal-aid-bihac'"],
     "would replace 'svc-legal-aid-bihac', which is published content"),
    ("published-field", ["""UPDATE attachments SET fields = '{"summary": "Closed for good."}'"""],
     "would change summary of 'svc-legal-aid-bihac', published text"),
    ("other-namespace", ["UPDATE entries SET id = 'org-abc-desk'", "UPDATE translations SET id = 'org-abc-desk'"],
     "adds 'org-abc-desk', which is outside its namespace org-xyz"),
])
def test_an_overlay_overstepping_is_refused_and_nothing_changes(world, field, organisation, tmp_path, name, sql,
                                                               message):
    lonely_ = world[0]
    pack = crafted(organisation, tmp_path / f"{name}.fkpack", *sql)
    before = fingerprint(field)
    result = run(lonely_, "pack", "install", str(pack), home=field)
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(field) == before
    assert PHONE in ok(run(lonely_, "show", "svc-legal-aid-bihac", home=field))


def test_zim_export_says_what_it_needs(lonely, tmp_path):  # noqa: F811
    result = run(lonely, "export", "--format", "zim", "--lang", "fa", "-o", str(tmp_path / "fieldkit-fa.zim"))
    assert result.returncode == 1 and "python-libzim" in result.stderr and "pip install fieldkit[zim]" in result.stderr
    english = run(lonely, "export", "--format", "zim", "--lang", "en", "-o", str(tmp_path / "fieldkit-en.zim"))
    assert english.returncode == 1 and "ZIM export needs python-libzim" in english.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "fieldkit-fa.zim").exists()
