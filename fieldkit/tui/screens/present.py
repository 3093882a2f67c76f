"""Present a briefing full screen: one slide at a time, slide number and timer on top, trainer notes on request."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Markdown, Static

from fieldkit.briefing.deck import Deck
from fieldkit.i18n.catalog import N_, _, display, ui
from fieldkit.text.bidi import visual_line
from fieldkit.text.sanitize import sanitize
from fieldkit.tui.screens.base import FieldkitScreen
from fieldkit.tui.themes import HIGH_CONTRAST
from fieldkit.tui.widgets.rtl_markdown import RtlMarkdown


class PresentScreen(FieldkitScreen):
    BINDINGS = [
        Binding("right,space,pagedown,enter,l", "next", N_("Next")),
        Binding("left,backspace,pageup,h", "previous", N_("Previous")),
        Binding("home", "first", N_("First"), show=False),
        Binding("end", "last", N_("Last"), show=False),
        Binding("g", "jump", N_("Go to slide")),
        Binding("n", "toggle_notes", N_("Notes")),
        Binding("escape,q", "end", N_("End")),
    ]

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.deck = deck
        self.index = 0
        self.started = time.monotonic()
        self.previous_theme = ""

    def compose(self) -> ComposeResult:
        yield Static(id="present-bar")
        with Horizontal(id="present-main"):
            with VerticalScroll(id="slide"):
                yield Static(id="slide-title")
                yield Static(id="slide-fallback")
                yield Markdown(id="slide-body")
                yield RtlMarkdown(id="slide-rtl")
            with VerticalScroll(id="slide-notes"):
                yield Static(id="slide-notes-text")
        yield Footer()

    def on_mount(self) -> None:
        # Projectors wash out colour: present in high contrast unless the trainer chose otherwise.
        self.previous_theme = self.app.theme
        chosen = self.host.settings.present_theme or HIGH_CONTRAST.name
        self.app.theme = chosen if chosen in self.app.available_themes else HIGH_CONTRAST.name
        self.query_one("#slide-notes").display = False
        self.show_slide()
        self.set_interval(1.0, self.update_bar)

    def on_unmount(self) -> None:
        if self.previous_theme:
            self.app.theme = self.previous_theme

    @property
    def rtl(self) -> bool:
        return self.deck.rtl and self.host.rtl_in_app

    def show_slide(self) -> None:
        slide = self.deck.slides[self.index]
        title = visual_line(slide.title) if self.rtl else sanitize(slide.title)
        self.query_one("#slide-title", Static).update(Text(title, style="bold"))
        fallback = self.query_one("#slide-fallback", Static)
        fallback.display = slide.fallback
        fallback.update(ui("Shown in English: no translation yet."))
        self.query_one("#slide-body").display = not self.rtl
        self.query_one("#slide-rtl").display = self.rtl
        if self.rtl:
            self.query_one("#slide-rtl", RtlMarkdown).update(slide.body)
        else:
            self.query_one("#slide-body", Markdown).update(sanitize(slide.body))
        notes = slide.notes or _("No notes for this slide.")
        self.query_one("#slide-notes-text", Static).update(
            Text(ui("Trainer notes") + "\n\n", style="bold").append(display(sanitize(notes)))
        )
        self.query_one("#slide", VerticalScroll).scroll_home(animate=False)
        self.update_bar()

    def update_bar(self) -> None:
        elapsed = int(time.monotonic() - self.started)
        planned = self.deck.duration * 60
        clock = f"{elapsed // 60:02d}:{elapsed % 60:02d} / {planned // 60:02d}:00"
        position = display(_("Slide {number} of {total}").format(number=self.index + 1, total=len(self.deck.slides)))
        bar = Text(" " + display(sanitize(self.deck.title)) + " ", style="bold reverse")
        bar.append(f"  {position}  ")
        bar.append(clock, style="bold red" if elapsed > planned else "")
        self.query_one("#present-bar", Static).update(bar)

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.deck.slides) - 1))
        self.show_slide()

    def action_next(self) -> None:
        self.go(self.index + 1)

    def action_previous(self) -> None:
        self.go(self.index - 1)

    def action_first(self) -> None:
        self.go(0)

    def action_last(self) -> None:
        self.go(len(self.deck.slides) - 1)

    def action_toggle_notes(self) -> None:
        notes = self.query_one("#slide-notes")
        notes.display = not notes.display

    def action_jump(self) -> None:
        def jump(number: int | None) -> None:
            if number is not None:
                self.go(number - 1)

        self.app.push_screen(JumpScreen(len(self.deck.slides)), jump)

    def action_end(self) -> None:
        self.app.pop_screen()


class JumpScreen(ModalScreen[int | None]):
    """Ask for a slide number."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Close"))]

    def __init__(self, total: int) -> None:
        super().__init__()
        self.total = total

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="jump-box"):
            yield Static(display(_("Go to slide (1 to {total}):").format(total=self.total)))
            yield Input(id="jump-number", type="integer")

    def on_mount(self) -> None:
        self.query_one("#jump-number", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            number = int(event.value)
        except ValueError:
            number = None
        self.dismiss(number if number is not None and 1 <= number <= self.total else None)
