"""What every fieldkit screen shares: a header line with the content's age, the footer, and `reload()`."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from fieldkit.i18n.dates import age_in_words, is_stale


class BaseScreen(Screen):
    """A screen that can redraw itself for another language and shows the content version and age on top."""

    def compose_header(self) -> ComposeResult:
        yield Static(self.header_text(), id="app-header")

    def compose_footer(self) -> ComposeResult:
        yield Footer()

    def header_text(self) -> Text:
        app = self.app
        meta = app.store.meta()
        date = meta.get("content_date", "")
        age = age_in_words(date, today=app.today, locale=app.ui_lang)
        text = Text(" fieldkit ", style="bold reverse")
        text.append(f"  content {meta.get('content_version', '?')}")
        if date:
            style = "bold red" if is_stale(date, today=app.today) else "dim"
            text.append(f" · reviewed {age}", style=style)
        text.append(f" · {app.source_label}", style="dim")
        text.append(f" · {app.lang}", style="dim")
        return text

    def reload(self) -> None:
        """Fill the screen's widgets from the store (again, after a language switch)."""
        self.query_one("#app-header", Static).update(self.header_text())
