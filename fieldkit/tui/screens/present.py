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
from fieldkit.text.bidi import cell_width, visual_line
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
        # base "auto": a slide shown in English for want of a translation keeps its punctuation at its end.
        title = visual_line(slide.title, base="auto") if self.rtl else sanitize(slide.title)
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
        """Deck title, slide number and timer on one line. The title gives way (cut, with "…") so the slide number
        and the timer always show, at 80 columns too; in a right-to-left deck the title is on the right."""
        elapsed = int(time.monotonic() - self.started)
        planned = self.deck.duration * 60
        clock = f"{elapsed // 60:02d}:{elapsed % 60:02d} / {planned // 60:02d}:00"
        position = display(_("Slide {number} of {total}").format(number=self.index + 1, total=len(self.deck.slides)))
        width = self.query_one("#present-bar", Static).size.width or self.app.size.width
        room = max(width - cell_width(position) - cell_width(clock) - 8, 8)
        clock_style = "bold red" if elapsed > planned else ""
        if self.rtl:
            title = cut(visual_line(sanitize(self.deck.title), base="auto"), room, from_left=True)
            bar = Text(clock, style=clock_style).append(f"  {position}  ").append(f" {title} ", style="bold reverse")
            bar.align("right", width)
        else:
            title = cut(display(sanitize(self.deck.title)), room, from_left=False)
            bar = Text(f" {title} ", style="bold reverse").append(f"  {position}  ").append(clock, style=clock_style)
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


def cut(text: str, width: int, *, from_left: bool) -> str:
    """`text` in at most `width` cells: its end cut off and marked "…" (for visual right-to-left text, whose end
    is on the left, `from_left`)."""
    if cell_width(text) <= width:
        return text
    if from_left:
        while cell_width(text) > width - 1:
            text = text[1:]
        return "…" + text
    while cell_width(text) > width - 1:
        text = text[:-1]
    return text + "…"


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
