"""Organisations: who runs services, as a record of its own, so that one organisation's services list together.

A service names its organisation in words (`organisation`) and, where the organisation has a record, links to it
(`organisation_id`); the record's screen lists those services as links. HSDS 3.0's organization and
organization_identifier tables are made from it (fieldkit/interop/hsds.py).
"""

from fieldkit.core.marker import N_
from fieldkit.core.model import ContentType, Field

ORGANISATION = ContentType(
    name="organisation",
    label=N_("Organisation"),
    topic_title=N_("Organisations"),
    fields=(
        Field("aliases", "words", label=N_("Also called"), optional=True),
        Field("identifiers", "identifiers", label=N_("Identifiers"), optional=True),
        Field("website", "url", label=N_("Web")),
    ),
    folder="organisation",
    search_title=("aliases",),
)
