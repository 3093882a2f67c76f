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
