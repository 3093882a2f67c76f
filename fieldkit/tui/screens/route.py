"""A journey leg by leg: the diagram on the left; the chosen leg's risks and services on the right."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from fieldkit.core.registry import REGISTRY
from fieldkit.i18n.catalog import N_, display, language, ngettext, route_arrow, ui
from fieldkit.i18n.languages import country_name
from fieldkit.store.routes import Leg, load_legs
from fieldkit.text.sanitize import sanitize
from fieldkit.tui.messages import ToEntry
from fieldkit.tui.screens.base import BaseScreen
from fieldkit.tui.widgets.labels import entry_label
from fieldkit.tui.widgets.nav_list import NavList
from fieldkit.tui.widgets.route_diagram import RouteDiagram


class RouteScreen(BaseScreen):
    BINDINGS = [Binding("escape,backspace", "app.back", N_("Back"))]

    def __init__(self, leg_ids: list[str]) -> None:
        super().__init__()
        self.leg_ids = leg_ids

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield Static(id="route-title")
        with Horizontal(id="route-main"):
            yield RouteDiagram(id="route-diagram", classes="panel")
            with Vertical(id="route-side"):
                yield Static(id="leg-summary")
                yield NavList(id="leg-risks", classes="panel", empty=N_("No risks recorded for this leg."))
                yield NavList(id="leg-services", classes="panel", empty=N_("No service points known along this leg."))
        yield from self.compose_footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#route-diagram").focus()

    def reload(self) -> None:
        super().reload()
        self.query_one("#route-diagram").border_title = ui("Leg by leg (Enter opens a leg)")
        self.query_one("#leg-risks").border_title = ui("Risks on this leg")
        self.query_one("#leg-services").border_title = ui("Services along it")
        by_id = {leg.id: leg for leg in load_legs(self.host.store, self.host.lang)}
        legs = [by_id[i] for i in self.leg_ids if i in by_id]
        countries: list[str] = []
        for leg in legs:
            countries += [c for c in leg.countries if not countries or countries[-1] != c]
        self.query_one("#route-title", Static).update(
            Text(display(route_arrow().join(country_name(c, language()) for c in countries)), style="bold").append(
                "   " + display(ngettext("{count} leg", "{count} legs", len(legs)).format(count=len(legs))), style="dim")
        )
        self.query_one(RouteDiagram).show(legs, self._place_label)
        if legs:
            self._show_leg(legs[0])

    def _place_label(self, place_id: str) -> tuple[str, str]:
        entry = self.host.store.get(place_id, self.host.lang)
        return (entry.title, entry.country or "") if entry else (place_id, "")

    @on(RouteDiagram.LegChosen)
    def leg_chosen(self, event: RouteDiagram.LegChosen) -> None:
        self._show_leg(event.leg)

    def _show_leg(self, leg: Leg) -> None:
        store, lang = self.host.store, self.host.lang
        self.query_one("#leg-summary", Static).update(
            Text(sanitize(leg.title), style="bold").append("\n" + sanitize(leg.summary))
        )
        risks = []
        for risk_id in leg.risks:
            title, entry_type = store.title_of(risk_id, lang)
            if entry_type:
                risks.append((ToEntry(risk_id), entry_label(title, entry_type, lang=lang)))
        self.query_one("#leg-risks", NavList).set_items(risks)
        # Services at the leg's places first, then the rest in the countries it crosses: most organisations the
        # sources name work country-wide, without one place.
        along = [t for t in REGISTRY if t.located_by]
        places = [leg.start, *leg.via, leg.end]
        service_ids = [i for t in along for i in store.entries_at(t.name, t.located_by or "", places)]
        for country in leg.countries:
            service_ids += [e["id"] for t in along
                            for e in store.list_entries(entry_type=t.name, country=country, lang=lang)]
        services = []
        for service_id in dict.fromkeys(service_ids):
            title, entry_type = store.title_of(service_id, lang)
            services.append((ToEntry(service_id), entry_label(title, entry_type, lang=lang)))
        self.query_one("#leg-services", NavList).set_items(services)
