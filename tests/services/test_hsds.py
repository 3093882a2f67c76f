"""HSDS 3.0 exchange: `fieldkit export --format hsds` writes, per language, a Tabular Data Package that frictionless
validates (against its own descriptor and, where the HSDS specification is at hand, against HSDS's) and HSDS JSON
that validates against the HSDS JSON schemas; `fieldkit import services` reads it back row by row.

The HSDS 3.0 specification files (datapackage.json, schema/*.json, CC BY-SA 4.0) are not kept in this repository:
the tests read them from $FIELDKIT_HSDS_SPEC or from ../shared/hsds beside the checkout (docs/interop.md says where
they come from), and skip the checks that need them when they are absent.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import uuid
from pathlib import Path

import pytest
from frictionless import Package

from fieldkit.content.build import build
from fieldkit.content.check import check
from fieldkit.interop.hsds import NAMESPACE, TABLES
from fieldkit.interop.importer import import_services
from fieldkit.store.db import connect
from fieldkit.store.store import Store
from tests.conftest import FIXTURE_CONTENT, ROOT

SPEC = Path(os.environ.get("FIELDKIT_HSDS_SPEC") or ROOT.parent / "shared" / "hsds")
needs_spec = pytest.mark.skipif(not (SPEC / "datapackage.json").is_file(),
                                reason=f"the HSDS 3.0 specification files are not at {SPEC}")


@pytest.fixture(scope="module")
def exported(services_db, tmp_path_factory):
    from fieldkit.cli import main

    folder = tmp_path_factory.mktemp("hsds") / "out"
    assert main(["export", "--format", "hsds", "-o", str(folder), "--db", str(services_db)]) == 0
    return folder


def test_a_package_per_language_with_every_table(exported):
    assert sorted(path.name for path in exported.iterdir()) == ["ar", "en", "fa"]
    for lang in ("en", "fa"):
        names = {path.name for path in (exported / lang).iterdir()}
        assert {table.path for table in TABLES} | {"datapackage.json", "services.json"} == names


def test_ids_are_uuid5_of_fieldkit_ids_and_the_same_in_every_language(exported):
    clinic = str(uuid.uuid5(NAMESPACE, "service:svc-clinic-bihac"))
    for lang in ("en", "fa", "ar"):
        services = {service["id"]: service for service in json.loads((exported / lang / "services.json").read_text())}
        assert clinic in services
    assert json.loads((exported / "fa" / "services.json").read_text())[1]["name"] == "درمانگاه خانواده‌ها در بیهاچ"


def test_the_same_content_exports_the_same_bytes(exported, services_db, tmp_path, cli):
    again = tmp_path / "again"
    assert cli("export", "--format", "hsds", "--lang", "en", "-o", again, "--db", services_db).code == 0
    for path in (again / "en").iterdir():
        assert path.read_bytes() == (exported / "en" / path.name).read_bytes(), path.name


def test_what_hsds_has_no_field_for_is_carried_the_hsds_way(exported):
    services = {s["name"]: s for s in json.loads((exported / "en" / "services.json").read_text())}
    clinic = services["Clinic for families in Bihać"]
    assert clinic["status"] == "active" and clinic["fees_description"] == "Free of charge."
    assert clinic["application_process"] == "by appointment; walk in; Ask at the reception centre for a referral."
    codes = {(a["link_type"], a["taxonomy_term"]["code"]) for a in clinic["attributes"]}
    assert codes == {("service_kind", "medical"), ("population", "families"), ("population", "children"),
                     ("country", "BA")}
    place = next(link["location"] for link in clinic["service_at_locations"]
                 if link["location"].get("external_identifier_type") == "fieldkit")
    assert (place["external_identifier"], place["latitude"]) == ("bihac", 44.82)
    assert clinic["schedules"][0] | {"id": ""} == {"id": "", "service_id": clinic["id"], "freq": "WEEKLY",
                                                    "byday": "MO,TU,WE,TH,FR", "opens_at": "08:00:00",
                                                    "closes_at": "12:00:00"}
    hotline = services["Country-wide legal hotline"]
    assert hotline["status"] == "temporarily closed" and hotline["alert"] == "Closed for the winter (until 2099-03-01)"
    assert [(p["number"], p["type"], p["description"]) for p in hotline["phones"]] == [
        ("+387 60 000 000", "voice", "hotline"), ("+387 61 000 000", "voice", "WhatsApp; messages only")]
    assert [area["description"] for area in hotline["service_areas"]] == ["BA"]
    assert hotline["organization"]["organization_identifiers"][0]["identifier"] == "EAO-0001"


def test_a_service_whose_status_is_not_known_is_left_out_and_counted(exported, services_db, cli, tmp_path):
    names = {s["name"] for s in json.loads((exported / "en" / "services.json").read_text())}
    assert "Free legal aid in Bihać" not in names  # no status in the content; HSDS requires one
    descriptor = json.loads((exported / "en" / "datapackage.json").read_text())
    assert descriptor["fieldkit"]["left_out_without_status"] == ["svc-legal-aid-bihac", "svc-serbia-only"]
    result = cli("export", "--format", "hsds", "--lang", "en", "-o", tmp_path / "x", "--db", services_db)
    assert "3 services as HSDS 3.0" in result.err and "2 services left out" in result.err


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_frictionless_validates_the_package(exported, lang):
    report = Package(str(exported / lang / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@needs_spec
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_tables_validate_against_hsds_own_descriptor(exported, lang):
    official = json.loads((SPEC / "datapackage.json").read_text(encoding="utf-8"))
    assert official["version"].startswith("3.0")
    written = {table.path for table in TABLES}
    official["resources"] = [r for r in official["resources"] if r["path"] in written]
    assert len(official["resources"]) == len(TABLES)  # every table fieldkit writes is an HSDS table
    report = Package(official, basepath=str(exported / lang)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def _strict(node):
    """No property the schema does not name, anywhere (HSDS checks its own examples this way)."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            node["additionalProperties"] = False
        for value in node.values():
            _strict(value)
    elif isinstance(node, list):
        for value in node:
            _strict(value)
    return node


@needs_spec
@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_json_validates_against_the_hsds_schemas(exported, lang):
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    def retrieve(uri: str) -> Resource:
        return Resource.from_contents(_strict(json.loads(Path(uri.removeprefix("file://")).read_text())),
                                      default_specification=DRAFT202012)

    path = SPEC / "schema" / "service.json"
    schema = _strict(json.loads(path.read_text())) | {"$id": path.as_uri()}
    validator = jsonschema.Draft202012Validator(schema, registry=Registry(retrieve=retrieve),
                                                format_checker=jsonschema.FormatChecker())
    services = json.loads((exported / lang / "services.json").read_text())
    assert services
    errors = [f"{error.json_path}: {error.message}" for service in services for error in validator.iter_errors(service)]
    assert errors == []
    # The schemas can fail: a status HSDS does not know, or a field it has not, is refused.
    broken = copy.deepcopy(services[0]) | {"status": "open", "opening_hours": "9-5"}
    assert len(list(validator.iter_errors(broken))) == 2


def test_the_export_reads_back_unchanged(exported, services_content):
    before = {path: path.read_bytes() for path in services_content.rglob("*.md")}
    report = import_services(exported, services_content, dry_run=True)
    assert [(row.id, row.status) for row in report.rows] == [
        ("svc-canton-outreach", "unchanged"), ("svc-clinic-bihac", "unchanged"), ("svc-country-hotline", "unchanged")]
    assert report.columns["title"] == "services.name"
    assert {path: path.read_bytes() for path in services_content.rglob("*.md")} == before


def test_into_other_content_it_makes_new_services_that_check_and_carry_every_field(exported, services_db, tmp_path):
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    (target / "place" / "una-sana-canton.en.md").write_text(
        (Path(__file__).parent.parent / "fixtures" / "services" / "place" / "una-sana-canton.en.md").read_text())
    report = import_services(exported, target)
    assert [row.status for row in report.rows] == ["new", "new", "new"], [row.problems for row in report.rows]
    corpus, problems = check(target)
    assert problems == []
    build(target, tmp_path / "imported.db")
    imported, original = Store(connect(tmp_path / "imported.db")), Store(connect(services_db))
    new_id = next(row.id for row in report.rows if "clinic" in row.id)
    got, want = imported.get(new_id).details, original.get("svc-clinic-bihac").details
    for key in ("kind", "status", "place", "populations", "eligibility", "intake", "documents", "fees", "languages",
                "interpretation", "hours", "schedule", "access", "lat", "lon"):
        assert got.get(key) == want.get(key), key
    assert imported.get(new_id, "fa").title == "درمانگاه خانواده‌ها در بیهاچ"  # the Farsi package's name
    hotline = next(row.id for row in report.rows if "hotline" in row.id)
    phones = {(item["phone"], item["kind"]) for item in imported.get(hotline).details["contacts"]}
    assert phones == {("+387 60 000 000", "hotline"), ("+387 61 000 000", "whatsapp")}
    assert imported.get(hotline).details["alert"] == {"text": "Closed for the winter", "until": "2099-03-01"}


def test_a_bad_package_gets_a_clear_message(cli, content, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "datapackage.json").write_text("{}")
    result = cli("import", "services", empty, "--content", content)
    assert result.code == 1 and "has no services.csv" in result.err and "Traceback" not in result.err
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "datapackage.json").write_text("{}")
    (bad / "services.csv").write_text("id,organization_id,name,description,status\n"
                                      "6b2c7a7e-1111-5111-8111-111111111111,,Example,Example service,open\n")
    result = cli("import", "services", bad, "--content", content)
    assert result.code == 1 and "unknown status 'open'" in result.out


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "hsds"], "give one with -o DIR"),
    (["--format", "hsds", "--type", "place", "-o", "x"], "hsds holds service points only"),
])
def test_export_usage_errors(cli, services_db, args, message):
    result = cli("export", *args, "--db", services_db)
    assert result.code == 2 and message in result.err
