"""Rich Text for list items: titles, metadata, snippets with highlighted matches. Everything is sanitised."""

from __future__ import annotations

from rich.text import Text

from fieldkit.content.countries import country_name
from fieldkit.i18n.catalog import N_, display, language, ui
from fieldkit.i18n.languages import is_rtl
from fieldkit.store.models import Hit
from fieldkit.text.bidi import visual_line, visual_lines
from fieldkit.text.sanitize import sanitize

TYPE_LABELS = {
    "place": N_("Place"), "route": N_("Route"), "risk": N_("Risk"), "right": N_("Right"), "service": N_("Service"),
    "glossary": N_("Term"), "briefing": N_("Briefing"),
}


def entry_label(title: str, entry_type: str, country: str | None = None, *, summary: str = "",
                fallback: bool = False, lang: str = "en") -> Text:
    rtl = is_rtl(lang)
    text = Text(visual_line(title) if rtl else sanitize(title), style="bold")
    meta = ui(TYPE_LABELS.get(entry_type, entry_type))
    if country:
        meta += f" · {display(country_name(country, language()))}"
    text.append(f"  {meta}", style="dim")
    if fallback:
        text.append("  " + ui("[shown in English]"), style="italic yellow")
    if summary:
        text.append("\n" + (visual_line(summary) if rtl else sanitize(summary)), style="")
    return text


def hit_label(hit: Hit, width: int = 76) -> Text:
    """Title and snippet. A right-to-left snippet is laid out for `width` cells (matches are not marked there)."""
    text = entry_label(hit.title, hit.type, hit.country, fallback=hit.fallback, lang=hit.lang)
    text.append("\n")
    if is_rtl(hit.lang):
        text.append("\n".join(visual_lines(sanitize(hit.snippet), max(width, 20))))
        return text
    snippet = Text(sanitize(hit.snippet))
    for start, end in hit.highlights:
        snippet.stylize("bold reverse", start, end)
    text.append_text(snippet)
    return text
