"""Home: topics, countries, journeys across the region, bookmarks and recently viewed."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical

from fieldkit.core.registry import REGISTRY
from fieldkit.i18n.catalog import N_, display, language, ngettext, reorders_rtl, route_arrow, ui
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.vocabulary import topic_title
from fieldkit.store.routes import Outline, journey_outlines
from fieldkit.text.fold import fold
from fieldkit.tui.messages import ToCountry, ToEntry, ToJourney, ToTopic
from fieldkit.tui.screens.base import BaseScreen
from fieldkit.tui.sizes import MIN_HEIGHT
from fieldkit.tui.widgets.labels import RtlLabel, entry_label
from fieldkit.tui.widgets.nav_list import NavList

PANEL_TITLES = {"topics": N_("Topics"), "countries": N_("Countries"), "journeys": N_("Routes across the region"),
                "bookmarks": N_("Bookmarks"), "recent": N_("Recently viewed")}
WESTERN_BALKANS = ["AL", "BA", "XK", "ME", "MK", "RS"]


class HomeScreen(BaseScreen):
    _filling: object = None  # the latest reload's journeys still being added after the first frame

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        with Grid(id="home-grid"):
            with Vertical(classes="column"):
                yield NavList(id="topics", classes="panel")
                yield NavList(id="countries", classes="panel")
            with Vertical(classes="column"):
                yield NavList(id="journeys", classes="panel", empty=N_("No route legs in this content."))
                yield NavList(id="bookmarks", classes="panel", empty=N_("No bookmarks yet: press b on an entry."))
                yield NavList(id="recent", classes="panel", empty=N_("Nothing viewed yet."))
        yield from self.compose_footer()

    def on_mount(self) -> None:
        self.query_one("#topics", NavList).focus()
        # Filled before the first layout: a terminal shows the screen once, lists and all (filling them after the
        # first frame made Textual lay the screen out three times before anything appeared; docs/performance.md).
        self.reload()

    def on_screen_resume(self) -> None:
        self._fill_saved()

    def reload(self) -> None:
        super().reload()
        for widget_id, title in PANEL_TITLES.items():
            self.query_one(f"#{widget_id}", NavList).border_title = ui(title)
        store = self.host.store
        stats = store.stats()
        topics = [(ToTopic(t.name), counted(topic_title(t.name), str(stats["types"].get(t.name, 0))))
                  for t in REGISTRY.on_home()]
        self.query_one("#topics", NavList).set_items(topics)
        present = stats["countries"]
        # The six Western Balkan countries first, then the others; each group by its name in the language shown
        # (codes sorted by themselves put Croatia, HR, after Greece, GR).
        by_name = lambda code: fold(country_name(code, language()))  # noqa: E731
        codes = sorted(WESTERN_BALKANS, key=by_name) + sorted((c for c in present if c not in WESTERN_BALKANS),
                                                               key=by_name)
        self.query_one("#countries", NavList).set_items(
            [(ToCountry(c), counted(country_name(c, language()), str(present.get(c, 0)))) for c in codes])
        # Worked out by the build: Home stays quick at any size. A long list (hundreds of journeys in a large
        # content set) shows its first rows in the first frame and gets the others right after it: no more rows
        # than the terminal has can show at first, and measuring every row delayed the first frame (the list's
        # scroll bar is the only thing that changes when they arrive).
        outlines = journey_outlines(store)
        first = max(self.app.size.height, MIN_HEIGHT)
        journeys = self.query_one("#journeys", NavList)
        journeys.set_items(self._journey_items(outlines[:first]))
        self._filling = filling = object()  # a later reload (another language) supersedes this one
        if len(outlines) > first:
            self.call_after_refresh(self._more_journeys, journeys, outlines[first:], filling)
        self._fill_saved()

    def _more_journeys(self, journeys: NavList, outlines: list[Outline], filling: object) -> None:
        if filling is self._filling:
            journeys.extend_items(self._journey_items(outlines))

    @staticmethod
    def _journey_items(outlines: list[Outline]) -> list[tuple[ToJourney, Text | RtlLabel]]:
        arrow, lang = route_arrow(), language()
        names = {code: country_name(code, lang) for code in {code for _, countries in outlines for code in countries}}
        items: list[tuple[ToJourney, Text | RtlLabel]] = []
        for leg_ids, countries in outlines:
            legs = ngettext("{count} leg", "{count} legs", len(leg_ids)).format(count=len(leg_ids))
            items.append((ToJourney(leg_ids), counted(arrow.join(names[code] for code in countries), legs, dim_gap=True)))
        return items

    def _fill_saved(self) -> None:
        userdata, store, lang = self.host.userdata, self.host.store, self.host.lang
        for widget_id, ids in (("bookmarks", userdata.bookmarks()), ("recent", userdata.recent(8))):
            items = []
            for entry_id in ids:
                title, entry_type = store.title_of(entry_id, lang)
                if entry_type:  # an id from older content may be gone
                    items.append((ToEntry(entry_id), entry_label(title, entry_type, lang=lang)))
            self.query_one(f"#{widget_id}", NavList).set_items(items)


NO_BREAK = "\u00a0"  # keeps "3 legs" on one line when an item wraps


def counted(name: str, count: str, *, dim_gap: bool = False) -> Text | RtlLabel:
    """A list item: a name and, after it, a count in dim ("Risks  12"). In a right-to-left interface the count
    follows the name the way it reads (to its left) and a long item wraps before it is reordered, so nothing is
    cut off at the edge."""
    if reorders_rtl():
        return RtlLabel(((f"{name}  {count.replace(' ', NO_BREAK)}", ""),))
    if dim_gap:
        return Text(display(name)).append(f"  {display(count)}", style="dim")
    return Text(display(name) + "  ").append(display(count), style="dim")
