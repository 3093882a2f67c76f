"""An entry's type-specific fields as labelled lines; a value no source gave is None, shown as "not known".

Which fields are shown, under which label and in which order is declared by the content type
(fieldkit/core/types/). Shared by `fieldkit show`, the app and the referral slip, so all say the same thing the
same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

from fieldkit.core import records
from fieldkit.core.marker import N_
from fieldkit.core.model import is_country_code
from fieldkit.core.registry import CONTACT_PARTS, REGISTRY, Field
from fieldkit.core.vocabularies import PHONE_KINDS, WEEKDAYS
from fieldkit.i18n.catalog import _, language
from fieldkit.store.models import Entry, Review

NOT_KNOWN = N_("not known")


def detail_lines(entry: Entry, *, today: dt.date | None = None) -> list[tuple[str, str | None]]:
    """(translated label, value or None when no source gave it) for the entry's type-specific fields. An alert
    is shown until its `until` day (`today`: the day to compare with, default today)."""
    content_type = REGISTRY.get(entry.type)
    if content_type is None:
        return []
    titles = {link.id: link.title for link in entry.related}
    lines: list[tuple[str, str | None]] = []
    for spec in content_type.detail_fields:
        lines += _lines(entry, spec, titles, today or dt.date.today())
    return lines


def _lines(entry: Entry, spec: Field, titles: dict[str, str], today: dt.date) -> list[tuple[str, str | None]]:
    from fieldkit.i18n.vocabulary import separator, words_for

    details = entry.details
    value: Any = details.get(spec.name)
    label = _(spec.label) if spec.label else ""
    if spec.kind == "contact":
        return contact_lines(details)
    if spec.kind == "latitude":  # one line for the point: lat, lon and where they come from
        if spec.name not in details:
            return [] if spec.optional else [(label, None)]
        return [(label, f"{details['lat']}, {details['lon']} ({details.get('coords_source', '')})")]
    if spec.kind == "legal_basis":
        return [(label, f"{basis['law']}{_article(basis)}") for basis in value or []]
    if spec.kind == "alert":
        shown = alert_text(value, today)
        return [(label, shown)] if shown else []
    if spec.kind == "schedule":
        value = schedule_text(value or [])
    elif spec.kind == "area":
        value = area_text(value or [], titles)
    elif spec.kind == "identifiers":
        value = separator().join(f"{item['scheme']}: {item['id']}" for item in value or [])
    elif spec.refers_to and value:  # entry ids: shown by the linked entry's title
        value = [titles.get(v, v) for v in value] if isinstance(value, list) else titles.get(value, value)
    elif value:
        value = words_for(entry.type, spec.name, value)
    if isinstance(value, list):
        value = separator().join(str(v) for v in value)
    if not value and spec.optional:
        return []
    return [(label, str(value) if value else None)]


# --- organisations' own content (overlays: fieldkit/content/merge.py) ------------------------------------------------
ADDED_BY = N_("Added by {organisation}, not part of the published content")


def added_by(organisation: str) -> str:
    """The words every screen, `show`, the ZIM pages and JSON readers see beside an organisation's content."""
    return _(ADDED_BY).format(organisation=organisation)


def local_line(entry: Entry) -> str | None:
    """"Added by XYZ, not part of the published content" for an entry an organisation added, else None."""
    if not entry.local:
        return None
    return added_by(str(entry.local.get("organisation") or entry.local.get("namespace") or ""))


def attached_sections(entry: Entry, *, today: dt.date | None = None
                      ) -> list[tuple[str, list[tuple[str, str]], list[str]]]:
    """For each organisation that attached fields to this published entry: (heading, its detail lines, where they
    come from and who checked them). Only the fields it gives: nothing is "not known" here."""
    content_type = REGISTRY.get(entry.type)
    if content_type is None:
        return []
    titles = {link.id: link.title for link in entry.related}
    sections = []
    for attachment in entry.attached:
        fields = attachment.get("fields") or {}
        shown = records.replace(entry, details=fields)  # Entry is a record (fieldkit/core/records.py)
        lines: list[tuple[str, str]] = []
        for spec in content_type.detail_fields:
            if spec.kind == "contact":
                lines += [(label, value) for label, value in contact_lines(fields) if value]
            elif spec.name in fields:
                lines += [(label, value) for label, value in _lines(shown, spec, titles, today or dt.date.today())
                          if value]
        notes = [_("source: {source}").format(source=", ".join(filter(None, (c.get("doc"), c.get("where")))))
                 for c in attachment.get("sources") or []]
        notes += attachment_state(attachment, today=today)
        sections.append((added_by(str(attachment.get("organisation") or attachment.get("namespace") or "")), lines,
                         notes))
    return sections


def attachment_state(attachment: dict[str, Any], *, today: dt.date | None = None) -> list[str]:
    """Who checked an organisation's attached fields, in the words every view uses for an entry (i18n/review.py):
    the organisation's check against its sources, and a specialist's review or that there is none."""
    from fieldkit.i18n.review import checked_phrase, review_line

    review = attachment.get("reviewed")
    return [checked_phrase(attachment.get("checked"), today=today, locale=language()),
            review_line(cast(Review, review) if isinstance(review, dict) else None)]


def contact_lines(details: dict[str, Any]) -> list[tuple[str, str | None]]:
    """One line per contact part (phone, email, web, address): the `contact` mapping's value and every `contacts`
    item of that part (a phone with its kind when not a plain voice line), or None when there is none."""
    from fieldkit.i18n.vocabulary import separator, word

    contact = details.get("contact") or {}
    items = details.get("contacts") or []
    lines: list[tuple[str, str | None]] = []
    for part, label in CONTACT_PARTS:
        values = [str(contact[part])] if contact.get(part) else []
        for item in items:
            if not item.get(part):
                continue
            text = str(item[part])
            extras = [word(PHONE_KINDS, item["kind"])] if item.get("kind") and item["kind"] != "voice" else []
            extras += [item["note"]] if item.get("note") else []
            values.append(text + (f" ({separator().join(extras)})" if extras else ""))
        lines.append((_(label), separator().join(values) if values else None))
    return lines


def has_contact(details: dict[str, Any]) -> bool:
    """Whether the content gives any way to reach the service."""
    return any(value for _, value in contact_lines(details))


def alert_text(alert: dict[str, Any] | None, today: dt.date) -> str | None:
    """The alert while it holds ("Moved to … (until 2026-12-31)"), None when there is none or it has expired."""
    if not alert or not alert.get("text"):
        return None
    until = alert.get("until")
    if until:
        try:
            if dt.date.fromisoformat(until) < today:
                return None
        except ValueError:
            return None
        return _("{text} (until {date})").format(text=alert["text"], date=until)
    return str(alert["text"])


def schedule_text(schedule: list[dict[str, Any]], times: Callable[[str], str] = str) -> str:
    """"Mon–Fri 09:00–17:00; Sat 10:00–12:00", in the current language ("" for no schedule). `times` wraps each
    "09:00–17:00" (a page keeps it left to right inside right-to-left text)."""
    from fieldkit.i18n.vocabulary import separator

    parts = []
    for line in schedule:
        days = _day_ranges(line.get("days") or [])
        text = f"{days} {times(str(line.get('opens')) + '–' + str(line.get('closes')))}"
        if line.get("note"):
            text += f" ({line['note']})"
        parts.append(text)
    return "; ".join(parts) if separator() == ", " else "؛ ".join(parts)


def _day_ranges(days: list[str]) -> str:
    """Days as words, runs of three or more joined: [mo, tu, we, th, fr, su] -> "Mon–Fri, Sun"."""
    from fieldkit.i18n.vocabulary import separator, word

    order = [day for day in WEEKDAYS if day in days]
    runs: list[list[str]] = []
    for day in order:
        if runs and WEEKDAYS.values.index(day) == WEEKDAYS.values.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    shown = []
    for run in runs:
        if len(run) >= 3:
            shown.append(f"{word(WEEKDAYS, run[0])}–{word(WEEKDAYS, run[-1])}")
        else:
            shown += [word(WEEKDAYS, day) for day in run]
    return separator().join(shown)


def area_text(area: list[str], titles: dict[str, str]) -> str:
    """Countries by name, places and regions by title, in the current language."""
    from fieldkit.i18n.languages import country_name
    from fieldkit.i18n.vocabulary import separator

    names = [country_name(item, language()) if is_country_code(item) else titles.get(item, item) for item in area]
    return separator().join(names)


def _article(basis: dict[str, Any]) -> str:
    return _(", Article {number}").format(number=basis["article"]) if basis.get("article") else ""


def not_known() -> str:
    return _(NOT_KNOWN)
