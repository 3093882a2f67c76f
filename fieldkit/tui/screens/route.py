"""A journey leg by leg: the diagram on the left; the chosen leg's risks and services on the right."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from fieldkit.core.registry import REGISTRY
from fieldkit.i18n.catalog import N_, _, display, language, ngettext, route_arrow, ui
from fieldkit.i18n.languages import country_name
from fieldkit.store.routes import Leg, load_legs
from fieldkit.text.sanitize import sanitize
from fieldkit.tui.messages import ToEntry
from fieldkit.tui.screens.base import BaseScreen
from fieldkit.tui.widgets.labels import entry_label, near_label
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
        # Services covering the leg's places: those at a place first, then the regions', then country-wide ones
        # (Store.services_covering); then the rest of the countries it crosses, whose area the sources do not give.
        from fieldkit.i18n.near import WHERE_NOT_KNOWN, services_near

        rank = {"place": 0, "region": 1, "country": 2}
        near = [service for place in [leg.start, *leg.via, leg.end] for service in services_near(store, place, lang)]
        near.sort(key=lambda service: rank[service.level])  # stable: the leg's order within a level
        items = [(service.id, service.title, service.where) for service in near]
        along = [t for t in REGISTRY if t.located_by]
        for country in leg.countries:
            items += [(e["id"], e["title"], _(WHERE_NOT_KNOWN)) for t in along
                      for e in store.list_entries(entry_type=t.name, country=country, lang=lang)]
        services, seen = [], set()
        for service_id, title, where in items:
            if service_id not in seen:
                seen.add(service_id)
                services.append((ToEntry(service_id), near_label(title, "service", where, lang=lang)))
        self.query_one("#leg-services", NavList).set_items(services)
