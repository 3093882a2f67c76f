"""Places: towns, border crossings and areas, rivers, mountains, camps and regions."""

from fieldkit.core.marker import N_
from fieldkit.core.model import ContentType, ExportColumn, Field
from fieldkit.core.types import columns
from fieldkit.core.vocabularies import CROSSING_KINDS, PLACE_KINDS

PLACE = ContentType(
    name="place",
    label=N_("Place"),
    topic_title=N_("Places"),
    fields=(
        Field("kind", "choice", required=True, choices=PLACE_KINDS, label=N_("Kind")),
        Field("lat", "latitude", label=N_("Coordinates")),
        Field("lon", "longitude"),
        Field("coords_source", "source"),
    ),
    country_required=True,
    coordinates=True,
    export=(
        columns.ID,
        ExportColumn("title", "Place", "#loc+name", translated=True),
        ExportColumn("kind", "Kind", "#loc+type"),
        columns.COUNTRY,
        columns.LAT,
        columns.LON,
        ExportColumn("coords_source", "Coordinates source", "#geo+source"),
        *columns.TRAILER,
    ),
    on_map=True,
    home_rank=5,
    country_panel="crossings",
    country_filter=("kind", CROSSING_KINDS),
)
