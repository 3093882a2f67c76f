"""Numbers written for the interface language (CLDR, through Babel)."""

from __future__ import annotations


def percent(share: float, lang: str | None = None) -> str:
    """0.56 -> "56%" in English, "%56" in Turkish, "56 %" in French."""
    from babel.numbers import format_percent

    from fieldkit.core.languages import language
    from fieldkit.i18n.catalog import language as interface_language

    row = language(lang or interface_language())
    return format_percent(share, locale=row.locale if row else "en")
