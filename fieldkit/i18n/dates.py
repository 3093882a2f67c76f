"""Dates and ages in words, formatted for a locale with Babel."""

from __future__ import annotations

import datetime as dt

# An entry reviewed longer ago than this is shown with a warning.
STALE_AFTER_DAYS = 365


def parse_date(text: str | None) -> dt.date | None:
    """A full date from `YYYY-MM-DD`, `YYYY-MM` (first of month) or `YYYY` (1 January); None when empty or bad."""
    if not text:
        return None
    parts = str(text).split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return dt.date(*numbers[:3])
    except (ValueError, TypeError):
        return None


def age_in_words(text: str | None, *, today: dt.date | None = None, locale: str = "en") -> str:
    """"3 months ago", "today", or "" for no date, in the given locale."""
    date = parse_date(text)
    if date is None:
        return ""
    today = today or dt.date.today()
    if date == today:
        from fieldkit.i18n.catalog import _

        return _("today")
    from babel.dates import format_timedelta

    # threshold=2: "15 months ago" rather than "1 year ago", which would hide how stale a review is.
    return format_timedelta(date - today, granularity="day", threshold=2, add_direction=True,
                            locale=locale.replace("-", "_"))


def is_stale(text: str | None, *, today: dt.date | None = None) -> bool:
    date = parse_date(text)
    return date is None or ((today or dt.date.today()) - date).days > STALE_AFTER_DAYS


def format_day(text: str | None, lang: str | None = None) -> str:
    """A content date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) written for `lang` (default: the interface language),
    keeping its precision: "2025-05" is "مه 2025" in Farsi, not "05-2025" (which is what a right-to-left line
    makes of the numbers). English keeps ISO 8601, which field teams compare at a glance. "" for no date; a text
    that is not a date is given back as it is."""
    if not text:
        return ""
    from fieldkit.core.languages import language
    from fieldkit.i18n.catalog import language as interface_language

    code = lang or interface_language()
    date = parse_date(text)
    if date is None or code.split("-")[0] == "en":
        return str(text)
    from babel.dates import format_date, format_skeleton

    row = language(code)
    locale = row.locale if row else code.replace("-", "_")
    precision = len(str(text).split("-"))
    if precision >= 3:
        return format_date(date, "long", locale=locale)
    return format_skeleton("yMMMM" if precision == 2 else "y", date, locale=locale)
