"""Present a briefing full screen (the projector), and the trainer's notes view in a second terminal.

The projected screen never shows trainer notes. `fieldkit brief DECK --notes` opens NotesScreen, which follows the
projector's slide through a cue file (fieldkit/briefing/cue.py) and shows that slide's notes, the next slide and
the time; either screen can move the presentation on, and the other follows.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Markdown, Static

from fieldkit.briefing.cue import Cue, CueReader, cue_path, end_cue, notes_command, now, write_cue
from fieldkit.briefing.deck import Deck
from fieldkit.i18n.catalog import N_, _, display, ui
from fieldkit.text.bidi import cell_width, visual_line
from fieldkit.text.sanitize import sanitize
from fieldkit.tui.screens.base import FieldkitScreen
from fieldkit.tui.themes import HIGH_CONTRAST
from fieldkit.tui.widgets.rtl_markdown import RtlMarkdown

POLL_SECONDS = 0.25  # how often each end looks at the cue file (a stat; a read only when it changed)


def clock(started: float | None, planned_minutes: int) -> tuple[str, bool]:
    """"MM:SS / MM:00" since `started` (None: not started), and whether the planned time is over."""
    elapsed = int(now() - started) if started else 0
    planned = planned_minutes * 60
    return f"{elapsed // 60:02d}:{elapsed % 60:02d} / {planned // 60:02d}:00", elapsed > planned


class PresentScreen(FieldkitScreen):
    BINDINGS = [
        Binding("right,space,pagedown,enter,l", "next", N_("Next")),
        Binding("left,backspace,pageup,h", "previous", N_("Previous")),
        Binding("home", "first", N_("First"), show=False),
        Binding("end", "last", N_("Last"), show=False),
        Binding("g", "jump", N_("Go to slide")),
        Binding("n", "notes_hint", N_("Notes")),
        Binding("escape,q", "end", N_("End")),
    ]

    def __init__(self, deck: Deck, *, exit_on_end: bool = False, cue_folder: Path | None = None) -> None:
        super().__init__()
        self.deck = deck
        self.index = 0
        self.started = now()
        self.previous_theme = ""
        self.exit_on_end = exit_on_end  # started from the shell: ending the presentation ends the program
        self.cue_path = cue_path(deck, cue_folder)
        self.cue_reader = CueReader(self.cue_path, deck.presentation_key)
        self.cue_failed = False

    def compose(self) -> ComposeResult:
        yield Static(id="present-bar")
        with Horizontal(id="present-main"):
            with VerticalScroll(id="slide"):
                yield Static(id="slide-title")
                yield Static(id="slide-fallback")
                yield Markdown(id="slide-body")
                yield RtlMarkdown(id="slide-rtl")
        yield Footer()

    def on_mount(self) -> None:
        # Projectors wash out colour: present in high contrast unless the trainer chose otherwise.
        self.previous_theme = self.app.theme
        chosen = self.host.settings.present_theme or HIGH_CONTRAST.name
        self.app.theme = chosen if chosen in self.app.available_themes else HIGH_CONTRAST.name
        self.show_slide()
        self.set_interval(1.0, self.update_bar)
        self.set_interval(POLL_SECONDS, self.follow_cue)

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
        self.query_one("#slide", VerticalScroll).scroll_home(animate=False)
        self.update_bar()

    def update_bar(self) -> None:
        """Deck title, slide number and timer on one line. The title gives way (cut, with "…") so the slide number
        and the timer always show, at 80 columns too; in a right-to-left deck the title is on the right."""
        time_text, over = clock(self.started, self.deck.duration)
        position = display(_("Slide {number} of {total}").format(number=self.index + 1, total=len(self.deck.slides)))
        self.query_one("#present-bar", Static).update(
            bar_text(self.deck.title, position, time_text, over=over, rtl=self.rtl,
                     width=self.query_one("#present-bar", Static).size.width or self.app.size.width))

    # --- the cue: tell the notes view, follow it ---------------------------------------------------------------
    def cue(self) -> Cue:
        return Cue(self.deck.presentation_key, self.index, len(self.deck.slides), self.started)

    def publish(self) -> None:
        """Write the slide shown to the cue file; a presentation goes on even where the file cannot be written."""
        try:
            self.cue_reader.skip(write_cue(self.cue_path, self.cue()))
        except OSError as error:
            if not self.cue_failed:
                self.cue_failed = True
                self.notify(ui("The notes view cannot follow this presentation:") + f" {error.strerror}",
                            severity="warning")

    def follow_cue(self) -> None:
        cue = self.cue_reader.changed()
        if cue is not None and not cue.ended and cue.slide != self.index:
            self.go(cue.slide, publish=False)

    def go(self, index: int, *, publish: bool = True) -> None:
        self.index = max(0, min(index, len(self.deck.slides) - 1))
        self.show_slide()
        if publish:
            self.publish()

    def on_screen_resume(self) -> None:
        self.publish()  # the first slide, and again after the jump dialog

    def action_next(self) -> None:
        self.go(self.index + 1)

    def action_previous(self) -> None:
        self.go(self.index - 1)

    def action_first(self) -> None:
        self.go(0)

    def action_last(self) -> None:
        self.go(len(self.deck.slides) - 1)

    def action_notes_hint(self) -> None:
        """Notes never go on the projected screen: say where to read them."""
        self.notify(ui("Trainer notes are not shown on the projected screen. In a second terminal run:")
                    + "\n" + notes_command(self.deck), timeout=8)

    def action_jump(self) -> None:
        def jump(number: int | None) -> None:
            if number is not None:
                self.go(number - 1)

        self.app.push_screen(JumpScreen(len(self.deck.slides)), jump)

    def action_end(self) -> None:
        end_cue(self.cue_path, self.cue())
        if self.exit_on_end:
            self.app.exit()
        else:
            self.app.pop_screen()


class NotesScreen(FieldkitScreen):
    """The trainer's screen: the projector's slide with its notes, the next slide, and the time."""

    BINDINGS = [
        Binding("right,space,pagedown,enter,l", "next", N_("Next")),
        Binding("left,backspace,pageup,h", "previous", N_("Previous")),
        Binding("escape,q", "end", N_("End")),
    ]

    def __init__(self, deck: Deck, *, cue_folder: Path | None = None) -> None:
        super().__init__()
        self.deck = deck
        self.index = 0
        self.cue: Cue | None = None  # the projector's last cue; None until it starts
        self.cue_path = cue_path(deck, cue_folder)
        self.cue_reader = CueReader(self.cue_path, deck.presentation_key)

    def compose(self) -> ComposeResult:
        yield Static(id="present-bar")
        yield Static(id="notes-status")
        yield Static(id="notes-now")
        with VerticalScroll(id="notes-scroll"):
            yield Static(id="notes-text")
        yield Static(id="notes-next")
        yield Footer()

    def on_mount(self) -> None:
        self.follow_cue()
        self.show()
        self.set_interval(POLL_SECONDS, self.follow_cue)
        self.set_interval(1.0, self.update_bar)

    def follow_cue(self) -> None:
        cue = self.cue_reader.changed()
        if cue is None:
            return
        self.cue = cue
        self.index = max(0, min(cue.slide, len(self.deck.slides) - 1))
        self.show()

    def _line(self, text: str) -> str:
        return visual_line(text) if self.deck.rtl and self.host.rtl_in_app else sanitize(text)

    def show(self) -> None:
        slide = self.deck.slides[self.index]
        self.query_one("#notes-status", Static).update(Text(self.status(), style="italic"))
        self.query_one("#notes-now", Static).update(
            Text(ui("Now:") + " ", style="bold").append(self._line(slide.title), style="bold"))
        notes = slide.notes or _("No notes for this slide.")
        self.query_one("#notes-text", Static).update(
            Text(ui("Trainer notes") + "\n\n", style="bold").append(display(sanitize(notes))))
        following = self.deck.slides[self.index + 1].title if self.index + 1 < len(self.deck.slides) else ""
        self.query_one("#notes-next", Static).update(
            Text(ui("Next:") + " ", style="dim").append(self._line(following) if following else ui("(last slide)"),
                                                      style="dim"))
        self.query_one("#notes-scroll", VerticalScroll).scroll_home(animate=False)
        self.update_bar()

    def status(self) -> str:
        if self.cue is None:
            return ui("Waiting for the presentation to start in the other terminal (--present).")
        if self.cue.ended:
            return ui("The presentation has ended.")
        if self.cue.total != len(self.deck.slides):
            return display(_("The projector shows another version of this deck ({total} slides).").format(
                total=self.cue.total))
        return ui("Following the projector.")

    def update_bar(self) -> None:
        live = self.cue is not None and not self.cue.ended
        time_text, over = clock(self.cue.started if self.cue and live else None, self.deck.duration)
        position = display(_("Slide {number} of {total}").format(number=self.index + 1, total=len(self.deck.slides)))
        title = _("Trainer notes") + " · " + self.deck.title
        self.query_one("#present-bar", Static).update(
            bar_text(title, position, time_text, over=over, rtl=self.deck.rtl and self.host.rtl_in_app,
                     width=self.query_one("#present-bar", Static).size.width or self.app.size.width))

    def go(self, index: int) -> None:
        """Move the presentation: the projector follows when it is running; before it starts, only this view."""
        self.index = max(0, min(index, len(self.deck.slides) - 1))
        if self.cue is not None and not self.cue.ended:
            self.cue = Cue(self.cue.deck, self.index, self.cue.total, self.cue.started)
            try:
                self.cue_reader.skip(write_cue(self.cue_path, self.cue))
            except OSError:
                pass  # the projector just does not follow; the notes view still works
        self.show()

    def action_next(self) -> None:
        self.go(self.index + 1)

    def action_previous(self) -> None:
        self.go(self.index - 1)

    def action_end(self) -> None:
        self.app.exit()


def bar_text(title: str, position: str, time_text: str, *, over: bool, rtl: bool, width: int) -> Text:
    """The top line of the projector and the notes view: the title gives way to the position and the time."""
    room = max(width - cell_width(position) - cell_width(time_text) - 8, 8)
    clock_style = "bold red" if over else ""
    if rtl:
        shown = cut(visual_line(sanitize(title), base="auto"), room, from_left=True)
        bar = Text(time_text, style=clock_style).append(f"  {position}  ").append(f" {shown} ", style="bold reverse")
        bar.align("right", width)
        return bar
    shown = cut(display(sanitize(title)), room, from_left=False)
    return Text(f" {shown} ", style="bold reverse").append(f"  {position}  ").append(time_text, style=clock_style)


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
