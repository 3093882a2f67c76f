"""Presenting a briefing in the terminal: next and previous, jump, notes, timer, RTL."""

from __future__ import annotations

from fieldkit.briefing.authored import load_deck
from fieldkit.text.bidi import visual_line
from fieldkit.tui.app import HIGH_CONTRAST
from fieldkit.tui.messages import ToEntry
from fieldkit.tui.screens.entry import EntryScreen
from fieldkit.tui.screens.present import JumpScreen, PresentScreen
from tests.tui.conftest import type_text


async def test_present_from_the_entry(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.navigate(ToEntry("brief-rivers"))
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PresentScreen)
        assert app.theme == HIGH_CONTRAST.name  # projector-friendly by default
        bar = str(screen.query_one("#present-bar").render())
        assert "Slide 1 of 3" in bar and "/ 10:00" in bar
        assert "Rivers are the first danger" in str(screen.query_one("#slide-title").render())
        assert not screen.query_one("#slide-notes").display
        await pilot.press("right")
        await pilot.pause()
        assert screen.index == 1 and "Slide 2 of 3" in str(screen.query_one("#present-bar").render())
        await pilot.press("n")
        await pilot.pause()
        assert screen.query_one("#slide-notes").display
        assert "Pause here for questions." in str(screen.query_one("#slide-notes-text").render())
        await pilot.press("right", "right", "right")  # stops at the last slide
        assert screen.index == 2
        await pilot.press("left")
        assert screen.index == 1
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, JumpScreen)
        await type_text(pilot, "3")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.index == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        assert app.theme != HIGH_CONTRAST.name  # the trainer's theme is back


async def test_present_arabic_deck_right_to_left(make_app, store):
    deck = load_deck(store, "brief-rivers", "ar")
    app = make_app(lang="ar")
    async with app.run_test(size=(100, 30)) as pilot:
        app.present(deck)
        await pilot.pause()
        screen = app.screen
        assert visual_line("الأنهار هي الخطر الأول") in str(screen.query_one("#slide-title").render())
        assert screen.query_one("#slide-rtl").display and not screen.query_one("#slide-body").display
