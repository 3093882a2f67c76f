"""Service points: who offers what, where, for whom, and how to reach them.

The fields follow Open Referral's HSDS 3.0 where it has one (status, eligibility, schedule, fees, required documents,
service area, alert, the organisation as its own record); every one is optional and shown as "not known" when no
source gives it. `fieldkit export --format hsds` maps them (fieldkit/interop/hsds.py).
"""

from fieldkit.core.marker import N_, NP_
from fieldkit.core.model import ContentType, ExportColumn, Field
from fieldkit.core.types import columns
from fieldkit.core.vocabularies import EXPOSED, INTAKE, SERVICE_KINDS, SERVICE_STATUS

SERVICE = ContentType(
    name="service",
    label=N_("Service"),
    topic_title=N_("Services"),
    counted=NP_("{count} service", "{count} services"),
    fields=(
        Field("kind", "choices", required=True, choices=SERVICE_KINDS, label=N_("Kind")),
        Field("organisation", "text", required=True, label=N_("Organisation")),
        Field("organisation_id", "id", refers_to="organisation"),  # its record, where it has one: listed as a link
        Field("status", "choice", choices=SERVICE_STATUS, label=N_("Status")),
        Field("alert", "alert", label=N_("Alert"), optional=True),  # shown until its `until` date only
        Field("place", "id", refers_to="place", label=N_("Place")),
        Field("area", "area", refers_to="place", label=N_("Service area")),  # countries, regions or places
        Field("populations", "choices", choices=EXPOSED, label=N_("Who it is for")),
        Field("eligibility", "text", label=N_("Eligibility")),
        Field("intake", "choices", choices=INTAKE, label=N_("How to get in")),
        Field("documents", "words", label=N_("What to bring")),
        Field("fees", "text", label=N_("Fees")),
        Field("languages", "languages", label=N_("Languages")),
        Field("interpretation", "text", label=N_("Interpretation")),
        Field("hours", "text", label=N_("Hours")),
        Field("schedule", "schedule", label=N_("Opening times"), optional=True),
        Field("access", "text", label=N_("Access")),
        Field("accessibility", "text", label=N_("Accessibility")),
        Field("lat", "latitude", label=N_("Coordinates"), optional=True),  # else where its place is
        Field("lon", "longitude"),
        Field("coords_source", "source"),
        Field("contact", "contact"),  # shown as one line per part (CONTACT_PARTS), with `contacts` merged in
        Field("contacts", "contacts"),  # typed contacts: a phone with its kind, an email, a web address, an address
    ),
    country_required=True,
    coordinates=True,
    search_body=("organisation",),
    export=(
        columns.ID,
        ExportColumn("title", "Service", "#service+name", translated=True),
        ExportColumn("organisation", "Organisation", "#org+name"),
        ExportColumn("organisation_id", "Organisation ID", "#org+code+v_fieldkit"),
        ExportColumn("kind", "Service type", "#service+type"),
        ExportColumn("sector", "Sector", "#sector"),
        ExportColumn("status", "Status", "#status"),
        columns.COUNTRY,
        ExportColumn("adm1_name", "Region", "#adm1+name"),
        ExportColumn("adm1_code", "Region code", "#adm1+code+v_iso3166_2"),
        ExportColumn("place", "Place ID", "#loc+code+v_fieldkit"),
        ExportColumn("place_name", "Place", "#loc+name"),
        ExportColumn("area", "Service area", "#loc+code+area+v_fieldkit"),
        columns.LAT,
        columns.LON,
        ExportColumn("coordinates_from", "Coordinates from", "#geo+from"),
        ExportColumn("url", "Website", "#contact+url"),
        ExportColumn("phone", "Phone", "#contact+phone"),
        ExportColumn("whatsapp", "WhatsApp", "#contact+phone+whatsapp"),
        ExportColumn("hotline", "Hotline", "#contact+phone+hotline"),
        ExportColumn("sms", "SMS", "#contact+phone+sms"),
        ExportColumn("email", "Email", "#contact+email"),
        ExportColumn("address", "Address", "#contact+address"),
        ExportColumn("populations", "Who it is for", "#beneficiary+type"),
        ExportColumn("eligibility", "Eligibility", "#description+eligibility"),
        ExportColumn("intake", "How to get in", "#access+intake"),
        ExportColumn("documents", "What to bring", "#access+documents"),
        ExportColumn("fees", "Fees", "#description+fees"),
        ExportColumn("languages", "Languages", "#description+languages"),
        ExportColumn("interpretation", "Interpretation", "#description+interpretation"),
        ExportColumn("access", "Access", "#access+type"),
        ExportColumn("accessibility", "Accessibility", "#description+accessibility"),
        ExportColumn("hours", "Hours", "#access+hours"),
        ExportColumn("schedule", "Opening times", "#access+hours+schedule"),
        ExportColumn("alert", "Alert", "#description+alert"),
        ExportColumn("alert_until", "Alert until", "#date+end+alert"),
        *columns.TRAILER,
    ),
    on_map=True,
    home_rank=4,
    country_panel="services",
    located_by="place",
    # What organisations in the field know and the sources never will: how to reach a service and when.
    attachable=("contacts", "hours", "schedule", "status", "alert", "languages", "interpretation", "fees", "documents",
                "accessibility"),
)
