"""An age in words ("3 months ago") is what Babel's format_timedelta says, in every language, without Babel."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from babel.dates import format_timedelta

from fieldkit.core.languages import LANGUAGES
from fieldkit.i18n import dates
from fieldkit.i18n.age_words import PATTERNS
from fieldkit.i18n.dates import AGE_THRESHOLD, age_in_words
from tests.i18n.generator import is_generated_now

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 7)
# Every day for eight years either way, then far ages whose numbers pass the table (Babel answers those).
DAYS = [*range(-3000, 0), *range(1, 3001), -73000, -80000, 75000, -400000]


def babel_says(days: int, locale: str) -> str:
    return format_timedelta(dt.timedelta(days=days), granularity="day", threshold=AGE_THRESHOLD, add_direction=True,
                            locale=locale)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_age_is_told_as_babel_tells_it(language):
    assert language.locale in PATTERNS
    for days in DAYS:
        text = (TODAY + dt.timedelta(days=days)).isoformat()
        assert age_in_words(text, today=TODAY, locale=language.locale) == babel_says(days, language.locale), days


def test_the_table_answers_without_babel_and_hands_on_what_it_lacks():
    assert dates._age_from_table(dt.timedelta(days=-45), "fa") == "6 هفته پیش"
    assert dates._age_from_table(dt.timedelta(days=-400000), "fa") is None  # 1,096 years: past the table
    assert dates._age_from_table(dt.timedelta(days=-45), "de") is None  # not one of fieldkit's languages
    assert age_in_words("2026-10-23", today=TODAY, locale="de") == "vor 6 Wochen"


def test_home_s_age_imports_no_babel():
    program = ("import sys, datetime; from fieldkit.i18n.dates import age_in_words; "
               "print(age_in_words('2026-09-01', today=datetime.date(2026, 12, 7), locale='ar')); "
               "print(sorted(name for name in sys.modules if name.startswith('babel')))")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, check=True)
    told, imported = done.stdout.splitlines()
    assert told == babel_says(-97, "ar")
    assert imported == "[]"


def test_the_file_is_what_the_generator_writes_now():
    assert is_generated_now("age_words")
