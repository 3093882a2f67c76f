"""Short right-to-left texts (labels and values, dates, a title) laid out for the widget's width.

A right-to-left line reordered into visual order and then wrapped by Textual comes out with its lines upside down:
the end of the sentence on the first line. This widget wraps each text to its own width first, then reorders each
line and aligns it to the right (fieldkit/text/bidi.py), again whenever the width changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widget import Widget

from fieldkit.text.bidi import cell_width, visual_lines
from fieldkit.text.sanitize import sanitize


def rtl_text(paragraphs: Iterable[tuple[str, str]], width: int) -> Text:
    """Paragraphs of (text, style), each wrapped to `width`, then reordered line by line and right-aligned."""
    out = Text()
    for paragraph, style in paragraphs:
        for line in visual_lines(sanitize(paragraph), width) if paragraph.strip() else [""]:
            if out.plain:
                out.append("\n")
            out.append(line, style=style)
    return out


class RtlLines(Widget, can_focus=False):
    """Paragraphs of right-to-left text, one style each. Call `update([(text, style), ...])` to change them."""

    DEFAULT_CSS = """
    RtlLines {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.paragraphs: list[tuple[str, str]] = []

    def update(self, paragraphs: list[tuple[str, str]]) -> None:
        self.paragraphs = list(paragraphs)
        self.refresh(layout=True)

    def lines(self, width: int) -> Text:
        return rtl_text(self.paragraphs, width)

    def render(self) -> Text:
        return self.lines(self.content_size.width or self.size.width or 80)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width).plain.split("\n")) if self.paragraphs else 0


def rtl_rows(rows: Iterable[tuple[str, str]], width: int, *, gap: int = 2) -> Text:
    """A two-column table for a right-to-left interface: the key on the right, its description to the left of it,
    wrapped to the room left and then reordered line by line (a description reordered first and wrapped after
    would show its second line first)."""
    rows = list(rows)
    key_width = max((cell_width(key) for key, _ in rows), default=0)
    room = max(width - key_width - gap, 10)
    out = Text()
    for key, description in rows:
        for number, line in enumerate(visual_lines(sanitize(description), room)):
            if out.plain:
                out.append("\n")
            out.append(line + " " * gap)
            out.append(key.rjust(key_width) if number == 0 else " " * key_width, style="bold")
    return out


class RtlRows(Widget, can_focus=False):
    """Rows of (key, description) laid out right to left for the widget's width, again on resize."""

    DEFAULT_CSS = """
    RtlRows {
        height: auto;
    }
    """

    def __init__(self, rows: list[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = list(rows)

    def render(self) -> Text:
        return rtl_rows(self.rows, self.content_size.width or self.size.width or 60)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(rtl_rows(self.rows, width).plain.split("\n")) if self.rows else 0
