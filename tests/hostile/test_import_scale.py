"""Issue 16: importing a sheet of many rows is linear. A quote is checked against its own row's text, not the
whole file (which made every row cost the file's length), and rows that share a name get numbered ids without
trying every number before theirs (which was quadratic, and stopped with a traceback after a thousand)."""

from __future__ import annotations

import json

import pytest

from fieldkit.interop import importer
from fieldkit.interop.importer import import_services

HEADER = ("Name,Organisation,Type,Country,Town,Phone\n"
          "#service+name,#org+name,#service+type,#country+code,#loc+name,#contact+phone\n")


def sheet(path, rows: int, *, same_name: bool = False):
    lines = [f"Legal desk{'' if same_name else f' {i}'},Org {i % 7},legal-aid,BA,Bihać,+387 61 {i:06d}\n"
             for i in range(rows)]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def test_quote_checks_cost_the_row_not_the_file(content, tmp_path, monkeypatch):
    path = sheet(tmp_path / "rows.csv", 300)
    work = {"characters": 0}
    original = importer.normalise_for_quote

    class Counted(str):
        def __contains__(self, part):  # what a substring search may have to read
            work["characters"] += len(self)
            return str.__contains__(self, part)

    monkeypatch.setattr(importer, "normalise_for_quote", lambda text: Counted(original(text)))
    report = import_services(path, content, dry_run=True)
    assert report.count("new") == 300
    assert work["characters"] <= 10 * len(path.read_text(encoding="utf-8")), work


@pytest.mark.slow
def test_a_thousand_rows_of_one_name_get_their_own_ids(cli, content, tmp_path):
    path = sheet(tmp_path / "same.csv", 1010, same_name=True)  # the old code gave up after 1001
    result = cli("import", "services", path, "--content", content, "--dry-run", "--json")
    assert result.code == 0 and "Traceback" not in result.err, result.err[-300:]
    ids = [row["id"] for row in json.loads(result.out)["rows"]]
    assert len(set(ids)) == 1010 and ids[-1] == "svc-legal-desk-1008"
