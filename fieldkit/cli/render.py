"""An entry rendered for a plain terminal (`fieldkit show`): Markdown through Rich, every string sanitised."""

from __future__ import annotations

from fieldkit.i18n.dates import age_in_words, is_stale
from fieldkit.i18n.details import detail_lines, not_known
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.near import NearService
from fieldkit.store.models import Entry
from fieldkit.text.sanitize import sanitize


def render_entry(entry: Entry, *, colour: bool, near: list[NearService] | None = None) -> None:
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.text import Text

    console = Console(no_color=not colour, highlight=False, force_terminal=colour or None, emoji=False)
    console.print(Text(sanitize(entry.title), style="bold"))
    where = f" · {country_name(entry.country)}" if entry.country else ""
    status = entry.translation if entry.translation != "original" else "original"
    note = "  [shown in English: no translation yet]" if entry.fallback else ""
    console.print(Text(f"{entry.type}{where} · {entry.lang} ({status}){note}", style="dim"))
    reviewed = entry.reviewed or "never"
    age = age_in_words(entry.reviewed)
    stale = is_stale(entry.reviewed)
    console.print(Text(f"Facts as of {entry.as_of} · reviewed {reviewed}" + (f" ({age})" if age else ""),
                       style="bold red" if stale else "dim"))
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
        if citation.quote:
            console.print(Text(sanitize(f"     “{citation.quote}”"), style="dim"))
        if citation.url:
            console.print(Text(sanitize(f"     {citation.url}"), style="dim"))
    if near is not None:
        console.print()
        console.print(Text(f"Services near {sanitize(entry.title)}", style="bold"))
        if not near:
            console.print(Text(" none known", style="dim"))
        for service in near:
            console.print(Text(sanitize(f" {service.id}  {service.title} ({service.where})")))
    if entry.related:
        console.print()
        console.print(Text("Related", style="bold"))
        for link in entry.related:
            console.print(Text(sanitize(f" {link.id}  {link.title} ({link.type})")))
