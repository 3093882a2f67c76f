"""The service model: every HSDS-style field is checked, compiled and shown, "not known" where the content is silent."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fieldkit.content.check import check
from fieldkit.i18n.details import detail_lines

NEW_LABELS = ("Status", "Service area", "Who it is for", "Eligibility", "How to get in", "What to bring", "Fees",
              "Interpretation", "Accessibility")


def lines_of(store, entry_id, today=dt.date(2026, 12, 1)):
    return dict(detail_lines(store.get(entry_id), today=today))


def test_a_service_with_every_field_shows_each_in_words(services_store):
    shown = lines_of(services_store, "svc-clinic-bihac")
    assert shown["Status"] == "active"
    assert shown["Place"] == "Bihać"
    assert shown["Who it is for"] == "families, children"
    assert shown["Eligibility"] == "Families with children under 18."
    assert shown["How to get in"] == "by appointment, walk in"
    assert shown["What to bring"] == "Any identity document, Medical records if there are any"
    assert shown["Fees"] == "Free of charge."
    assert shown["Interpretation"] == "Farsi interpreter on Tuesdays."
    assert shown["Opening times"] == "Mon–Fri 08:00–12:00; Sat 09:00–11:30 (emergencies only)"
    assert shown["Accessibility"] == "Step-free entrance."
    assert shown["Phone"] == "+387 37 000 200" and shown["Email"] == "clinic@example.org"
    assert shown["Web"] == "https://clinic.example.org" and shown["Address"] == "Example street 2, Bihać"
    assert "Alert" not in shown  # its date has passed


def test_a_service_without_them_says_not_known(services_store):
    shown = lines_of(services_store, "svc-legal-aid-bihac")
    for label in (*NEW_LABELS, "Phone", "Hours"):
        assert shown[label] is None, label
    assert "Opening times" not in shown and "Alert" not in shown  # optional: left out when empty


def test_an_alert_shows_until_its_day_and_phones_say_their_kind(services_store):
    shown = lines_of(services_store, "svc-country-hotline")
    assert shown["Alert"] == "Closed for the winter (until 2099-03-01)"
    assert shown["Status"] == "temporarily closed"
    assert shown["Service area"] == "Bosnia and Herzegovina"
    assert shown["Phone"] == "+387 60 000 000 (hotline), +387 61 000 000 (WhatsApp, messages only)"
    assert lines_of(services_store, "svc-country-hotline", today=dt.date(2099, 3, 2)).get("Alert") is None


def test_an_area_names_regions_and_countries(services_store):
    assert lines_of(services_store, "svc-canton-outreach")["Service area"] == "Una-Sana Canton"
    entry = services_store.get("svc-canton-outreach")
    assert ("una-sana-canton", "area") in [(link.id, link.kind) for link in entry.related]


def test_an_organisation_lists_its_services(services_store):
    organisation = services_store.get("org-example")
    assert organisation.type == "organisation"
    assert sorted(link.id for link in organisation.linked_from if link.kind == "organisation_id") == [
        "svc-canton-outreach", "svc-country-hotline"]
    shown = dict(detail_lines(organisation))
    assert shown["Also called"] == "EAO" and shown["Identifiers"] == "TEST: EAO-0001"
    assert shown["Web"] == "https://eao.example.org"


def test_a_place_shows_its_region(services_store):
    assert lines_of(services_store, "bihac")["Region"] == "Una-Sana Canton"


def test_show_json_only_gains_fields(cli, services_db):
    data = json.loads(cli("show", "svc-clinic-bihac", "--db", services_db, "--json").out)
    for key in ("id", "type", "title", "summary", "body", "details", "sources", "related", "linked_from"):
        assert key in data
    assert data["details"]["organisation"] == "Example Clinic"  # still the name, as before
    assert data["details"]["schedule"][1] == {"days": ["sa"], "opens": "09:00", "closes": "11:30",
                                               "note": "emergencies only"}
    assert data["details"]["contacts"][0] == {"phone": "+387 37 000 200"}


@pytest.mark.parametrize(("field", "value", "message"), [
    ("status", "open", "'status' must be one of active, temporarily-closed, inactive, defunct"),
    ("intake", "[walkin]", "'intake' must be one of walk-in"),
    ("populations", "[men]", "'populations' must be one of everyone"),
    ("schedule", "[{days: [mo], opens: '9am', closes: '12:00'}]", "'schedule.opens' must be a time as HH:MM"),
    ("schedule", "[{days: [mo], opens: '12:00', closes: '08:00'}]", "closes at 08:00, not after it opens at 12:00"),
    ("schedule", "[{days: [monday], opens: '08:00', closes: '12:00'}]", "'schedule.days' must be one of mo"),
    ("contacts", "[{phone: '+387 1', email: a@b.org}]", "gives exactly one of phone, email, url, address"),
    ("contacts", "[{email: 'not an address'}]", "must be an email address"),
    ("contacts", "[{url: 'clinic.example.org'}]", "must be a web address starting http"),
    ("contacts", "[{email: a@b.org, kind: whatsapp}]", "'kind' is for a phone"),
    ("contacts", "[{phone: '+387 1', kind: fax}]", "'contacts.kind' must be one of voice, whatsapp, hotline, sms"),
    ("alert", "{text: Moved, until: soon}", "'alert.until' must be a date"),
    ("alert", "{until: 2026-01-01}", "'alert.text' must be non-empty text"),
    ("area", "[Bosnia]", "items are country codes (BA) or place ids"),
    ("area", "[QQ]", "unknown country code 'QQ'"),
    ("area", "[nowhere-town]", "'area' refers to 'nowhere-town', which does not exist"),
    ("organisation_id", "bihac", "'organisation_id' must refer to a organisation, but 'bihac' is a place"),
])
def test_bad_service_fields_are_refused(services_content, field, value, message):
    path = services_content / "service" / "svc-legal-aid-bihac.en.md"
    path.write_text(path.read_text().replace("place: bihac\n", f"place: bihac\n{field}: {value}\n"))
    _, problems = check(services_content)
    assert any(message in problem.message and problem.path == str(path) for problem in problems), problems


@pytest.mark.parametrize(("field", "value", "message"), [
    ("region", "velika-kladusa", "'region' must refer to a place of kind region, but 'velika-kladusa' is a town"),
    ("iso_code", "RS-VO", "ISO 3166-2 code RS-VO is not a code of BA"),
    ("iso_code", "Vojvodina", "must be an ISO 3166-2 code"),
    ("geonames_id", "-3", "must be a GeoNames id"),
])
def test_bad_place_fields_are_refused(services_content, field, value, message):
    path = services_content / "place" / "bihac.en.md"
    text = path.read_text().replace("region: una-sana-canton\n", "")
    path.write_text(text.replace("kind: town\n", f"kind: town\n{field}: {value}\n"))
    _, problems = check(services_content)
    assert any(message in problem.message for problem in problems), problems
