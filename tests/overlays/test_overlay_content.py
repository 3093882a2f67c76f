"""An organisation's overlay folder, checked against the published content: its entries and sources in its
namespace, fields attached to published entries (only a type's attachable ones), templates that `fieldkit new`
writes and `fieldkit check` refuses until filled in (issue 18, item 1)."""

from __future__ import annotations

import pytest

from fieldkit.content.overlay import BaseContent, build_overlay, check_overlay
from fieldkit.content.problems import ContentError
from fieldkit.store.db import connect
from tests.overlays.conftest import NAMESPACE, overlay_copy


@pytest.fixture
def overlay(tmp_path):
    return overlay_copy(tmp_path / "overlay")


@pytest.fixture
def base(fixture_db):
    return BaseContent.read(fixture_db)


def messages(problems) -> list[str]:
    return [f"{p.path.split('/overlay/')[-1]}:{p.line}: {p.message}" for p in problems]


def test_the_fixture_overlay_is_clean(overlay, base):
    checked, problems = check_overlay(overlay, base)
    assert problems == []
    assert checked.namespace == NAMESPACE and checked.organisation == "XYZ Legal Aid"
    assert list(checked.corpus.originals) == ["org-xyz-legal-desk-bihac"]
    [attachment] = checked.attachments
    assert attachment.target == "svc-legal-aid-bihac" and attachment.fields["hours"] == "Mon-Fri 09:00-15:00"


def test_entries_and_sources_stay_in_the_namespace(overlay, base):
    service = overlay / "service" / "org-xyz-legal-desk-bihac.en.md"
    service.rename(overlay / "service" / "org-abc-desk.en.md")
    text = (overlay / "service" / "org-abc-desk.en.md").read_text(encoding="utf-8")
    (overlay / "service" / "org-abc-desk.en.md").write_text(text.replace("org-xyz-legal-desk-bihac", "org-abc-desk"))
    (overlay / "sources.yaml").write_text((overlay / "sources.yaml").read_text().replace("org-xyz-office-list",
                                                                                        "office-list"))
    _, problems = check_overlay(overlay, base)
    found = messages(problems)
    assert "service/org-abc-desk.en.md:2: id 'org-abc-desk' is outside this overlay's namespace: its entries' ids " \
           "start with 'org-xyz-'" in found
    assert any(line.startswith("sources.yaml:1: source id 'office-list' is outside") for line in found)


def test_an_entry_never_replaces_published_text(overlay, base):
    (overlay / "place").mkdir()
    (overlay / "place" / "bihac.en.md").write_text("---\nid: bihac\ntype: place\ntitle: Bihac\nsummary: Changed.\n"
                                                   "country: BA\nkind: city\nsources:\n  - doc: org-xyz-office-list\n"
                                                   "    where: here\n    review_by: 2100-01-01\nas_of: 2026\nchecked: 2026-12-01\n---\nChanged.\n")
    _, problems = check_overlay(overlay, base)
    assert "place/bihac.en.md:2: 'bihac' is published content: an overlay never changes it; attach fields to it in " \
           "attach/bihac.yaml" in messages(problems)


def test_only_attachable_fields_are_attached(overlay, base):
    path = overlay / "attach" / "svc-legal-aid-bihac.yaml"
    path.write_text(path.read_text() + "title: Another name\nsummary: Another summary.\n")
    _, problems = check_overlay(overlay, base)
    found = messages(problems)
    assert any("'title' cannot be attached to a service: an overlay attaches contacts, hours" in line
               and line.startswith("attach/svc-legal-aid-bihac.yaml:11:") for line in found), found
    assert any("'summary' cannot be attached" in line for line in found)


def test_attachments_name_a_published_entry_of_an_attachable_type(overlay, base):
    (overlay / "attach" / "svc-nowhere.yaml").write_text("hours: always\nsources:\n  - doc: org-xyz-office-list\n"
                                                         "    where: x\n    review_by: 2100-01-01\nchecked: 2026-12-01\n")
    (overlay / "attach" / "bihac.yaml").write_text("hours: always\n")
    (overlay / "attach" / "org-xyz-legal-desk-bihac.yaml").write_text("hours: always\n")
    found = messages(check_overlay(overlay, base)[1])
    assert any(line.startswith("attach/svc-nowhere.yaml:1: 'svc-nowhere' is not in the published content")
               for line in found)
    assert "attach/bihac.yaml:1: nothing can be attached to a place ('bihac')" in found
    assert any("it is this overlay's own entry: write the fields in it" in line for line in found)


def test_an_attachment_cites_its_own_sources_and_attaches_something(overlay, base):
    path = overlay / "attach" / "svc-legal-aid-bihac.yaml"
    path.write_text("sources:\n  - doc: somebody-else\n    where: x\nchecked: 2026-12-01\n")
    found = messages(check_overlay(overlay, base)[1])
    assert any("nothing attached: give at least one of contacts, hours" in line for line in found)
    path.write_text("hours: always\nsources:\n  - doc: somebody-else\n    where: x\nchecked: 2026-12-01\n")
    assert "attach/svc-legal-aid-bihac.yaml:3: unknown source 'somebody-else' (not in sources.yaml)" in \
        messages(check_overlay(overlay, base)[1])


def test_an_overlay_does_not_change_the_search_vocabulary(overlay, base):
    (overlay / "vocabulary").mkdir()
    assert any("an overlay cannot change the search vocabulary" in line for line in messages(check_overlay(overlay, base)[1]))


def test_overlay_settings(overlay, base):
    (overlay / "overlay.yaml").write_text("namespace: Org XYZ\norganisation: ''\ncolour: red\n")
    found = messages(check_overlay(overlay, base)[1])
    assert any(line.startswith("overlay.yaml:1: 'namespace': 'Org XYZ' is not a namespace") for line in found)
    assert "overlay.yaml:2: 'organisation' must name who adds this content (shown beside it)" in found
    assert "overlay.yaml:3: unknown field 'colour' (allowed: namespace, organisation)" in found


def test_attach_folder_belongs_to_overlays(content, cli):
    (content / "attach").mkdir()
    result = cli("check", "--content", content)
    assert result.code == 1 and "attach/ is for an organisation's overlay folder, which has overlay.yaml" in result.out


def test_build_writes_entries_attachments_and_namespace(overlay, base, tmp_path):
    out = tmp_path / "overlay.db"
    build_overlay(overlay, base, out)
    conn = connect(out)
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    assert (meta["layer"], meta["namespace"], meta["organisation"]) == ("overlay", NAMESPACE, "XYZ Legal Aid")
    assert [row[0] for row in conn.execute("SELECT id FROM entries")] == ["org-xyz-legal-desk-bihac"]
    assert [row[0] for row in conn.execute("SELECT entry_id FROM attachments")] == ["svc-legal-aid-bihac"]
    conn.close()
    (overlay / "attach" / "svc-legal-aid-bihac.yaml").write_text("title: x\n")
    with pytest.raises(ContentError):
        build_overlay(overlay, base, out)


def test_new_writes_templates_the_check_refuses_until_filled(cli, fixture_db, tmp_path):
    folder = tmp_path / "mine"
    result = cli("new", "service", "--org", NAMESPACE, "--dir", folder, "--id", "night-desk",
                 "--organisation", "XYZ Legal Aid")
    assert result.code == 0, result.err
    entry = folder / "service" / "org-xyz-night-desk.en.md"
    assert entry.is_file() and (folder / "overlay.yaml").is_file() and (folder / "sources.yaml").is_file()
    text = entry.read_text(encoding="utf-8")
    assert "# hours:" in text and "# contacts:" in text  # optional fields commented out
    checked = cli("check", "--dir", folder, "--base", fixture_db)
    assert checked.code == 1
    assert "org-xyz-night-desk.en.md:4: 'title' still holds the template's placeholder" in checked.out
    assert "sources.yaml:4: 'title' still holds the template's placeholder" in checked.out
    assert cli("new", "service", "--org", NAMESPACE, "--dir", folder, "--id", "night-desk").code == 2  # never overwrites
    attach = cli("new", "attach", "--dir", folder, "--to", "svc-legal-aid-bihac")  # the shipped content's service
    assert attach.code == 0, attach.err
    template = (folder / "attach" / "svc-legal-aid-bihac.yaml").read_text(encoding="utf-8")
    assert "Free legal aid in Bihać" in template and "# hours:" in template and "# title" not in template
    assert cli("new", "attach", "--dir", folder, "--to", "no-such-entry").code == 2
    to_a_place = cli("new", "attach", "--dir", folder, "--to", "bihac")  # nothing attaches to a place
    assert to_a_place.code == 2 and "nothing can be attached to an entry of type Place" in to_a_place.err
    in_french = cli("--lang", "fr", "new", "attach", "--dir", folder, "--to", "bihac")
    assert in_french.code == 2 and "rien ne peut être joint à une fiche de type Lieu" in in_french.err
    assert cli("new", "service").code == 2  # whose content?


def test_new_defaults_to_the_user_data_folder(cli):
    from fieldkit import paths

    assert cli("new", "place", "--org", NAMESPACE, "--id", "shelter").code == 0
    assert (paths.overlays_dir() / NAMESPACE / "place" / "org-xyz-shelter.en.md").is_file()
    assert cli("new", "place", "--org", "Not A Namespace").code == 2
