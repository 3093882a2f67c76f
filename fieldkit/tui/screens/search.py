"""Search as you type: each keystroke starts a search in a worker thread and cancels the one before."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Select, Static
from textual.worker import get_current_worker

from fieldkit.core.registry import REGISTRY
from fieldkit.i18n.catalog import N_, _, display, language, ngettext, ui
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.vocabulary import type_label
from fieldkit.store.models import Hit
from fieldkit.tui.messages import ToEntry
from fieldkit.tui.screens.base import BaseScreen
from fieldkit.tui.widgets.labels import hit_label
from fieldkit.tui.widgets.nav_list import NavList

RESULT_LIMIT = 30


class SearchScreen(BaseScreen):
    BINDINGS = [
        Binding("escape", "app.back", N_("Back")),
        Binding("down", "focus_results", N_("Results"), show=False),
        Binding("ctrl+l", "search_literally", N_("As typed"), show=False),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query
        self.literal = False  # the way back from a spelling correction: search the words exactly as typed

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield Input(value=self.initial_query, placeholder=ui("Search places, risks, rights, services… (any language)"),
                    id="query")
        with Horizontal(id="filters"):
            yield Select([(display(type_label(t)), t) for t in REGISTRY.names()], prompt=ui("All types"),
                         id="type-filter")
            yield Select([], prompt=ui("All countries"), id="country-filter")
        yield Static(ui("Type to search."), id="search-status")
        yield NavList(id="results", empty=N_("No results."), separated=True)
        yield from self.compose_footer()

    def on_mount(self) -> None:
        countries = self.host.store.stats()["countries"]
        self.query_one("#country-filter", Select).set_options([(display(country_name(c, language())), c) for c in sorted(countries)])
        self.query_one("#query", Input).focus()
        if self.initial_query:
            self.start_search()

    def reload(self) -> None:
        super().reload()
        self.start_search()

    @on(Input.Changed, "#query")
    def query_changed(self) -> None:
        self.literal = False
        self.start_search()

    def action_search_literally(self) -> None:
        self.literal = True
        self.start_search()

    @on(Select.Changed)
    def start_search(self) -> None:
        text = self.query_one("#query", Input).value
        type_filter = self.query_one("#type-filter", Select).value
        country_filter = self.query_one("#country-filter", Select).value
        self.search(
            text,
            None if type_filter is Select.NULL else str(type_filter),
            None if country_filter is Select.NULL else str(country_filter),
        )

    @work(exclusive=True, thread=True, group="search")
    def search(self, text: str, entry_type: str | None, country: str | None) -> None:
        """Runs off the UI thread; a newer keystroke cancels it, and a cancelled search shows nothing."""
        if not text.strip():
            self.app.call_from_thread(self.show_results, text, [])
            return
        result = self.host.thread_store().search_explained(text, lang=self.host.lang, entry_type=entry_type,
                                                          country=country, limit=RESULT_LIMIT, literal=self.literal)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_results, text, result.hits, result.understanding.corrected_text)

    def show_results(self, text: str, hits: list[Hit], corrected: str | None = None) -> None:
        if text != self.query_one("#query", Input).value:
            return  # a newer search is on its way
        status = self.query_one("#search-status", Static)
        if not text.strip():
            status.update(ui("Type to search."))
        elif hits:
            message = ngettext("{count} result for “{query}”", "{count} results for “{query}”", len(hits))
            shown = message.format(count=len(hits), query=corrected or text)
            if corrected:
                shown = _("Showing results for “{corrected}”. Ctrl+L: search for “{typed}” as typed.").format(
                    corrected=corrected, typed=text) + " " + shown
            partial = sum(hit.partial for hit in hits)
            if partial:
                shown += " " + ngettext("{count} of them matches only some of the words.",
                                        "{count} of them match only some of the words.", partial).format(count=partial)
            status.update(display(shown))
        else:
            status.update(display(_("No results for “{query}”.").format(query=text)))
        results = self.query_one("#results", NavList)
        width = results.scrollable_content_region.width - 2 or 76
        results.set_items([(ToEntry(hit.id), hit_label(hit, width)) for hit in hits])

    @on(Input.Submitted, "#query")
    def open_first(self) -> None:
        results = self.query_one("#results", NavList)
        if results.option_count and results.get_option_at_index(0).id:
            results.focus()
            results.highlighted = 0
            results.action_select()

    def action_focus_results(self) -> None:
        results = self.query_one("#results", NavList)
        if self.focused is self.query_one("#query", Input) and results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0
