"""Which services cover a place, nearest first: at the place, then its region's, then country-wide ones."""

from __future__ import annotations

import json

import pytest

from fieldkit.content.build import build
from fieldkit.i18n.near import services_near
from fieldkit.store.db import connect
from fieldkit.store.store import Store
from tests.conftest import ROOT


def test_a_town_lists_its_own_services_then_its_regions_then_the_countrys(services_store):
    assert services_store.services_covering("bihac") == [
        ("svc-clinic-bihac", "place"), ("svc-legal-aid-bihac", "place"),
        ("svc-canton-outreach", "region"), ("svc-country-hotline", "country")]


def test_another_town_of_the_region_gets_the_region_and_the_country(services_store):
    assert services_store.services_covering("velika-kladusa") == [
        ("svc-canton-outreach", "region"), ("svc-country-hotline", "country")]


def test_a_region_lists_what_works_inside_it(services_store):
    assert services_store.services_covering("una-sana-canton") == [
        ("svc-canton-outreach", "place"), ("svc-clinic-bihac", "place"), ("svc-legal-aid-bihac", "place"),
        ("svc-country-hotline", "country")]


def test_what_is_not_a_place_is_covered_by_nothing(services_store):
    assert services_store.services_covering("svc-clinic-bihac") == []
    assert services_store.services_covering("no-such-id") == []


def test_the_levels_are_named(services_store):
    near = services_near(services_store, "bihac")
    assert [(s.id, s.where) for s in near] == [
        ("svc-clinic-bihac", "at Bihać"), ("svc-legal-aid-bihac", "at Bihać"),
        ("svc-canton-outreach", "in Una-Sana Canton"), ("svc-country-hotline", "country-wide")]


def test_show_lists_services_near_a_place(cli, services_db):
    text = cli("show", "bihac", "--db", services_db).out
    section = text[text.index("Services near Bihać"):]
    assert section.index("svc-clinic-bihac") < section.index("svc-canton-outreach") < section.index("svc-country-hotline")
    assert "(in Una-Sana Canton)" in section and "(country-wide)" in section
    data = json.loads(cli("show", "bihac", "--db", services_db, "--json").out)
    assert [(s["id"], s["level"]) for s in data["services_near"]][-1] == ("svc-country-hotline", "country")
    service = json.loads(cli("show", "svc-clinic-bihac", "--db", services_db, "--json").out)
    assert "services_near" not in service  # only places have it


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    path = tmp_path_factory.mktemp("shipped") / "fieldkit.db"
    build(ROOT / "content", path)
    store = Store(connect(path))
    yield store
    store.close()


def test_services_near_bihac_in_the_shipped_content(shipped):
    """Bihać lies in Una-Sana Canton; the services the sources place in Bosnia and Herzegovina as a whole follow."""
    near = shipped.services_covering("bihac")
    levels = [level for _, level in near]
    assert levels == sorted(levels, key=["place", "region", "country"].index)
    country_wide = {service for service, level in near if level == "country"}
    assert {"svc-bih-border-police", "svc-iom-bih", "svc-drc"} <= country_wide
    assert not any(service.startswith("svc-unhcr-serbia") for service, _ in near)


def test_every_shipped_service_shows_the_new_fields(shipped):
    from fieldkit.i18n.details import detail_lines

    for row in shipped.list_entries(entry_type="service"):
        shown = dict(detail_lines(shipped.get(row["id"])))
        for label in ("Status", "Service area", "Who it is for", "Eligibility", "How to get in", "What to bring",
                      "Fees", "Interpretation", "Accessibility", "Phone"):
            assert label in shown, (row["id"], label)
        assert shown["Phone"] is None  # the sources give no phone number for any service: none is invented
