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


# How an age is told (Babel's format_timedelta): in the largest unit that counts at least AGE_THRESHOLD, days at
# the least. A threshold of 2 says "15 months ago" rather than "1 year ago", which would hide how stale a review is.
AGE_THRESHOLD = 2
AGE_UNITS = (("year", 31536000), ("month", 2592000), ("week", 604800), ("day", 86400))  # Babel's, down to a day
AGE_NUMBERS = 200  # age_words.py has the plural category of the numbers below this; a larger one is asked of Babel
PLURAL_LETTERS = {"z": "zero", "o": "one", "t": "two", "f": "few", "m": "many", "x": "other"}


def age_in_words(text: str | None, *, today: dt.date | None = None, locale: str = "en") -> str:
    """"3 months ago", "today", or "" for no date, in the given locale."""
    date = parse_date(text)
    if date is None:
        return ""
    today = today or dt.date.today()
    if date == today:
        from fieldkit.i18n.catalog import _

        return _("today")
    locale = locale.replace("-", "_")
    told = _age_from_table(date - today, locale)
    if told is not None:
        return told
    from babel.dates import format_timedelta

    return format_timedelta(date - today, granularity="day", threshold=AGE_THRESHOLD, add_direction=True,
                            locale=locale)


def _age_from_table(delta: dt.timedelta, locale: str) -> str | None:
    """What format_timedelta says, from CLDR's words written into age_words.py (the app's first frame names an age,
    and Babel with its locale data took 9-15 ms to start); None where the table does not have it."""
    from fieldkit.i18n.age_words import PATTERNS, PLURALS

    if locale not in PATTERNS:
        return None
    seconds = delta.total_seconds()
    for unit, unit_seconds in AGE_UNITS:  # format_timedelta's steps, with its float arithmetic and rounding
        value = abs(seconds) / unit_seconds
        if value >= AGE_THRESHOLD or unit == "day":
            if unit == "day" and value > 0:
                value = max(1, value)
            number = int(round(value))
            if number >= len(PLURALS[locale]):
                return None
            patterns = PATTERNS[locale]["future" if seconds >= 0 else "past"][unit]
            return patterns[PLURAL_LETTERS[PLURALS[locale][number]]].replace("{0}", str(number))
    return None


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
