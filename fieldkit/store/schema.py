"""What the compiled database looks like, shared by the compiler that writes it and the store that reads it."""

from __future__ import annotations

# Bump when a reader of the old layout could not read the new one. Packs carry it too (a later issue).
SCHEMA_VERSION = 1

TABLES = ("meta", "sources", "entries", "citations", "relations", "translations", "search")


def lang_token(lang: str) -> str:
    return "lang" + lang.replace("-", "").lower()


def type_token(entry_type: str) -> str:
    return "type" + entry_type


def country_token(code: str) -> str:
    return "cc" + code.lower()


def facet_tokens(lang: str, entry_type: str, countries: list[str]) -> str:
    """The words the `facets` column holds, so a filter is part of the FTS match itself."""
    return " ".join([lang_token(lang), type_token(entry_type), *(country_token(c) for c in countries)])
