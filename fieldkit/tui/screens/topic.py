"""Every entry of one type (Routes, Risks, Rights, Services, Places, Glossary)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding

from fieldkit.i18n.catalog import N_, display
from fieldkit.i18n.vocabulary import topic_title
from fieldkit.tui.messages import ToEntry
from fieldkit.tui.screens.base import BaseScreen
from fieldkit.tui.widgets.labels import entry_label
from fieldkit.tui.widgets.nav_list import NavList


class TopicScreen(BaseScreen):
    BINDINGS = [Binding("escape,backspace", "app.back", N_("Back"))]

    def __init__(self, entry_type: str) -> None:
        super().__init__()
        self.entry_type = entry_type

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield NavList(id="topic-list", classes="panel", empty=N_("No entries of this kind."))
        yield from self.compose_footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#topic-list", NavList).focus()

    def reload(self) -> None:
        super().reload()
        entries = self.host.store.list_entries(entry_type=self.entry_type, lang=self.host.lang)
        listing = self.query_one("#topic-list", NavList)
        listing.border_title = display(f"{topic_title(self.entry_type)} ({len(entries)})")  # reordered once, whole
        listing.set_items([
            (ToEntry(e["id"]), entry_label(e["title"], e["type"], e["country"], summary=e["summary"],
                                             fallback=e["lang"] == "en" != self.host.lang, lang=e["lang"]))
            for e in entries
        ])
