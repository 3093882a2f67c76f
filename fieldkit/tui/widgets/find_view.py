"""An entry's text laid out for Find (ctrl+f): wrapped to the width by fieldkit, every match highlighted, and
the line of each match known, so the view can scroll to it.

Left-to-right text highlights each match exactly. Right-to-left text is shaped and reordered for the terminal
(fieldkit/text/bidi.py), which moves letters away from their logical positions, so there the lines holding a
match are highlighted instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

from fieldkit.text.bidi import cell_width, visual_lines, wrap
from fieldkit.text.find import find_spans
from fieldkit.tui.widgets.rtl_markdown import Block

MATCH = "black on yellow"
CURRENT = "bold black on dark_orange"
RTL_MATCH_LINE = "reverse"


@dataclass
class Layout:
    text: Text
    match_lines: list[int]  # the line each match is on, in reading order


def layout(blocks: list[Block], query: str, width: int, *, rtl: bool, current: int = 0) -> Layout:
    """The blocks as lines of at most `width` cells, matches of `query` highlighted, match `current` most."""
    out = Text()
    match_lines: list[int] = []
    line_number = 0  # of the line being written
    for index, block in enumerate(blocks):
        if index:
            gap = "\n" if block.kind == "item" and blocks[index - 1].kind == "item" else "\n\n"
            out.append(gap)
            line_number += gap.count("\n")
        marker = f"{block.marker} " if block.kind == "item" else ""
        indent = 2 * max(block.level - 1, 0) if block.kind == "item" else 0
        body_width = max(width - indent - cell_width(marker), 8)
        first = len(match_lines)  # the global number of this block's first match
        spans = find_spans(block.text, query)
        lines = wrap(block.text, body_width) or [""]
        starts = _line_starts(block.text, lines)
        bounds = [*starts[1:], len(block.text) + 1]
        # Each match belongs to the line its first letter is on.
        match_lines += [line_number + next(n for n, bound in enumerate(bounds) if s < bound) for s, _e in spans]
        style = "bold" if block.kind == "heading" else "italic" if block.kind == "quote" else ""
        for number, (line, start) in enumerate(zip(lines, starts, strict=True)):
            if number:
                out.append("\n")
            end = start + len(line)
            here = [(s, e, first + i) for i, (s, e) in enumerate(spans) if s < end and e > start]
            if rtl:  # letters move when reordered: the whole line is marked
                shown = visual_lines(line, body_width, align=False)[0] if line else ""
                mark = CURRENT if any(g == current for *_x, g in here) else RTL_MATCH_LINE if here else style
                tail = f" {marker.strip()}" if marker and number == 0 else ""
                out.append(shown + tail, style=mark)
                continue
            prefix = " " * indent + (marker if number == 0 else " " * cell_width(marker))
            piece = Text(prefix + line, style=style)
            for s, e, g in here:
                piece.stylize(CURRENT if g == current else MATCH,
                              len(prefix) + max(s, start) - start, len(prefix) + min(e, end) - start)
            out.append_text(piece)
        line_number += len(lines) - 1
    return Layout(out, match_lines)


def _line_starts(text: str, lines: list[str]) -> list[int]:
    """Where each wrapped line begins in `text` (wrap() drops the spaces it breaks at)."""
    starts, position = [], 0
    for line in lines:
        found = text.find(line, position) if line else position
        start = found if found >= 0 else position
        starts.append(start)
        position = start + len(line)
    return starts


class FindView(Widget, can_focus=False):
    """Shows a layout; the entry screen gives it the blocks, the query and the current match."""

    DEFAULT_CSS = """
    FindView {
        height: auto;
    }
    """

    def __init__(self, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self.blocks: list[Block] = []
        self.query_text = ""
        self.current = 0
        self.rtl = False

    def show(self, blocks: list[Block], query: str, *, current: int, rtl: bool) -> Layout:
        self.blocks, self.query_text, self.current, self.rtl = blocks, query, current, rtl
        self.refresh(layout=True)
        return self.layout_for(self.content_size.width or self.size.width or 80)

    def layout_for(self, width: int) -> Layout:
        return layout(self.blocks, self.query_text, width, rtl=self.rtl, current=self.current)

    def render(self) -> Text:
        return self.layout_for(self.content_size.width or self.size.width or 80).text

    def get_content_height(self, container, viewport, width: int) -> int:  # noqa: ANN001 (Textual's signature)
        return len(self.layout_for(width).text.plain.split("\n"))
