"""Records for export: one per entry of a type, read from the compiled content, in id order.

A record maps a column key (see `hxl.COLUMNS`) to a value: text, a number, a list of text, or None when the
content does not say. Names and summaries in other languages come from the translations table as `title_<lang>`
and `summary_<lang>`. Every text is sanitised (no control characters or escape sequences) and kept on one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from fieldkit.interop.hxl import Column, columns_for
from fieldkit.interop.vocabulary import sectors
from fieldkit.store.models import Entry
from fieldkit.store.store import Store
from fieldkit.text.sanitize import sanitize

Point = tuple[float, float]  # (lon, lat), as GeoJSON orders them


@dataclass
class Export:
    entry_type: str
    languages: list[str]  # the other languages with columns of their own
    columns: list[Column]
    records: list[dict[str, Any]]
    # Per entry id: its points and where they come from ("service", "place" or "places"); only entries with some.
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
        record.update(_RECORD[entry_type](entry, places, export))
        for code in languages:
            translated = store.get(entry.id, code) if code in entry.languages else None
            exact = translated is not None and translated.lang == code
            record[f"title_{code}"] = translated.title if exact else None
            record[f"summary_{code}"] = translated.summary if exact else None
        record.update(summary=entry.summary, as_of=entry.as_of, reviewed=entry.reviewed,
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


def _service(entry: Entry, places: _Places, export: Export) -> dict[str, Any]:
    details = entry.details
    contact = details.get("contact") or {}
    place_id = details.get("place")
    place = places.get(place_id)
    own, at_place = _point(details), places.point(place_id)
    point, origin = (own, "service") if own else (at_place, "place") if at_place else (None, None)
    if point:
        export.points[entry.id] = ([point], origin)
    kinds = details.get("kind") or []
    return {
        "id": entry.id, "title": entry.title, "organisation": details.get("organisation"), "kind": kinds,
        "sector": sectors(kinds), "country": entry.country, "place": place_id,
        "place_name": place.title if place else None,
        "lat": point[1] if point else None, "lon": point[0] if point else None, "coordinates_from": origin,
        "url": contact.get("url"), "phone": contact.get("phone"), "email": contact.get("email"),
        "address": contact.get("address"), "languages": details.get("languages") or [],
        "access": details.get("access"), "hours": details.get("hours"),
    }


def _place(entry: Entry, places: _Places, export: Export) -> dict[str, Any]:
    details = entry.details
    point = _point(details)
    if point:
        export.points[entry.id] = ([point], "place")
    return {
        "id": entry.id, "title": entry.title, "kind": details.get("kind"), "country": entry.country,
        "lat": point[1] if point else None, "lon": point[0] if point else None,
        "coords_source": details.get("coords_source"),
    }


def _risk(entry: Entry, places: _Places, export: Export) -> dict[str, Any]:
    details = entry.details
    place_ids = details.get("places") or []
    points = [point for point in (places.point(place_id) for place_id in place_ids) if point]
    if points:
        export.points[entry.id] = (points, "places")
    return {
        "id": entry.id, "title": entry.title, "countries": entry.countries, "places": place_ids,
        "place_names": [place.title for place in (places.get(p) for p in place_ids) if place],
        "exposed": details.get("exposed") or [], "refer_to": details.get("refer_to") or [],
    }


def _right(entry: Entry, places: _Places, export: Export) -> dict[str, Any]:
    details = entry.details
    laws = [basis["law"] + (f", Article {basis['article']}" if basis.get("article") else "")
            for basis in details.get("legal_basis") or []]
    return {"id": entry.id, "title": entry.title, "country": entry.country, "sector": "Protection",
            "topic": details.get("topic"), "legal_basis": laws}


_RECORD = {"service": _service, "place": _place, "risk": _risk, "right": _right}
