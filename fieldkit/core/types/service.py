"""Service points: who offers what, where, for whom, and how to reach them."""

from fieldkit.core.marker import N_
from fieldkit.core.model import ContentType, ExportColumn, Field
from fieldkit.core.types import columns
from fieldkit.core.vocabularies import SERVICE_KINDS

SERVICE = ContentType(
    name="service",
    label=N_("Service"),
    topic_title=N_("Services"),
    fields=(
        Field("kind", "choices", required=True, choices=SERVICE_KINDS, label=N_("Kind")),
        Field("organisation", "text", required=True, label=N_("Organisation")),
        Field("place", "id", refers_to="place", label=N_("Place")),
        Field("languages", "languages", label=N_("Languages")),
        Field("hours", "text", label=N_("Hours")),
        Field("access", "text", label=N_("Access")),
        Field("lat", "latitude", label=N_("Coordinates"), optional=True),  # else where its place is
        Field("lon", "longitude"),
        Field("coords_source", "source"),
        Field("contact", "contact"),  # shown as one line per part (CONTACT_PARTS)
    ),
    country_required=True,
    coordinates=True,
    search_body=("organisation",),
    export=(
        columns.ID,
        ExportColumn("title", "Service", "#service+name", translated=True),
        ExportColumn("organisation", "Organisation", "#org+name"),
        ExportColumn("kind", "Service type", "#service+type"),
        ExportColumn("sector", "Sector", "#sector"),
        columns.COUNTRY,
        ExportColumn("place", "Place ID", "#loc+code"),
        ExportColumn("place_name", "Place", "#loc+name"),
        columns.LAT,
        columns.LON,
        ExportColumn("coordinates_from", "Coordinates from", "#geo+from"),
        ExportColumn("url", "Website", "#contact+url"),
        ExportColumn("phone", "Phone", "#contact+phone"),
        ExportColumn("email", "Email", "#contact+email"),
        ExportColumn("address", "Address", "#contact+address"),
        ExportColumn("languages", "Languages", "#description+languages"),
        ExportColumn("access", "Access", "#access+type"),
        ExportColumn("hours", "Hours", "#access+hours"),
        *columns.TRAILER,
    ),
    on_map=True,
    home_rank=4,
    country_panel="services",
    located_by="place",
)
