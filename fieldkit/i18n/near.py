"""Services near a place, in words: those at the place first, then its region's, then country-wide ones, each
labelled with how it covers the place ("at Bihać", "in Una-Sana Canton", "country-wide"). Shared by `fieldkit show`,
the app's place, country and route screens. Which services cover a place is the store's answer
(Store.services_covering); this module only names it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldkit.core.marker import N_
from fieldkit.core.model import is_country_code
from fieldkit.i18n.catalog import _, language
from fieldkit.store.store import Store

AT_PLACE = N_("at {place}")
IN_REGION = N_("in {region}")
COUNTRY_WIDE = N_("country-wide")
WHERE_NOT_KNOWN = N_("where: not known")


@dataclass(frozen=True)
class NearService:
    id: str
    title: str
    level: str  # place, region, country (Store.services_covering)
    where: str  # the level in words, in the current language

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "level": self.level, "where": self.where}


def services_near(store: Store, place_id: str, lang: str = "en") -> list[NearService]:
    """Every service covering the place, nearest first (see Store.services_covering), labelled."""
    place_title, _type = store.title_of(place_id, lang)
    region_id = store.field_values("place", "region").get(place_id)
    region_title = store.title_of(region_id, lang)[0] if region_id else ""
    found = []
    for service_id, level in store.services_covering(place_id):
        title, _kind = store.title_of(service_id, lang)
        if level == "place":
            where = _(AT_PLACE).format(place=place_title)
        elif level == "region":
            where = _(IN_REGION).format(region=region_title)
        else:
            where = _(COUNTRY_WIDE)
        found.append(NearService(service_id, title, level, where))
    return found


def service_reach(store: Store, details: dict[str, Any], country: str | None, lang: str = "en") -> str:
    """Where a service works, in a few words, for a list of a country's services: "country-wide", the regions or
    places of its area, its place, or "where: not known"."""
    from fieldkit.i18n.vocabulary import separator

    area = details.get("area") or []
    if country and country in area:
        return _(COUNTRY_WIDE)
    names = []
    for item in area or ([details["place"]] if details.get("place") else []):
        if is_country_code(item):
            from fieldkit.i18n.languages import country_name

            names.append(country_name(item, language()))
        else:
            names.append(store.title_of(item, lang)[0])
    return separator().join(names) if names else _(WHERE_NOT_KNOWN)


def reach_order(details: dict[str, Any], country: str | None) -> int:
    """Country-wide services first, then those of a region or several places, then one place, then unknown."""
    area = details.get("area") or []
    if country and country in area:
        return 0
    if area:
        return 1
    return 2 if details.get("place") else 3


def service_details(store: Store, entry_type: str = "service") -> dict[str, dict[str, Any]]:
    """Service id -> its details (area, place, ...), read once for a whole list."""
    return store.details_of(entry_type)
