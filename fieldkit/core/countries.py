"""Countries the content may name, with names and bounding boxes for the coordinate check.

Bounding boxes (min_lat, min_lon, max_lat, max_lon) are the countries' extents rounded outward to 0.1 degree,
from Natural Earth admin-0 boundaries (https://www.naturalearthdata.com/). A box is coarse: it catches a swapped
lat/lon or a point in the wrong country, not a point a few kilometres off.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a search imports no typing at all)
if TYPE_CHECKING:
    from typing import NamedTuple

    class Country(NamedTuple):
        name: str
        bbox: tuple[float, float, float, float] | None
else:
    from collections import namedtuple

    Country = namedtuple("Country", ["name", "bbox"])  # the class typing.NamedTuple makes, without typing


COUNTRIES: dict[str, Country] = {
    # The six Western Balkan countries.
    "AL": Country("Albania", (39.6, 19.2, 42.7, 21.1)),
    "BA": Country("Bosnia and Herzegovina", (42.5, 15.7, 45.3, 19.7)),
    "XK": Country("Kosovo*", (41.8, 20.0, 43.3, 21.8)),
    "ME": Country("Montenegro", (41.8, 18.4, 43.6, 20.4)),
    "MK": Country("North Macedonia", (40.8, 20.4, 42.4, 23.1)),
    "RS": Country("Serbia", (42.2, 18.8, 46.2, 23.1)),
    # Neighbours and countries on the way to them.
    "HR": Country("Croatia", (42.3, 13.4, 46.6, 19.5)),
    "HU": Country("Hungary", (45.7, 16.1, 48.6, 22.9)),
    "GR": Country("Greece", (34.8, 19.3, 41.8, 29.7)),
    "BG": Country("Bulgaria", (41.2, 22.3, 44.3, 28.7)),
    "RO": Country("Romania", (43.6, 20.2, 48.3, 29.8)),
    "SI": Country("Slovenia", (45.4, 13.3, 46.9, 16.7)),
    "AT": Country("Austria", (46.3, 9.5, 49.1, 17.2)),
    "IT": Country("Italy", (35.4, 6.6, 47.1, 18.6)),
    "DE": Country("Germany", (47.2, 5.8, 55.1, 15.1)),
    "TR": Country("Türkiye", (35.8, 25.6, 42.2, 44.9)),
    "SY": Country("Syria", (32.3, 35.7, 37.4, 42.4)),
    "AF": Country("Afghanistan", (29.3, 60.4, 38.5, 74.9)),
    "PK": Country("Pakistan", (23.6, 60.8, 37.1, 77.9)),
    "IQ": Country("Iraq", (29.0, 38.7, 37.4, 48.6)),
    "IR": Country("Iran", (25.0, 44.0, 39.8, 63.4)),
    "MA": Country("Morocco", (27.6, -13.2, 35.9, -1.0)),
    "BD": Country("Bangladesh", (20.6, 88.0, 26.7, 92.7)),
    "IN": Country("India", (6.7, 68.1, 35.7, 97.4)),
    "NP": Country("Nepal", (26.3, 80.0, 30.5, 88.2)),
    # Rules that hold across the European Union.
    "EU": Country("European Union", None),
}


def english_name(code: str) -> str:
    """The country's English name ("Kosovo*" for XK), or the code itself when unknown."""
    country = COUNTRIES.get(code)
    return country.name if country else code


def contains(code: str, lat: float, lon: float) -> bool:
    """True when the point lies inside the country's bounding box (always True for a country without one)."""
    bbox = COUNTRIES[code].bbox
    if bbox is None:
        return True
    min_lat, min_lon, max_lat, max_lon = bbox
    return min_lat <= lat <= max_lat and min_lon <= lon <= max_lon
