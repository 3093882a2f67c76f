"""An entry's type-specific fields as labelled lines; a value no source gave is None, shown as "not known".

Which fields are shown, under which label and in which order is declared by the content type
(fieldkit/core/types/). Shared by `fieldkit show` and the app so both say the same thing the same way.
"""

from __future__ import annotations

from typing import Any

from fieldkit.core.marker import N_
from fieldkit.core.registry import CONTACT_PARTS, REGISTRY, Field
from fieldkit.i18n.catalog import _
from fieldkit.store.models import Entry

NOT_KNOWN = N_("not known")


def detail_lines(entry: Entry) -> list[tuple[str, str | None]]:
    """(translated label, value or None when no source gave it) for the entry's type-specific fields."""
    content_type = REGISTRY.get(entry.type)
    if content_type is None:
        return []
    titles = {link.id: link.title for link in entry.related}
    lines: list[tuple[str, str | None]] = []
    for spec in content_type.detail_fields:
        lines += _lines(entry, spec, titles)
    return lines


def _lines(entry: Entry, spec: Field, titles: dict[str, str]) -> list[tuple[str, str | None]]:
    from fieldkit.i18n.vocabulary import separator, words_for

    details = entry.details
    value: Any = details.get(spec.name)
    if spec.kind == "contact":
        contact = value or {}
        return [(_(label), contact.get(part) or None) for part, label in CONTACT_PARTS]
    if spec.kind == "latitude":  # one line for the point: lat, lon and where they come from
        if spec.name not in details:
            return [] if spec.optional else [(_(spec.label or ""), None)]
        return [(_(spec.label or ""), f"{details['lat']}, {details['lon']} ({details.get('coords_source', '')})")]
    if spec.kind == "legal_basis":
        return [(_(spec.label or ""), f"{basis['law']}{_article(basis)}") for basis in value or []]
    if spec.refers_to and value:  # entry ids: shown by the linked entry's title
        value = [titles.get(v, v) for v in value] if isinstance(value, list) else titles.get(value, value)
    elif value:
        value = words_for(entry.type, spec.name, value)
    if isinstance(value, list):
        value = separator().join(str(v) for v in value)
    if not value and spec.optional:
        return []
    return [(_(spec.label or ""), str(value) if value else None)]


def _article(basis: dict[str, Any]) -> str:
    return _(", Article {number}").format(number=basis["article"]) if basis.get("article") else ""


def not_known() -> str:
    return _(NOT_KNOWN)
