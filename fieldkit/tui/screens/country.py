"""One country: where people enter and leave, rights, service points and the main risks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid

from fieldkit.core.registry import REGISTRY
from fieldkit.i18n.catalog import N_, _, display, language, ui
from fieldkit.i18n.languages import country_name
from fieldkit.store.routes import by_severity
from fieldkit.tui.messages import ToEntry
from fieldkit.tui.screens.base import BaseScreen
from fieldkit.tui.widgets.labels import entry_label, near_label
from fieldkit.tui.widgets.nav_list import NavList

PANELS = ("crossings", "rights", "services", "risks")  # a content type names the panel it is listed in


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
        store, lang = self.host.store, self.host.lang
        name = country_name(self.code, language())
        titles = {"crossings": display(_("{country}: entry and exit points").format(country=name)),
                  "rights": ui("Rights"), "services": ui("Service points"), "risks": ui("Main risks")}
        for key, title in titles.items():
            self.query_one(f"#country-{key}", NavList).border_title = title

        panels: dict[str, list] = {key: [] for key in PANELS}
        for content_type in REGISTRY:  # each type in the panel it declares (fieldkit/core/types/)
            if content_type.country_panel not in panels:
                continue
            entries = store.list_entries(entry_type=content_type.name, country=self.code, lang=lang)
            if content_type.country_filter is not None:
                field, wanted = content_type.country_filter
                values = store.field_values(content_type.name, field)
                entries = [e for e in entries if values.get(e["id"]) in wanted]
            if content_type.country_panel == "risks":  # most severe first: listed by the most route legs
                entries = by_severity(store, entries)
            if any(f.kind == "area" for f in content_type.fields):  # services: country-wide first, each says where
                from fieldkit.i18n.near import reach_order, service_details, service_reach

                details = service_details(store, content_type.name)
                entries.sort(key=lambda e: reach_order(details.get(e["id"], {}), self.code))
                panels[content_type.country_panel] += [
                    (ToEntry(e["id"]), near_label(e["title"], e["type"],
                                                  service_reach(store, details.get(e["id"], {}), self.code, lang),
                                                  lang=e["lang"]))
                    for e in entries]
                continue
            panels[content_type.country_panel] += [
                (ToEntry(e["id"]), entry_label(e["title"], e["type"], fallback=e["lang"] == "en" != lang,
                                                 lang=e["lang"]))
                for e in entries]
        for key, items in panels.items():
            self.query_one(f"#country-{key}", NavList).set_items(items)
