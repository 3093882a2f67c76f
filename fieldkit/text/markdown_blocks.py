"""Markdown as blocks of plain text (headings, paragraphs, list items, quotes), laid out right to left.

Shared by the app (fieldkit/tui/widgets/rtl_markdown.py) and `fieldkit show` in a terminal: each block is
shaped, wrapped to the width, reordered line by line and aligned in its own direction, so an English paragraph
inside a right-to-left document keeps its full stop at its end.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt

from fieldkit.text.bidi import cell_width, is_rtl_text, visual_lines
from fieldkit.text.sanitize import sanitize


@dataclass(frozen=True)
class Block:
    kind: str  # heading, paragraph, item, quote
    text: str
    level: int = 0  # heading level or list depth
    marker: str = ""  # "•" or "1." for list items


def parse_blocks(markdown: str) -> list[Block]:
    """The Markdown's text blocks in reading order, inline markup reduced to its words."""
    blocks: list[Block] = []
    lists: list[list[object]] = []  # per open list: [kind, item counter]
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
            counter = int(str(lists[-1][1])) + 1
            lists[-1][1] = counter
            marker = "•" if lists[-1][0] == "bullet_list_open" else f"{counter}."
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


def layout_blocks(blocks: list[Block], width: int) -> list[tuple[str, str]]:
    """Every block as visual lines, (line, block kind), with "" lines between blocks (none between list items).

    A right-to-left block is right-aligned with its list marker at the right edge; a left-to-right one (English
    inside a right-to-left document) is left-aligned with its marker on the left."""
    out: list[tuple[str, str]] = []
    for index, block in enumerate(blocks):
        if index and not (block.kind == "item" and blocks[index - 1].kind == "item"):
            out.append(("", ""))
        rtl = is_rtl_text(block.text) or not any(char.isalpha() for char in block.text)
        if block.kind == "item":
            indent = 2 * (block.level - 1)
            marker = f" {block.marker}" if rtl else f"{block.marker} "
            body_width = max(width - indent - cell_width(marker), 8)
            for number, line in enumerate(visual_lines(block.text, body_width, base="R" if rtl else "L")):
                tail = marker if number == 0 else " " * cell_width(marker)
                out.append((line + tail + " " * indent if rtl else " " * indent + tail + line, block.kind))
        else:
            for line in visual_lines(block.text, width, base="R" if rtl else "L"):
                out.append((line, block.kind))
    return out
