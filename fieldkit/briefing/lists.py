"""Lists to share: a named list of entries with personal notes, as a small file (JSON, or Markdown people can
read and edit), and as a handout.

A list file holds entry ids, the titles they had when it was written (for a reader without fieldkit) and the
notes; nothing else from the user data. Reading one checks everything: a file from someone else is input, and a
bad one gets one clear message (ListFileError), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from fieldkit.briefing.deck import Deck, ReviewState, Slide, unique_citations
from fieldkit.core.explained import Explained
from fieldkit.i18n.catalog import N_, _, speaking
from fieldkit.i18n.details import detail_lines
from fieldkit.i18n.vocabulary import type_label
from fieldkit.store.models import Citation
from fieldkit.store.store import Store
from fieldkit.text.markdown_plain import escape_markdown

FORMAT = "fieldkit-list"
VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_ENTRIES = 500
MAX_NAME = 80
NOTE_MAX = 500
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
# A Markdown list line as to_markdown writes it: "- Title (`id`)", then optionally " — note".
_MARKDOWN_ITEM = re.compile(r"^\s*[-*]\s+.*?\(`([a-z0-9][a-z0-9-]*)`\)(?:\s+—\s+(.*))?\s*$")
# The detail lines a handout of a list keeps for each type: how to reach a service, what a place is. Free-text
# fields (hours, access) are written in English only, so they go on English handouts only: a handout is in one
# language throughout.
HANDOUT_DETAILS = {"service": ("phone", "email", "url", "address"), "place": ("kind",)}
ENGLISH_ONLY_DETAILS = {"service": ("hours", "access")}


NOTE_LABEL = N_("Your note")


class ListFileError(Explained):
    """A list file that cannot be read: one line saying why (an English template and its values, told in the
    reader's language where it is shown)."""


@dataclass
class ListItem:
    id: str
    title: str = ""
    note: str = ""


@dataclass
class SharedList:
    name: str
    items: list[ListItem] = field(default_factory=list)


def check_name(name: str) -> str:
    """A list name as given, or ListFileError: 1 to MAX_NAME printable characters."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME or any(not ch.isprintable() for ch in name):
        raise ListFileError(N_("a list name has 1 to {most} printable characters"), most=MAX_NAME)
    return name


# --- writing ----------------------------------------------------------------------------------------------------
def to_json(shared: SharedList, *, content_version: str = "", today: dt.date | None = None) -> str:
    data = {
        "format": FORMAT, "version": VERSION, "name": shared.name,
        "exported": (today or dt.date.today()).isoformat(), "content_version": content_version,
        "entries": [{"id": item.id, "title": item.title, **({"note": item.note} if item.note else {})}
                    for item in shared.items],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_markdown(shared: SharedList) -> str:
    """The list as Markdown: a heading, then "- Title (`id`) — note" per entry. fieldkit reads it back."""
    lines = [f"# {escape_markdown(shared.name)}", ""]
    for item in shared.items:
        note = f" — {' '.join(item.note.split())}" if item.note else ""
        lines.append(f"- {escape_markdown(item.title or item.id)} (`{item.id}`){note}")
    return "\n".join(lines) + "\n"


# --- reading ----------------------------------------------------------------------------------------------------
def parse(data: bytes) -> SharedList:
    """A list file, JSON or Markdown (told apart by its first character)."""
    if len(data) > MAX_FILE_BYTES:
        raise ListFileError(N_("a list file is at most {limit} kB; this one is {size} kB"),
                            limit=MAX_FILE_BYTES // 1000, size=len(data) // 1000)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ListFileError(N_("a list file is UTF-8 text; this one is not")) from None
    shared = _parse_json(text) if text.lstrip().startswith("{") else _parse_markdown(text)
    if len(shared.items) > MAX_ENTRIES:
        raise ListFileError(N_("a list holds at most {limit} entries; this one has {count}"),
                            limit=MAX_ENTRIES, count=len(shared.items))
    return shared


def _parse_json(text: str) -> SharedList:
    try:
        data = json.loads(text)
    except ValueError as problem:
        raise ListFileError(N_("not valid JSON ({problem})"), problem=problem) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ListFileError(N_('not a fieldkit list (a JSON list file says "format": "{format}")'), format=FORMAT)
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise ListFileError(N_("a list file of version {version!r}: this fieldkit reads version {readable}"),
                            version=data.get('version'), readable=VERSION)
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise ListFileError(N_('"entries" must be a list'))
    items = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise ListFileError(N_('entry {number}: each entry is an object with an "id"'), number=number)
        title, note = entry.get("title", ""), entry.get("note", "")
        if not isinstance(title, str) or not isinstance(note, str):
            raise ListFileError(N_("entry {number}: title and note are text"), number=number)
        items.append(_item(entry["id"], title, note, number))
    return SharedList(check_name(str(data.get("name") or "")), _unique(items))


def _parse_markdown(text: str) -> SharedList:
    name, items = "", []
    for number, line in enumerate(text.splitlines(), start=1):
        if not name and line.startswith("# "):
            name = line[2:].replace("\\", "")
            continue
        match = _MARKDOWN_ITEM.match(line)
        if match:
            items.append(_item(match.group(1), "", match.group(2) or "", number))
    if not items:
        raise ListFileError(N_("no entries found: a Markdown list file has lines like - Title (`entry-id`)"))
    return SharedList(check_name(name or "imported"), _unique(items))


def _item(entry_id: str, title: str, note: str, number: int) -> ListItem:
    if not _ID.match(entry_id):
        raise ListFileError(N_("entry {number}: {entry!r} is not an entry id"), number=number, entry=entry_id[:40])
    return ListItem(entry_id, " ".join(title.split())[:300], " ".join(note.split())[:NOTE_MAX])


def _unique(items: list[ListItem]) -> list[ListItem]:
    """Each entry once, where it first appears."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            out.append(item)
    return out


# --- a handout --------------------------------------------------------------------------------------------------
def list_deck(store: Store, shared: SharedList, *, lang: str = "en", audience: str = "staff") -> Deck:
    """A deck with a slide per entry of the list: its summary and, for a service, how to reach it; the personal
    note as the slide's notes (a handout prints them only when asked). Entries the content lacks are left out."""
    with speaking(lang):
        slides, citations, drawn_on = [], [], []
        for item in shared.items:
            entry = store.get(item.id, lang)
            if entry is None:
                continue
            citations += entry.sources
            drawn_on.append(entry)
            wanted = HANDOUT_DETAILS.get(entry.type, ()) + (ENGLISH_ONLY_DETAILS.get(entry.type, ())
                                                            if lang == "en" else ())
            lines = [escape_markdown(entry.summary)]
            labels = {_(label) for label in _labels(entry.type, wanted)}
            details = [f"- *{escape_markdown(label)}:* {escape_markdown(value)}"
                       for label, value in detail_lines(entry) if value and label in labels]
            body = "\n".join([*lines, "", *details]).strip()
            slides.append(Slide(title=f"{entry.title} · {type_label(entry.type)}", body=body,
                                brief=lines[0], notes=item.note, fallback=entry.fallback, kind="entry"))
        meta = store.meta()
        sources: list[Citation] = unique_citations(citations)
        return Deck(title=shared.name, audience=audience, duration=3 * len(slides), lang=lang, slides=slides,
                    sources=sources, content_version=meta.get("content_version", ""),
                    content_date=meta.get("content_date", ""), key=f"list:{shared.name}", notes_label=NOTE_LABEL,
                    review=ReviewState.of(drawn_on))


def _labels(entry_type: str, names: tuple[str, ...]) -> list[str]:
    """The English labels of these fields (and contact parts) of a type."""
    from fieldkit.core.registry import CONTACT_PARTS, REGISTRY

    content_type = REGISTRY.get(entry_type)
    if content_type is None:
        return []
    labels = [f.label for f in content_type.fields if f.name in names and f.label]
    return labels + [label for part, label in CONTACT_PARTS if part in names]
