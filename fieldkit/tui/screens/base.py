"""What every fieldkit screen shares: the app typed, key descriptions translated, and (but for presentations) a
header line with the content's age, the footer, and `reload()`."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widgets import Footer, Static

from fieldkit.i18n.catalog import _, display, ui
from fieldkit.i18n.dates import age_in_words, is_stale
from fieldkit.i18n.languages import native_name
from fieldkit.tui.host import Host, host_of


class FieldkitScreen(Screen[None]):
    """A full screen of the fieldkit app."""

    @property
    def host(self) -> Host:
        """The fieldkit app this screen runs in: its store, user data, language and navigation."""
        return host_of(self)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        # Bindings are declared once, in English (N_); the footer shows them from here, in the current language.
        return {
            key: active._replace(binding=replace(active.binding, description=ui(active.binding.description)))
            if active.binding.description else active
            for key, active in super().active_bindings.items()
        }


class BaseScreen(FieldkitScreen):
    """A screen that can redraw itself for another language and shows the content version and age on top."""

    def compose_header(self) -> ComposeResult:
        yield Static(Text(" fieldkit ", style="bold reverse"), id="app-header")

    def compose_footer(self) -> ComposeResult:
        yield Footer()

    def header_text(self) -> Text:
        """The header line. Ages need Babel's locale data (tens of ms), so this runs after the first paint."""
        app = self.host
        meta = app.store.meta()
        date = meta.get("content_date", "")
        age = age_in_words(date, today=app.today, locale=app.lang)
        text = Text(" fieldkit ", style="bold reverse")
        # The language first: on a narrow terminal the line is cut at its end, and the language matters most.
        text.append(f"  {display(native_name(app.lang))}", style="bold")
        text.append(" · " + display(_("content {version}").format(version=meta.get("content_version", "?"))))
        if date:
            style = "bold red" if is_stale(date, today=app.today) else "dim"
            text.append(" · " + display(_("reviewed {age}").format(age=age)), style=style)
        text.append(f" · {display(app.source_label)}", style="dim")
        return text

    def on_mount(self) -> None:
        # Textual also runs the subclasses' own on_mount; this one only fills the header once painted.
        self.call_after_refresh(self.update_header)

    def update_header(self) -> None:
        self.query_one("#app-header", Static).update(self.header_text())

    def reload(self) -> None:
        """Fill the screen's widgets from the store (again, after a language switch)."""
        self.call_after_refresh(self.update_header)
