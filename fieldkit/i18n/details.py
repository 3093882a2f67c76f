"""An entry's type-specific fields as labelled lines; a value no source gave is None, shown as "not known".

Shared by `fieldkit show` and the app so both say the same thing the same way.
"""

from __future__ import annotations

from fieldkit.i18n.catalog import N_, _
from fieldkit.store.models import Entry

NOT_KNOWN = N_("not known")

# Per type: (label, detail field) shown beside the body.
DETAIL_LABELS: dict[str, list[tuple[str, str]]] = {
    "place": [(N_("Kind"), "kind")],
    "route": [(N_("From"), "from"), (N_("Via"), "via"), (N_("To"), "to"), (N_("Mode"), "mode"),
              (N_("Terrain"), "terrain"), (N_("Status"), "status"), (N_("Period"), "period")],
    "risk": [(N_("Who is most exposed"), "exposed"), (N_("Refer to"), "refer_to")],
    "right": [(N_("Topic"), "topic")],
    "service": [(N_("Kind"), "kind"), (N_("Organisation"), "organisation"), (N_("Place"), "place"),
                (N_("Languages"), "languages"), (N_("Hours"), "hours"), (N_("Access"), "access")],
    "glossary": [(N_("Also called"), "aliases")],
}
CONTACT_LABELS = [(N_("Phone"), "phone"), (N_("Email"), "email"), (N_("Web"), "url"), (N_("Address"), "address")]
OPTIONAL = ("via", "period", "aliases", "refer_to")  # lists whose absence is not missing information
LINK_FIELDS = ("from", "to", "via", "place")  # hold entry ids: shown by the linked entry's title


def detail_lines(entry: Entry) -> list[tuple[str, str | None]]:
    """(translated label, value or None when no source gave it) for the entry's type-specific fields."""
    from fieldkit.i18n.vocabulary import separator, words_for

    details = entry.details
    titles = {link.id: link.title for link in entry.related}
    lines: list[tuple[str, str | None]] = []
    for label, key in DETAIL_LABELS.get(entry.type, []):
        value = details.get(key)
        if key in LINK_FIELDS and value:
            value = [titles.get(v, v) for v in value] if isinstance(value, list) else titles.get(value, value)
        if value and key not in LINK_FIELDS:
            value = words_for(entry.type, key, value)
        if isinstance(value, list):
            value = separator().join(str(v) for v in value)
        if not value and key in OPTIONAL:
            continue
        lines.append((_(label), str(value) if value else None))
    if entry.type == "place":
        coordinates = f"{details['lat']}, {details['lon']} ({details.get('coords_source', '')})" if "lat" in details else None
        lines.append((_("Coordinates"), coordinates))
    if entry.type == "service":
        if "lat" in details:  # a service's own point; without one it is where its place is
            lines.append((_("Coordinates"), f"{details['lat']}, {details['lon']} ({details.get('coords_source', '')})"))
        contact = details.get("contact") or {}
        lines += [(_(label), contact.get(key) or None) for label, key in CONTACT_LABELS]
    if entry.type == "right":
        for basis in details.get("legal_basis") or []:
            article = _(", Article {number}").format(number=basis["article"]) if basis.get("article") else ""
            lines.append((_("Legal basis"), f"{basis['law']}{article}"))
    return lines


def not_known() -> str:
    return _(NOT_KNOWN)
