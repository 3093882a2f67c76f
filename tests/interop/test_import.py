"""`fieldkit import services`: a partner's HXL sheet, row by row, into content files that `fieldkit check` accepts.

The partner sheet (tests/fixtures/interop/partner-services.csv) is fictional: 20 rows of invented organisations
with example.org addresses, columns in the partner's own order and words, 13 good rows and 7 bad ones.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from fieldkit.content.check import check
from fieldkit.content.corpus import load
from fieldkit.interop.importer import import_services
from tests.conftest import FIXTURE_SOURCES
from tests.interop.conftest import PARTNER_SHEET, stamp

TODAY = dt.date(2026, 12, 1)
BAD_ROWS = {
    16: "missing name",
    17: "unknown country 'Narnia'",
    18: "outside Bosnia and Herzegovina",
    19: "duplicate id 'ela-bih-001' (#meta+id): also in row 4",
    20: "bad web address 'see our Facebook page'",
    21: "unknown service type 'Haircuts'",
    22: "swapped",
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(sheet: Path, content: Path, **options):
    return import_services(sheet, content, today=TODAY, **options)


def test_partner_sheet_is_reported_row_by_row_and_nothing_written(content):
    before = snapshot(content)
    report = run(PARTNER_SHEET, content)
    assert len(report.rows) == 20
    by_row = {row.row: row for row in report.rows}
    assert sorted(by_row) == list(range(4, 24))  # row 1 is a title, 2 the headers, 3 the hashtags
    for number, words in BAD_ROWS.items():
        assert by_row[number].status == "bad", number
        assert any(words in problem for problem in by_row[number].problems), (number, by_row[number].problems)
    assert by_row[16].problems == ["missing name (#service+name)", "missing organisation (#org+name)"]
    assert by_row[14].status == "unchanged" and by_row[14].id == "svc-legal-aid-bihac"
    assert (report.count("new"), report.count("unchanged"), report.count("bad")) == (12, 1, 7)
    assert report.blocked and report.written == []
    assert snapshot(content) == before  # a bad row stops everything


def test_columns_are_found_by_hashtag_in_any_order(content):
    report = run(PARTNER_SHEET, content, dry_run=True)
    assert report.columns["lat"] == "#geo+lat (Latitude)"  # the sheet has longitude first
    assert report.columns["as_of"] == "#date+updated (Last updated)"
    assert report.unused_columns == ["#indicator+num+staff (Staff on site)"]
    first = report.rows[0]
    assert first.id == "ela-bih-001"  # the partner's id, in fieldkit's lower case
    # `#service+i_ar+name`: attributes in any order, the language from +i_ar.
    assert any(path.endswith("ela-bih-001.ar.md") for path in first.files)


def test_skip_bad_writes_the_good_rows_and_check_accepts_them(content, tmp_path):
    report = run(PARTNER_SHEET, content, skip_bad=True)
    assert not report.blocked and report.source_added
    assert len(report.written) == 13  # 12 new services and one Arabic translation
    corpus, problems = check(content)
    assert problems == []
    # With the sheet beside the shared documents, every quoted cell is found in it.
    sources = tmp_path / "sources"
    shutil.copytree(FIXTURE_SOURCES, sources)
    shutil.copy(PARTNER_SHEET, sources)
    assert check(content, sources)[1] == []
    imported = [e for e in corpus.originals.values() if e.fields["sources"][0]["doc"] == report.source]
    assert len(imported) == 12
    for entry in imported:  # nobody has checked the sheet against a source, nor reviewed it
        assert "checked" not in entry.front.data and "reviewed" not in entry.front.data


def test_an_imported_file_in_the_documented_format(content):
    run(PARTNER_SHEET, content, skip_bad=True)
    entry = load(content).originals["ela-bih-001"]
    fields = entry.fields
    assert fields["title"] == "Example Legal Aid NGO – Bihać office"
    assert fields["kind"] == ["legal-aid"] and fields["country"] == "BA" and fields["place"] == "bihac"
    assert (fields["lat"], fields["lon"], fields["coords_source"]) == (44.8169, 15.8697, "import-partner-services")
    assert fields["contact"]["phone"] == "+387 37 000 001"  # the spreadsheet's apostrophe is gone
    assert fields["languages"] == ["bs", "en", "ar", "fa"]
    assert fields["as_of"] == "2026-10-15"
    assert fields["sources"][0] == {"doc": "import-partner-services", "where": "row 4",
                                    "quote": "Example Legal Aid NGO – Bihać office"}
    assert {c["quote"] for c in fields["sources"][1:]} == {  # the contacts and hours, each a cell of the row
        "+387 37 000 001", "bihac@legal-aid.example.org", "https://legal-aid.example.org", "Mon–Fri 09:00–16:00"}
    assert "Walk in or call ahead." in entry.front.body
    text = (content / "service" / "ela-bih-001.en.md").read_text(encoding="utf-8")
    assert "\nkind: [legal-aid]\n" in text and "\nchecked:" not in text and "\nreviewed:" not in text
    arabic = load(content).translations[("ela-bih-001", "ar")].fields
    assert arabic["title"] == "منظمة المساعدة القانونية المثال – مكتب بيهاتش"
    assert arabic["translation"] == "machine"
    source = load(content).sources["import-partner-services"]
    assert (source.file, source.url) == ("partner-services.csv", None)


def test_partner_words_become_fieldkit_codes(content):
    run(PARTNER_SHEET, content, skip_bad=True)
    originals = load(content).originals
    clinic = originals["svc-mobile-clinic-velika-kladusa"].fields
    assert clinic["kind"] == ["medical", "psychosocial"]  # "Health; MHPSS"
    assert clinic["country"] == "BA" and clinic["place"] == "velika-kladusa"  # BIH, matched by town name
    assert clinic["as_of"] == "2026-10-15"  # 15/10/2026
    assert clinic["languages"] == ["bs", "en", "fa"]  # Farsi
    assert originals["ela-srb-002"].fields["country"] == "RS"  # SRB
    assert originals["svc-child-protection-team-pristina"].fields["country"] == "XK"  # XKX
    assert originals["svc-information-point-kakavija"].fields["country"] == "AL"  # Albania
    hotline = originals["svc-example-legal-aid-ngo-sarajevo-hotline"].fields
    assert hotline["kind"] == ["legal-aid"] and hotline["languages"] == ["bs", "en", "fa-AF", "ur"]
    assert hotline["as_of"] == "2026-10-20"
    assert "place" not in hotline  # Sarajevo is not a place in this content: named in the body instead
    assert "Sarajevo" in originals["svc-example-legal-aid-ngo-sarajevo-hotline"].front.body


def test_a_name_without_a_summary_in_that_language_is_a_note(content):
    report = run(PARTNER_SHEET, content, dry_run=True)
    clinic = next(row for row in report.rows if row.id == "svc-mobile-clinic-velika-kladusa")
    assert clinic.status == "new"
    assert any("name in fa-AF left out" in note for note in clinic.notes)


def test_dry_run_writes_nothing(content):
    before = snapshot(content)
    report = run(PARTNER_SHEET, content, skip_bad=True, dry_run=True)
    assert report.count("new") == 12 and report.written == []
    assert snapshot(content) == before


def test_importing_again_changes_nothing(content):
    run(PARTNER_SHEET, content, skip_bad=True)
    after_first = snapshot(content)
    report = run(PARTNER_SHEET, content, skip_bad=True)
    assert report.count("unchanged") == 13 and report.written == [] and not report.source_added
    assert snapshot(content) == after_first


def test_a_changed_row_updates_only_what_changed(content, tmp_path):
    run(PARTNER_SHEET, content, skip_bad=True)
    sheet = tmp_path / "partner-services.csv"
    text = PARTNER_SHEET.read_text(encoding="utf-8")
    row = "svc-legal-aid-bihac,Test organisation,Free legal aid in Bihać,legal-aid,BA,,Bihać,,,,,"
    text = text.replace("+381 22 000 005", "+381 22 000 999").replace(row + ",", row + "https://legal.example.org,")
    sheet.write_text(text, encoding="utf-8")
    before = (content / "service" / "svc-legal-aid-bihac.en.md").read_text(encoding="utf-8")
    report = run(sheet, content, skip_bad=True)
    changed = {row.id: row.changes for row in report.rows if row.status == "changed"}
    assert changed == {"ela-srb-002": ["contact.phone"], "svc-legal-aid-bihac": ["contact.url"]}
    assert check(content)[1] == []
    entry = load(content).originals["svc-legal-aid-bihac"]
    assert entry.fields["contact"] == {"url": "https://legal.example.org"}
    assert "checked" not in entry.fields and "reviewed" not in entry.fields  # a person must look again
    assert entry.fields["sources"][0]["doc"] == "testdoc"  # the old citation stays, the sheet is added
    assert entry.fields["sources"][-1]["quote"] == "https://legal.example.org"
    assert entry.front.body.strip() == before.split("---\n", 2)[2].strip()  # the body is untouched
    srb = load(content).originals["ela-srb-002"].fields
    assert srb["contact"]["phone"] == "+381 22 000 999"
    assert [c["doc"] for c in srb["sources"]].count("import-partner-services") == len(srb["sources"])


def test_round_trip_export_then_import_changes_nothing(cli, rich_content, tmp_path):
    db = tmp_path / "rich.db"
    assert cli("build", "--content", rich_content, "--out", db).code == 0
    before = snapshot(rich_content)
    for fmt in ("hxl",):
        sheet = tmp_path / f"services.{fmt}.csv"
        assert cli("export", "--type", "service", "--format", fmt, "-o", sheet, "--db", db).code == 0
        report = run(sheet, rich_content)
        assert [(row.id, row.status) for row in report.rows] == [
            ("svc-hotline-ba", "unchanged"), ("svc-legal-aid-bihac", "unchanged"), ("svc-shelter-bihac", "unchanged")]
        assert report.unused_columns == ["#adm1+code+v_iso3166_2 (Region code)", "#date+reviewed (Reviewed)",
                                         "#date+checked (Checked against the sources)"]
    assert snapshot(rich_content) == before


def test_round_trip_survives_reordered_columns_and_semicolons(cli, rich_content, tmp_path):
    db = tmp_path / "rich.db"
    cli("build", "--content", rich_content, "--out", db)
    table = list(csv.reader(io.StringIO(cli("export", "--type", "service", "--db", db).out)))
    order = list(reversed(range(len(table[0]))))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for row in table[1:]:
        # Reversed columns, attributes in another order and upper case, no header row at all.
        cells = [row[i] for i in order]
        if row[0].startswith("#"):
            cells = [" + ".join([c.split("+")[0].upper()] + list(reversed(c.split("+")[1:]))) for c in cells]
        writer.writerow(cells)
    sheet = tmp_path / "reordered.csv"
    sheet.write_text("\ufeff" + out.getvalue(), encoding="utf-8")  # with a byte order mark, as Excel saves it
    report = run(sheet, rich_content)
    assert {row.status for row in report.rows} == {"unchanged"}, [(r.row, r.problems, r.changes) for r in report.rows]


def test_a_translation_changed_by_the_partner(cli, rich_content, tmp_path):
    db = tmp_path / "rich.db"
    cli("build", "--content", rich_content, "--out", db)
    sheet = tmp_path / "services.csv"
    cli("export", "--type", "service", "-o", sheet, "--db", db)
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("پناهگاهی برای", "یک پناهگاه برای"), encoding="utf-8")
    report = run(sheet, rich_content)
    shelter = next(row for row in report.rows if row.id == "svc-shelter-bihac")
    assert (shelter.status, shelter.changes) == ("changed", ["translation (fa)"])
    corpus, problems = check(rich_content)
    assert problems == []
    assert corpus.translations[("svc-shelter-bihac", "fa")].fields["summary"].startswith("یک پناهگاه")
    assert "checked" not in corpus.originals["svc-shelter-bihac"].fields
    fa = corpus.translations[("svc-shelter-bihac", "fa")]
    assert fa.fields["original_hash"] == stamp((rich_content / "service/svc-shelter-bihac.en.md").read_text())


def test_an_id_of_another_type_is_bad(content, tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("#meta+id,#service+name,#org+name,#service+type,#country+code\n"
                     "bihac,Bihać office,Example NGO,legal aid,BA\n", encoding="utf-8")
    report = run(sheet, content)
    assert report.rows[0].problems == ["id 'bihac' (#meta+id) is already a place in the content"]


@pytest.mark.parametrize("cells, problem", [
    ("Example,Example NGO,legal aid,BA,44.8,", "give both latitude and longitude"),
    ("Example,Example NGO,legal aid,BA,north,15.8", "latitude 'north' (#geo+lat) is not a number"),
    ("Example,Example NGO,legal aid,RS,44.82,15.87", "outside Serbia"),
    ("Example,Example NGO,,BA,,", "missing service type"),
    ("Example,Example NGO,legal aid,,,", "missing country"),
])
def test_each_kind_of_bad_row(content, tmp_path, cells, problem):
    sheet = tmp_path / "s.csv"
    sheet.write_text(f"#service+name,#org+name,#service+type,#country+code,#geo+lat,#geo+lon\n{cells}\n",
                     encoding="utf-8")
    report = run(sheet, content)
    assert any(problem in p for p in report.rows[0].problems), report.rows[0].problems


@pytest.mark.parametrize("column, value, problem", [
    ("#contact+url", "javascript:alert(1)", "bad web address"),
    ("#contact+url", "ftp://example.org", "bad web address"),
    ("#contact+phone", "call us", "bad phone number"),
    ("#contact+email", "nobody-at-example.org", "bad email address"),
    ("#description+languages", "Klingon", "unknown language"),
    ("#date+reported", "last week", "bad date"),
    ("#meta+id", "Not An Id!", "must be lowercase letters"),
])
def test_bad_values(content, tmp_path, column, value, problem):
    sheet = tmp_path / "s.csv"
    sheet.write_text(f"#service+name,#org+name,#service+type,#country+code,{column}\n"
                     f"Example,Example NGO,legal aid,BA,{value}\n", encoding="utf-8")
    report = run(sheet, content)
    assert report.rows[0].status == "bad"
    assert any(problem in p for p in report.rows[0].problems), report.rows[0].problems


def test_sector_stands_in_for_a_missing_service_type(content, tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("#org+name,#sector,#country+code,#loc+name\nExample Clinic NGO,Health,BA,Bihać\n",
                     encoding="utf-8")
    report = run(sheet, content)
    assert report.rows[0].status == "new" and report.rows[0].id == "svc-example-clinic-ngo"
    assert check(content)[1] == []
    assert load(content).originals["svc-example-clinic-ngo"].fields["kind"] == ["medical"]


def test_control_characters_in_cells_are_removed(content, tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("#service+name,#org+name,#service+type,#country+code\n"
                     "Clinic\x1b[31m red\x07,Example NGO,medical,BA\n", encoding="utf-8")
    run(sheet, content)
    corpus, problems = check(content)
    assert problems == []
    assert corpus.originals["svc-clinic-red"].fields["title"] == "Clinic red"


def test_json_report(cli, content):
    result = cli("import", "services", PARTNER_SHEET, "--content", content, "--dry-run", "--json")
    assert result.code == 1  # bad rows
    report = json.loads(result.out)
    assert report["counts"] == {"new": 12, "changed": 0, "unchanged": 1, "bad": 7}
    assert report["rows"][0]["row"] == 4 and report["written"] == []


def test_ids_made_from_names_never_clash(content, tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("#service+name,#org+name,#service+type,#country+code\n"
                     "Legal aid office,Example NGO,legal aid,BA\n"
                     "Legal aid office,Example NGO,legal aid,RS\n"
                     "Legal aid office,Example NGO,legal aid,BA\n"
                     "مكتب المساعدة القانونية,منظمة,legal aid,BA\n", encoding="utf-8")
    report = run(sheet, content)
    ids = [row.id for row in report.rows]
    assert ids[:3] == ["svc-legal-aid-office", "svc-legal-aid-office-rs", "svc-legal-aid-office-ba"]
    assert ids[3].startswith("svc-ba-") and len(ids[3]) == len("svc-ba-") + 8
    assert check(content)[1] == []
    assert run(sheet, content).count("unchanged") == 4  # the same ids again on the next import


def test_an_imported_service_is_shown_with_its_coordinates(cli, content, tmp_path):
    run(PARTNER_SHEET, content, skip_bad=True)
    db = tmp_path / "imported.db"
    assert cli("build", "--content", content, "--out", db).code == 0
    shown = json.loads(cli("show", "ela-bih-001", "--json", "--db", db).out)
    assert (shown["details"]["lat"], shown["details"]["lon"]) == (44.8169, 15.8697)
    assert (shown["reviewed"], shown["checked"], shown["review"]) == (None, None, None)
    assert "Coordinates: 44.8169, 15.8697 (import-partner-services)" in cli("show", "ela-bih-001", "--db", db).out
