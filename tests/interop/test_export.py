"""`fieldkit export`: HXL that libhxl reads back, CSV, JSON, and GeoJSON that validates as RFC 7946."""

from __future__ import annotations

import csv
import io
import json

import geojson
import hxl
import pytest

from fieldkit.interop.export import build_export, clean
from fieldkit.interop.writers import cell
from fieldkit.store.db import connect
from fieldkit.store.store import Store

SERVICE_TAGS = ("#meta+id", "#org+name", "#service+type", "#sector", "#country+code+v_iso2", "#loc+name", "#geo+lat",
                "#geo+lon", "#contact+url", "#contact+phone", "#description+languages", "#access+type",
                "#date+reviewed", "#meta+source")


@pytest.fixture
def rich_store(rich_db):
    store = Store(connect(rich_db))
    yield store
    store.close()


def read_hxl(path):
    return list(hxl.data(str(path), hxl.InputOptions(allow_local=True)))


def test_libhxl_reads_back_the_same_services_and_coordinates(cli, rich_db, rich_store, tmp_path):
    out = tmp_path / "services.csv"
    result = cli("export", "--type", "service", "--format", "hxl", "-o", out, "--db", rich_db)
    assert result.code == 0, result.err
    assert "wrote" in result.err and "3 services" in result.err
    dataset = hxl.data(str(out), hxl.InputOptions(allow_local=True))
    tags = [column.get_display_tag(sort_attributes=False) for column in dataset.columns]
    for tag in SERVICE_TAGS:
        assert tag in tags, tag
    rows = {row.get("#meta+id"): row for row in dataset}
    assert sorted(rows) == ["svc-hotline-ba", "svc-legal-aid-bihac", "svc-shelter-bihac"]
    for entry_id, row in rows.items():
        entry = rich_store.get(entry_id)
        assert row.get("#service+name") == entry.title
        assert row.get("#org+name") == entry.details["organisation"]
        assert row.get("#country+code") == entry.country
    shelter, legal, hotline = rows["svc-shelter-bihac"], rows["svc-legal-aid-bihac"], rows["svc-hotline-ba"]
    assert (float(shelter.get("#geo+lat")), float(shelter.get("#geo+lon"))) == (44.8125, 15.87)
    assert shelter.get("#geo+from") == "service"
    # No coordinates of its own: Bihać's, and the sheet says so.
    assert (float(legal.get("#geo+lat")), float(legal.get("#geo+lon"))) == (44.82, 15.87)
    assert legal.get("#geo+from") == "place"
    assert legal.get("#loc+name") == "Bihać" and legal.get("#loc+code+v_fieldkit") == "bihac"
    assert not hotline.get("#geo+lat") and not hotline.get("#geo+from")
    assert shelter.get("#contact+phone") == "'+387 37 000 100"  # guarded: not a plain number (issue 16)
    assert shelter.get("#description+languages") == "bs; en; fa"
    assert shelter.get("#sector") == "Shelter; Protection"
    assert shelter.get("#date+checked") == "2026-11-01"
    assert shelter.get("#date+reviewed") in (None, "")  # no specialist has reviewed it
    assert shelter.get("#meta+source") == "testdoc"
    # The name in Farsi is in a +i_fa column, read by its own hashtag.
    assert shelter.get("#service+name+i_fa") == "پناهگاه خانواده‌ها در بیهاچ"
    assert not hotline.get("#service+name+i_fa")


def test_lang_limits_the_language_columns(cli, rich_db):
    only_ar = cli("export", "--type", "service", "--lang", "ar", "--db", rich_db).out
    hashtags = next(csv.reader(io.StringIO(only_ar.split("\r\n")[1])))
    assert "#service+name+i_ar" in hashtags and "#service+name+i_fa" not in hashtags
    english = cli("export", "--type", "service", "--lang", "en", "--db", rich_db).out
    assert "+i_" not in english


@pytest.mark.parametrize("entry_type", ["place", "risk", "right"])
def test_other_types_export_as_hxl(cli, fixture_db, store, entry_type, tmp_path):
    out = tmp_path / f"{entry_type}.csv"
    assert cli("export", "--type", entry_type, "-o", out, "--db", fixture_db).code == 0
    rows = read_hxl(out)
    ids = sorted(row.get("#meta+id") for row in rows)
    assert ids == sorted(e["id"] for e in store.list_entries(entry_type=entry_type))
    if entry_type == "place":
        bihac = next(row for row in rows if row.get("#meta+id") == "bihac")
        assert (bihac.get("#loc+name"), bihac.get("#geo+lat"), bihac.get("#geo+lon")) == ("Bihać", "44.82", "15.87")
    if entry_type == "risk":
        drowning = next(row for row in rows if row.get("#meta+id") == "risk-drowning")
        assert drowning.get("#impact+name+i_fa") == "غرق شدن در عبور از رودخانه"
        assert drowning.get("#loc+code+v_fieldkit") == "drina-river"
    if entry_type == "right":
        assert rows[0].get("#description+law") == "Law on Asylum"


def test_csv_has_the_header_row_only(cli, rich_db):
    text = cli("export", "--type", "service", "--format", "csv", "--db", rich_db).out
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["ID", "Service", "Service (fa)"]
    assert not any(cell.startswith("#") for cell in rows[1])
    assert len(rows) == 4


def test_json_keeps_lists_and_numbers(cli, rich_db):
    result = cli("export", "--type", "service", "--format", "json", "--db", rich_db)
    records = {record["id"]: record for record in json.loads(result.out)}
    shelter = records["svc-shelter-bihac"]
    assert shelter["type"] == "service"
    assert shelter["kind"] == ["shelter", "psychosocial"]
    assert (shelter["lat"], shelter["lon"]) == (44.8125, 15.87)
    assert shelter["title_fa"] == "پناهگاه خانواده‌ها در بیهاچ"
    assert records["svc-hotline-ba"]["lat"] is None
    assert records["svc-legal-aid-bihac"]["coordinates_from"] == "place"


def test_geojson_is_valid_rfc7946_with_lon_lat(cli, rich_db, tmp_path):
    out = tmp_path / "map.geojson"
    result = cli("export", "--format", "geojson", "-o", out, "--db", rich_db)
    assert result.code == 0, result.err
    collection = geojson.loads(out.read_text(encoding="utf-8"))
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    features = {feature["id"]: feature for feature in collection["features"]}
    # Places and services with coordinates; the hotline has none and no place, so it is left out.
    assert sorted(features) == ["bihac", "svc-legal-aid-bihac", "svc-shelter-bihac"]
    for feature in features.values():
        assert geojson.Feature(**feature).is_valid
        lon, lat = feature["geometry"]["coordinates"]
        assert (lon, lat) == (feature["properties"]["lon"], feature["properties"]["lat"])
        assert 15 < lon < 16 and 44 < lat < 45  # Bihać: longitude first
    assert features["svc-shelter-bihac"]["geometry"] == {"type": "Point", "coordinates": [15.87, 44.8125]}
    assert features["svc-shelter-bihac"]["properties"]["coordinates_from"] == "service"
    legal = features["svc-legal-aid-bihac"]["properties"]
    assert (legal["coordinates_from"], legal["place"]) == ("place", "bihac")
    # Flat properties for QGIS: lists as text, nothing nested.
    assert all(not isinstance(v, (list, dict)) for f in features.values() for v in f["properties"].values())
    assert features["svc-shelter-bihac"]["properties"]["kind"] == "shelter; psychosocial"
    assert "2 places" not in result.err and "1 place with coordinates (of 3)" in result.err


def test_geojson_names_features_in_the_chosen_language(cli, rich_db):
    collection = json.loads(cli("export", "--format", "geojson", "--type", "service", "--lang", "fa",
                                "--db", rich_db).out)
    names = {f["id"]: (f["properties"]["name"], f["properties"]["name_lang"]) for f in collection["features"]}
    assert names["svc-shelter-bihac"] == ("پناهگاه خانواده‌ها در بیهاچ", "fa")
    assert names["svc-legal-aid-bihac"] == ("Free legal aid in Bihać", "en")


def test_geojson_of_risks_is_a_multipoint_of_their_places(rich_db, tmp_path):
    from fieldkit.interop.export import Export
    from fieldkit.interop.geojson import feature_collection

    export = Export("risk", [], [], [{"type": "risk", "id": "risk-x", "title": "X", "places": ["a", "b"]}],
                    points={"risk-x": ([(15.87, 44.82), (19.1, 44.4)], "places")})
    collection = geojson.GeoJSON.to_instance(feature_collection([export]))
    assert collection.is_valid
    feature = collection["features"][0]
    assert feature["geometry"]["type"] == "MultiPoint"
    assert feature["geometry"]["coordinates"] == [[15.87, 44.82], [19.1, 44.4]]
    assert feature["properties"]["coordinates_from"] == "places"


def test_output_is_written_atomically_over_an_old_file(cli, rich_db, tmp_path):
    out = tmp_path / "services.csv"
    out.write_text("old contents", encoding="utf-8")
    assert cli("export", "--type", "service", "-o", out, "--db", rich_db).code == 0
    assert out.read_text(encoding="utf-8").startswith("ID,Service")
    assert [p.name for p in tmp_path.iterdir()] == ["services.csv"]  # no temporary file left beside it


def test_stdout_when_no_output_file(cli, fixture_db):
    result = cli("export", "--type", "place", "--format", "json", "--db", fixture_db)
    assert result.code == 0 and result.err == ""
    assert {r["id"] for r in json.loads(result.out)} == {"bihac", "drina-river", "velika-kladusa"}


def test_text_is_sanitised_and_kept_on_one_line():
    assert clean("a\x1b[31mred\x1b[0m\x07 text\nwith\tbreaks \u202e") == "ared text with breaks"
    assert clean(["x\x00y"]) == ["xy"]


@pytest.mark.parametrize("value, written", [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("@SUM(A1)", "'@SUM(A1)"), ("-cmd", "'-cmd"),
    ("+387 37 000 001", "'+387 37 000 001"),  # a phone is not a plain number: guarded too (issue 16)
    ("-12.5", "-12.5"), ("Bihać", "Bihać"), (None, ""), (44.82, "44.82"),
    (["a", "b"], "a; b"),
])
def test_cells_are_safe_in_a_spreadsheet(value, written):
    assert cell(value) == written


def test_records_are_in_id_order_and_complete(rich_store):
    export = build_export(rich_store, "service")
    assert [r["id"] for r in export.records] == sorted(r["id"] for r in export.records)
    assert export.languages == ["fa"]
    keys = {column.key for column in export.columns}
    assert all(set(record) == keys | {"type"} for record in export.records)
