"""A list whose items lead somewhere: choosing one posts `Navigate` with the item's destination."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fieldkit.i18n.catalog import N_, ui
from fieldkit.text.sanitize import sanitize
from fieldkit.tui.messages import Destination, Navigate
from fieldkit.tui.widgets.labels import RtlLabel

Label = Text | str | RtlLabel


class NavList(OptionList):
    """Items are (destination, label) pairs; `empty` is shown, disabled, when there are none."""

    def __init__(self, *, empty: str = N_("Nothing here yet."), separated: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.empty = empty
        self.separated = separated  # a rule between items, for multi-line items such as search results
        self.items: list[tuple[Destination, Label]] = []
        self._destinations: dict[str, Destination] = {}  # option id (the destination's key) -> destination

    def set_items(self, items: Sequence[tuple[Destination, Label]]) -> None:
        highlighted = self.highlighted
        self.items, self._destinations = [], {}
        self.clear_options()
        if not items:
            self.add_option(Option(Text(ui(self.empty), style="dim italic"), disabled=True))
            return
        self.extend_items(items)
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def extend_items(self, items: Sequence[tuple[Destination, Label]]) -> None:
        """Add items after the ones the list has (a long list filled in two parts, see HomeScreen.reload)."""
        if not self.items:
            self.clear_options()  # the "nothing here" line goes
        options: list[Option | None] = []  # None: OptionList draws a separator line
        for destination, label in items:
            if destination.key in self._destinations:  # OptionList refuses duplicate ids
                continue
            self._destinations[destination.key] = destination
            if self.separated and (options or self.option_count):
                options.append(None)
            options.append(Option(self._prompt(label), id=destination.key))
        self.items.extend(items)
        self.add_options(options)

    def _prompt(self, label: Label) -> Text:
        if isinstance(label, RtlLabel):  # laid out for the width the list has now, again on resize
            return label.render(self._item_width())
        return label if isinstance(label, Text) else Text(sanitize(label))

    def _item_width(self) -> int:
        # The option's width: the list's content, less its scrollbar and the padding OptionList gives each option.
        # Room for the scrollbar is kept even while it is hidden: it appears once the items are in, and an item
        # laid out for the wider list would lose its left end, where a right-to-left line ends (issue 19).
        width = self.scrollable_content_region.width or self.size.width or 40
        if not self.show_vertical_scrollbar:
            width -= self.styles.scrollbar_size_vertical
        return max(width - 2, 10)

    def on_resize(self) -> None:
        if any(isinstance(label, RtlLabel) for _, label in self.items):
            self.set_items(self.items)

    def on_focus(self) -> None:
        # Arriving with Tab should put the cursor on the first item, so Enter opens something at once.
        if self.highlighted is None and self.option_count and not self.get_option_at_index(0).disabled:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in self._destinations:
            self.post_message(Navigate(self._destinations[event.option.id]))
