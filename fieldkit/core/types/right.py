"""Rights: what the law of a country (or the EU) gives people, with the law and its article."""

from fieldkit.core.marker import N_, NP_
from fieldkit.core.model import ContentType, ExportColumn, Field
from fieldkit.core.types import columns
from fieldkit.core.vocabularies import RIGHT_TOPICS

RIGHT = ContentType(
    name="right",
    label=N_("Right"),
    topic_title=N_("Rights"),
    counted=NP_("{count} right", "{count} rights"),
    fields=(
        Field("topic", "choice", required=True, choices=RIGHT_TOPICS, label=N_("Topic")),
        Field("legal_basis", "legal_basis", required=True, label=N_("Legal basis")),
    ),
    country_required=True,
    export=(
        columns.ID,
        ExportColumn("title", "Right", "#description+title", translated=True),
        columns.COUNTRY,
        ExportColumn("sector", "Sector", "#sector", constant="Protection"),
        ExportColumn("topic", "Topic", "#subsector"),
        ExportColumn("legal_basis", "Legal basis", "#description+law"),
        *columns.TRAILER,
    ),
    home_rank=3,
    country_panel="rights",
)
