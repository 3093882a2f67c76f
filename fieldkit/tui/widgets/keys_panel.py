"""Textual's Keys panel (the palette's "Keys": every key of the focused widget), laid out right to left in Arabic,
Farsi, Pashto and Urdu.

Textual wraps each description in a table cell. A description already put in visual order and wrapped after shows
its second line first, so in a right-to-left interface the rows are wrapped in logical order first and each line
reordered (`rtl_rows`), the key on the right. Left-to-right languages get Textual's table as it is.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.table import Table
from textual.app import ComposeResult
from textual.widgets import HelpPanel, Markdown
from textual.widgets._key_panel import BindingsTable, KeyPanel

from fieldkit.i18n.catalog import _, reorders_rtl
from fieldkit.tui.widgets.rtl_lines import rtl_rows


class RtlBindingsTable(BindingsTable):
    DEFAULT_CSS = """
    RtlBindingsTable.-rtl {
        width: 1fr;
    }
    """

    def on_mount(self) -> None:
        self.set_class(reorders_rtl(), "-rtl")  # the whole panel's width: the rows are laid out for it

    def render(self) -> Table:
        if not self.has_class("-rtl"):
            return self.render_bindings_table()
        rows = Table.grid()  # one cell: the rows are laid out already
        rows.add_row(rtl_rows(self._rows(), self.content_size.width or self.size.width or 30))
        return rows

    def _rows(self) -> Iterator[tuple[str, str]]:
        """(keys, description in logical order) for each action, as Textual's table lists them: one row per action,
        its keys together, system bindings left out. The screen's bindings carry their descriptions in the
        interface language's visual order (for the footer); the table translates the English again."""
        english = getattr(self.screen, "english_bindings", None)
        bindings = english() if english is not None else self.screen.active_bindings
        keys: dict[str, list[str]] = {}
        described: dict[str, str] = {}
        for _namespace, binding, _enabled, _tooltip in bindings.values():
            if binding.system or not binding.description:
                continue
            keys.setdefault(binding.action, [])
            shown = self.app.get_key_display(binding)
            if shown not in keys[binding.action]:
                keys[binding.action].append(shown)
            described.setdefault(binding.action, _(binding.description))
        for action, shown_keys in keys.items():
            yield " ".join(shown_keys), described[action]


class RtlKeyPanel(KeyPanel):
    def compose(self) -> ComposeResult:
        yield RtlBindingsTable(shrink=True, expand=False)


class FieldkitHelpPanel(HelpPanel):
    """Textual's help panel with the Keys table above."""

    def compose(self) -> ComposeResult:
        yield Markdown(id="widget-help")
        yield RtlKeyPanel(id="keys-help")
