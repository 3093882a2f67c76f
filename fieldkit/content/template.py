"""Templates for new content files, written from the content-type registry (`fieldkit new`).

Every field the type declares is in the template: required ones hold a placeholder starting `FILL IN`, which
`fieldkit check` refuses until a person writes the real value (nothing is guessed for them: "not known" is a
field left out); optional ones are commented out with the shape of their value. Facts are never filled in.
"""

from __future__ import annotations

from fieldkit.core.layers import ATTACHMENT_FIELDS
from fieldkit.core.model import PLACEHOLDER, ContentType, Field
from fieldkit.core.registry import COMMON_FIELDS, REGISTRY

_SHAPES = {
    "text": '"..."', "id": "an-entry-id", "ids": "[an-entry-id, another-entry-id]", "country": "BA",
    "countries": "[BA, RS]", "date": "YYYY-MM-DD  (or YYYY-MM, YYYY)", "day": "YYYY-MM-DD", "day_or_null": "YYYY-MM-DD",
    "latitude": "44.81  (decimal degrees, with lon and coords_source)", "longitude": "15.87",
    "source": "a-source-id", "minutes": "30", "languages": "[en, ar]", "words": '["...", "..."]',
    "url": "https://...", "iso_region": "BA-01", "geonames": "3203982", "area": "[BA, a-place-id]",
    "review": "{by: ..., organisation: ..., date: YYYY-MM-DD}  (set only by the person who reviewed it)",
    "hash": "(written by fieldkit check)",
}
_BLOCKS = {
    "contacts": ["  - phone: \"...\"", "    kind: voice  # voice, whatsapp, hotline or sms", "  - email: ...",
                 "  - url: https://...", "  - address: \"...\""],
    "contact": ["  phone: \"...\"", "  email: ...", "  url: https://...", "  address: \"...\""],
    "schedule": ["  - days: [mo, tu, we, th, fr]", "    opens: \"09:00\"", "    closes: \"15:00\""],
    "alert": ["  text: \"...\"", "  until: YYYY-MM-DD"],
    "legal_basis": ["  - law: \"...\"", "    article: \"...\""],
    "identifiers": ["  - scheme: ...", "    id: ..."],
    "citations": ["  - doc: a-source-id", "    where: \"the section or page\"",
                  "    quote: \"the words of the source that carry the facts\""],
}
_PLACEHOLDERS = {
    "title": "the name people search for, in the local spelling",
    "summary": "one or two sentences, the most useful fact first",
    "as_of": "YYYY-MM-DD, when the facts held",
    "organisation": "who runs it",
    "country": "the country code, such as BA",
}


def _choices(spec: Field) -> str:
    values = list(spec.choices)
    return ", ".join(values[:12]) + (", ..." if len(values) > 12 else "")


def _shape(spec: Field) -> str:
    if spec.kind == "choice":
        return f"one of: {_choices(spec)}"
    if spec.kind == "choices":
        return f"[one or more of: {_choices(spec)}]"
    if spec.kind == "type":
        return "(the folder's type)"
    return _SHAPES.get(spec.kind, "...")


def _required(spec: Field, sources: str) -> list[str]:
    """A required field with a placeholder the check refuses."""
    if spec.kind == "citations":
        return [f"{spec.name}:", f"  - doc: \"{PLACEHOLDER}: {sources}\"",
                f"    where: \"{PLACEHOLDER}: the section or page of the source\"",
                f"    quote: \"{PLACEHOLDER}: the words of the source that carry the facts (at most 200 characters)\""]
    hint = _PLACEHOLDERS.get(spec.name) or _shape(spec)
    return [f"{spec.name}: \"{PLACEHOLDER}: {hint}\""]


def _optional(spec: Field) -> list[str]:
    block = _BLOCKS.get(spec.kind)
    if block:
        return [f"# {spec.name}:", *(f"# {line}" for line in block)]
    return [f"# {spec.name}: {_shape(spec)}"]


def entry_template(entry_type: str, entry_id: str, *, country_hint: str = "", sources: str = "a source id") -> str:
    """A new English original of `entry_type` with id `entry_id`: every field of the type, from the registry."""
    content_type: ContentType = REGISTRY[entry_type]
    lines = ["---", f"id: {entry_id}", f"type: {entry_type}"]
    for spec in (*COMMON_FIELDS, *content_type.fields):
        if spec.name in ("id", "type"):
            continue
        required = spec.required or (spec.name == "country" and content_type.country_required)
        lines += _required(spec, sources) if required else _optional(spec)
    lines += ["---", f"{PLACEHOLDER}: the text people read, in Markdown, from the sources only. Leave out what no "
                     "source gives: fieldkit shows it as \"not known\".", ""]
    return "\n".join(lines)


def attachment_template(entry_type: str, entry_id: str, title: str, organisation: str, sources: str) -> str:
    """Fields to attach to the published entry `entry_id` (its type's attachable fields, commented out)."""
    content_type = REGISTRY[entry_type]
    lines = [f"# Attached to the published entry {entry_id} ({title}) by {organisation}: shown beside it as",
             "# \"added by ...\", apart from its published text, which an overlay never changes.",
             "# Give at least one field (remove the # in front); leave out what you do not know."]
    for name in content_type.attachable:
        spec = content_type.field(name)
        if spec is not None:
            lines += _optional(spec)
    for name in ATTACHMENT_FIELDS:
        spec = content_type.field(name)
        if spec is not None:
            lines += _required(spec, sources) if spec.required else _optional(spec)
    return "\n".join(lines) + "\n"


def overlay_file(namespace: str, organisation: str) -> str:
    name = organisation or f"{PLACEHOLDER}: your organisation's name, as readers should see it"
    return (f"# An organisation's own content, added to the published content as an overlay.\n"
            f"# Every id here starts with {namespace}- (its namespace).\n"
            f"namespace: {namespace}\norganisation: \"{name}\"\n")


def sources_file(namespace: str) -> str:
    return (f"# The sources this overlay's entries cite. Ids start with {namespace}-; each has a title and a file\n"
            "# (a document kept beside the content) or a url.\n"
            f"- id: {namespace}-source\n"
            f"  title: \"{PLACEHOLDER}: the document, list or page the facts come from\"\n"
            f"  url: \"{PLACEHOLDER}: https://...\"\n")
