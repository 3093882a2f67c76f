"""An entry rendered for a plain terminal (`fieldkit show`): Markdown through Rich, every string sanitised."""

from __future__ import annotations

from fieldkit.i18n.dates import is_stale
from fieldkit.i18n.details import detail_lines, not_known
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.review import dates_line, overdue_line, review_line, source_note, translation_line
from fieldkit.store.models import Entry
from fieldkit.text.sanitize import sanitize


def render_entry(entry: Entry, *, colour: bool) -> None:
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.text import Text

    console = Console(no_color=not colour, highlight=False, force_terminal=colour or None, emoji=False)
    console.print(Text(sanitize(entry.title), style="bold"))
    where = f" · {country_name(entry.country)}" if entry.country else ""
    status = entry.translation_state
    note = "  [shown in English: no translation yet]" if entry.fallback else ""
    console.print(Text(f"{entry.type}{where} · {entry.lang} ({status}){note}", style="dim"))
    console.print(Text(dates_line(entry), style="bold red" if is_stale(entry.checked) else "dim"))
    console.print(Text(sanitize(review_line(entry.review)), style="bold"))
    translation = translation_line(entry)
    if translation:
        console.print(Text(sanitize(translation), style="bold yellow"))
    overdue = overdue_line(entry)
    if overdue:
        console.print(Text(overdue, style="bold red"))
    console.print()
    console.print(Text(sanitize(entry.summary), style="italic"))
    console.print()
    console.print(Markdown(sanitize(entry.body)))
    details = detail_lines(entry)
    if details:
        console.print()
        for label, value in details:
            console.print(Text.assemble((f"{label}: ", "bold"), sanitize(value) if value else not_known()))
    console.print()
    console.print(Text("Sources", style="bold"))
    for number, citation in enumerate(entry.sources, start=1):
        title = f" — {citation.title}" if citation.title else ""
        console.print(Text(sanitize(f" [{number}] {citation.doc}{title}, {citation.where or ''}")))
        outside = source_note(citation)
        if outside:
            console.print(Text(f"     ({outside})", style="yellow"))
        if citation.quote:
            console.print(Text(sanitize(f"     “{citation.quote}”"), style="dim"))
        if citation.url:
            console.print(Text(sanitize(f"     {citation.url}"), style="dim"))
    if entry.related:
        console.print()
        console.print(Text("Related", style="bold"))
        for link in entry.related:
            console.print(Text(sanitize(f" {link.id}  {link.title} ({link.type})")))
