"""Issue 16: a crafted database with NaN or Infinity in a JSON column never makes fieldkit print invalid JSON
(GeoJSON and JSON export, show --json): such a number is read as "not known"."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.hostile.conftest import copy_db


def strict(text: str):
    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def nan_db(fixture_db, tmp_path):
    db = copy_db(fixture_db, tmp_path / "nan.db")
    with sqlite3.connect(db) as conn:
        conn.execute("""UPDATE entries SET details = '{"kind": "town", "lat": NaN, "lon": Infinity, "x": -1e999}'
                        WHERE id = 'bihac'""")
    conn.close()
    return db


@pytest.mark.parametrize("args", [("export", "--format", "geojson"), ("export", "--type", "place", "--format", "json"),
                                  ("export", "--type", "service", "--format", "json"), ("show", "bihac", "--json")])
def test_no_nan_or_infinity_in_json(cli, nan_db, args):
    result = cli(*args, "--db", nan_db)
    assert result.code == 0, result.err
    data = strict(result.out)
    assert "NaN" not in result.out and "Infinity" not in result.out
    if args[0] == "show":
        assert data["details"]["lat"] is None and data["details"]["lon"] is None
