"""A content file's front matter and body written back as text, in the style of the files in content/.

Fields keep the order they have; a new field goes where docs/content-format.md lists it. Lists of words are
written inline (`kind: [legal-aid, medical]`), citations and other lists of mappings one item per block, and every
value is quoted by PyYAML where YAML needs it, so the file reads back exactly as written.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import yaml

from fieldkit.content import schema
from fieldkit.content.frontmatter import parse
from fieldkit.content.problems import Problem

# Where fields go in a service file (other types keep the order their files already have).
ORDER = ("id", "type", "title", "summary", "translation", "original_hash", "country", "kind", "organisation",
         "organisation_id", "status", "alert", "place", "area", "lat", "lon", "coords_source", "populations",
         "eligibility", "intake", "documents", "fees", "languages", "interpretation", "hours", "schedule", "contact",
         "contacts", "access", "accessibility", "tags", "related", "sources", "as_of", "checked", "reviewed")


def put(data: dict[str, Any], key: str, value: Any) -> None:
    """Set `key`, inserting a new key before the first existing one that ORDER puts after it."""
    if key in data or key not in ORDER:
        data[key] = value
        return
    later = set(ORDER[ORDER.index(key) + 1:])
    items = list(data.items())
    position = next((i for i, (name, _) in enumerate(items) if name in later), len(items))
    items.insert(position, (key, value))
    data.clear()
    data.update(items)


def render(data: dict[str, Any], body: str) -> str:
    lines = ["---"]
    for key, value in data.items():
        lines += _field(str(key), value, "")
    lines.append("---")
    text = "\n".join(lines) + "\n"
    body = body.strip("\n")
    return text + (body + "\n" if body else "")


_FAST = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: 4x faster (a sheet of many rows)


def _dump(value: Any) -> str:
    """YAML for one value, on one line. libyaml writes the same as PyYAML's own emitter except that it escapes
    characters beyond U+FFFF (emoji): those values keep going through PyYAML, so the files read the same."""
    if isinstance(value, str):
        return _dump_text(value)
    return _dump_any(value)


@functools.lru_cache(maxsize=4096)  # field names and repeated values (a country, a kind) are dumped once
def _dump_text(value: str) -> str:
    return _dump_any(value)


def _dump_any(value: Any) -> str:
    texts = value if isinstance(value, list) else [value]
    dumper = _FAST if all(not isinstance(t, str) or t.isascii() or max(map(ord, t)) <= 0xFFFF for t in texts) \
        else yaml.SafeDumper
    return yaml.dump(value, Dumper=dumper, allow_unicode=True, width=10**6, default_flow_style=True)


def scalar(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _dump(value)
    if text.endswith("\n...\n"):
        text = text[: -len("\n...\n")]
    return text.strip("\n")


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (list, dict))


def _field(key: str, value: Any, indent: str) -> list[str]:
    name = scalar(key)
    if isinstance(value, dict):
        if not value:
            return [f"{indent}{name}: {{}}"]
        lines = [f"{indent}{name}:"]
        for sub_key, sub_value in value.items():
            lines += _field(str(sub_key), sub_value, indent + "  ")
        return lines
    if isinstance(value, list):
        if all(_is_scalar(item) for item in value):
            flow = _dump(value).strip()
            return [f"{indent}{name}: {flow}"]
        lines = [f"{indent}{name}:"]
        for item in value:
            lines += _item(item, indent + "  ")
        return lines
    return [f"{indent}{name}: {scalar(value)}"]


def _item(item: Any, indent: str) -> list[str]:
    if isinstance(item, dict) and item:
        lines = []
        for number, (key, value) in enumerate(item.items()):
            field_lines = _field(str(key), value, indent + "  ")
            if number == 0:
                field_lines[0] = f"{indent}- " + field_lines[0][len(indent) + 2:]
            lines += field_lines
        return lines
    if isinstance(item, list):
        flow = _dump(item).strip()
        return [f"{indent}- {flow}"]
    if isinstance(item, dict):
        return [f"{indent}- {{}}"]
    return [f"{indent}- {scalar(item)}"]


def problems_in(text: str, entry_type: str, *, original: bool, shown: str) -> list[Problem]:
    """What the checker would say about this file on its own (its fields; not links or quotes)."""
    from fieldkit.content.frontmatter import FrontMatterError

    try:
        front = parse(text)
    except FrontMatterError as error:
        return [Problem(shown, error.line, error.message)]
    _, problems = schema.validate_fields(front.data, entry_type, original=original)
    return [Problem(shown, front.line_of(*where), message) for where, message in problems]
