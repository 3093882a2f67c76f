"""Per-language data for understanding what people type: stop words, stemmers and affix rules.

Keyed by the codes of fieldkit/core/languages.py. The data is here, not in the language table: the table says
what a language is (script direction, digits, fallbacks), these modules say how its words are searched.
A language with no data of its own borrows its base language's or its first fallback's (`data_language`).
"""

from __future__ import annotations

from fieldkit.core.languages import BY_CODE


def data_language(code: str, available: frozenset[str] | set[str]) -> str | None:
    """The code whose data `code` uses: itself, its base language, or the first fallback that has data."""
    for candidate in (code, code.split("-")[0], *(BY_CODE[code].fallback if code in BY_CODE else ())):
        if candidate in available:
            return candidate
    return None
