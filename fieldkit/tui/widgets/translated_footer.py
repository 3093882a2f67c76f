"""The footer, with each key's description translated (bindings are declared once, in English)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from fieldkit.i18n.catalog import ui


class TranslatedFooter(Footer):
    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.description:
                widget.description = ui(widget.description)
            yield widget
