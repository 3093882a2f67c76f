"""Who checked what, said plainly in the current language: the words the app, `show`, handouts and `doctor` use.

Three states, never mixed up (docs/content-format.md): the editors *checked* an entry against its sources on a
date; a specialist *reviewed* it (only a person sets that); a translation is *machine*-made, *reviewed* by a
named person, or *outdated* when its English original changed after it.
"""

from __future__ import annotations

import datetime as dt

from fieldkit.i18n.catalog import _, ngettext
from fieldkit.i18n.dates import age_in_words, format_day
from fieldkit.store.models import Citation, Entry, Review


def checked_phrase(checked: str | None, *, today: dt.date | None = None, locale: str = "en",
                   short: bool = False) -> str:
    """"checked against the sources 5 days ago" (short: "checked 5 days ago"), or that it is not checked."""
    if not checked:
        return _("not yet checked against the sources")
    age = age_in_words(checked, today=today, locale=locale)
    return (_("checked {age}") if short else _("checked against the sources {age}")).format(age=age)


def content_review_phrase(reviewed: int, entries: int, *, short: bool = False) -> str:
    """How much of the content a specialist has reviewed, for the app's header and `doctor`."""
    if entries and reviewed >= entries:
        return _("reviewed by a specialist")
    if reviewed == 0:
        return _("no specialist review yet") if short else _("not yet reviewed by a specialist")
    return ngettext("{count} of {total} entry reviewed by a specialist",
                    "{count} of {total} entries reviewed by a specialist", entries).format(count=reviewed, total=entries)


def dates_line(entry: Entry, *, today: dt.date | None = None, locale: str = "en") -> str:
    """"Facts as of 2024-07 · checked against the sources 2026-11-01 (3 weeks ago)". Dates are written for the
    interface language (format_day: "2025-05" in a right-to-left line would read "05-2025")."""
    if not entry.checked:
        return _("Facts as of {as_of} · not yet checked against the sources").format(as_of=format_day(entry.as_of))
    age = age_in_words(entry.checked, today=today, locale=locale)
    return _("Facts as of {as_of} · checked against the sources {checked} ({age})").format(
        as_of=format_day(entry.as_of), checked=format_day(entry.checked), age=age)


def review_line(review: Review | None) -> str:
    """"Not yet reviewed by a specialist." or who reviewed the entry, and when."""
    if not review:
        return _("Not yet reviewed by a specialist.")
    if review.get("organisation"):
        return _("Reviewed by {by} ({organisation}) on {date}.").format(
            by=review.get("by", ""), organisation=review["organisation"], date=format_day(review.get("date")))
    return _("Reviewed by {by} on {date}.").format(by=review.get("by", ""), date=format_day(review.get("date")))


def translation_line(entry: Entry) -> str:
    """What a reader of this language should know about the text: English for want of a translation, machine-made,
    reviewed by someone, or made from an older English original. Empty for the original itself."""
    if entry.fallback:
        return _("Shown in English: no translation yet.")
    if entry.translation_state == "outdated":
        return _("The English original changed after this translation.")
    if entry.translation == "machine":
        return _("Machine translation, not yet reviewed by a person.")
    if entry.translation == "reviewed" and entry.translation_review:
        review = entry.translation_review
        return _("Translation reviewed by {by} on {date}.").format(by=review.get("by", ""),
                                                                  date=format_day(review.get("date")))
    return ""


def overdue_line(entry: Entry, today: dt.date | None = None) -> str:
    """A warning when a fact from outside the sources is past the day it was to be checked again, else ""."""
    day = (today or dt.date.today()).isoformat()
    if not entry.review_overdue(day):
        return ""
    return _("Facts from outside the sources were to be checked again by {date}: they may be out of date.").format(
        date=format_day(entry.review_by))


def source_note(citation: Citation, today: dt.date | None = None) -> str:
    """"from outside the sources; check again by 2026-06-30" for a citation of a public page, else ""."""
    if not citation.outside_sources:
        return ""
    if not citation.review_by:
        return _("from outside the sources")
    if citation.review_by < (today or dt.date.today()).isoformat():
        return _("from outside the sources; was to be checked again by {date}").format(
            date=format_day(citation.review_by))
    return _("from outside the sources; check again by {date}").format(date=format_day(citation.review_by))


def handout_review(*, first_checked: str, last_checked: str, unchecked: int, entries: int, reviewed: int,
                   machine: bool, outdated: bool) -> str:
    """The review state of what a handout draws on, as sentences: printed, so dates and no ages."""
    if not first_checked:
        parts = [_("Not yet checked against the sources.")]
    elif first_checked == last_checked:
        parts = [_("Checked against the sources on {date}.").format(date=first_checked)]
    else:
        parts = [_("Checked against the sources from {first} to {last}.").format(first=first_checked, last=last_checked)]
    if first_checked and unchecked:
        parts.append(_("Some of it is not yet checked against the sources."))
    if entries and reviewed >= entries:
        parts.append(_("Reviewed by a specialist."))
    elif reviewed == 0:
        parts.append(_("Not yet reviewed by a specialist."))
    else:
        parts.append(ngettext("{count} of {total} entry reviewed by a specialist.",
                              "{count} of {total} entries reviewed by a specialist.", entries)
                     .format(count=reviewed, total=entries))
    if outdated:
        parts.append(_("The English original changed after this translation."))
    elif machine:
        parts.append(_("Machine translation, not yet reviewed by a person."))
    return " ".join(parts)
