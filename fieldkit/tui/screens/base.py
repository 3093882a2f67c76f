"""What every fieldkit screen shares: the app typed, key descriptions translated, and (but for presentations) a
header line with the content's review state, the footer, and `reload()`."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widgets import Footer, Static

from fieldkit.i18n.catalog import _, display, ui
from fieldkit.i18n.dates import is_stale
from fieldkit.i18n.languages import native_name
from fieldkit.i18n.review import checked_phrase, content_review_phrase
from fieldkit.tui.host import Host, host_of


class FieldkitScreen(Screen[None]):
    """A full screen of the fieldkit app."""

    @property
    def host(self) -> Host:
        """The fieldkit app this screen runs in: its store, user data, language and navigation."""
        return host_of(self)

    def english_bindings(self) -> dict[str, ActiveBinding]:
        """The active bindings with their descriptions as declared, in English (the Keys panel translates them)."""
        return super().active_bindings

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        # Bindings are declared once, in English (N_); the footer shows them from here, in the current language.
        return {
            key: active._replace(binding=replace(active.binding, description=ui(active.binding.description)))
            if active.binding.description else active
            for key, active in super().active_bindings.items()
        }


class HeaderLine(Static):
    """The header line; when its width changes (a scrollbar comes or goes), it is worded again to fit."""

    def on_resize(self) -> None:
        screen = self.screen
        if isinstance(screen, BaseScreen) and self.size.width != screen.header_width:
            screen.schedule_header()


class BaseScreen(FieldkitScreen):
    """A screen that can redraw itself for another language and shows the content version and age on top."""

    header_width: int | None = None  # the width the header line was last worded for
    _header_due = False  # an update_header is already waiting for the next refresh

    def compose_header(self) -> ComposeResult:
        yield HeaderLine(Text(" fieldkit ", style="bold reverse"), id="app-header")

    def compose_footer(self) -> ComposeResult:
        yield Footer()

    def header_text(self) -> Text:
        """The header line: the language, the content's version, when the editors last checked it against the
        sources, how much a specialist has reviewed, and where it comes from. The longest of these that fits the
        width: without where it comes from, then shorter wording, then without the word "content" and the version;
        the language and the review state stay. It needs the header's width, so it runs after the first paint."""
        app = self.host
        meta = app.store.meta()
        summary = app.store.review_summary()
        checked = summary["checked"] or ""
        headers = self.query("#app-header")
        width = (headers.first().size.width if headers else 0) or self.size.width or self.app.size.width or 80
        version = meta.get("content_version", "?")
        labelled = display(_("content {version}").format(version=version))
        stale = "bold red" if checked and is_stale(checked, today=app.today) else "dim"
        # (short wording, the version as shown, with where it comes from)
        layouts = [(False, labelled, True), (False, labelled, False), (True, labelled, True), (True, labelled, False),
                   (True, version, False), (True, "", False)]
        text = Text()
        for short, shown_version, with_source in layouts:
            text = Text(" fieldkit ", style="bold reverse")
            # The language first: on a narrow terminal the line is cut at its end, and the language matters most.
            text.append(f"  {display(native_name(app.lang))}", style="bold")
            if shown_version:
                text.append(" · " + shown_version)
            text.append(" · " + display(checked_phrase(checked, today=app.today, locale=app.lang, short=short)),
                        style=stale)
            text.append(" · " + display(content_review_phrase(summary["reviewed"], summary["entries"], short=short)),
                        style="dim")
            if with_source:
                text.append(f" · {display(app.source_label)}", style="dim")
            if text.cell_len <= width:
                break
        return text

    def on_mount(self) -> None:
        # Textual also runs the subclasses' own on_mount; this one only fills the header once painted.
        self.schedule_header()

    def schedule_header(self) -> None:
        """Word the header line after the next refresh. Mounting, reload() and the header's first resize all ask
        for it as a screen opens: they share one wording, not three."""
        if not self._header_due:
            self._header_due = True
            self.call_after_refresh(self.update_header)

    def update_header(self) -> None:
        self._header_due = False
        for header in self.query("#app-header").results(Static):
            header.update(self.header_text())
            self.header_width = header.size.width

    def reload(self) -> None:
        """Fill the screen's widgets from the store (again, after a language switch)."""
        self.schedule_header()
