"""Every flow a field worker follows, driven through the keyboard with the Pilot."""

from __future__ import annotations

import threading

from textual.widgets import Input, Markdown

from fieldkit.i18n.catalog import ui
from fieldkit.text.bidi import visual_line
from fieldkit.tui.app import HIGH_CONTRAST
from fieldkit.tui.messages import ToEntry
from fieldkit.tui.screens.dialogs import HelpScreen, TooSmallScreen
from fieldkit.tui.screens.entry import EntryScreen
from fieldkit.tui.screens.home import HomeScreen
from fieldkit.tui.screens.route import RouteScreen
from fieldkit.tui.screens.search import SearchScreen
from fieldkit.tui.widgets.nav_list import NavList
from tests.tui.conftest import settle, type_text
from tests.tui.shown import footer_line, shown


def option_ids(widget: NavList) -> list[str]:
    return [widget.get_option_at_index(i).id for i in range(widget.option_count)]


async def test_search_and_open(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "bihac")
        await settle(pilot)
        results = app.screen.query_one("#results", NavList)
        assert option_ids(results)[0] == "entry:bihac"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen) and app.screen.entry_id == "bihac"
        assert "Bihać" in shown(app.screen, "title")


async def test_ctrl_k_searches_from_an_entry(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, SearchScreen)


async def test_hostile_text_in_the_search_box(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("slash")
        await type_text(pilot, '"(AND* ^كيف')
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query", Input).value == '"(AND* ^كيف'


async def test_follow_a_related_link_and_come_back(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        related = app.screen.query_one("#entry-related", NavList)
        assert "entry:velika-kladusa" in option_ids(related)
        related.focus()
        related.highlighted = option_ids(related).index("entry:velika-kladusa")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.entry_id == "velika-kladusa"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.entry_id == "bihac"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_entry_shows_sources_dates_and_not_known(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.navigate(ToEntry("svc-legal-aid-bihac"))
        await pilot.pause()
        sources = str(app.screen.query_one("#entry-sources").render())
        assert "Test document" in sources and "“Free legal aid is offered in Bihać.”" in sources
        details = shown(app.screen, "details")
        assert "Hours: not known" in details
        title = shown(app.screen, "title")
        assert "Facts as of 2024-07 · checked against the sources 2026-11-01 (3 weeks ago)" in title
        assert "Not yet reviewed by a specialist." in title


async def test_bookmark_survives_a_restart(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert "bookmarked" in shown(app.screen, "title")
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        bookmarks = app.screen.query_one("#bookmarks", NavList)
        assert option_ids(bookmarks) == ["entry:risk-drowning"]
        recent = app.screen.query_one("#recent", NavList)
        assert option_ids(recent) == ["entry:risk-drowning"]


async def test_switch_theme_and_keep_it(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("t")
        assert app.theme == HIGH_CONTRAST.name
    app = make_app()
    async with app.run_test():
        assert app.theme == HIGH_CONTRAST.name


async def test_help_lists_keys(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_tiny_terminal_shows_a_message_then_recovers(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "at least 80×24" in str(app.screen.query_one("#too-small").render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_corrupt_bookmarks_file_is_set_aside(make_app, userdata_path):
    userdata_path.write_bytes(b"\x00garbage, not a database" * 200)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "damaged" in app.userdata.notice
    kept = [p for p in userdata_path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"\x00garbage")


async def test_route_view_leg_by_leg(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        journeys = app.screen.query_one("#journeys", NavList)
        assert option_ids(journeys) == ["journey:route-rs-ba-drina"]
        journeys.focus()
        journeys.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RouteScreen)
        assert option_ids(app.screen.query_one("#leg-risks", NavList)) == ["entry:risk-drowning"]
        assert option_ids(app.screen.query_one("#leg-services", NavList)) == ["entry:svc-legal-aid-bihac"]


async def test_language_switch_serves_translation_or_marks_fallback(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        languages = app.screen.query_one("#languages")
        languages.highlighted = [languages.get_option_at_index(i).id for i in range(languages.option_count)].index("fa")
        await pilot.press("enter")
        await pilot.pause()
        assert app.lang == "fa"
        title = shown(app.screen, "title")
        assert visual_line("غرق شدن در عبور از رودخانه") in title
        # The interface is in Farsi now too: the machine-translation marker is shown in Farsi, right to left.
        assert ui("Machine translation, not yet reviewed by a person.") in title
        assert ui("Machine translation, not yet reviewed by a person.") != "Machine translation, not yet reviewed by a person."
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        assert ui("Shown in English: no translation yet.") in shown(app.screen, "title")


async def test_escape_sequences_in_a_database_never_reach_the_screen(make_app, fixture_db, tmp_path):
    import shutil
    import sqlite3

    from fieldkit.store.db import Located, connect
    from fieldkit.store.store import Store
    from fieldkit.tui.app import FieldkitApp
    from fieldkit.userdata import UserData

    tampered = tmp_path / "tampered.db"
    shutil.copy(fixture_db, tampered)
    with sqlite3.connect(tampered) as conn:
        conn.execute("UPDATE translations SET title = 'Bihać\x1b]0;pwned\x07', body = 'evil \x1b[2J body' WHERE id = 'bihac'")
    app = FieldkitApp(Store(connect(tampered), Located(tampered, "--db")), userdata=UserData(tmp_path / "u.db"))
    async with app.run_test() as pilot:
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        assert "\x1b" not in app.screen.query_one("#entry-markdown", Markdown).source
        assert "\x1b" not in shown(app.screen, "title")


async def test_typing_never_waits_for_a_slow_search(make_app, monkeypatch):
    """Search runs in a worker thread: keystrokes land while a search is still running, and only the last query's
    results show. No clock: the searches are held until every key has been typed."""
    from fieldkit.store.store import Store

    real_search = Store.search_explained
    calls = []
    release = threading.Event()

    def held_search(self, text, **kwargs):
        calls.append((text, threading.current_thread() is threading.main_thread()))
        release.wait(timeout=30)  # held until the test has typed every key
        return real_search(self, text, **kwargs)

    monkeypatch.setattr(Store, "search_explained", held_search)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("slash")
        await type_text(pilot, "drina")
        # Every key reached the box while the first search was still held: typing did not wait for it.
        assert app.screen.query_one("#query", Input).value == "drina"
        await pilot.pause()
        assert calls and not release.is_set()
        release.set()
        await settle(pilot)
        assert not any(on_main for _, on_main in calls)  # never on the UI thread
        assert "drina" in str(app.screen.query_one("#search-status").render())


async def test_command_palette_has_fieldkit_actions(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Search", "Home", "Language", "High contrast", "Keys", "Back", "Bookmark", "Topic: Risks"} <= titles
        bookmark = next(c for c in app.get_system_commands(app.screen) if c.title == "Bookmark")
        bookmark.callback()
        assert app.userdata.bookmarks() == ["bihac"]


async def test_no_color_is_respected(make_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.no_color is True


async def test_footer_keys_are_in_the_interface_language(make_app):
    """Key descriptions are declared in English; the footer shows them in the language of the interface."""
    app = make_app(lang="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        footer = await footer_line(pilot)
        assert "Retour" in footer and "Favori" in footer and "Rechercher" in footer
        assert "Back" not in footer and "Bookmark" not in footer


async def test_footer_keys_follow_a_language_switch(make_app):
    """Choosing another language re-words the footer of the screen already open, not only of the next one."""
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        assert "Back" in await footer_line(pilot)
        app.set_language("fr")
        for _ in range(40):
            footer = await footer_line(pilot)
            if "Retour" in footer:
                break
        assert "Retour" in footer and "Back" not in footer
