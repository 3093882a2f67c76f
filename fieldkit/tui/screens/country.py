"""One country: where people enter and leave, rights, service points and the main risks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid

from fieldkit.content.countries import country_name
from fieldkit.i18n.catalog import N_, _, display, language, ui
from fieldkit.tui.screens.base import BaseScreen
from fieldkit.tui.widgets.labels import entry_label
from fieldkit.tui.widgets.nav_list import NavList

CROSSING_KINDS = ("border-crossing", "border-area", "river")


class CountryScreen(BaseScreen):
    BINDINGS = [Binding("escape,backspace", "app.back", N_("Back"))]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        with Grid(id="country-grid"):
            yield NavList(id="country-crossings", classes="panel", empty=N_("No entry or exit points known."))
            yield NavList(id="country-rights", classes="panel", empty=N_("No rights entries."))
            yield NavList(id="country-services", classes="panel", empty=N_("No service points known."))
            yield NavList(id="country-risks", classes="panel", empty=N_("No risks recorded."))
        yield from self.compose_footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#country-crossings", NavList).focus()

    def reload(self) -> None:
        super().reload()
        store, lang = self.app.store, self.app.lang
        name = country_name(self.code, language())
        titles = {"crossings": display(_("{country}: entry and exit points").format(country=name)),
                  "rights": ui("Rights"), "services": ui("Service points"), "risks": ui("Main risks")}
        for key, title in titles.items():
            self.query_one(f"#country-{key}", NavList).border_title = title

        def items(entry_type: str, keep=lambda entry: True):
            entries = store.list_entries(entry_type=entry_type, country=self.code, lang=lang)
            return [(f"entry:{e['id']}", entry_label(e["title"], e["type"], fallback=e["lang"] == "en" != lang,
                                                     lang=e["lang"]))
                    for e in entries if keep(e)]

        kinds = store.place_kinds()
        crossings = items("place", lambda e: kinds.get(e["id"]) in CROSSING_KINDS) + items("route")
        self.query_one("#country-crossings", NavList).set_items(crossings)
        self.query_one("#country-rights", NavList).set_items(items("right"))
        self.query_one("#country-services", NavList).set_items(items("service"))
        self.query_one("#country-risks", NavList).set_items(items("risk"))
