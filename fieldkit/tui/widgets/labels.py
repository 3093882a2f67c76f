"""Rich Text for list items: titles, metadata, snippets with highlighted matches. Everything is sanitised."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from fieldkit.core.languages import is_rtl
from fieldkit.i18n.catalog import _, display, language, reorders_rtl, ui
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.vocabulary import type_label
from fieldkit.store.models import Hit
from fieldkit.text.bidi import visual_line, visual_lines
from fieldkit.text.sanitize import sanitize
from fieldkit.tui.widgets.rtl_lines import rtl_text


@dataclass(frozen=True)
class RtlLabel:
    """A list item for a right-to-left interface, kept in logical order: NavList wraps each paragraph to its width,
    then reorders it (wrapping text already reordered would put its lines upside down)."""

    paragraphs: tuple[tuple[str, str], ...]  # (text, style)

    def render(self, width: int) -> Text:
        return rtl_text(self.paragraphs, max(width, 10))


def _rtl_entry_label(title: str, entry_type: str, country: str | None, summary: str, fallback: bool) -> RtlLabel:
    meta = type_label(entry_type)
    if country:
        meta += f" · {country_name(country, language())}"
    head = f"{title}  {meta}" + ("  " + _("[shown in English]") if fallback else "")
    return RtlLabel(((head, "bold"),) + (((summary, ""),) if summary else ()))


def entry_label(title: str, entry_type: str, country: str | None = None, *, summary: str = "",
                fallback: bool = False, lang: str = "en") -> Text | RtlLabel:
    if reorders_rtl():
        return _rtl_entry_label(title, entry_type, country, summary, fallback)
    return _entry_text(title, entry_type, country, summary, fallback, lang)


def _entry_text(title: str, entry_type: str, country: str | None, summary: str, fallback: bool, lang: str) -> Text:
    rtl = is_rtl(lang)
    text = Text(visual_line(title) if rtl else sanitize(title), style="bold")
    meta = display(type_label(entry_type))
    if country:
        meta += f" · {display(country_name(country, language()))}"
    text.append(f"  {meta}", style="dim")
    if fallback:
        text.append("  " + ui("[shown in English]"), style="italic yellow")
    if summary:
        text.append("\n" + (visual_line(summary) if rtl else sanitize(summary)), style="")
    return text


def hit_label(hit: Hit, width: int = 76) -> Text | RtlLabel:
    """Title and snippet. A right-to-left snippet is laid out for `width` cells (matches are not marked there)."""
    if reorders_rtl():
        head = _rtl_entry_label(hit.title, hit.type, hit.country, "", hit.fallback)
        if hit.partial:
            (first, style), *rest = head.paragraphs
            head = RtlLabel(((f"{first}  {_('some of the words')}", style), *rest))
        return RtlLabel(head.paragraphs + ((hit.snippet, ""),))
    text = _entry_text(hit.title, hit.type, hit.country, "", hit.fallback, hit.lang)
    if hit.partial:  # after every entry with all the words: say so
        text.append("  " + display(_("some of the words")), style="dim italic")
    text.append("\n")
    if is_rtl(hit.lang):
        text.append("\n".join(visual_lines(sanitize(hit.snippet), max(width, 20))))
        return text
    snippet = Text(sanitize(hit.snippet))
    for start, end in hit.highlights:
        snippet.stylize("bold reverse", start, end)
    text.append_text(snippet)
    return text


def near_label(title: str, entry_type: str, where: str, *, lang: str = "en") -> Text | RtlLabel:
    """A service near a place, with how it covers the place: "Clinic  Service · at Bihać"."""
    label = entry_label(title, entry_type, lang=lang)
    if isinstance(label, RtlLabel):
        head, style = label.paragraphs[0]
        return RtlLabel(((f"{head} · {where}", style),) + label.paragraphs[1:])
    label.append(f" · {display(where)}", style="italic")
    return label
