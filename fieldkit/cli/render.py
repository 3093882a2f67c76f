"""An entry rendered for a plain terminal (`fieldkit show`): Markdown through Rich, every string sanitised, labels
in the interface language, right-to-left text laid out by fieldkit when it lays it out (fieldkit/cli/bidi.py)."""

from __future__ import annotations

from fieldkit.cli.output import begin_visual, has_rtl, layout, lays_out, width
from fieldkit.core.languages import is_rtl
from fieldkit.core.marker import N_
from fieldkit.i18n.catalog import _, language
from fieldkit.i18n.dates import is_stale
from fieldkit.i18n.details import attached_sections, detail_lines, local_line, not_known
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.near import NearService
from fieldkit.i18n.review import dates_line, overdue_line, review_line, source_note, translation_line
from fieldkit.i18n.vocabulary import type_label
from fieldkit.store.models import Entry
from fieldkit.text.clip import clip, clip_body
from fieldkit.text.sanitize import sanitize

# How an entry's text came to be, in words (the JSON keeps the value).
TRANSLATION_STATES = {"original": N_("original"), "machine": N_("machine"), "reviewed": N_("reviewed"),
                      "outdated": N_("outdated")}


def translation_state(value: str) -> str:
    return _(TRANSLATION_STATES[value]) if value in TRANSLATION_STATES else value


def render_entry(entry: Entry, *, colour: bool, near: list[NearService] | None = None) -> None:
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.text import Text

    console = Console(no_color=not colour, highlight=False, force_terminal=colour or None, emoji=False)
    visual = lays_out()

    def emit(text: str, style: str = "") -> None:
        """One paragraph: laid out right to left by fieldkit where it holds such text, else wrapped by Rich."""
        if visual and has_rtl(text):
            for line in layout(text):
                console.print(Text(line, style=style), no_wrap=True, overflow="ignore", crop=False)
        else:
            console.print(Text(sanitize(text), style=style))

    lang = language()
    emit(clip(entry.title), "bold")
    where = f" · {country_name(entry.country, lang)}" if entry.country else ""
    note = "  [" + _("shown in English: no translation yet") + "]" if entry.fallback else ""
    state = translation_state(entry.translation_state)
    emit(f"{type_label(entry.type)}{where} · {entry.lang} ({state}){note}", "dim")
    # Who checked what (fieldkit/i18n/review.py): the editors' check against the sources, a specialist's review,
    # the translation's state, and facts from outside the sources past the day to check them again.
    emit(dates_line(entry, locale=_cldr(lang)), "bold red" if is_stale(entry.checked) else "dim")
    emit(review_line(entry.review), "bold")
    translation = translation_line(entry)
    if translation:
        emit(translation, "bold yellow")
    overdue = overdue_line(entry)
    if overdue:
        emit(overdue, "bold red")
    local = local_line(entry)
    if local:  # an organisation's own entry (an overlay), with its own review state above
        emit(local, "bold yellow")
    console.print()
    emit(clip(entry.summary), "italic")
    console.print()
    if visual and is_rtl(entry.lang) and not entry.fallback:
        from fieldkit.text.markdown_blocks import layout_blocks, parse_blocks

        begin_visual()
        styles = {"heading": "bold", "quote": "italic"}
        for line, kind in layout_blocks(parse_blocks(clip_body(entry.body)), width()):
            console.print(Text(line, style=styles.get(kind, "")), no_wrap=True, overflow="ignore", crop=False)
    else:
        console.print(Markdown(clip_body(sanitize(entry.body))))  # a crafted 20 MB body would take minutes
    details = detail_lines(entry)
    if details:
        console.print()
        for label, value in details:
            if visual and has_rtl(f"{label}{value or not_known()}"):
                emit(f"{label}: {clip(value) if value else not_known()}")
            else:
                console.print(Text.assemble((f"{label}: ", "bold"), clip(sanitize(value)) if value else not_known()))
    for heading, lines, notes in attached_sections(entry):  # fields organisations attached, apart from the text
        console.print()
        emit(heading, "bold yellow")
        for label, value in lines:
            if visual and has_rtl(f"{label}{value}"):
                emit(f"{label}: {clip(value)}")
            else:
                console.print(Text.assemble((f"{label}: ", "bold"), clip(sanitize(value))))
        for line in notes:
            emit(f"  ({line})", "dim")
    console.print()
    emit(_("Sources"), "bold")
    for number, citation in enumerate(entry.sources, start=1):
        title = f" — {citation.title}" if citation.title else ""
        console.print(Text(clip(sanitize(f" [{number}] {citation.doc}{title}, {citation.where or ''}"))))
        outside = source_note(citation)
        if outside:
            emit(f"     ({outside})", "yellow")
        if citation.quote:
            console.print(Text(clip(sanitize(f"     “{citation.quote}”")), style="dim"))
        if citation.url:
            console.print(Text(clip(sanitize(f"     {citation.url}")), style="dim"))
    if near is not None:
        console.print()
        emit(clip(_("Services near {place}").format(place=entry.title)), "bold")
        if not near:
            emit(_(" none known"), "dim")
        for service in near:
            emit(clip(f" {service.id}  {service.title} ({service.where})"))
    if entry.related:
        console.print()
        emit(_("Related"), "bold")
        for link in entry.related:
            emit(clip(f" {link.id}  {link.title} ({type_label(link.type)})"))


def _cldr(lang: str) -> str:
    from fieldkit.core.languages import language as row_of

    row = row_of(lang)
    return row.locale if row else "en"
