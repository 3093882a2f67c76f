"""Places: towns, border crossings and areas, rivers, mountains, camps and regions."""

from fieldkit.core.marker import N_, NP_
from fieldkit.core.model import ContentType, ExportColumn, Field
from fieldkit.core.types import columns
from fieldkit.core.vocabularies import CROSSING_KINDS, PLACE_KINDS

PLACE = ContentType(
    name="place",
    label=N_("Place"),
    topic_title=N_("Places"),
    counted=NP_("{count} place", "{count} places"),
    fields=(
        Field("kind", "choice", required=True, choices=PLACE_KINDS, label=N_("Kind")),
        Field("region", "id", refers_to="place", label=N_("Region"), optional=True),  # a place of kind region
        Field("iso_code", "iso_region", label=N_("ISO 3166-2 code"), optional=True),  # a region's, where it has one
        Field("geonames_id", "geonames", label=N_("GeoNames id"), optional=True),
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
        ExportColumn("adm1_name", "Region", "#adm1+name"),
        ExportColumn("adm1_code", "Region code", "#adm1+code+v_iso3166_2"),
        ExportColumn("region", "Region ID", "#adm1+code+v_fieldkit"),
        ExportColumn("geonames_id", "GeoNames id", "#loc+code+v_geonames"),
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
