"""Route legs: from one place to another, through countries, by some means, with the risks on the way."""

from fieldkit.core.marker import N_, NP_
from fieldkit.core.model import ContentType, Field
from fieldkit.core.vocabularies import MODES, ROUTE_STATUS

ROUTE = ContentType(
    name="route",
    label=N_("Route"),
    topic_title=N_("Routes"),
    counted=NP_("{count} route leg", "{count} route legs"),
    fields=(
        Field("from", "id", required=True, refers_to="place", label=N_("From")),
        Field("via", "ids", refers_to="place", label=N_("Via"), optional=True),
        Field("to", "id", required=True, refers_to="place", label=N_("To")),
        Field("countries", "countries", required=True),
        Field("mode", "choices", required=True, choices=MODES, label=N_("Mode")),
        Field("terrain", "text", required=True, label=N_("Terrain")),
        Field("risks", "ids", refers_to="risk"),
        Field("status", "choice", required=True, choices=ROUTE_STATUS, label=N_("Status")),
        Field("period", "text", label=N_("Period"), optional=True),
    ),
    home_rank=1,
    country_panel="crossings",
)
