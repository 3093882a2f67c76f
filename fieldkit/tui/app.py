"""The fieldkit app: owns the store, user data, language and theme, and turns `Navigate` messages into screens."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen

from fieldkit.core.registry import REGISTRY
from fieldkit.i18n.catalog import N_, _, display, explain, reorders_rtl, set_language, ui
from fieldkit.i18n.origins import origin_in_words
from fieldkit.i18n.vocabulary import topic_title
from fieldkit.settings import Settings
from fieldkit.store.db import connect
from fieldkit.store.routes import Journey, load_legs, next_legs, previous_legs, revisits
from fieldkit.store.store import Store
from fieldkit.text.bidi import has_rtl_letters
from fieldkit.tui.collector import release_collector
from fieldkit.tui.host import Host
from fieldkit.tui.messages import (
    Destination,
    Navigate,
    Reloadable,
    ShowsEntry,
    ToCountry,
    ToEntry,
    ToJourney,
    ToJourneyThrough,
    ToPresentation,
    ToTopic,
)
from fieldkit.tui.sizes import MIN_HEIGHT, MIN_WIDTH
from fieldkit.tui.themes import DEFAULT_THEME, HIGH_CONTRAST
from fieldkit.userdata import UserData

if TYPE_CHECKING:
    from textual.command import Provider

    from fieldkit.briefing.deck import Deck


def _palette_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (as Textual's own is), not before the first
    frame."""
    from fieldkit.tui.palette import FieldkitCommands

    return FieldkitCommands


class FieldkitApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "fieldkit"
    COMMANDS = {_palette_commands}  # Textual's system commands, found by the words typed in any language
    BINDINGS = [
        Binding("slash", "search", N_("Search")),
        Binding("ctrl+k", "search", N_("Search"), show=False),
        Binding("question_mark,f1", "help", N_("Help")),
        Binding("h", "home", N_("Home")),
        Binding("l", "language", N_("Language")),
        Binding("t", "toggle_theme", N_("Theme"), show=False),
        Binding("q", "quit", N_("Quit")),
    ]

    # The content and interface language: the one place it lives while the app runs. Changing it translates the
    # interface (the catalogs follow it, see watch_lang), redraws every screen and is remembered for next time.
    lang: reactive[str] = reactive("en", init=False)

    def __init__(self, store: Store, *, userdata: UserData | None = None, lang: str = "en",
                 today: dt.date | None = None, present: Deck | None = None, notes: Deck | None = None) -> None:
        super().__init__()
        # Started from the shell (`fieldkit brief DECK --present` / `--notes`): open straight into the presentation
        # or the trainer's notes view, and ending it ends the program, back to the shell.
        self.present_deck = present
        self.notes_deck = notes
        self.store = store
        self.userdata = userdata or UserData()
        self.settings = Settings.load(self.userdata)
        self.set_reactive(FieldkitApp.lang, lang)  # the starting language: no watcher, nothing to redraw yet
        self.today = today  # fixed in tests so ages do not change with the calendar
        self._local = threading.local()
        self._too_small_shown = False  # whether TooSmallScreen was ever pushed (so the current screen may be one)
        self.typed_form: dict[str, str] = {}  # a command name as the palette shows it -> the words it is found by
        # "app": fieldkit shapes and reorders right-to-left text; "terminal": the terminal does (mlterm, some VTE).
        self.rtl_in_app = self.settings.rtl_mode == "app"
        set_language(lang, visual_rtl=self.rtl_in_app)
        self.register_theme(HIGH_CONTRAST)
        self.theme = self.settings.theme if self.settings.theme in self.available_themes else DEFAULT_THEME

    @property
    def source_label(self) -> str:
        located = self.store.located
        if not located:
            return ""
        origin = origin_in_words(located.origin)
        if reorders_rtl() and not has_rtl_letters(origin):
            origin = "\u200e" + origin  # LRM: "--db" keeps its dashes in front in a right-to-left line
        return _("from {origin}").format(origin=origin)

    def thread_store(self) -> Store:
        """A store for the calling worker thread: SQLite connections must not cross threads."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(connect(self.store.located.path) if self.store.located else self.store.conn)
        return store

    def get_default_screen(self) -> Screen:
        # Home is the bottom of the stack: the first frame is the home screen, not a blank one under it.
        from fieldkit.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(release_collector)  # after the first frame (fieldkit/tui/launch.py says why)
        if self.present_deck is not None:
            self.present(self.present_deck, exit_on_end=True)
        elif self.notes_deck is not None:
            from fieldkit.tui.screens.present import NotesScreen

            self.push_screen(NotesScreen(self.notes_deck))
        if self.userdata.problem:
            self.notify(display(explain(self.userdata.problem)), severity="warning", timeout=10)
        self._warn_expired()
        self._check_size(self.size.width, self.size.height)

    def _warn_expired(self) -> None:
        """A pack in use past its publisher's expiry date: said once at start; the content is still read."""
        located = self.store.located
        if located is None or located.origin in ("--db", "FIELDKIT_DB"):
            return
        from fieldkit.runtime.locate import expired_packs

        for pack, day in expired_packs():
            self.notify(display(_("warning: {pack} expired on {date}: its publisher meant to have replaced it by then; "
                                  "fieldkit still uses it until a newer pack is installed").format(pack=pack, date=day)),
                        severity="warning", timeout=15)

    # --- navigation -----------------------------------------------------------------------------------------
    @on(Navigate)
    def on_navigate(self, message: Navigate) -> None:
        self.navigate(message.destination)

    def navigate(self, destination: Destination) -> None:
        from fieldkit.tui.screens.country import CountryScreen
        from fieldkit.tui.screens.entry import EntryScreen
        from fieldkit.tui.screens.route import RouteScreen
        from fieldkit.tui.screens.topic import TopicScreen

        match destination:
            case ToEntry(entry_id):
                self.push_screen(EntryScreen(entry_id))
            case ToCountry(code):
                self.push_screen(CountryScreen(code))
            case ToTopic(entry_type):
                self.push_screen(TopicScreen(entry_type))
            case ToJourney(leg_ids):
                self.push_screen(RouteScreen(list(leg_ids)))
            case ToJourneyThrough(leg_id):
                self.push_screen(RouteScreen([leg.id for leg in self.journey_through(leg_id).legs]))
            case ToPresentation(deck_id):
                from fieldkit.briefing.authored import load_deck

                self.present(load_deck(self.store, deck_id, self.lang))

    def present(self, deck: Deck, *, exit_on_end: bool = False) -> None:
        from fieldkit.tui.screens.present import PresentScreen

        self.push_screen(PresentScreen(deck, exit_on_end=exit_on_end))

    def journey_through(self, leg_id: str) -> Journey:
        """The chain through one leg: back to where it starts, on to where it ends (first choice at forks)."""
        legs = load_legs(self.store, self.lang)
        by_id = {leg.id: leg for leg in legs}
        chain = [by_id[leg_id]]
        while (before := [leg for leg in previous_legs(legs, chain[0]) if leg not in chain and not revisits([leg, *chain])]):
            chain.insert(0, before[0])
        while (after := [leg for leg in next_legs(legs, chain[-1]) if leg not in chain and not revisits([*chain, leg])]):
            chain.append(after[0])
        return Journey(chain)

    async def action_back(self) -> None:  # async, as the App method it replaces
        if len(self.screen_stack) > 1:  # Home stays
            self.pop_screen()

    def action_home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_search(self) -> None:
        from fieldkit.tui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            self.screen.query_one("#query").focus()
        else:
            self.push_screen(SearchScreen())

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Every link clicked in the app: its address in a dialog to copy, never a browser opened."""
        from fieldkit.tui.screens.dialogs import LinkScreen

        self.push_screen(LinkScreen(url))

    def action_show_help_panel(self) -> None:
        """Show the Keys panel (the palette's "Keys"): Textual's, laid out right to left where the language is."""
        from textual.css.query import NoMatches
        from textual.widgets import HelpPanel

        from fieldkit.tui.widgets.keys_panel import FieldkitHelpPanel

        try:
            self.screen.query_one(HelpPanel)
        except NoMatches:
            self.screen.mount(FieldkitHelpPanel())

    def action_help(self) -> None:
        from fieldkit.tui.screens.dialogs import HelpScreen

        self.push_screen(HelpScreen())

    def action_language(self) -> None:
        from fieldkit.i18n.catalog import UI_LANGUAGES
        from fieldkit.tui.screens.dialogs import LanguageScreen

        languages = sorted(set(UI_LANGUAGES) | set(self.store.stats()["languages"]))
        self.push_screen(LanguageScreen(languages, self.lang), self.set_language)

    def set_language(self, lang: str | None) -> None:
        """The language dialog's answer: None when it was closed without a choice."""
        if lang:
            self.lang = lang

    def watch_lang(self, lang: str) -> None:
        set_language(lang, visual_rtl=self.rtl_in_app)
        self.settings = self.settings.save(self.userdata, language=lang)
        self.reload_screens()

    def reload_screens(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, Reloadable):
                screen.reload()
            # The footer words its keys when the bindings change; a new language changes only their wording.
            screen.refresh_bindings()

    def action_toggle_rtl(self) -> None:
        self.rtl_in_app = not self.rtl_in_app
        self.settings = self.settings.save(self.userdata, rtl="app" if self.rtl_in_app else "terminal")
        set_language(self.lang, visual_rtl=self.rtl_in_app)
        self.reload_screens()
        self.notify(ui("fieldkit lays out right-to-left text.") if self.rtl_in_app
                    else ui("The terminal lays out right-to-left text."))

    def action_toggle_theme(self) -> None:
        """Switch between the default and high contrast; remembered for presentations apart from the rest."""
        from fieldkit.tui.screens.present import PresentScreen

        self.theme = HIGH_CONTRAST.name if self.theme != HIGH_CONTRAST.name else DEFAULT_THEME
        key = "present_theme" if isinstance(self.screen, PresentScreen) else "theme"
        self.settings = self.settings.save(self.userdata, **{key: self.theme})

    def action_command_palette(self) -> None:
        """Textual's command palette, with its placeholder in the interface language."""
        from textual.command import CommandPalette

        if self.use_command_palette and self.screen.id != "--command-palette":  # as CommandPalette.is_open
            self.push_screen(CommandPalette(placeholder=ui("Search for commands…"), id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own commands (Theme, Quit, Keys, Screenshot, ...), their names and help translated.
        name = self._command_name
        for command in super().get_system_commands(screen):
            yield SystemCommand(name(_(command.title)), ui(command.help), command.callback, command.discover)
        yield SystemCommand(name(_("Search")), ui("Search every entry (/ or Ctrl+K)"), self.action_search)
        yield SystemCommand(name(_("Home")), ui("Back to the home screen (h)"), self.action_home)
        yield SystemCommand(name(_("Language")), ui("Choose the language (l)"), self.action_language)
        yield SystemCommand(name(_("High contrast")),
                            ui("Switch between the default and the high-contrast theme (t)"), self.action_toggle_theme)
        yield SystemCommand(name(_("Keys")), ui("Every key fieldkit knows (? or F1)"), self.action_help)
        yield SystemCommand(name(_("Right-to-left text")),
                            ui("Switch who lays out right-to-left text: fieldkit or the terminal"),
                            self.action_toggle_rtl)
        yield SystemCommand(name(_("Back")), ui("Back to the previous screen (Esc)"), self.action_back)
        if isinstance(screen, ShowsEntry):
            yield SystemCommand(name(_("Bookmark")), ui("Bookmark this entry, or remove the bookmark (b)"),
                                screen.action_bookmark)
            yield SystemCommand(name(_("Country overview")), ui("This entry's country (c)"), screen.action_country)
            yield SystemCommand(name(_("Route view")), ui("Follow this route leg by leg (r)"), screen.action_route)
            yield SystemCommand(name(_("Referral slip")), ui("Write a referral slip for this service (r)"),
                                screen.action_referral)
        for content_type in REGISTRY.on_home():
            yield SystemCommand(name(_("Topic: {name}").format(name=topic_title(content_type.name))),
                                ui("Every entry of this kind"),
                                lambda t=content_type.name: self.navigate(ToTopic(t)))

    def _command_name(self, words: str) -> str:
        """A command's name (translated, logical order) as the palette shows it; the palette's search matches what
        is typed against the words (fieldkit/tui/palette.py), which `typed_form` keeps for each name shown."""
        shown = display(words)
        self.typed_form[shown] = words
        return shown

    # --- terminal size --------------------------------------------------------------------------------------
    def on_resize(self, event: Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        if not too_small and not self._too_small_shown:
            return  # the usual start: the dialogs are imported when one is first shown, not before the first frame
        from fieldkit.tui.screens.dialogs import TooSmallScreen

        if isinstance(self.screen, TooSmallScreen):
            if too_small:
                self.screen.update_size(width, height)
            else:
                self.pop_screen()
        elif too_small:
            self._too_small_shown = True
            self.push_screen(TooSmallScreen(width, height))

    def on_unmount(self) -> None:
        self.userdata.close()


# ECMA-48 BDSM: 8l asks a terminal that reorders bidi text itself to stop (fieldkit does it); 8h restores it.
BIDI_OFF, BIDI_ON = "\x1b[8l", "\x1b[8h"


def run(store: Store, lang: str = "en", present: Deck | None = None, userdata: UserData | None = None,
        notes: Deck | None = None) -> int:
    """Run the app; with `present` (a Deck), open straight into its presentation; with `notes`, into the trainer's
    notes view of it. Either way, ending it quits."""
    app = FieldkitApp(store, lang=lang, present=present, userdata=userdata, notes=notes)
    if app.rtl_in_app:
        _tell_terminal(BIDI_OFF)
    try:
        app.run()
    finally:
        if app.rtl_in_app:
            _tell_terminal(BIDI_ON)
    return app.return_code or 0


def _tell_terminal(sequence: str) -> None:
    import sys

    terminal = sys.__stdout__  # the terminal itself, whatever Textual makes of sys.stdout; None without a console
    if terminal is not None:
        terminal.write(sequence)
        terminal.flush()


if TYPE_CHECKING:

    def _hosts_screens(app: FieldkitApp) -> Host:
        return app  # mypy checks here that the app provides all that screens use of it (fieldkit/tui/host.py)
