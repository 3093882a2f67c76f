"""Presenting a briefing in the terminal: next and previous, jump, notes, timer, RTL."""

from __future__ import annotations

from fieldkit.briefing.authored import load_deck
from fieldkit.text.bidi import visual_line
from fieldkit.tui.app import HIGH_CONTRAST
from fieldkit.tui.messages import ToEntry
from fieldkit.tui.screens.entry import EntryScreen
from fieldkit.tui.screens.present import JumpScreen, PresentScreen
from tests.tui.conftest import type_text
from tests.tui.shown import screen_text


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
        assert "Ask the group" not in screen_text(app)  # the first slide's notes
        await pilot.press("right")
        await pilot.pause()
        assert screen.index == 1 and "Slide 2 of 3" in str(screen.query_one("#present-bar").render())
        await pilot.press("n")  # notes never go on the projected screen: n says where to read them
        await pilot.pause()
        assert "Pause here for questions." not in screen_text(app)
        assert any("fieldkit brief brief-rivers --notes" in note.message for note in app._notifications)
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


async def test_ending_a_presentation_started_from_the_shell_quits(make_app, store):
    """`fieldkit brief DECK --present`: the end of the presentation is the end of the program, not Home."""
    app = make_app(present=load_deck(store, "brief-rivers"))
    ended = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PresentScreen)
        quit_app = app.exit
        app.exit = lambda *args, **kwargs: (ended.append(type(app.screen).__name__), quit_app(*args, **kwargs))
        await pilot.press("q")
    assert ended and ended[0] == "PresentScreen"  # it quit from the presentation, without Home in between


async def test_notes_view_follows_the_projector(make_app, store, tmp_path):
    """Two screens on one cue file: the projector moves, the notes view follows with that slide's notes and the
    next slide's title; the notes view moves, the projector follows; the end is said."""
    from fieldkit.tui.screens.present import NotesScreen

    deck = load_deck(store, "brief-rivers")
    projector, trainer = make_app(), make_app()
    async with projector.run_test(size=(100, 30)) as projecting, trainer.run_test(size=(100, 30)) as notes_pilot:
        notes = NotesScreen(deck, cue_folder=tmp_path)
        trainer.push_screen(notes)
        await notes_pilot.pause()
        assert "Waiting for the presentation" in screen_text(trainer)
        screen = PresentScreen(deck, cue_folder=tmp_path)
        projector.push_screen(screen)
        await projecting.pause()
        await projecting.press("right")
        await projecting.pause(0.6)
        await notes_pilot.pause(0.6)
        shown = screen_text(trainer)
        assert notes.index == 1 and "Slide 2 of 3" in shown and "Following the projector" in shown
        assert "Pause here for questions." in shown  # slide 2's notes
        assert "Next:" in shown and deck.slides[2].title[:20] in shown
        await notes_pilot.press("right")  # the trainer moves on from the notes terminal
        await notes_pilot.pause(0.6)
        await projecting.pause(0.6)
        assert screen.index == 2
        await projecting.press("q")
        await projecting.pause()
        await notes_pilot.pause(0.6)
        assert "The presentation has ended." in screen_text(trainer)
