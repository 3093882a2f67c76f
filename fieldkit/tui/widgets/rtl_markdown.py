"""Markdown for right-to-left languages: each block shaped, wrapped to the widget's width, reordered, right-aligned.

Textual's Markdown widget wraps text itself, and wrapping already-reordered text would turn the line order upside
down, so RTL entries are drawn by this widget instead: headings, paragraphs, list items and quotes, re-laid out
whenever the width changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from rich.text import Text
from textual.widget import Widget

from fieldkit.text.bidi import cell_width, visual_lines
from fieldkit.text.sanitize import sanitize


@dataclass(frozen=True)
class Block:
    kind: str  # heading, paragraph, item, quote
    text: str
    level: int = 0  # heading level or list depth
    marker: str = ""  # "•" or "1." for list items


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


def parse_blocks(markdown: str) -> list[Block]:
    """The Markdown's text blocks in reading order, inline markup reduced to its words."""
    blocks: list[Block] = []
    lists: list[list] = []  # per open list: [kind, item counter]
    quote_depth = 0
    heading_level = 0
    marker = ""
    for token in MarkdownIt("commonmark").parse(sanitize(markdown)):
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append([token.type, int(token.attrs.get("start", 1) or 1) - 1])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            lists[-1][1] += 1
            marker = "•" if lists[-1][0] == "bullet_list_open" else f"{lists[-1][1]}."
        elif token.type == "blockquote_open":
            quote_depth += 1
        elif token.type == "blockquote_close":
            quote_depth -= 1
        elif token.type == "inline":
            words = "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline")) or token.content
            text = " ".join(words.split())
            if heading_level:
                blocks.append(Block("heading", text, level=heading_level))
            elif marker:
                blocks.append(Block("item", text, level=len(lists), marker=marker))
                marker = ""
            else:
                blocks.append(Block("quote" if quote_depth else "paragraph", text))
        elif token.type in ("fence", "code_block"):
            blocks.append(Block("paragraph", " ".join(token.content.split())))
    return blocks


def render_blocks(blocks: list[Block], width: int) -> Text:
    """All blocks as visual lines, one blank line between blocks; list markers at the right edge."""
    out = Text()
    for index, block in enumerate(blocks):
        if index:
            out.append("\n\n" if block.kind != "item" or blocks[index - 1].kind != "item" else "\n")
        if block.kind == "item":
            # Nested items step in from the right; the marker sits right of the first line.
            indent = 2 * (block.level - 1)
            marker = f" {block.marker}"
            body_width = max(width - indent - cell_width(marker), 8)
            for number, line in enumerate(visual_lines(block.text, body_width)):
                if number:
                    out.append("\n")
                tail = marker if number == 0 else " " * cell_width(marker)
                out.append(line + tail + " " * indent)
        else:
            style = "bold" if block.kind == "heading" else "italic" if block.kind == "quote" else ""
            lines = visual_lines(block.text, width)
            out.append("\n".join(lines), style=style)
    return out
