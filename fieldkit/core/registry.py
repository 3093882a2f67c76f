"""The content-type registry: every type of entry, read by the compiler, the store, the CLI, the app, briefings
and interop (the records themselves are defined in fieldkit/core/model.py).

The built-in types are the modules of `fieldkit.core.types`; adding a type is one new module there plus its
translations and fixtures (docs/architecture.md). Tests register a throwaway type the same way.
"""

from __future__ import annotations

from collections.abc import Iterator

from fieldkit.core.layers import ATTACH_FOLDER
from fieldkit.core.model import (
    COMMON_FIELDS,
    CONTACT_PARTS,
    EMBEDS,
    TRANSLATION_FIELDS,
    ContentType,
    ExportColumn,
    Field,
)
from fieldkit.core.records import dataclass, field  # not dataclasses: see records.py
from fieldkit.core.types import BUILTIN

# Folders of content/ that are not a content type: the search vocabulary (docs/vocabulary.md), and an overlay's
# fields attached to published entries (fieldkit/core/layers.py).
RESERVED_FOLDERS = ("vocabulary", ATTACH_FOLDER)

# The registry's vocabulary (fieldkit/core/model.py) is re-exported, so callers need one import.
__all__ = [
    "COMMON_FIELDS", "CONTACT_PARTS", "EMBEDS", "TRANSLATION_FIELDS", "REGISTRY", "RESERVED_FOLDERS", "ContentType", "ExportColumn",
    "Field", "Registry",
]


@dataclass
class Registry:
    """The registered types, in registration order (the order of `fieldkit search --type` and of checks)."""

    types: dict[str, ContentType] = field(default_factory=dict)

    def register(self, content_type: ContentType) -> ContentType:
        if content_type.name in self.types:
            raise ValueError(f"content type {content_type.name!r} is registered already")
        folders = {t.folder_name for t in self.types.values()}
        if content_type.folder_name in RESERVED_FOLDERS:
            raise ValueError(f"folder {content_type.folder_name!r} is reserved (content/{content_type.folder_name}/)")
        if content_type.folder_name in folders:
            raise ValueError(f"folder {content_type.folder_name!r} belongs to another content type")
        self.types[content_type.name] = content_type
        return content_type

    def unregister(self, name: str) -> None:
        self.types.pop(name, None)

    def get(self, name: str) -> ContentType | None:
        return self.types.get(name)

    def __getitem__(self, name: str) -> ContentType:
        return self.types[name]

    def __contains__(self, name: object) -> bool:
        return name in self.types

    def __iter__(self) -> Iterator[ContentType]:
        return iter(list(self.types.values()))

    def names(self) -> tuple[str, ...]:
        return tuple(self.types)

    def by_folder(self, folder: str) -> ContentType | None:
        return next((t for t in self.types.values() if t.folder_name == folder), None)

    def on_home(self) -> list[ContentType]:
        return sorted((t for t in self.types.values() if t.home_rank is not None), key=lambda t: t.home_rank or 0)

    def exportable(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.types.values() if t.export)

    def relation_kinds(self) -> tuple[str, ...]:
        """Every kind of link, in the order an entry's links are listed: field links, then related, then embeds."""
        kinds: list[str] = []
        for content_type in self.types.values():
            kinds += [name for name in content_type.relation_fields if name not in kinds]
        return (*kinds, "related", EMBEDS)


def _builtin() -> Registry:
    registry = Registry()
    for content_type in BUILTIN:
        registry.register(content_type)
    return registry


REGISTRY = _builtin()


def type_name(entry_type: str) -> str:
    """A type's label ("Place") for a message that names it: a `Reason`, translated with the message it is put in;
    a type the registry does not know stays as it is."""
    from fieldkit.core.explained import Reason

    content_type = REGISTRY.get(entry_type)
    return Reason(content_type.label) if content_type else entry_type
