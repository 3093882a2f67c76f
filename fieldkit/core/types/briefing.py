"""Briefing decks: slides for an audience, written as content, embedding other entries."""

from fieldkit.core.marker import N_, NP_
from fieldkit.core.model import ContentType, Field
from fieldkit.core.vocabularies import AUDIENCES

BRIEFING = ContentType(
    name="briefing",
    label=N_("Briefing"),
    topic_title=N_("Briefings"),
    counted=NP_("{count} briefing", "{count} briefings"),
    fields=(
        Field("audience", "choice", required=True, choices=AUDIENCES),
        Field("duration", "minutes", required=True),
    ),
    folder="briefings",
    embeds=True,
    home_rank=7,
)
