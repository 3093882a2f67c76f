"""Words for the content's fixed values (modes of travel, audiences, kinds, topics), translated where they are shown.

The value lists and their English words are declared once, in fieldkit/core/vocabularies.py, and each field of a
content type names its list (fieldkit/core/types/). Content and JSON keep the values (`border-crossing`); people
read these words.
"""

from __future__ import annotations

from fieldkit.core.languages import is_rtl
from fieldkit.core.registry import REGISTRY
from fieldkit.core.vocabularies import AUDIENCES, MODES, Vocabulary
from fieldkit.i18n.catalog import _, language

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a search imports no typing at all)
if TYPE_CHECKING:
    from typing import Any


def separator() -> str:
    """Between the items of a list: the Arabic comma in right-to-left (Arabic-script) languages."""
    return "، " if is_rtl(language()) else ", "


def word(vocabulary: Vocabulary, value: str) -> str:
    """One value in words, in the current language; a value the list does not know (newer content) as it is."""
    english = vocabulary.word(value)
    return _(english) if english else value


def modes(values: list[str]) -> str:
    return separator().join(word(MODES, value) for value in values)


def audience(value: str) -> str:
    return word(AUDIENCES, value)


def words_for(entry_type: str, field: str, value: Any) -> Any:
    """A detail value in words, in the current language: one value, or a list joined with commas. A field
    without a value list, or a type the registry does not know, gives the value as it is."""
    content_type = REGISTRY.get(entry_type)
    spec = content_type.field(field) if content_type else None
    if spec is None or not isinstance(spec.choices, Vocabulary):
        return value
    if isinstance(value, list):
        return separator().join(word(spec.choices, str(v)) for v in value)
    return word(spec.choices, value)


def type_label(entry_type: str) -> str:
    """One entry of the type in words ("Risk", "Term"), translated; an unknown type as it is."""
    content_type = REGISTRY.get(entry_type)
    return _(content_type.label) if content_type else entry_type


def counted(entry_type: str, number: int) -> str:
    """"3 services", "1 risk": a number of entries of the type in words, in the interface language."""
    from fieldkit.i18n.catalog import ngettext

    content_type = REGISTRY.get(entry_type)
    if content_type is None or not content_type.counted[0]:
        return f"{number} {entry_type}"
    return ngettext(*content_type.counted, number).format(count=number)


def topic_title(entry_type: str) -> str:
    """All entries of the type in words ("Risks", "Glossary"), translated; an unknown type as it is."""
    content_type = REGISTRY.get(entry_type)
    return _(content_type.topic_title) if content_type else entry_type
