"""Layered packs on a laptop: a base pack and organisations' overlays, each signed by a key the trust store allows
for that layer, each installed and rolled back on its own, merged into the content every command reads; an
overlay that steps outside its namespace is refused and nothing changes (issue 18, item 2 and "done when")."""

from __future__ import annotations

import json
import shutil

from fieldkit import paths
from fieldkit.packs.keys import trusted_keys
from tests.overlays.conftest import (
    ATTACHED_PHONE,
    NAMESPACE,
    crafted_overlay,
    fingerprint,
    public_file,
)


def test_trust_store_says_which_namespaces_a_key_signs(trusting):
    scopes = {key.id: (key.base, key.namespaces) for key in trusted_keys()}
    assert scopes[trusting.base_key.public.id] == (True, ())
    assert scopes[trusting.org_key.public.id] == (False, (NAMESPACE,))
    assert scopes[trusting.other_key.public.id] == (False, ("org-abc",))
    # An older fieldkit reads trusted-keys/*.pub only: a namespace-only key is not there for it to trust as a base.
    folder = paths.config_dir() / "trusted-keys"
    assert not (folder / f"{trusting.org_key.public.id}.pub").exists()
    assert (folder / "namespaces" / f"{trusting.org_key.public.id}.pub").is_file()


def test_base_and_overlay_read_as_one(installed, cli):
    shown = cli("show", "svc-legal-aid-bihac")
    assert shown.code == 0 and ATTACHED_PHONE in shown.out
    assert "Added by XYZ Legal Aid, not part of the published content" in shown.out
    data = json.loads(cli("show", "svc-legal-aid-bihac", "--json").out)
    assert data["attached"][0]["fields"]["contacts"][0]["phone"] == ATTACHED_PHONE and data["local"] is None
    found = json.loads(cli("search", ATTACHED_PHONE, "--json").out)
    assert found[0]["id"] == "svc-legal-aid-bihac"
    own = json.loads(cli("search", "XYZ legal desk", "--json").out)[0]
    assert own["id"] == "org-xyz-legal-desk-bihac" and own["added_by"] == "XYZ Legal Aid"
    assert json.loads(cli("show", "org-xyz-legal-desk-bihac", "--json").out)["local"]["organisation"] == "XYZ Legal Aid"
    doctor = json.loads(cli("doctor", "--json").out)
    assert doctor["content"]["origin"] == f"pack fieldkit 2100.1.1 + overlay {NAMESPACE} 2100.1.1"


def test_pack_list_shows_the_layers(installed, cli):
    listed = cli("pack", "list")
    assert listed.code == 0
    assert "overlay org-xyz, added by XYZ Legal Aid, not part of the published content:" in listed.out
    assert f"fieldkit reads: pack fieldkit 2100.1.1 + overlay {NAMESPACE} 2100.1.1" in listed.out
    data = json.loads(cli("pack", "list", "--json").out)
    assert data["in_use"] == "pack fieldkit 2100.1.1"
    assert data["overlays"][0]["namespace"] == NAMESPACE and data["overlays"][0]["packs"][0]["in_use"]


def test_a_later_base_keeps_the_overlay(installed, cli):
    assert cli("pack", "install", installed.base2).code == 0
    assert ATTACHED_PHONE in cli("show", "svc-legal-aid-bihac").out
    assert cli("search", "zorkwhistle").code == 0  # the new base is read
    assert cli("show", "org-xyz-legal-desk-bihac").code == 0


def test_each_layer_rolls_back_on_its_own(installed, cli):
    assert cli("pack", "install", installed.overlay2).code == 0
    assert cli("show", "org-xyz-night-desk-bihac").code == 0
    assert cli("pack", "install", installed.base2).code == 0
    rolled = cli("pack", "rollback", "--overlay", NAMESPACE)
    assert rolled.code == 0 and "rolled back the overlay org-xyz from org-xyz 2100.2.1" in rolled.out
    assert cli("show", "org-xyz-night-desk-bihac").code == 1 and cli("search", "zorkwhistle").code == 0
    assert cli("pack", "rollback").code == 0  # the base, back to 2100.1.1: the overlay stays
    assert cli("search", "zorkwhistle").code == 1 and ATTACHED_PHONE in cli("show", "svc-legal-aid-bihac").out
    assert cli("pack", "rollback", "--overlay", NAMESPACE).code == 0  # its only version: removed
    assert cli("show", "org-xyz-legal-desk-bihac").code == 1
    assert ATTACHED_PHONE not in cli("show", "svc-legal-aid-bihac").out
    assert cli("pack", "rollback", "--overlay", "org-nobody").code == 1


def test_an_overlay_over_the_shipped_content(trusting, cli):
    """No base pack at all: the overlay is merged onto the content shipped with fieldkit."""
    assert cli("pack", "install", trusting.overlay1).code == 0
    assert ATTACHED_PHONE in cli("show", "svc-legal-aid-bihac").out
    assert json.loads(cli("doctor", "--json").out)["content"]["origin"] == f"bundled + overlay {NAMESPACE} 2100.1.1"


def test_the_merged_database_is_rebuilt_when_missing(installed, cli):
    shutil.rmtree(paths.merged_dir())
    assert ATTACHED_PHONE in cli("show", "svc-legal-aid-bihac").out
    assert len(list(paths.merged_dir().glob("content-*.db"))) == 1


def refused(cli, pack, text):
    before = fingerprint()
    result = cli("pack", "install", pack)
    assert result.code == 1 and text in result.err, result.err
    assert "Traceback" not in result.err and fingerprint() == before  # nothing changed
    return result


def test_an_overlay_touching_published_text_is_refused(installed, cli, tmp_path):
    pack = crafted_overlay(installed, tmp_path / "hostile.fkpack", [
        "UPDATE entries SET id = 'svc-legal-aid-bihac' WHERE id = 'org-xyz-legal-desk-bihac'",
        "UPDATE translations SET id = 'svc-legal-aid-bihac'",
    ])
    refused(cli, pack, "would replace 'svc-legal-aid-bihac', which is published content: an overlay may add entries "
                       "in its namespace org-xyz and attach fields to published entries, never change published text")
    pack = crafted_overlay(installed, tmp_path / "summary.fkpack", [
        """UPDATE attachments SET fields = '{"summary": "Closed for good."}'"""])
    refused(cli, pack, "would change summary of 'svc-legal-aid-bihac', published text")
    assert "Closed for good" not in cli("show", "svc-legal-aid-bihac").out


def test_an_overlay_touching_another_namespace_is_refused(installed, cli, tmp_path):
    pack = crafted_overlay(installed, tmp_path / "other.fkpack", [
        "UPDATE entries SET id = 'org-abc-desk'", "UPDATE translations SET id = 'org-abc-desk'"])
    refused(cli, pack, "adds 'org-abc-desk', which is outside its namespace org-xyz")


def test_a_key_signs_only_its_namespaces(installed, cli, tmp_path):
    as_other = crafted_overlay(installed, tmp_path / "abc-signed.fkpack", [], key=installed.other_key)
    refused(cli, as_other, "which may sign namespace org-abc, not namespace org-xyz")
    as_base = crafted_overlay(installed, tmp_path / "base-signed.fkpack", [], key=installed.base_key)
    refused(cli, as_base, "which may sign the base content, not namespace org-xyz")
    from fieldkit.packs.build import build_pack
    from tests.conftest import FIXTURE_CONTENT

    base_by_org = tmp_path / "base-by-org.fkpack"
    build_pack(FIXTURE_CONTENT, installed.org_key, base_by_org, version="2100.9.1")
    refused(cli, base_by_org, "which may sign namespace org-xyz, not the base content")


def test_untrusted_overlay_says_how_to_trust_it(layers, cli):
    result = cli("pack", "install", layers.overlay1)
    assert result.code == 1 and "'fieldkit pack trust KEYFILE.pub --namespace org-xyz'" in result.err


def test_overlapping_namespaces_are_refused(installed, cli, tmp_path):
    key = public_file(installed.folder, installed.org_key, "xyz")
    assert cli("pack", "trust", key, "--namespace", "org-xyz-north").code == 0
    pack = crafted_overlay(installed, tmp_path / "north.fkpack", [
        "UPDATE meta SET value = 'org-xyz-north' WHERE key = 'namespace'",
        "UPDATE entries SET id = 'org-xyz-north-desk'", "UPDATE translations SET id = 'org-xyz-north-desk'",
        "UPDATE sources SET id = 'org-xyz-north-list'", "UPDATE citations SET doc = 'org-xyz-north-list'",
        "DELETE FROM attachments"], namespace="org-xyz-north")
    refused(cli, pack, "its namespace org-xyz-north overlaps the installed overlay org-xyz")


def test_an_expired_overlay_warns_and_is_still_read(trusting, cli, tmp_path):
    from fieldkit.packs.build import build_pack
    from tests.overlays.conftest import FIXTURE_OVERLAY

    old = tmp_path / "old.fkpack"
    build_pack(FIXTURE_OVERLAY, trusting.org_key, old, version="2100.1.1", base=trusting.base_db, expires="2020-01-01")
    installed = cli("pack", "install", old)
    assert installed.code == 0 and "expired on 2020-01-01" in installed.err
    assert ATTACHED_PHONE in cli("show", "svc-legal-aid-bihac").out  # never refused offline
    assert "warning: org-xyz 2100.1.1 expired on 2020-01-01" in cli("pack", "list").out
    assert json.loads(cli("pack", "list", "--json").out)["expired"] == [{"pack": "org-xyz 2100.1.1",
                                                                         "expires": "2020-01-01"}]
    assert "expired on 2020-01-01: fieldkit warns, and still reads it" in cli("pack", "verify", old).out
    assert json.loads(cli("doctor", "--json").out)["content"]["expired"] == [{"pack": "org-xyz 2100.1.1",
                                                                              "expires": "2020-01-01"}]
    assert "warning: org-xyz 2100.1.1 expired on 2020-01-01" in cli("doctor").out


def test_referral_slip_carries_what_was_attached(installed, cli, tmp_path):
    from fieldkit.briefing.referral import referral_html
    from fieldkit.runtime.locate import open_store

    store = open_store()
    slip = referral_html(store, "svc-legal-aid-bihac", "en")
    own = referral_html(store, "org-xyz-legal-desk-bihac", "en")
    store.close()
    assert "Added by XYZ Legal Aid, not part of the published content" in slip and ATTACHED_PHONE in slip
    assert "Added by XYZ Legal Aid, not part of the published content" in own


def test_zim_of_the_merged_content(installed, cli, tmp_path):
    """The ZIM a laptop serves holds the overlay too, marked as such, and finds it by search."""
    libzim = __import__("pytest").importorskip("libzim")  # noqa: F841  (the zim extra)
    from libzim.reader import Archive
    from libzim.search import Query, Searcher

    out = tmp_path / "fieldkit-en.zim"
    assert cli("export", "--format", "zim", "--lang", "en", "-o", out).code == 0
    archive = Archive(out)
    found = Searcher(archive).search(Query().set_query("XYZ legal desk"))
    assert "org-xyz-legal-desk-bihac" in list(found.getResults(0, 10))
    page = bytes(archive.get_entry_by_path("svc-legal-aid-bihac").get_item().content).decode("utf-8")
    assert ATTACHED_PHONE in page and "Added by XYZ Legal Aid, not part of the published content" in page


def test_a_printed_entry_says_who_added_what(installed):
    from fieldkit.briefing.entry_print import entry_to_html, entry_to_markdown
    from fieldkit.runtime.locate import open_store

    store = open_store()
    service, own = store.get("svc-legal-aid-bihac"), store.get("org-xyz-legal-desk-bihac")
    store.close()
    for render in (entry_to_html, entry_to_markdown):
        assert "Added by XYZ Legal Aid, not part of the published content" in render(service)
        assert ATTACHED_PHONE in render(service)
        assert "Added by XYZ Legal Aid, not part of the published content" in render(own)
