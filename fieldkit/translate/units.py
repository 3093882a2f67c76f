"""An entry's translatable text as units: its title, its summary, and each block of its body (a heading, a
paragraph, a list item), each with a context (entry id, field, block number) and the hash of its English text.

One unit per block lets a translator's tool (Weblate, Pootle, any CAT tool) show a sentence or two at a time,
remember translations, and flag what changed in the English since it was translated.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s")
FIELDS = ("title", "summary", "body")


@dataclass(frozen=True)
class Unit:
    entry: str  # entry id
    field: str  # title, summary or body
    index: int  # the block's number in the body (0 for title and summary)
    source: str  # the English text
    target: str = ""  # the translation, "" when there is none
    needs_review: bool = False  # machine-made or otherwise not approved by a person (fuzzy in PO)

    @property
    def context(self) -> str:
        """"risk-drowning/body/3": unique in a file, stable while the English keeps its blocks."""
        return f"{self.entry}/{self.field}/{self.index}"

    @property
    def source_hash(self) -> str:
        return source_hash(self.source)


def source_hash(text: str) -> str:
    """The English text's fingerprint: a translation made for other words is found out on import."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_context(context: str) -> tuple[str, str, int] | None:
    parts = context.split("/")
    if len(parts) != 3 or parts[1] not in FIELDS or not parts[2].isdigit():
        return None
    return parts[0], parts[1], int(parts[2])


def blocks(body: str) -> list[str]:
    """A Markdown body as blocks: paragraphs (separated by blank lines), each heading line, each list item with
    its continuation lines. Their text is kept as written, Markdown and all."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append("\n".join(current).strip())
            current.clear()

    for line in body.split("\n"):
        if not line.strip():
            flush()
        elif line.lstrip().startswith("#"):
            flush()
            out.append(line.strip())
        elif _LIST_ITEM.match(line):
            flush()
            current.append(line.rstrip())
        else:
            current.append(line.rstrip())
    flush()
    return [block for block in out if block]


def join_blocks(parts: list[str]) -> str:
    """Blocks back into a body: one blank line between blocks, none between the items of a list."""
    text = ""
    for index, part in enumerate(parts):
        if index:
            both_items = _LIST_ITEM.match(part) and _LIST_ITEM.match(parts[index - 1])
            text += "\n" if both_items else "\n\n"
        text += part
    return text
