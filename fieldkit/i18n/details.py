"""An entry's type-specific fields as labelled lines, with "not known" where no source gave a value.

Shared by `fieldkit show` and the app so both say the same thing the same way.
"""

from __future__ import annotations

from fieldkit.store.models import Entry

NOT_KNOWN = "not known"

# Per type: (label, detail field) shown under the body; a missing value reads "not known".
DETAIL_LABELS: dict[str, list[tuple[str, str]]] = {
    "place": [("Kind", "kind")],
    "route": [("From", "from"), ("Via", "via"), ("To", "to"), ("Mode", "mode"), ("Terrain", "terrain"),
              ("Status", "status"), ("Period", "period")],
    "risk": [("Who is most exposed", "exposed"), ("Refer to", "refer_to")],
    "right": [("Topic", "topic")],
    "service": [("Kind", "kind"), ("Organisation", "organisation"), ("Place", "place"), ("Languages", "languages"),
                ("Hours", "hours"), ("Access", "access")],
    "glossary": [("Also called", "aliases")],
}


def detail_lines(entry: Entry) -> list[tuple[str, str]]:
    """(label, value) pairs of the type-specific fields, "not known" where a source gave nothing."""
    details = entry.details
    lines = []
    for label, key in DETAIL_LABELS.get(entry.type, []):
        value = details.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if not value and key in ("via", "period", "aliases", "refer_to"):
            continue  # optional lists: absence is not missing information
        lines.append((label, str(value) if value else NOT_KNOWN))
    if entry.type == "place":
        if "lat" in details:
            lines.append(("Coordinates", f"{details['lat']}, {details['lon']} ({details.get('coords_source', '')})"))
        else:
            lines.append(("Coordinates", NOT_KNOWN))
    if entry.type == "service":
        contact = details.get("contact") or {}
        for key in ("phone", "email", "url", "address"):
            lines.append((key.capitalize(), contact.get(key) or NOT_KNOWN))
    if entry.type == "right":
        for basis in details.get("legal_basis") or []:
            article = f", Article {basis['article']}" if basis.get("article") else ""
            lines.append(("Legal basis", f"{basis['law']}{article}"))
    return lines
