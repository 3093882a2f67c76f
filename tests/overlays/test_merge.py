"""The merge: one database holding the base and every overlay, search rows computed the way the compiler computes
them, the same layers giving the same bytes, and an overlay that steps outside its namespace refused
(fieldkit/content/merge.py; issue 18, item 2)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from fieldkit.content.build import _documents, search_columns
from fieldkit.content.check import check
from fieldkit.content.merge import Layer, MergeError, merge
from fieldkit.store.db import connect
from fieldkit.store.store import Store
from tests.conftest import ROOT
from tests.overlays.conftest import ATTACHED_PHONE, NAMESPACE


def layer(path, namespace=NAMESPACE):
    return Layer(path, namespace, "XYZ Legal Aid", f"{namespace} 2100.1.1")


def test_search_rows_from_the_database_are_the_compilers(tmp_path):
    """The merge indexes an overlay's documents from the values its database keeps (the file's body in
    source_bodies); for every document of the real content, those values give the columns the build computed."""
    corpus, problems = check(ROOT / "content")
    assert not problems
    out = tmp_path / "content.db"
    from fieldkit.content.build import build

    build(ROOT / "content", out)
    conn = sqlite3.connect(out)
    conn.row_factory = sqlite3.Row
    entries = {row["id"]: row for row in conn.execute("SELECT * FROM entries")}
    rows = {row["key"]: row for row in conn.execute("SELECT * FROM translations")}
    compared = 0
    from fieldkit.content.merge import _fields

    files = {(e.id, e.lang): e for e in corpus.files()}
    for row, columns in _documents(corpus):
        entry = entries[row["id"]]
        stored = rows[row["key"]]
        again = search_columns(entry_id=entry["id"], entry_type=entry["type"], lang=stored["lang"],
                               is_original=stored["status"] == "original", title=stored["title"],
                               summary=stored["summary"], body=files[(row["id"], row["lang"])].front.body,
                               fields=_fields(entry))
        assert again == columns, (row["id"], row["lang"])
        compared += 1
    assert compared > 1000


def test_an_overlay_document_is_indexed_from_its_file(layers, tmp_path):
    """An id written in an overlay's body is shown as the entry's title and indexed as written, as in the build."""
    import sqlite3

    from fieldkit.content.overlay import BaseContent, build_overlay
    from tests.overlays.conftest import overlay_copy

    folder = overlay_copy(tmp_path / "overlay")
    service = folder / "service" / "org-xyz-legal-desk-bihac.en.md"
    service.write_text(service.read_text(encoding="utf-8") + "Tell people about org-xyz-legal-desk-bihac.\n",
                       encoding="utf-8")
    database = tmp_path / "overlay.db"
    build_overlay(folder, BaseContent.read(layers.base_db), database)
    out = tmp_path / "merged.db"
    merge(layers.base_db, [layer(database)], out)
    store = Store(connect(out))
    assert "*XYZ legal desk in Bihać*" in store.get("org-xyz-legal-desk-bihac").body  # what readers see
    store.close()
    conn = sqlite3.connect(out)
    key = conn.execute("SELECT key FROM translations WHERE id = 'org-xyz-legal-desk-bihac'").fetchone()[0]
    found = [row[0] for row in conn.execute("SELECT rowid FROM search WHERE search MATCH 'body : org'")]
    conn.close()
    assert key in found  # indexed from the file, like the build indexes a published body


@pytest.fixture
def merged(layers, tmp_path):
    out = tmp_path / "merged.db"
    report = merge(layers.base_db, [layer(layers.overlay_db)], out, refuse=NAMESPACE)
    assert (report.entries, report.attachments, report.left_out) == (1, 1, [])
    store = Store(connect(out))
    yield store
    store.close()


def test_overlay_entries_and_attachments_are_searched_and_shown(merged):
    assert merged.search("XYZ legal desk")[0].id == "org-xyz-legal-desk-bihac"
    assert merged.search("XYZ legal desk")[0].added_by == "XYZ Legal Aid"
    found = merged.search(ATTACHED_PHONE, lang="fa")  # the published service, found by the number attached to it
    assert [hit.id for hit in found] == ["svc-legal-aid-bihac"] and found[0].added_by is None
    assert [hit.id for hit in merged.search("office line", entry_type="service", country="BA")] == ["svc-legal-aid-bihac"]
    service = merged.get("svc-legal-aid-bihac")
    assert service.local is None and service.details.get("hours") is None  # the published text is as it was
    [attached] = service.attached
    assert attached["organisation"] == "XYZ Legal Aid" and attached["fields"]["contacts"][0]["phone"] == ATTACHED_PHONE
    own = merged.get("org-xyz-legal-desk-bihac")
    assert own.local == {"namespace": NAMESPACE, "organisation": "XYZ Legal Aid", "layer": f"{NAMESPACE} 2100.1.1"}
    assert "org-xyz-legal-desk-bihac" in [link.id for link in merged.get("bihac").linked_from]
    assert merged.layers() == [{"namespace": NAMESPACE, "organisation": "XYZ Legal Aid",
                                "label": f"{NAMESPACE} 2100.1.1"}]
    assert merged.stats()["entries"] == 10
    from fieldkit.i18n.near import services_near

    assert "org-xyz-legal-desk-bihac" in [service.id for service in services_near(merged, "bihac", "en")]


def test_the_same_layers_give_the_same_database(layers, tmp_path):
    first, second = tmp_path / "one.db", tmp_path / "two.db"
    merge(layers.base_db, [layer(layers.overlay_db)], first)
    merge(layers.base_db, [layer(layers.overlay_db)], second)
    assert first.read_bytes() == second.read_bytes()


def test_a_base_database_is_read_as_before(layers):
    store = Store(connect(layers.base_db))
    assert not store.layered and store.layers() == [] and store.get("svc-legal-aid-bihac").attached == []
    store.close()


def crafted(layers, tmp_path, *sql: str):
    database = tmp_path / "crafted.db"
    shutil.copyfile(layers.overlay_db, database)
    conn = sqlite3.connect(database)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return database


REFUSALS = {
    "replaces published text": (
        ["UPDATE entries SET id = 'svc-legal-aid-bihac' WHERE id = 'org-xyz-legal-desk-bihac'",
         "UPDATE translations SET id = 'svc-legal-aid-bihac'"],
        "would replace 'svc-legal-aid-bihac', which is published content"),
    "outside its namespace": (
        ["UPDATE entries SET id = 'org-abc-desk'", "UPDATE translations SET id = 'org-abc-desk'"],
        "adds 'org-abc-desk', which is outside its namespace org-xyz"),
    "changes a published field": (
        ["""UPDATE attachments SET fields = '{"summary": "Closed for good."}'"""],
        "would change summary of 'svc-legal-aid-bihac', published text"),
    "attaches to no published entry": (
        ["UPDATE attachments SET entry_id = 'org-xyz-legal-desk-bihac'"],
        "attaches fields to 'org-xyz-legal-desk-bihac', which is another organisation's entry"),
    "adds a source outside its namespace": (
        ["UPDATE sources SET id = 'testdoc'"],
        "adds the source 'testdoc', which is outside its namespace"),
    "says it is another namespace": (
        ["UPDATE meta SET value = 'org-abc' WHERE key = 'namespace'"],
        "is not an overlay of namespace org-xyz"),
}


@pytest.mark.parametrize("name", REFUSALS)
def test_an_overlay_stepping_outside_is_refused(layers, tmp_path, name):
    sql, message = REFUSALS[name]
    out = tmp_path / "merged.db"
    with pytest.raises(MergeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        merge(layers.base_db, [layer(crafted(layers, tmp_path, *sql))], out, refuse=NAMESPACE)
    assert not out.exists()


def test_an_installed_overlay_keeps_what_it_can(layers, tmp_path):
    """A later base without the entry an overlay attaches to: the attachment is left out and said, the rest kept."""
    base = tmp_path / "base.db"
    shutil.copyfile(layers.base_db, base)
    conn = sqlite3.connect(base)
    for table, column in (("entries", "id"), ("translations", "id"), ("citations", "entry_id"), ("relations", "src")):
        conn.execute(f"DELETE FROM {table} WHERE {column} = 'svc-legal-aid-bihac'")
    conn.commit()
    conn.close()
    report = merge(base, [layer(layers.overlay_db)], tmp_path / "merged.db")
    assert report.entries == 1 and report.attachments == 0
    assert report.left_out == [f"overlay {NAMESPACE} 2100.1.1 attaches fields to 'svc-legal-aid-bihac', which is "
                               "not in the published content"]
