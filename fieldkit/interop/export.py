"""Records for export: one per entry of a type, read from the compiled content, in id order.

A record maps a column key (the type's `export` columns, fieldkit/core/types/) to a value: text, a number, a list of text, or None when the
content does not say. Names and summaries in other languages come from the translations table as `title_<lang>`
and `summary_<lang>`. Every text is sanitised (no control characters or escape sequences) and kept on one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from fieldkit.core.registry import REGISTRY, ContentType, ExportColumn
from fieldkit.interop.hxl import columns_for
from fieldkit.interop.vocabulary import sectors
from fieldkit.store.models import Entry
from fieldkit.store.store import Store
from fieldkit.text.sanitize import sanitize

Point = tuple[float, float]  # (lon, lat), as GeoJSON orders them


@dataclass
class Export:
    entry_type: str
    languages: list[str]  # the other languages with columns of their own
    columns: list[ExportColumn]
    records: list[dict[str, Any]]
    # Per entry id: its points and where they come from (its own type's name, or the field naming its places: "place",
    # "places"); only entries with some.
    points: dict[str, tuple[list[Point], str]] = field(default_factory=dict)


def clean(value: Any) -> Any:
    """Text without control characters, on one line; lists cleaned item by item; other values as they are."""
    if isinstance(value, str):
        return re.sub(r"\s+", " ", sanitize(value)).strip()
    if isinstance(value, list):
        return [clean(item) for item in value]
    return value


def build_export(store: Store, entry_type: str, lang: str | None = None) -> Export:
    """Every entry of `entry_type` as a record. `lang`: only that language's columns (default: every language)."""
    content_type = REGISTRY[entry_type]
    ids = sorted(row["id"] for row in store.list_entries(entry_type=entry_type))
    entries = [entry for entry in (store.get(entry_id) for entry_id in ids) if entry is not None]
    if lang is None:
        languages = sorted({code for entry in entries for code in entry.languages if code != "en"})
    else:
        languages = [] if lang == "en" else [lang]
    export = Export(entry_type, languages, columns_for(entry_type, languages), [])
    places = _Places(store)
    for entry in entries:
        record: dict[str, Any] = {"type": entry.type}
        record.update(_record(entry, content_type, places, export))
        for code in languages:
            translated = store.get(entry.id, code) if code in entry.languages else None
            exact = translated if translated is not None and translated.lang == code else None
            record[f"title_{code}"] = exact.title if exact is not None else None
            record[f"summary_{code}"] = exact.summary if exact is not None else None
        record.update(summary=entry.summary, as_of=entry.as_of, reviewed=entry.reviewed, checked=entry.checked,
                      sources=list(dict.fromkeys(citation.doc for citation in entry.sources)))
        ordered = {"type": record["type"]} | {column.key: record.get(column.key) for column in export.columns}
        export.records.append({key: clean(value) for key, value in ordered.items()})
    return export


class _Places:
    """Places by id, read once each: title and coordinates."""

    def __init__(self, store: Store):
        self.store = store
        self.cache: dict[str, Entry | None] = {}

    def get(self, place_id: str | None) -> Entry | None:
        if not place_id:
            return None
        if place_id not in self.cache:
            self.cache[place_id] = self.store.get(place_id)
        return self.cache[place_id]

    def point(self, place_id: str | None) -> Point | None:
        place = self.get(place_id)
        return _point(place.details) if place is not None else None


def _point(details: dict[str, Any]) -> Point | None:
    if isinstance(details.get("lat"), (int, float)) and isinstance(details.get("lon"), (int, float)):
        return (float(details["lon"]), float(details["lat"]))
    return None


def _record(entry: Entry, content_type: ContentType, places: _Places, export: Export) -> dict[str, Any]:
    """The entry's value for each of its type's columns: a field of the same name, or a value derived below."""
    details = entry.details
    record: dict[str, Any] = {"id": entry.id, "title": entry.title, "country": entry.country,
                              "countries": entry.countries}
    for column in content_type.export:
        if column.constant is not None:
            record[column.key] = column.constant
        elif column.key in details:
            record[column.key] = details[column.key]
        elif column.key not in record:
            spec = content_type.field(column.key)
            record[column.key] = [] if spec is not None and spec.kind in _LIST_KINDS else None
    record.update(_located(entry, content_type, places, export))
    if "contact" in details or "contacts" in details or content_type.field("contact") is not None:
        record.update(contact_columns(details))
    if content_type.field("alert") is not None:
        alert = details.get("alert") or {}
        record.update(alert=alert.get("text"), alert_until=alert.get("until"))
    if details.get("schedule"):
        record["schedule"] = [schedule_cell(line) for line in details["schedule"]]
    record.update(_region(entry, places))
    if record.get("sector") is None and isinstance(details.get("kind"), list):  # a service's, from its kinds
        record["sector"] = sectors(details["kind"])
    if "legal_basis" in details:
        record["legal_basis"] = [basis["law"] + (f", Article {basis['article']}" if basis.get("article") else "")
                                 for basis in details["legal_basis"] or []]
    return record


_LIST_KINDS = ("ids", "choices", "countries", "languages", "words", "legal_basis", "area", "schedule")
PHONE_COLUMNS = {"voice": "phone", "whatsapp": "whatsapp", "hotline": "hotline", "sms": "sms"}


def contact_columns(details: dict[str, Any]) -> dict[str, Any]:
    """The contact columns: url, phone (voice lines), whatsapp, hotline, sms, email, address. One value is text,
    several a list; None when the content gives none. `contact` comes first, then `contacts` in order."""
    values: dict[str, list[str]] = {key: [] for key in ("url", "phone", "whatsapp", "hotline", "sms", "email", "address")}
    contact = details.get("contact") or {}
    for part in ("url", "phone", "email", "address"):
        if contact.get(part):
            values[part].append(str(contact[part]))
    for item in details.get("contacts") or []:
        if item.get("phone"):
            values[PHONE_COLUMNS.get(item.get("kind") or "voice", "phone")].append(str(item["phone"]))
        for part in ("url", "email", "address"):
            if item.get(part):
                values[part].append(str(item[part]))
    return {key: (found[0] if len(found) == 1 else found) if found else None for key, found in values.items()}


def schedule_cell(line: dict[str, Any]) -> str:
    """One schedule line as spreadsheet text: "mo,tu,we 09:00-17:00", with its note in brackets (the importer reads
    it back)."""
    note = f" ({line['note']})" if line.get("note") else ""
    return f"{','.join(line.get('days') or [])} {line.get('opens')}-{line.get('closes')}{note}"


def _region(entry: Entry, places: _Places) -> dict[str, Any]:
    """The first-level division the entry is in (HXL #adm1): a region place's title and ISO 3166-2 code. A place's
    own region (or itself, when it is a region); a service's place's region, else a region its area names."""
    details = entry.details
    if entry.type == "place":
        region = entry if details.get("kind") == "region" else places.get(details.get("region"))
    else:
        region = None
        candidates = [details.get("place"), *(details.get("area") or [])]
        for candidate in (c for c in candidates if c):
            place = places.get(candidate)
            if place is None:
                continue
            region = place if place.details.get("kind") == "region" else places.get(place.details.get("region"))
            if region is not None:
                break
    if region is None:
        return {"adm1_name": None, "adm1_code": None}
    return {"adm1_name": region.title, "adm1_code": region.details.get("iso_code")}


def _located(entry: Entry, content_type: ContentType, places: _Places, export: Export) -> dict[str, Any]:
    """Where the entry is: its own point, else its place's (a single place field), else its places' (a list).
    Sets `export.points` for GeoJSON and returns the place and point columns."""
    details = entry.details
    values: dict[str, Any] = {}
    place_fields = [f for f in content_type.fields if f.refers_to == "place"]
    single = next((f.name for f in place_fields if f.kind == "id"), None)
    several = next((f.name for f in place_fields if f.kind == "ids"), None)
    own = _point(details) if content_type.coordinates else None
    point, origin = (own, entry.type) if own else (None, None)
    if single is not None:
        place = places.get(details.get(single))
        values["place_name"] = place.title if place else None
        at_place = places.point(details.get(single))
        if point is None and at_place:
            point, origin = at_place, single
    if point:
        export.points[entry.id] = ([point], origin or entry.type)
        values.update(lat=point[1], lon=point[0])
    elif content_type.coordinates or single is not None:
        values.update(lat=None, lon=None)
    if single is not None:
        values["coordinates_from"] = origin
    if several is not None:
        place_ids = details.get(several) or []
        values["place_names"] = [place.title for place in (places.get(p) for p in place_ids) if place]
        points = [point for point in (places.point(p) for p in place_ids) if point]
        if points and entry.id not in export.points:
            export.points[entry.id] = (points, several)
    return values
