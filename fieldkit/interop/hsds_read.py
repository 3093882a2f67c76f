"""Read an HSDS 3.0 Tabular Data Package of services as a sheet, so the importer checks and reviews it row by row
exactly as it does a HXL sheet (fieldkit/interop/importer.py).

Given a package folder (or its datapackage.json), each row of services.csv becomes one sheet row, its cells
gathered from the other tables by id: the organisation, the attributes (kinds, populations, country: see
fieldkit/interop/hsds.py), locations, service areas, phones, schedules, languages and required documents. Given
the folder `fieldkit export --format hsds` writes (one package per language), the English package is read and the
others give each service's name and summary in their language. A service's uuid that is uuid5 of a service
already in the content is that service; any other is a new one.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from fieldkit.core.marker import N_
from fieldkit.core.vocabularies import INTAKE
from fieldkit.interop.hsds import FIELDKIT_ID, STATUS_BACK, TAXONOMIES, hsds_id
from fieldkit.interop.hxl import Hashtag
from fieldkit.interop.sheet import MAX_BYTES, Row, Sheet, SheetColumn, SheetError, clean_cell

# The sheet's fields, in the order the importer's report lists the columns read.
FIELDS = ("id", "title", "summary", "organisation", "organisation_id", "kind", "status", "country", "place",
          "place_name", "area", "lat", "lon", "url", "phone", "whatsapp", "hotline", "sms", "email", "address",
          "populations", "eligibility", "intake", "documents", "fees", "languages", "interpretation", "access",
          "hours", "schedule", "alert", "alert_until")
# Where each field comes from, for the report ("services.name").
ORIGIN = {"id": "services.id", "title": "services.name", "summary": "services.description",
          "organisation": "organizations.name", "organisation_id": "organizations.id",
          "kind": "attributes (fieldkit service kinds)", "status": "services.status",
          "country": "attributes (ISO 3166-1)", "place": "locations.external_identifier",
          "place_name": "locations.name", "area": "service_areas.description", "lat": "locations.latitude",
          "lon": "locations.longitude", "url": "services.url", "phone": "phones (voice)",
          "whatsapp": "phones (WhatsApp)", "hotline": "phones (hotline)", "sms": "phones (text)",
          "email": "services.email", "address": "locations.description",
          "populations": "attributes (fieldkit populations)", "eligibility": "services.eligibility_description",
          "intake": "services.application_process", "documents": "required_documents.document",
          "fees": "services.fees_description", "languages": "languages.code",
          "interpretation": "services.interpretation_services", "access": "services.application_process",
          "hours": "schedules.description", "schedule": "schedules (byday, opens_at, closes_at)",
          "alert": "services.alert", "alert_until": "services.alert"}
_ALERT_UNTIL = re.compile(r"^(.*\S)\s*\(until (\d{4}-\d{2}-\d{2})\)$")


def is_package(path: Path) -> bool:
    """A datapackage.json, a folder with one, or a folder of per-language folders with one each."""
    if path.is_file():
        return path.name == "datapackage.json"
    return path.is_dir() and ((path / "datapackage.json").is_file() or any(
        (child / "datapackage.json").is_file() for child in path.iterdir() if child.is_dir()))


def read_package(path: Path, known_ids: list[str]) -> Sheet:
    """The package at `path` as a sheet; `known_ids`: the content's ids, to recognise its services and
    organisations by their uuid5."""
    folder = path.parent if path.is_file() else path
    packages = _language_packages(folder)
    base_lang = "en" if "en" in packages else next(iter(packages))
    base = _Tables(packages[base_lang])
    others = {lang: _Tables(folder) for lang, folder in packages.items() if lang != base_lang}
    services = {hsds_id("service", entry_id): entry_id for entry_id in known_ids}
    organisations = {hsds_id("organization", entry_id): entry_id for entry_id in known_ids}
    columns = [SheetColumn(index, "", Hashtag("hsds", frozenset({name}), None), ORIGIN[name])
               for index, name in enumerate(FIELDS)]
    translated_columns: dict[str, dict[str, SheetColumn]] = {"title": {}, "summary": {}}
    for lang in sorted(others):
        for name, origin in (("title", "services.name"), ("summary", "services.description")):
            column = SheetColumn(len(columns), "", Hashtag("hsds", frozenset({name}), lang), f"{origin} ({lang})")
            columns.append(column)
            translated_columns[name][lang] = column
    rows = []
    # A service's cells come from several of the package's tables: each is quoted from the package's own text.
    package_text = "\n".join(base.text(name) for name in _Tables.FILES)
    for number, service in enumerate(base.rows("services"), start=2):
        cells = [_value(base, service, name, services, organisations) for name in FIELDS]
        for lang in sorted(others):
            translation = others[lang].by_id("services").get(service.get("id", ""), {})
            texts = [translation.get("name", ""), translation.get("description", "")]
            if texts == [service.get("name", ""), service.get("description", "")]:
                texts = ["", ""]  # the English text again: that language has no translation of it
            cells += [clean_cell(text) for text in texts]
        rows.append(Row(number, [clean_cell(cell, multiline=True) for cell in cells], package_text))
    sheet = Sheet(path=packages[base_lang] / "services.csv", text=base.text("services"), columns=columns, rows=rows)
    sheet.fields = {name: columns[index] for index, name in enumerate(FIELDS) if any(row.cells[index] for row in rows)}
    sheet.translated = {name: by_lang for name, by_lang in translated_columns.items() if by_lang}
    return sheet


def _language_packages(folder: Path) -> dict[str, Path]:
    """Language -> package folder: the folder itself (its datapackage.json says its language, else English), or
    each subfolder with a datapackage.json."""
    if (folder / "datapackage.json").is_file():
        return {_language(folder): folder}
    found = {_language(child): child for child in sorted(folder.iterdir())
             if child.is_dir() and (child / "datapackage.json").is_file()}
    if not found:
        raise SheetError(N_("{folder} has no datapackage.json (an HSDS package is a folder with one)"), folder=folder)
    return found


def _language(folder: Path) -> str:
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise SheetError(N_("{path} is not readable JSON: {problem}"),
                         path=folder / 'datapackage.json', problem=problem) from None
    languages = descriptor.get("languages") if isinstance(descriptor, dict) else None
    return str(languages[0]) if isinstance(languages, list) and languages else "en"


class _Tables:
    """The CSV tables of one package folder, read when first asked for, as rows of text."""

    FILES = {"services": "services.csv", "organizations": "organizations.csv", "attributes": "attributes.csv",
             "taxonomy_terms": "taxonomy_terms.csv", "taxonomies": "taxonomies.csv",
             "service_at_location": "service_at_location.csv", "locations": "locations.csv",
             "service_areas": "service_areas.csv", "phones": "phones.csv", "schedules": "schedules.csv",
             "languages": "languages.csv", "required_documents": "required_documents.csv"}

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.texts: dict[str, str] = {}
        self.tables: dict[str, list[dict[str, str]]] = {}

    def text(self, name: str) -> str:
        if name not in self.texts:
            path = self.folder / self.FILES[name]
            if not path.is_file():
                if name == "services":
                    raise SheetError(N_("{folder} has no services.csv: not an HSDS package of services"),
                                     folder=self.folder)
                self.texts[name] = ""
            else:
                if path.stat().st_size > MAX_BYTES:
                    raise SheetError(N_("{path} is larger than {limit} MB"),
                                     path=path, limit=MAX_BYTES // (1024 * 1024))
                try:
                    self.texts[name] = path.read_bytes().decode("utf-8-sig")
                except UnicodeDecodeError as problem:
                    raise SheetError(N_("{name} is not UTF-8 text (byte {byte})"),
                                     name=path.name, byte=problem.start) from None
        return self.texts[name]

    def rows(self, name: str) -> list[dict[str, str]]:
        if name not in self.tables:
            text = self.text(name)
            try:
                self.tables[name] = [dict(row) for row in csv.DictReader(io.StringIO(text, newline=""))]
            except csv.Error as problem:
                raise SheetError(N_("{name} is not readable CSV: {problem}"),
                                 name=self.FILES[name], problem=problem) from None
        return self.tables[name]

    def by_id(self, name: str) -> dict[str, dict[str, str]]:
        return {row.get("id", ""): row for row in self.rows(name)}

    def of(self, name: str, key: str, value: str) -> list[dict[str, str]]:
        return [row for row in self.rows(name) if row.get(key) == value]


def _value(tables: _Tables, service: dict[str, str], name: str, services: dict[str, str],
           organisations: dict[str, str]) -> str:
    """One field of the sheet row for a service."""
    sid = service.get("id", "")
    direct = {"title": "name", "summary": "description", "url": "url", "email": "email",
              "eligibility": "eligibility_description", "fees": "fees_description",
              "interpretation": "interpretation_services"}
    if name in direct:
        return service.get(direct[name]) or ""
    if name == "id":
        return services.get(sid, "")
    if name == "status":
        status = service.get("status") or ""
        return STATUS_BACK.get(status, status)
    if name in ("organisation", "organisation_id"):
        organisation = tables.by_id("organizations").get(service.get("organization_id", ""), {})
        if name == "organisation":
            return organisation.get("name", "")
        return organisations.get(organisation.get("id", ""), "")
    if name in ("kind", "populations", "country"):
        link_type = {"kind": "service_kind", "populations": "population", "country": "country"}[name]
        return "; ".join(_attribute_codes(tables, sid, link_type))
    if name in ("place", "place_name", "lat", "lon", "address"):
        return _location_value(tables, sid, name)
    if name == "area":
        return "; ".join(area["description"] for area in tables.of("service_areas", "service_id", sid)
                         if area.get("description"))
    if name in ("phone", "whatsapp", "hotline", "sms"):
        return "; ".join(phone["number"] for phone in tables.of("phones", "service_id", sid)
                         if _phone_kind(phone) == name and phone.get("number"))
    if name in ("intake", "access"):
        parts = [part.strip() for part in (service.get("application_process") or "").split(";") if part.strip()]
        intake_words = {words.casefold() for _, words in INTAKE.words} | set(INTAKE.values)
        chosen = [part for part in parts if (part.casefold() in intake_words) == (name == "intake")]
        return "; ".join(chosen)
    if name == "documents":
        return "; ".join(row["document"] for row in tables.of("required_documents", "service_id", sid)
                         if row.get("document"))
    if name == "languages":
        return "; ".join(row["code"] for row in tables.of("languages", "service_id", sid) if row.get("code"))
    if name in ("hours", "schedule"):
        return _schedule_value(tables, sid, name)
    if name in ("alert", "alert_until"):
        alert = service.get("alert") or ""
        match = _ALERT_UNTIL.match(alert)
        if name == "alert":
            return match.group(1) if match else alert
        return match.group(2) if match else ""
    return ""


def _attribute_codes(tables: _Tables, sid: str, link_type: str) -> list[str]:
    """The codes of the service's attributes of one kind: its link_type, or its term's taxonomy name."""
    terms = tables.by_id("taxonomy_terms")
    taxonomy = TAXONOMIES[link_type][0]
    codes = []
    for attribute in tables.of("attributes", "link_id", sid):
        term = terms.get(attribute.get("taxonomy_term_id", ""), {})
        if attribute.get("link_type") == link_type or term.get("taxonomy") == taxonomy:
            code = term.get("code") or term.get("name") or attribute.get("value") or ""
            if code:
                codes.append(code)
    return codes


def _location_value(tables: _Tables, sid: str, name: str) -> str:
    locations = tables.by_id("locations")
    linked = [locations.get(link.get("location_id", ""), {}) for link in tables.of("service_at_location", "service_id", sid)]
    fieldkit = [loc for loc in linked if loc.get("external_identifier_type") == FIELDKIT_ID]
    own = [loc for loc in linked if loc not in fieldkit and loc.get("latitude") and loc.get("longitude")]
    plain = [loc for loc in linked if loc not in fieldkit and not loc.get("latitude")]
    if name == "place":
        return fieldkit[0].get("external_identifier", "") if fieldkit else ""
    if name == "place_name":
        return "" if fieldkit else next((loc.get("name", "") for loc in own + plain if loc.get("name")), "")
    if name in ("lat", "lon"):
        return own[0].get("latitude" if name == "lat" else "longitude", "") if own else ""
    return next((loc.get("description", "") for loc in plain if loc.get("description")), "")


def _phone_kind(phone: dict[str, str]) -> str:
    kind, description = (phone.get("type") or "").lower(), (phone.get("description") or "").casefold()
    if kind == "text" or description.startswith("sms"):
        return "sms"
    if description.startswith("whatsapp"):
        return "whatsapp"
    if description.startswith("hotline"):
        return "hotline"
    return "phone"


def _schedule_value(tables: _Tables, sid: str, name: str) -> str:
    lines, hours = [], []
    for row in tables.of("schedules", "service_id", sid):
        if row.get("byday") and row.get("opens_at") and row.get("closes_at"):
            days = ",".join(day.strip().lower() for day in row["byday"].split(","))
            line = f"{days} {row['opens_at'][:5]}-{row['closes_at'][:5]}"
            lines.append(line + (f" ({row['description']})" if row.get("description") else ""))
        elif row.get("description"):
            hours.append(row["description"])
    return "; ".join(lines if name == "schedule" else hours)
