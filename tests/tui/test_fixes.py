"""The app fixes of the briefings issue, each tested where a person meets it: search results after an entry, the
order of countries and of a country's risks, entry ids in text, the notes marker in snippets, the header at 80
columns; and the new entry actions: print (p), lists (a), notes (n), Find (ctrl+f)."""

from __future__ import annotations

from fieldkit.content.build import build
from fieldkit.i18n.languages import country_name
from fieldkit.store.db import Located, connect
from fieldkit.store.routes import risk_severity
from fieldkit.store.store import Store
from fieldkit.text.fold import fold
from fieldkit.tui.app import FieldkitApp
from fieldkit.tui.messages import ToCountry, ToEntry
from fieldkit.tui.screens.entry import EntryScreen
from fieldkit.tui.screens.search import SearchScreen
from fieldkit.tui.widgets.nav_list import NavList
from fieldkit.userdata import UserData
from tests.content.test_check import edit
from tests.tui.conftest import TODAY, settle, type_text
from tests.tui.shown import screen_text


def content_app(content_db, tmp_path, **kwargs) -> FieldkitApp:
    store = Store(connect(content_db), Located(content_db, "--db"))
    return FieldkitApp(store, userdata=UserData(tmp_path / "userdata.db"), today=TODAY, **kwargs)


async def test_back_from_an_entry_keeps_the_query_and_filters_in_view(content_db, tmp_path):
    app = content_app(content_db, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "the")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        for _ in range(12):  # far down the results
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is search
        for widget_id in ("#query", "#filters"):
            region = search.query_one(widget_id).region
            assert region.y >= 0 and region.bottom <= 24, (widget_id, region)
        assert search.scroll_offset.y == 0


async def test_countries_in_order_of_their_names(content_db, tmp_path):
    for lang in ("en", "fr"):
        app = content_app(content_db, tmp_path, lang=lang)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            countries = app.screen.query_one("#countries", NavList)
            codes = [countries.get_option_at_index(i).id.split(":")[1] for i in range(countries.option_count)]
            names = [fold(country_name(code, lang)) for code in codes]
            assert sorted(codes[:6]) == ["AL", "BA", "ME", "MK", "RS", "XK"]
            assert names[:6] == sorted(names[:6]) and names[6:] == sorted(names[6:]), names


async def test_a_countrys_risks_most_route_legs_first(content_db, tmp_path):
    app = content_app(content_db, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.navigate(ToCountry("RS"))
        await pilot.pause()
        risks = app.screen.query_one("#country-risks", NavList)
        ids = [risks.get_option_at_index(i).id.split(":", 1)[1] for i in range(risks.option_count)]
        severity = risk_severity(app.store)
        counts = [severity.get(i, 0) for i in ids]
        assert len(ids) > 3 and counts == sorted(counts, reverse=True) and counts[0] > counts[-1]


def test_entry_ids_in_text_become_titles(content, tmp_path):
    edit(content / "route/route-rs-ba-drina.en.md", "The crossing of the Drina is dangerous.",
         "The crossing of the Drina is dangerous (see risk-drowning; `risk-drowning` stays as code).")
    edit(content / "service/svc-legal-aid-bihac.en.md", "organisation: Test organisation",
         "organisation: Test organisation\naccess: Ask first (see right-ba-asylum-access).")
    path = tmp_path / "db.db"
    build(content, path)
    store = Store(connect(path))
    body = store.get("route-rs-ba-drina").body
    assert "(see *Drowning in river crossings*;" in body and "`risk-drowning`" in body
    hit = store.search("crossing drina dangerous", lang="en")[0]
    assert "see risk-drowning" not in hit.snippet and "see Drowning in river crossings" in hit.snippet
    assert store.get("svc-legal-aid-bihac").details["access"] == "Ask first (see Access to asylum in Bosnia and Herzegovina)."
    # A translation names the entry in its own language where it can (risk-drowning has a Farsi title).
    assert "(see risk-drowning" not in store.get("route-rs-ba-drina", "fa").body


def test_trainer_notes_marker_never_in_a_snippet(store):
    hits = store.search("ask the group who has seen the river", lang="en")
    assert hits and hits[0].id == "brief-rivers"
    assert all("???" not in hit.snippet for hit in hits)


async def test_header_keeps_the_language_at_80_columns(fixture_db, tmp_path):
    for lang, name in (("en", "English"), ("fr", "français"), ("tr", "Türkçe")):
        store = Store(connect(fixture_db), Located(fixture_db, "source checkout"))  # the longest origin
        app = FieldkitApp(store, userdata=UserData(tmp_path / "userdata.db"), today=TODAY, lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.pause()
            header = screen_text(app).splitlines()[0]
            assert name in header, header


async def test_p_prints_an_entry_on_one_page(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EntryScreen) and screen.last_print is not None
        page = screen.last_print.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and "Bihać" in page and "@page { size: A4" in page
        assert any(str(screen.last_print) in note.message for note in app._notifications)


async def test_capital_p_prints_a_briefing_and_p_still_presents_it(make_app):
    from fieldkit.tui.screens.present import PresentScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.navigate(ToEntry("brief-rivers"))
        await pilot.pause()
        await pilot.press("P")
        await pilot.pause()
        assert app.screen.last_print is not None
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PresentScreen)


async def test_add_to_a_list_and_keep_a_note(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "Bihac week")
        await pilot.press("enter")
        await pilot.pause()
        assert app.userdata.list_entries("Bihac week") == ["bihac"]
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "night bus")
        await pilot.press("enter")
        await pilot.pause()
        assert app.userdata.note("bihac") == "night bus"
        assert "night bus" in screen_text(app)


async def test_find_in_an_entry_highlights_and_moves_between_matches(make_app):
    from fieldkit.tui.widgets.find_view import CURRENT, MATCH, FindView

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await type_text(pilot, "people")  # "People" in the summary, "people" in the body: case does not matter
        await pilot.pause()
        screen = app.screen
        found = screen.query_one("#entry-found", FindView)
        assert found.display and not screen.query_one("#entry-markdown").display
        layout = found.layout_for(60)
        styles = [str(span.style) for span in layout.text.spans]
        assert styles.count(CURRENT) == 1 and len(layout.match_lines) >= 2
        assert str(screen.query_one("#find-status").render()).startswith(f"1 of {len(layout.match_lines)}")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.find_current == 1 and str(screen.query_one("#find-status").render()).startswith("2 of")
        await type_text(pilot, "zzz")
        await pilot.pause()
        assert "No matches" in str(screen.query_one("#find-status").render())
        await pilot.press("escape")  # closes Find, not the entry
        await pilot.pause()
        assert app.screen is screen and not found.display and screen.query_one("#entry-markdown").display
        assert MATCH  # the plain match style exists beside the current one
