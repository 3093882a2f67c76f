"""Records as a GeoJSON FeatureCollection (RFC 7946): WGS 84 positions as [longitude, latitude], no `crs`.

Only entries with coordinates become features: places with their own; services with their own or else their
place's (the property `coordinates_from` says which); risks a MultiPoint of their places'. Properties are flat
(text, numbers; lists joined with "; "; null where the content says nothing) so QGIS shows each as an attribute
column, and `name` is the title in the chosen language, else English (`name_lang` says which), to label the map.
"""

from __future__ import annotations

import json
from typing import Any

from fieldkit.interop.export import Export
from fieldkit.interop.writers import LIST_SEPARATOR

PRECISION = 6  # decimal places: about 10 cm, RFC 7946's advice for WGS 84 positions


def features(export: Export, lang: str | None = None) -> list[dict[str, Any]]:
    found = []
    for record in export.records:
        located = export.points.get(record["id"])
        if not located:
            continue
        points, origin = located
        positions = [[round(lon, PRECISION), round(lat, PRECISION)] for lon, lat in points]
        geometry = ({"type": "Point", "coordinates": positions[0]} if len(positions) == 1
                    else {"type": "MultiPoint", "coordinates": positions})
        translated = record.get(f"title_{lang}") if lang and lang != "en" else None
        properties: dict[str, Any] = {"name": translated or record["title"],
                                      "name_lang": lang if translated else "en"}
        for key, value in record.items():
            if isinstance(value, list):
                value = LIST_SEPARATOR.join(value) or None
            properties[key] = value
        properties["coordinates_from"] = origin
        found.append({"type": "Feature", "id": record["id"], "geometry": geometry, "properties": properties})
    return found


def feature_collection(exports: list[Export], lang: str | None = None) -> dict[str, Any]:
    return {"type": "FeatureCollection",
            "features": [feature for export in exports for feature in features(export, lang)]}


def to_geojson(exports: list[Export], lang: str | None = None) -> str:
    return json.dumps(feature_collection(exports, lang), ensure_ascii=False, indent=2) + "\n"
