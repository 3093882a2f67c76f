"""One entry: the body as Markdown, and beside it the details, sources with quotes, dates and related links.

From here: bookmark it (b), add it to a list (a), keep a note on it (n), print it on one page (p; on a briefing
p presents it and P prints), find words in it (ctrl+f).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Markdown, Static

from fieldkit.core.languages import is_rtl
from fieldkit.i18n.catalog import N_, _, display, explain, language, reorders_rtl, ui
from fieldkit.i18n.dates import is_stale
from fieldkit.i18n.details import attached_sections, detail_lines, local_line, not_known
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.review import dates_line, overdue_line, review_line, source_note, translation_line
from fieldkit.i18n.vocabulary import type_label
from fieldkit.store.models import Entry
from fieldkit.text.bidi import visual_line
from fieldkit.text.clip import clip, clip_body
from fieldkit.text.sanitize import sanitize
from fieldkit.tui.messages import Destination, ToCountry, ToEntry, ToJourneyThrough, ToPresentation
from fieldkit.tui.screens.base import BaseScreen
from fieldkit.tui.widgets.find_view import FindView
from fieldkit.tui.widgets.labels import entry_label, near_label
from fieldkit.tui.widgets.nav_list import Label, NavList
from fieldkit.tui.widgets.rtl_lines import RtlLines
from fieldkit.tui.widgets.rtl_markdown import Block, RtlMarkdown, parse_blocks


class EntryScreen(BaseScreen):
    BINDINGS = [
        Binding("escape,backspace", "app.back", N_("Back")),
        Binding("b", "bookmark", N_("Bookmark")),
        Binding("r", "route", N_("Route view or referral slip"), show=False),  # by the entry's type
        Binding("c", "country", N_("Country"), show=False),
        Binding("p", "print_or_present", N_("Print"), show=False),
        Binding("P", "print", N_("Print"), show=False),
        Binding("a", "add_to_list", N_("Add to a list"), show=False),
        Binding("n", "note", N_("Note"), show=False),
        Binding("ctrl+f", "find", N_("Find")),
    ]

    def __init__(self, entry_id: str) -> None:
        super().__init__()
        self.entry_id = entry_id
        self.entry: Entry | None = None
        self.find_current = 0  # which match of Find is the current one
        self.last_print: Path | None = None  # the page `p` wrote last

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield Static(id="entry-title")
        yield RtlLines(id="entry-title-rtl")  # instead of #entry-title in a right-to-left interface
        with Horizontal(id="entry-main"):
            with VerticalScroll(id="entry-body"):
                yield Static(id="entry-summary")
                yield Markdown(id="entry-markdown")
                yield RtlMarkdown(id="entry-rtl")
                yield FindView(id="entry-found")  # instead of the three above while Find has a query
            with VerticalScroll(id="entry-side"):
                yield Static(id="entry-note")
                yield Static(id="entry-details")
                yield RtlLines(id="entry-details-rtl")  # instead of #entry-details in a right-to-left interface
                yield Static(id="entry-sources")
                yield NavList(id="entry-related", empty=N_("No related entries."))
        with Horizontal(id="find-bar"):
            yield FindInput(placeholder=ui("Find in this entry"), id="find-query")
            yield Static(id="find-status")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#entry-body").focus()

    def reload(self) -> None:
        super().reload()
        app = self.host
        self.query_one("#entry-related", NavList).border_title = ui("Related")
        self.entry = entry = app.store.get(self.entry_id, app.lang)
        if entry is None:
            self.query_one("#entry-title", Static).update(
                display(_("No entry with id {id}.").format(id=repr(sanitize(self.entry_id))))
            )
            return
        app.userdata.record_view(entry.id)
        rtl_ui = reorders_rtl()
        for widget_id, shown in (("#entry-title", not rtl_ui), ("#entry-title-rtl", rtl_ui),
                                 ("#entry-details", not rtl_ui), ("#entry-details-rtl", rtl_ui)):
            self.query_one(widget_id).display = shown
        self._show_title(entry)
        rtl = is_rtl(entry.lang) and self.host.rtl_in_app
        for widget_id, shown in (("#entry-summary", not rtl), ("#entry-markdown", not rtl), ("#entry-rtl", rtl)):
            self.query_one(widget_id).display = shown
        # Clipped: a crafted database's 20 MB body would keep the screen busy for minutes (fieldkit.text.clip).
        summary, body = clip(entry.summary), clip_body(entry.body)
        if rtl:  # laid out right to left by fieldkit itself; the summary leads as a quote (italic)
            self.query_one("#entry-rtl", RtlMarkdown).update(f"> {summary}\n\n{body}")
        else:
            self.query_one("#entry-summary", Static).update(Text(sanitize(summary), style="italic"))
            self.query_one("#entry-markdown", Markdown).update(sanitize(body))
        if rtl_ui:  # each detail wrapped to the panel, then reordered: the label stays at the start of its line
            lines = [(f"{label}: {sanitize(value) if value else not_known()}", "" if value else "dim italic")
                     for label, value in detail_lines(entry)]
            for heading, attached, notes in attached_sections(entry, today=app.today):
                lines += [("", ""), (heading, "bold yellow")]
                lines += [(f"{label}: {sanitize(value)}", "") for label, value in attached]
                lines += [(f"({note})", "dim") for note in notes]
            self.query_one("#entry-details-rtl", RtlLines).update(lines)
        else:
            self.query_one("#entry-details", Static).update(self._details_text(entry))
        self.query_one("#entry-sources", Static).update(self._sources_text(entry, app.today or dt.date.today()))
        self._show_note()
        if self.query_one("#find-bar").display:
            self.update_find()
        links: list[tuple[Destination, Label]] = []
        if entry.type == "place":  # services covering it first: at the place, its region's, country-wide
            from fieldkit.i18n.near import services_near

            links += [(ToEntry(service.id), near_label(service.title, "service", service.where, lang=self.host.lang))
                      for service in services_near(self.host.store, entry.id, self.host.lang)]
        links += [(ToEntry(link.id), entry_label(link.title, link.type, lang=self.host.lang))
                  for link in entry.related + entry.linked_from]
        if entry.type == "route":
            links.insert(0, (ToJourneyThrough(entry.id), Text("▶ " + ui("Follow this route leg by leg"), style="bold")))
        if entry.type == "briefing":
            links.insert(0, (ToPresentation(entry.id), Text("▶ " + ui("Present this briefing (p)"), style="bold")))
        for code in entry.countries:
            overview = _("{country}: country overview").format(country=country_name(code, language()))
            links.append((ToCountry(code), Text("▶ " + display(overview))))
        self.query_one("#entry-related", NavList).set_items(links)

    def _show_title(self, entry: Entry) -> None:
        if reorders_rtl():  # a right-to-left interface: each part wrapped to the width, then reordered
            bookmarked = "   ★ " + _("bookmarked") if self.host.userdata.is_bookmarked(entry.id) else ""
            marker, dates, stale = self._title_parts(entry)
            local = local_line(entry)
            self.query_one("#entry-title-rtl", RtlLines).update(
                [(f"{clip(entry.title)}   {self._meta(entry)}{bookmarked}", "bold"),
                 (f"{marker} {dates}".strip(), "bold red" if stale else "bold yellow" if marker else "dim"),
                 *([(local, "bold yellow")] if local else [])])
        else:
            self.query_one("#entry-title", Static).update(self._title_text(entry))

    def _meta(self, entry: Entry) -> str:
        """The entry's type and country, in the interface language, in logical order."""
        meta = type_label(entry.type)
        if entry.country:
            meta += f" · {country_name(entry.country, language())}"
        return meta

    def _title_parts(self, entry: Entry) -> tuple[str, str, bool]:
        """(translation marker or "", the dates and review state, whether to warn), in logical order. It warns when
        the editors' check is old, or a fact from outside the sources is past the day to check it again."""
        app = self.host
        marker = translation_line(entry)
        dates = dates_line(entry, today=app.today, locale=app.lang) + " · " + review_line(entry.review)
        overdue = overdue_line(entry, app.today)
        if overdue:
            dates += " " + overdue
        return marker, dates, bool(overdue) or is_stale(entry.checked, today=app.today)

    def _title_text(self, entry: Entry) -> Text:
        app = self.host
        rtl_title = is_rtl(entry.lang) and app.rtl_in_app
        title = clip(entry.title)
        text = Text(visual_line(title) if rtl_title else sanitize(title), style="bold")
        text.append(f"   {display(self._meta(entry))}", style="dim")
        if app.userdata.is_bookmarked(entry.id):
            text.append("   ★ " + ui("bookmarked"), style="bold yellow")
        text.append("\n")
        marker, dates, stale = self._title_parts(entry)
        if marker:
            text.append(display(marker) + " ", style="bold yellow")
        text.append(display(dates), style="bold red" if stale else "dim")
        local = local_line(entry)
        if local:  # an organisation's own entry, not part of the published content
            text.append("\n" + display(local), style="bold yellow")
        return text

    def _details_text(self, entry: Entry) -> Text:
        """The details in a left-to-right interface (a right-to-left one shows them in #entry-details-rtl), then
        what organisations attached, each under who added it."""
        text = Text()
        for label, value in detail_lines(entry):
            shown = clip(sanitize(value)) if value else not_known()
            text.append(label + ": ", style="bold")
            text.append(shown + "\n", style="" if value else "dim italic")
        for heading, lines, notes in attached_sections(entry, today=self.host.today):
            text.append("\n" + display(heading) + "\n", style="bold yellow")
            for label, value in lines:
                text.append(label + ": ", style="bold")
                text.append(clip(sanitize(value)) + "\n")
            for line in notes:
                text.append(f"({display(line)})\n", style="dim")
        return text

    @staticmethod
    def _sources_text(entry: Entry, today: dt.date) -> Text:
        text = Text(ui("Sources") + "\n", style="bold underline")
        for number, citation in enumerate(entry.sources, start=1):
            text.append(f"[{number}] ", style="bold")
            text.append(sanitize(citation.title or citation.doc))
            if citation.published:
                text.append(f" ({sanitize(citation.published)})", style="dim")
            if citation.where:
                text.append(f", {sanitize(citation.where)}", style="dim")
            text.append("\n")
            note = source_note(citation, today)
            if note:  # a fact from outside the shared documents, and when to check it again
                overdue = bool(citation.review_by and citation.review_by < today.isoformat())
                text.append(f"  {display(note)}\n", style="bold red" if overdue else "yellow")
            if citation.quote:
                text.append(f"  “{sanitize(citation.quote)}”\n", style="italic")
            if citation.url:
                text.append(f"  {sanitize(citation.url)}\n", style="dim")
        return text

    def action_bookmark(self) -> None:
        if self.entry is None:
            return
        marked = self.host.userdata.toggle_bookmark(self.entry.id)
        self.notify(ui("Bookmarked.") if marked else ui("Bookmark removed."), timeout=2)
        if self.host.userdata.problem:
            self.notify(display(explain(self.host.userdata.problem)), severity="warning")
        self._show_title(self.entry)

    def action_route(self) -> None:
        """`r`: a route leg's whole journey; on a service, a referral slip."""
        if self.entry is not None and self.entry.type == "route":
            self.host.navigate(ToJourneyThrough(self.entry.id))
        elif self.entry is not None and self.entry.type == "service":
            self.action_referral()

    def action_referral(self) -> None:
        """Ask the person's language, then write the slip (with the app's language beside it) and say where."""
        if self.entry is None or self.entry.type != "service":
            self.notify(ui("A referral slip is for a service."), timeout=3)
            return
        from fieldkit.i18n.catalog import UI_LANGUAGES
        from fieldkit.tui.screens.dialogs import LanguageScreen

        service_id, host = self.entry.id, self.host
        self.app.push_screen(LanguageScreen(sorted(UI_LANGUAGES), host.lang),
                             lambda lang: self._write_slip(service_id, lang) if lang else None)

    def _write_slip(self, service_id: str, lang: str) -> None:
        from fieldkit import paths
        from fieldkit.briefing.referral import referral_html
        from fieldkit.core.atomic import WriteError, write_text

        host = self.host
        folder = paths.slips_dir()
        path = folder / f"referral-{service_id}-{lang}.html"  # the service and language only: nothing about the person
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_text(path, referral_html(host.store, service_id, lang, host.lang))
        except (WriteError, OSError) as problem:
            reason = explain(problem) if isinstance(problem, WriteError) else problem.strerror or str(problem)
            self.notify(display(_("Could not write the referral slip: {problem}").format(problem=reason)),
                        severity="error")
            return
        self.notify(display(_("Referral slip written to {path}").format(path=str(path))), timeout=10)

    def action_present(self) -> None:
        if self.entry is not None and self.entry.type == "briefing":
            self.host.navigate(ToPresentation(self.entry.id))

    # --- print, lists, note -----------------------------------------------------------------------------------
    def action_print_or_present(self) -> None:
        """p: a briefing is presented (as before); any other entry printed."""
        if self.entry is not None and self.entry.type == "briefing":
            self.action_present()
        else:
            self.action_print()

    def action_print(self) -> None:
        """Write the entry as one A4 page (HTML) to the prints folder and say where: open it and print."""
        if self.entry is None:
            return
        from fieldkit.briefing.entry_print import entry_to_html
        from fieldkit.core.atomic import write_file
        from fieldkit.paths import prints_dir

        meta = self.host.store.meta()
        page = entry_to_html(self.entry, content_version=meta.get("content_version", ""),
                             content_date=meta.get("content_date", ""))
        path = prints_dir() / f"{self.entry.id}.{self.host.lang}.html"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_file(path, page.encode("utf-8"))
        except OSError as error:
            self.notify(ui("Could not write the page:") + f" {error.strerror}", severity="error")
            return
        self.last_print = path
        self.notify(ui("One page to print, written to:") + f"\n{path}", timeout=10)

    def action_add_to_list(self) -> None:
        if self.entry is None:
            return
        from fieldkit.tui.screens.dialogs import AddToListScreen

        entry_id = self.entry.id
        userdata = self.host.userdata

        def add(name: str | None) -> None:
            if not name:
                return
            added = userdata.add_to_list(name, [entry_id])
            self.notify(display((_("Added to {list}.") if added else _("Already in {list}.")).format(list=name)),
                        timeout=3)
            if userdata.problem:
                self.notify(display(explain(userdata.problem)), severity="warning")

        self.app.push_screen(AddToListScreen([name for name, _count in userdata.lists()]), add)

    def action_note(self) -> None:
        if self.entry is None:
            return
        from fieldkit.tui.screens.dialogs import NoteScreen

        entry_id = self.entry.id
        userdata = self.host.userdata

        def save(text: str | None) -> None:
            if text is None:
                return
            userdata.set_note(entry_id, text)
            self.notify(ui("Note saved.") if text.strip() else ui("Note deleted."), timeout=2)
            if userdata.problem:
                self.notify(display(explain(userdata.problem)), severity="warning")
            self._show_note()

        self.app.push_screen(NoteScreen(userdata.note(entry_id)), save)

    def _show_note(self) -> None:
        note = self.host.userdata.note(self.entry.id) if self.entry else ""
        widget = self.query_one("#entry-note", Static)
        widget.display = bool(note)
        if note:
            widget.update(Text(ui("Your note") + ": ", style="bold").append(display(sanitize(note)), style="italic"))

    # --- find -------------------------------------------------------------------------------------------------
    def action_find(self) -> None:
        bar = self.query_one("#find-bar")
        bar.display = True
        self.query_one("#find-query", Input).focus()
        self.update_find()

    def close_find(self) -> None:
        self.query_one("#find-bar").display = False
        self.query_one("#find-query", Input).value = ""
        self.update_find()
        self.query_one("#entry-body").focus()

    @on(Input.Changed, "#find-query")
    def find_changed(self) -> None:
        self.find_current = 0
        self.update_find()

    @on(Input.Submitted, "#find-query")
    def find_next(self) -> None:
        self.find_current += 1
        self.update_find()

    def find_previous(self) -> None:
        self.find_current -= 1
        self.update_find()

    def update_find(self) -> None:
        """Show the body with the matches marked (or the body as usual for no query), and scroll to the current."""
        entry = self.entry
        query = self.query_one("#find-query", Input).value if self.query_one("#find-bar").display else ""
        found = self.query_one("#entry-found", FindView)
        status = self.query_one("#find-status", Static)
        active = bool(query.strip()) and entry is not None
        rtl = entry is not None and is_rtl(entry.lang) and self.host.rtl_in_app
        for widget_id, normal in (("#entry-summary", not rtl), ("#entry-markdown", not rtl), ("#entry-rtl", rtl)):
            self.query_one(widget_id).display = normal and not active
        found.display = active
        if not active or entry is None:
            status.update("")
            return
        blocks = [Block("quote", " ".join(entry.summary.split())), *parse_blocks(entry.body)]
        count = len(found.show(blocks, query, current=-1, rtl=rtl).match_lines)
        if not count:
            status.update(Text(ui("No matches"), style="bold red"))
            return
        self.find_current %= count
        placed = found.show(blocks, query, current=self.find_current, rtl=rtl)
        status.update(display(_("{number} of {count}").format(number=self.find_current + 1, count=count)))
        line = placed.match_lines[self.find_current]
        body = self.query_one("#entry-body", VerticalScroll)
        self.call_after_refresh(body.scroll_to, y=max(line - 2, 0), animate=False)

    def action_country(self) -> None:
        if self.entry is not None and self.entry.countries:
            self.host.navigate(ToCountry(self.entry.countries[0]))


class FindInput(Input):
    """The Find box: Enter and F3 go to the next match, shift+F3 to the previous, Esc closes Find."""

    BINDINGS = [
        Binding("escape", "close", N_("Close"), show=False),
        Binding("f3", "next", N_("Next"), show=False),
        Binding("shift+f3,shift+enter", "previous", N_("Previous"), show=False),
    ]

    def _entry_screen(self) -> EntryScreen:
        return cast(EntryScreen, self.screen)

    def action_close(self) -> None:
        self._entry_screen().close_find()

    def action_next(self) -> None:
        self._entry_screen().find_next()

    def action_previous(self) -> None:
        self._entry_screen().find_previous()
