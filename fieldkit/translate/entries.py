"""Read the content folder as translation units, and turn units back into translation files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from fieldkit.content.frontmatter import FrontMatterError, parse
from fieldkit.content.review import original_hash
from fieldkit.translate.review import MANAGED, is_outdated, is_reviewed, review_fields
from fieldkit.translate.units import Unit, blocks, join_blocks


@dataclass
class Entry:
    """An English original and, if there is one, its translation into the language at hand."""

    id: str
    type: str
    folder: Path
    source: dict[str, Any]  # title, summary, body blocks of the English
    translation: dict[str, Any] | None = None  # the translation's front matter, or None
    translated_blocks: list[str] = field(default_factory=list)
    original_hash: str = ""  # of the English as it is now (fieldkit/content/review.py)

    def translation_path(self, lang: str) -> Path:
        return self.folder / f"{self.id}.{lang}.md"


def read_entries(content: Path, lang: str) -> list[Entry]:
    """Every English original under `content` with its `lang` translation, in folder and id order. Files that do
    not parse are left out (`fieldkit check` reports them)."""
    entries: list[Entry] = []
    for original in sorted(content.glob("*/*.en.md")):
        entry_id = original.name[: -len(".en.md")]
        try:
            front = parse(original.read_text(encoding="utf-8"))
        except (FrontMatterError, OSError, UnicodeDecodeError):
            continue
        entry = Entry(entry_id, str(front.data.get("type", "")), original.parent,
                      {"title": _text(front.data.get("title")), "summary": _text(front.data.get("summary")),
                       "body": blocks(front.body)},
                      original_hash=original_hash(_text(front.data.get("title")), _text(front.data.get("summary")),
                                                  front.body))
        translated = original.parent / f"{entry_id}.{lang}.md"
        if translated.is_file():
            try:
                theirs = parse(translated.read_text(encoding="utf-8"))
            except (FrontMatterError, OSError, UnicodeDecodeError):
                theirs = None
            if theirs is not None:
                entry.translation = dict(theirs.data)
                entry.translated_blocks = blocks(theirs.body)
        entries.append(entry)
    return entries


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def units_of(entry: Entry) -> list[Unit]:
    """The entry's units, each with the existing translation (needing review unless a person reviewed it from the
    English as it is now: a reviewed translation of an older original needs review again).

    Body blocks are paired in order. Where the translation has more blocks than the English, the extra ones go
    with the last unit; where it has fewer, the last units are left untranslated."""
    theirs = entry.translation or {}
    review = bool(theirs) and (not is_reviewed(theirs) or is_outdated(theirs, entry.original_hash))
    units = [Unit(entry.id, name, 0, entry.source[name], _text(theirs.get(name)), review)
             for name in ("title", "summary")]
    source_blocks, target_blocks = entry.source["body"], entry.translated_blocks
    for index, block in enumerate(source_blocks):
        if index == len(source_blocks) - 1 and len(target_blocks) > len(source_blocks):
            target = join_blocks(target_blocks[index:])
        else:
            target = target_blocks[index] if index < len(target_blocks) else ""
        units.append(Unit(entry.id, "body", index, block, target, review))
    return units


def render_translation(entry: Entry, front: dict[str, Any], body: list[str]) -> str:
    """A translation file: its front matter (id, type, title, summary, state; other fields it had kept) and body."""
    lines = ["---"]
    for key, value in front.items():
        lines.append(yaml.safe_dump({key: value}, allow_unicode=True, width=1_000_000, sort_keys=False).rstrip("\n"))
    lines.append("---")
    return "\n".join(lines) + "\n" + join_blocks(body) + "\n"


def new_front(entry: Entry, title: str, summary: str, *, reviewed: bool, translator: str | None,
              day: str) -> dict[str, Any]:
    """The translation's front matter: what it had, with new texts and state (fieldkit/translate/review.py)."""
    kept = {key: value for key, value in (entry.translation or {}).items()
            if key not in ("id", "type", "title", "summary", *MANAGED)}
    return {"id": entry.id, "type": entry.type, "title": title, "summary": summary,
            **review_fields(reviewed=reviewed, translator=translator, day=day, original_hash=entry.original_hash),
            **kept}
