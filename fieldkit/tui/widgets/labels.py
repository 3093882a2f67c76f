"""Rich Text for list items: titles, metadata, snippets with highlighted matches. Everything is sanitised."""

from __future__ import annotations

from rich.text import Text

from fieldkit.content.countries import country_name
from fieldkit.store.models import Hit
from fieldkit.text.sanitize import sanitize

TYPE_LABELS = {
    "place": "Place", "route": "Route", "risk": "Risk", "right": "Right", "service": "Service", "glossary": "Term",
}


def entry_label(title: str, entry_type: str, country: str | None = None, *, summary: str = "",
                fallback: bool = False) -> Text:
    text = Text(sanitize(title), style="bold")
    meta = TYPE_LABELS.get(entry_type, entry_type)
    if country:
        meta += f" · {country_name(country)}"
    text.append(f"  {meta}", style="dim")
    if fallback:
        text.append("  [shown in English]", style="italic yellow")
    if summary:
        text.append("\n" + sanitize(summary), style="")
    return text


def hit_label(hit: Hit) -> Text:
    text = entry_label(hit.title, hit.type, hit.country, fallback=hit.fallback)
    text.append("\n")
    snippet = Text(sanitize(hit.snippet))
    for start, end in hit.highlights:
        snippet.stylize("bold reverse", start, end)
    text.append_text(snippet)
    return text
