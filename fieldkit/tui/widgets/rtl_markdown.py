"""Markdown for right-to-left languages: each block shaped, wrapped to the widget's width, reordered, aligned.

Textual's Markdown widget wraps text itself, and wrapping already-reordered text would turn the line order upside
down, so RTL entries are drawn by this widget instead: headings, paragraphs, list items and quotes
(fieldkit/text/markdown_blocks.py), re-laid out whenever the width changes. A block in a left-to-right script
(English inside a Farsi slide) keeps its own direction.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from fieldkit.text.markdown_blocks import Block, layout_blocks, parse_blocks

__all__ = ["Block", "RtlMarkdown", "parse_blocks", "render_blocks"]

_STYLES = {"heading": "bold", "quote": "italic"}


class RtlMarkdown(Widget, can_focus=False):
    """Shows Markdown right to left. Call `update(markdown)` to change it."""

    DEFAULT_CSS = """
    RtlMarkdown {
        height: auto;
    }
    """

    def __init__(self, markdown: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.blocks = parse_blocks(markdown)

    def update(self, markdown: str) -> None:
        self.blocks = parse_blocks(markdown)
        self.refresh(layout=True)

    def lines(self, width: int) -> Text:
        return render_blocks(self.blocks, width)

    def render(self) -> Text:
        return self.lines(self.content_size.width or self.size.width or 80)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width).plain.split("\n"))


def render_blocks(blocks: list[Block], width: int) -> Text:
    """All blocks as visual lines, one blank line between blocks; list markers at the right edge."""
    out = Text()
    for number, (line, kind) in enumerate(layout_blocks(blocks, width)):
        if number:
            out.append("\n")
        out.append(line, style=_STYLES.get(kind, ""))
    return out
