"""Open Referral HSDS 3.0 (https://openreferral.org): services as a Tabular Data Package and as HSDS JSON.

`fieldkit export --format hsds -o DIR` writes one folder per language, DIR/<lang>/: a CSV per HSDS table (every
column HSDS defines, in its order, empty where the content says nothing), `datapackage.json` describing them, and
`services.json`, the same services as HSDS JSON objects. Ids are uuid5 of fieldkit ids, so they are stable across
exports and the same in every language. What HSDS has no field for is carried the HSDS way:

- service kinds, the populations served and the country as `attributes` with taxonomies of their own
  (`fieldkit service kinds`, `fieldkit populations`, `ISO 3166-1`), the term's `code` being fieldkit's value;
- a place as a `location` whose `external_identifier` is its fieldkit id (`external_identifier_type` fieldkit);
- a service area as a `service_area` whose `description` is the fieldkit area item (`BA`, `una-sana-canton`);
- a WhatsApp number or a hotline as a `phone` of type voice whose `description` says so; SMS is type `text`.

HSDS requires a status: a service whose status the content does not know is left out (and counted), rather than
given one no source states. docs/interop.md has the whole mapping. The importer reads such a package back
(fieldkit/interop/hsds_read.py).
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from fieldkit.core.model import is_country_code
from fieldkit.core.vocabularies import EXPOSED, INTAKE, SERVICE_KINDS, Vocabulary
from fieldkit.i18n.catalog import speaking
from fieldkit.i18n.details import alert_text
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.vocabulary import word
from fieldkit.interop.export import clean, contact_columns
from fieldkit.store.models import Entry
from fieldkit.store.store import Store

HSDS_VERSION = "3.0"
# Every fieldkit id becomes uuid5(NAMESPACE, "<table>:<key>"): stable, and the same in every export.
NAMESPACE = uuid.UUID("6f1c9a52-3b0e-5d6a-9c1e-2f6d0b8a4e17")
STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "inactive": "inactive",
          "defunct": "defunct"}
STATUS_BACK = {value: key for key, value in STATUS.items()}
TAXONOMIES = {  # link_type -> (taxonomy name, description, its vocabulary or None for countries)
    "service_kind": ("fieldkit service kinds", "What a service does, as fieldkit's content names it.", SERVICE_KINDS),
    "population": ("fieldkit populations", "Who a service is for, as fieldkit's content names them.", EXPOSED),
    "country": ("ISO 3166-1", "Countries by their ISO 3166-1 alpha-2 code (XK for Kosovo*).", None),
}
FIELDKIT_ID = "fieldkit"  # locations.external_identifier_type of a fieldkit place id


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "string"  # Table Schema type
    format: str | None = None
    required: bool = False


def _columns(spec: str) -> tuple[Column, ...]:
    """'id*:uuid name* year_incorporated:number' -> columns (* required; :type or :format after the name)."""
    columns = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        required = name.endswith("*")
        name = name.rstrip("*")
        if kind in ("uuid", "uri", "email"):
            columns.append(Column(name, "string", kind, required))
        else:
            columns.append(Column(name, kind or "string", None, required))
    return tuple(columns)


@dataclass(frozen=True)
class Table:
    name: str  # the HSDS resource name
    path: str  # its file
    columns: tuple[Column, ...]
    foreign_keys: tuple[tuple[str, str], ...] = ()  # (column, resource), referencing its id


# The HSDS 3.0 tables fieldkit writes, with HSDS's own columns in HSDS's order.
TABLES = (
    Table("organization", "organizations.csv", _columns(
        "id*:uuid name* alternate_name description* email:email website:uri tax_status tax_id "
        "year_incorporated:number legal_status logo uri:uri parent_organization_id:uuid")),
    Table("program", "programs.csv", _columns("id*:uuid organization_id*:uuid name* alternate_name description*"),
          (("organization_id", "organization"),)),
    Table("service", "services.csv", _columns(
        "id*:uuid organization_id*:uuid program_id:uuid name* alternate_name description url:uri email:email status* "
        "interpretation_services application_process fees_description wait_time fees accreditations "
        "eligibility_description minimum_age:number maximum_age:number assured_date:date assurer_email:email "
        "licenses alert last_modified:datetime"),
          (("organization_id", "organization"), ("program_id", "program"))),
    Table("attribute", "attributes.csv", _columns(
        "id*:uuid link_id*:uuid taxonomy_term_id*:uuid link_type link_entity* value"),
          (("taxonomy_term_id", "taxonomy_term"),)),
    Table("service_at_location", "service_at_location.csv", _columns(
        "id*:uuid service_id*:uuid location_id*:uuid description"),
          (("service_id", "service"), ("location_id", "location"))),
    Table("location", "locations.csv", _columns(
        "id*:uuid location_type* url:uri organization_id:uuid name alternate_name description transportation "
        "latitude:number longitude:number external_identifier external_identifier_type"),
          (("organization_id", "organization"),)),
    Table("phone", "phones.csv", _columns(
        "id*:uuid location_id:uuid service_id:uuid organization_id:uuid contact_id:uuid "
        "service_at_location_id:uuid number* extension:number type description"),
          (("contact_id", "contact"), ("location_id", "location"), ("organization_id", "organization"),
           ("service_id", "service"), ("service_at_location_id", "service_at_location"))),
    Table("contact", "contacts.csv", _columns(
        "id*:uuid organization_id:uuid service_id:uuid service_at_location_id:uuid location_id:uuid name title "
        "department email:email"),
          (("location_id", "location"), ("organization_id", "organization"), ("service_id", "service"),
           ("service_at_location_id", "service_at_location"))),
    Table("schedule", "schedules.csv", _columns(
        "id*:uuid service_id:uuid location_id:uuid service_at_location_id:uuid valid_from:date valid_to:date "
        "dtstart:date timezone:number until:date count:number wkst freq interval:number byday byweekno bymonthday "
        "byyearday description opens_at:time closes_at:time schedule_link:uri attending_type notes"),
          (("location_id", "location"), ("service_id", "service"), ("service_at_location_id", "service_at_location"))),
    Table("service_area", "service_areas.csv", _columns(
        "id*:uuid service_id:uuid name description extent extent_type uri"), (("service_id", "service"),)),
    Table("required_document", "required_documents.csv", _columns("id*:uuid service_id:uuid document uri:uri"),
          (("service_id", "service"),)),
    Table("language", "languages.csv", _columns("id*:uuid service_id:uuid location_id:uuid phone_id:uuid name code note"),
          (("location_id", "location"), ("phone_id", "phone"), ("service_id", "service"))),
    Table("taxonomy_term", "taxonomy_terms.csv", _columns(
        "id*:uuid code name* description* parent_id:uuid taxonomy language taxonomy_id:uuid term_uri:uri"),
          (("taxonomy_id", "taxonomy"),)),
    Table("taxonomy", "taxonomies.csv", _columns("id*:uuid name* description* uri:uri version")),
    Table("organization_identifier", "organization_identifiers.csv", _columns(
        "id*:uuid organization_id*:uuid identifier_scheme identifier_type* identifier*"),
          (("organization_id", "organization"),)),
)
TABLE = {table.name: table for table in TABLES}


def hsds_id(table: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{table}:{key}"))


@dataclass
class Package:
    """One language's HSDS data: rows per table, the HSDS JSON services, and what was left out."""

    lang: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t.name: [] for t in TABLES})
    services: list[dict[str, Any]] = field(default_factory=list)  # HSDS JSON
    left_out: list[str] = field(default_factory=list)  # services without a known status

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """Add a row once (rows shared by services, such as a place or an organisation, are added once)."""
        if not any(existing["id"] == row["id"] for existing in self.rows[table]):
            self.rows[table].append(row)
        return row


def build_package(store: Store, lang: str, today: Any = None) -> Package:
    """Every service with a known status, in `lang` (English where a text is not translated)."""
    import datetime as dt

    package = Package(lang)
    day = today or dt.date.today()
    with speaking(lang):
        for row in sorted(store.list_entries(entry_type="service"), key=lambda r: r["id"]):
            entry = store.get(row["id"], lang)
            if entry is None:
                continue
            if entry.details.get("status") not in STATUS:
                package.left_out.append(entry.id)
                continue
            package.services.append(_service(store, entry, lang, package, day))
    return package


def _service(store: Store, entry: Entry, lang: str, package: Package, today: Any) -> dict[str, Any]:
    details = entry.details
    service_id = hsds_id("service", entry.id)
    organization = _organization(store, entry, lang, package)
    contacts = contact_columns(details)
    how = [word(INTAKE, value) for value in details.get("intake") or []]
    service = package.add("service", {
        "id": service_id, "organization_id": organization["id"], "name": entry.title, "description": entry.summary,
        "url": _absolute(_first(contacts["url"])), "email": _first(contacts["email"]), "status": STATUS[details["status"]],
        "interpretation_services": details.get("interpretation"),
        "application_process": "; ".join([*how, *([details["access"]] if details.get("access") else [])]) or None,
        "fees_description": details.get("fees"), "eligibility_description": details.get("eligibility"),
        "alert": alert_text(details.get("alert"), today), "assured_date": entry.reviewed,
    })
    nested: dict[str, Any] = {key: value for key, value in service.items() if value is not None}
    nested["organization"] = organization["json"]
    nested["attributes"] = _attributes(entry, service_id, lang, package)
    nested["phones"] = _phones(details, service_id, package)
    nested["service_at_locations"] = _locations(store, entry, service_id, lang, package)
    nested["service_areas"] = [_strip(package.add("service_area", {
        "id": hsds_id("service_area", f"{entry.id}:{item}"), "service_id": service_id,
        "name": country_name(item, lang) if is_country_code(item) else store.title_of(item, lang)[0],
        "description": item})) for item in details.get("area") or []]
    nested["schedules"] = _schedules(details, service_id, package)
    nested["languages"] = [_strip(package.add("language", {
        "id": hsds_id("language", f"{entry.id}:{code}"), "service_id": service_id, "name": _language_name(code, lang),
        "code": code})) for code in details.get("languages") or []]
    nested["required_documents"] = [_strip(package.add("required_document", {
        "id": hsds_id("required_document", f"{entry.id}:{number}"), "service_id": service_id, "document": document}))
        for number, document in enumerate(details.get("documents") or [])]
    return {key: value for key, value in nested.items() if value not in (None, [])}


def _organization(store: Store, entry: Entry, lang: str, package: Package) -> dict[str, Any]:
    """The organisation's record where the service links one, else one made from the name the service gives."""
    details = entry.details
    record = store.get(details["organisation_id"], lang) if details.get("organisation_id") else None
    if record is not None:
        key, name, description = record.id, record.title, record.summary
        aliases = record.details.get("aliases") or []
        website = record.details.get("website")
        identifiers = record.details.get("identifiers") or []
    else:
        key, name = "name:" + details["organisation"], details["organisation"]
        titles = [store.title_of(other, lang)[0] for other in _services_named(store, details["organisation"])]
        description, aliases, website, identifiers = f"{name}: {'; '.join(titles)}", [], None, []
    organization_id = hsds_id("organization", key)
    row = package.add("organization", {"id": organization_id, "name": name,
                                       "alternate_name": aliases[0] if aliases else None,
                                       "description": description, "website": website})
    rows = [package.add("organization_identifier", {
        "id": hsds_id("organization_identifier", f"{key}:{item['scheme']}:{item['id']}"),
        "organization_id": organization_id, "identifier_scheme": item["scheme"], "identifier_type": item["scheme"],
        "identifier": item["id"]}) for item in identifiers]
    nested = _strip(row) | ({"organization_identifiers": [_strip(r) for r in rows]} if rows else {})
    return {"id": organization_id, "json": nested}


def _services_named(store: Store, organisation: str) -> list[str]:
    rows = store.conn.execute(
        "SELECT id FROM entries WHERE type = 'service' AND json_extract(details, '$.organisation') = ? ORDER BY id",
        (organisation,))
    return [row[0] for row in rows]


def _attributes(entry: Entry, service_id: str, lang: str, package: Package) -> list[dict[str, Any]]:
    details = entry.details
    values = [("service_kind", kind) for kind in details.get("kind") or []]
    values += [("population", population) for population in details.get("populations") or []]
    values += [("country", entry.country)] if entry.country else []
    attributes = []
    for link_type, value in values:
        name, description, vocabulary = TAXONOMIES[link_type]
        taxonomy = package.add("taxonomy", {"id": hsds_id("taxonomy", link_type), "name": name,
                                            "description": description, "version": None})
        words = word(vocabulary, value) if isinstance(vocabulary, Vocabulary) else country_name(value, lang)
        term = package.add("taxonomy_term", {
            "id": hsds_id("taxonomy_term", f"{link_type}:{value}"), "code": value, "name": words,
            "description": words, "taxonomy": name, "language": lang, "taxonomy_id": taxonomy["id"]})
        attribute = package.add("attribute", {
            "id": hsds_id("attribute", f"{entry.id}:{link_type}:{value}"), "link_id": service_id,
            "taxonomy_term_id": term["id"], "link_type": link_type, "link_entity": "service"})
        attributes.append(_strip(attribute) | {"taxonomy_term": _strip(term)})
    return attributes


PHONE_TYPES = {"voice": ("voice", None), "whatsapp": ("voice", "WhatsApp"), "hotline": ("voice", "hotline"),
               "sms": ("text", "SMS")}


def _phones(details: dict[str, Any], service_id: str, package: Package) -> list[dict[str, Any]]:
    phones = []
    items = ([{"phone": details["contact"]["phone"]}] if (details.get("contact") or {}).get("phone") else [])
    items += [item for item in details.get("contacts") or [] if item.get("phone")]
    for number, item in enumerate(items):
        kind, description = PHONE_TYPES[item.get("kind") or "voice"]
        note = "; ".join(part for part in (description, item.get("note")) if part) or None
        phones.append(_strip(package.add("phone", {
            "id": hsds_id("phone", f"{service_id}:{number}"), "service_id": service_id, "number": item["phone"],
            "type": kind, "description": note})))
    return phones


def _locations(store: Store, entry: Entry, service_id: str, lang: str, package: Package) -> list[dict[str, Any]]:
    """Its own point, else its place (a fieldkit place, with that place's coordinates), as an HSDS location."""
    details = entry.details
    found = []
    if isinstance(details.get("lat"), (int, float)):
        location = package.add("location", {
            "id": hsds_id("location", entry.id), "location_type": "physical", "name": entry.title,
            "latitude": details["lat"], "longitude": details["lon"]})
        found.append(location)
    if details.get("place"):
        place = store.get(details["place"], lang)
        if place is not None:
            found.append(package.add("location", {
                "id": hsds_id("location", place.id), "location_type": "physical", "name": place.title,
                "latitude": place.details.get("lat"), "longitude": place.details.get("lon"),
                "external_identifier": place.id, "external_identifier_type": FIELDKIT_ID}))
    address = (details.get("contact") or {}).get("address") or next(
        (item["address"] for item in details.get("contacts") or [] if item.get("address")), None)
    if address:  # HSDS addresses need a city, region and postal code apart: the content has one line
        found.append(package.add("location", {
            "id": hsds_id("location", f"{entry.id}:address"), "location_type": "physical", "name": entry.title,
            "description": address}))
    links = []
    for location in found:
        link = package.add("service_at_location", {
            "id": hsds_id("service_at_location", f"{service_id}:{location['id']}"), "service_id": service_id,
            "location_id": location["id"]})
        links.append(_strip(link) | {"location": _strip(location)})
    return links


def _schedules(details: dict[str, Any], service_id: str, package: Package) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(details.get("schedule") or []):
        rows.append(package.add("schedule", {
            "id": hsds_id("schedule", f"{service_id}:{number}"), "service_id": service_id, "freq": "WEEKLY",
            "byday": ",".join(day.upper() for day in line["days"]), "opens_at": f"{line['opens']}:00",
            "closes_at": f"{line['closes']}:00", "description": line.get("note")}))
    if details.get("hours"):  # the hours as the content words them
        rows.append(package.add("schedule", {
            "id": hsds_id("schedule", f"{service_id}:hours"), "service_id": service_id,
            "description": details["hours"]}))
    return [_strip(row) for row in rows]


def _language_name(code: str, lang: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code, sep="-").get_display_name(Locale.parse(lang, sep="-")) or code
    except (UnknownLocaleError, ValueError):
        return code


def _first(value: str | list[str] | None) -> str | None:
    """HSDS has one url and one email per service: the first the content gives."""
    return value[0] if isinstance(value, list) else value


def _absolute(url: str | None) -> str | None:
    """HSDS wants a URI: a web address written without its scheme (www.example.org) gets http://, as a browser
    would read it."""
    if not url:
        return None
    return url if "://" in url else "http://" + url


def _strip(row: dict[str, Any]) -> dict[str, Any]:
    """A row as HSDS JSON: no empty values (the JSON schemas type every field; null is not a string)."""
    return {key: value for key, value in row.items() if value is not None and value != ""}


# --- writing -------------------------------------------------------------------------------------------------

def table_csv(table: Table, rows: list[dict[str, Any]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.name for column in table.columns])
    for row in rows:
        writer.writerow([_cell(clean(row.get(column.name))) for column in table.columns])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def descriptor(package: Package, content: dict[str, str]) -> dict[str, Any]:
    """datapackage.json: a Tabular Data Package of the tables, each with its Table Schema."""
    resources = []
    for table in TABLES:
        fields = []
        for column in table.columns:
            spec: dict[str, Any] = {"name": column.name, "type": column.type}
            if column.format:
                spec["format"] = column.format
            if column.required:
                spec["constraints"] = {"required": True}
            fields.append(spec)
        schema: dict[str, Any] = {"fields": fields, "primaryKey": "id"}
        if table.foreign_keys:
            schema["foreignKeys"] = [{"fields": column, "reference": {"resource": resource, "fields": "id"}}
                                     for column, resource in table.foreign_keys]
        resources.append({"name": table.name, "path": table.path, "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
    return {
        "profile": "tabular-data-package", "name": f"fieldkit-services-{package.lang.lower()}",
        "title": f"fieldkit service points ({package.lang})",
        "description": "Service points on the Western Balkans route from fieldkit's sourced content, as Open "
                       "Referral HSDS 3.0 tables.",
        "version": content.get("content_version", ""), "content_date": content.get("content_date", ""),
        "languages": [package.lang], "hsds_version": HSDS_VERSION, "resources": resources,
        "fieldkit": {"left_out_without_status": package.left_out},
    }


def package_files(package: Package, content: dict[str, str]) -> dict[str, str]:
    """File name -> text for one language's folder."""
    files = {table.path: table_csv(table, package.rows[table.name]) for table in TABLES}
    files["datapackage.json"] = json.dumps(descriptor(package, content), ensure_ascii=False, indent=2) + "\n"
    files["services.json"] = json.dumps(package.services, ensure_ascii=False, indent=2) + "\n"
    return files
