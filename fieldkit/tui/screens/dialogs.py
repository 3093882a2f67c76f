"""Small screens over the current one: help, language choice, a link's address, adding to a list, a note, and
"enlarge the terminal"."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from fieldkit.core.languages import is_rtl
from fieldkit.i18n.catalog import N_, _, display, reorders_rtl, ui
from fieldkit.i18n.languages import native_name
from fieldkit.text.bidi import visual_line
from fieldkit.text.sanitize import sanitize
from fieldkit.tui.sizes import MIN_HEIGHT, MIN_WIDTH
from fieldkit.tui.widgets.rtl_lines import RtlRows

KEYS = [
    ("/  Ctrl+K", N_("Search from anywhere")),
    ("Enter", N_("Open the highlighted item, follow a link")),
    ("Esc  Backspace", N_("Back")),
    ("Tab  Shift+Tab", N_("Move between panels")),
    ("↑ ↓  PgUp PgDn", N_("Move in a list, scroll a text")),
    ("b", N_("Bookmark the entry you are reading (again to remove)")),
    ("r", N_("On a route leg: follow the route leg by leg")),
    ("r", N_("On a service: write a referral slip in the person's language")),
    ("c", N_("On an entry: its country's overview")),
    ("p", N_("On an entry: print it on one page (a file to open and print)")),
    ("p  P", N_("On a briefing: p presents it (→ next, ← back, g go to), P prints it")),
    ("a", N_("Add the entry to one of your lists (fieldkit list exports them)")),
    ("n", N_("Keep a short note on the entry (only on this computer)")),
    ("Ctrl+F", N_("Find in the entry: Enter next match, Esc close")),
    ("h", N_("Home")),
    ("l", N_("Language")),
    ("t", N_("Switch theme: default / high contrast")),
    ("Ctrl+P", N_("Command palette: every action by name")),
    ("?  F1", N_("This help")),
    ("q  Ctrl+Q", N_("Quit")),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", N_("Close"))]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static(Text(ui("Keys"), style="bold", justify="right" if reorders_rtl() else "left"))
            if reorders_rtl():  # keys on the right; each description wrapped to its column, then reordered
                yield RtlRows([(keys, _(action)) for keys, action in KEYS], id="help-keys")
            else:
                table = Table.grid(padding=(0, 2))
                table.add_column(style="bold")
                table.add_column()
                for keys, action in KEYS:
                    table.add_row(keys, ui(action))
                yield Static(table, id="help-keys")
            yield Static(Text(ui("The mouse works too: click to open, scroll to move. Esc closes this."), style="dim"))


class LanguageScreen(ModalScreen[str | None]):
    """Returns the chosen language code, or None."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Close"))]

    def __init__(self, languages: list[str], current: str) -> None:
        super().__init__()
        self.languages = languages
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="language-box", classes="dialog"):
            yield Static(Text(ui("Language"), style="bold"))
            options = [Option(Text(f"{self.shown_name(code)}  ").append(code, style="dim"), id=code)
                       for code in self.languages]
            yield OptionList(*options, id="languages")

    def shown_name(self, code: str) -> str:
        """The language's own name, laid out right to left when it is written so, whatever the interface's
        language (in the English interface too)."""
        name = native_name(code)
        if is_rtl(code) and getattr(self.app, "rtl_in_app", True):
            return visual_line(name)
        return display(name)

    def on_mount(self) -> None:
        languages = self.query_one("#languages", OptionList)
        if self.current in self.languages:
            languages.highlighted = self.languages.index(self.current)
        languages.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class AddToListScreen(ModalScreen[str | None]):
    """Choose one of the lists, or type the name of a new one. Returns the name, or None."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Close"))]

    def __init__(self, lists: list[str]) -> None:
        super().__init__()
        self.lists = lists

    def compose(self) -> ComposeResult:
        with Vertical(id="list-box", classes="dialog"):
            yield Static(Text(ui("Add to a list"), style="bold"))
            yield OptionList(*[Option(display(name), id=str(number)) for number, name in enumerate(self.lists)],
                             id="list-names")
            yield Input(placeholder=ui("or a new list: type its name, then Enter"), id="list-new")

    def on_mount(self) -> None:
        self.query_one("#list-names", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.lists[int(event.option.id or 0)])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())[:80]
        if name:
            self.dismiss(name)


class NoteScreen(ModalScreen[str | None]):
    """Edit the personal note on an entry: Enter saves (an empty note deletes it), Esc leaves it as it was."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Close"))]

    def __init__(self, note: str) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        from fieldkit.userdata import NOTE_MAX

        with Vertical(id="note-box", classes="dialog"):
            yield Static(Text(ui("Your note on this entry"), style="bold"))
            yield Input(value=self.note, max_length=NOTE_MAX, id="note-text")
            yield Static(Text(display(_("Enter saves, an empty note is deleted, Esc cancels. Kept on this "
                                        "computer; exported with your lists.")), style="dim"))

    def on_mount(self) -> None:
        self.query_one("#note-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)


class TooSmallScreen(ModalScreen[None]):
    """Shown instead of a squeezed layout while the terminal is smaller than the app needs."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.size_now = (width, height)

    def compose(self) -> ComposeResult:
        yield Static(self.message(*self.size_now), id="too-small")

    def message(self, width: int, height: int) -> str:

        return "\n".join([
            display(_("Please enlarge the terminal to at least {width}×{height}.").format(width=MIN_WIDTH, height=MIN_HEIGHT)),
            display(_("It is {width}×{height} now.").format(width=width, height=height)),
        ])

    def update_size(self, width: int, height: int) -> None:
        self.query_one("#too-small", Static).update(self.message(width, height))


class LinkScreen(ModalScreen[None]):
    """A web address from the content, shown with a Copy button: fieldkit never opens a browser (it is offline,
    and a link in a pack should not reach out on its own). FieldkitApp.open_url shows this for every link."""

    BINDINGS = [Binding("escape,q", "dismiss", N_("Close")), Binding("c", "copy", N_("Copy"))]

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = " ".join(sanitize(url).split())

    def compose(self) -> ComposeResult:
        with Vertical(id="link-box", classes="dialog"):
            yield Static(Text(ui("Web"), style="bold"))
            yield Static(Text(self.url), id="link-url")
            yield Static(Text(ui("fieldkit does not open web pages. Copy the address to open it in a browser."),
                              style="dim"))
            with Horizontal(id="link-buttons"):
                yield Button(ui("Copy"), id="link-copy", variant="primary")
                yield Button(ui("Close"), id="link-close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "link-copy":
            self.action_copy()
        else:
            self.dismiss()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.url)
        self.app.notify(ui("Copied."), timeout=2)
