"""The interop commands fail cleanly: one line saying what is wrong, exit 1 or 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.interop.conftest import PARTNER_SHEET


@pytest.mark.parametrize("args, message", [
    (("export", "--type", "animal"), "invalid choice"),
    (("export", "--type", "route"), "invalid choice"),
    (("export", "--type", "service", "--format", "xlsx"), "invalid choice"),
    (("export", "--format", "hxl"), "--type is required for hxl"),
    (("export", "--type", "right", "--format", "geojson"), "rights hold for a whole country"),
    (("export", "--type", "service", "--lang", "klingon"), "unknown language code"),
    (("import",), "say what to import"),
    (("import", "places", "x.csv"), "invalid choice"),
    (("import", "services"), "required: FILE.csv"),
])
def test_usage_errors_exit_2(cli, fixture_db, args, message):
    extra = ("--db", str(fixture_db)) if args[0] == "export" else ()
    result = cli(*args, *extra)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_export_to_a_missing_folder(cli, fixture_db, tmp_path):
    result = cli("export", "--type", "place", "-o", tmp_path / "no" / "such.csv", "--db", fixture_db)
    assert result.code == 1 and "no such folder" in result.err  # an output that cannot be written: exit 1


def test_export_without_a_database(cli, tmp_path):
    result = cli("export", "--type", "place", "--db", tmp_path / "missing.db")
    assert result.code == 1 and "content database not found" in result.err


def test_import_a_missing_file(cli, content, tmp_path):
    result = cli("import", "services", tmp_path / "nothing.csv", "--content", content)
    assert result.code == 2 and "no such file" in result.err


def test_import_into_a_folder_that_is_not_content(cli, tmp_path):
    result = cli("import", "services", PARTNER_SHEET, "--content", tmp_path)
    assert result.code == 1 and "is not a content folder" in result.err


@pytest.mark.parametrize("data, message", [
    (b"Name,Country\nExample NGO,BA\n", "has no HXL hashtag row"),
    (b"", "has no HXL hashtag row"),
    (b"PK\x03\x04\x14\x00\x06\x00", "spreadsheet workbook, not CSV"),
    (b"#service+name,#org+name\n\xff\xfeBiha\xe6,x\n", "not UTF-8 text"),
    (b"\x00\x01\x02binary", "not a text file"),
    (b"#service+name,#country+code\nExample,BA\n", "has no #service+type or #sector column"),
    (b"#org+name,#service+type\nExample,legal aid\n", "has no #country+code column"),
])
def test_import_a_file_that_is_not_a_hxl_sheet(cli, content, tmp_path, data, message):
    sheet = tmp_path / "partner.csv"
    sheet.write_bytes(data)
    before = sorted(p.name for p in content.rglob("*"))
    result = cli("import", "services", sheet, "--content", content)
    assert result.code == 1
    assert message in result.err
    assert "Traceback" not in result.err
    assert sorted(p.name for p in content.rglob("*")) == before


def test_import_report_in_text(cli, content):
    result = cli("import", "services", PARTNER_SHEET, "--content", content)
    assert result.code == 1
    lines = result.out.splitlines()
    assert "row  4: new        ela-bih-001" in lines
    assert "row 14: unchanged  svc-legal-aid-bihac" in lines
    assert "row 16: BAD        missing name (#service+name)" in lines
    assert any(line.startswith("row 19: BAD        duplicate id 'ela-bih-001'") for line in lines)
    assert lines[-1].startswith("12 new, 0 changed, 1 unchanged, 7 bad; nothing written")


def test_import_skip_bad_then_check(cli, content):
    result = cli("import", "services", PARTNER_SHEET, "--content", content, "--skip-bad")
    assert result.code == 0, result.err
    assert "wrote 13 file(s)" in result.out and "added source 'import-partner-services'" in result.out
    checked = cli("check", "--content", content)
    assert checked.code == 0, checked.out
    again = cli("import", "services", PARTNER_SHEET, "--content", content, "--skip-bad")
    assert "0 new, 0 changed, 13 unchanged, 7 bad; nothing to write" in again.out


def test_help_lists_the_commands():
    result = subprocess.run([sys.executable, "-m", "fieldkit", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert "export" in result.stdout and "import" in result.stdout


def test_the_cli_offers_every_type_with_export_columns(cli):
    result = cli("export", "--help")
    for entry_type in ("service", "place", "risk", "right"):
        assert entry_type in result.out
    assert cli("export", "--type", "glossary").code == 2  # glossary terms have no export columns
