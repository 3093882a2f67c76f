"""Risks: what can happen to people on the way, who is most exposed, warning signs, what to do."""

from fieldkit.core.marker import N_, NP_
from fieldkit.core.model import ContentType, ExportColumn, Field
from fieldkit.core.types import columns
from fieldkit.core.vocabularies import EXPOSED, SERVICE_KINDS

RISK = ContentType(
    name="risk",
    label=N_("Risk"),
    topic_title=N_("Risks"),
    counted=NP_("{count} risk", "{count} risks"),
    fields=(
        Field("countries", "countries"),
        Field("places", "ids", refers_to="place"),
        Field("exposed", "choices", required=True, choices=EXPOSED, label=N_("Who is most exposed")),
        Field("refer_to", "choices", choices=SERVICE_KINDS, label=N_("Refer to"), optional=True),
    ),
    export=(
        columns.ID,
        ExportColumn("title", "Risk", "#impact+name", translated=True),
        ExportColumn("countries", "Countries", "#country+code+v_iso2"),
        ExportColumn("places", "Place IDs", "#loc+code+v_fieldkit"),
        ExportColumn("place_names", "Places", "#loc+name"),
        ExportColumn("exposed", "Most exposed", "#beneficiary+type"),
        ExportColumn("refer_to", "Refer to", "#service+type+referral"),
        *columns.TRAILER,
    ),
    home_rank=2,
    country_panel="risks",
)
