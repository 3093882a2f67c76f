"""Short right-to-left texts (labels and values, dates, a title) laid out for the widget's width.

A right-to-left line reordered into visual order and then wrapped by Textual comes out with its lines upside down:
the end of the sentence on the first line. This widget wraps each text to its own width first, then reorders each
line and aligns it to the right (fieldkit/text/bidi.py), again whenever the width changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widget import Widget

from fieldkit.text.bidi import visual_lines
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
