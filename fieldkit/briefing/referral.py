"""A referral slip: one printable A4 page about a service, in the person's language with the worker's beside it.

It says what the service does, who it is for, what to bring and how to reach it ("not known: ask <organisation>"
where the content gives no way), with the content's version and date and, where true, that no specialist has
reviewed the entry. Nothing about the person is stored: a name given for the slip is printed on it and kept nowhere
else. The HTML has no external resources and says its language and direction (a right-to-left column is laid out
right to left); content text is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from fieldkit.core.explained import Explained
from fieldkit.core.languages import is_rtl
from fieldkit.core.marker import N_
from fieldkit.core.registry import type_name
from fieldkit.i18n.catalog import _, speaking
from fieldkit.i18n.details import (
    alert_text,
    attached_sections,
    contact_lines,
    has_contact,
    local_line,
    not_known,
    schedule_text,
)
from fieldkit.i18n.review import translation_line
from fieldkit.i18n.vocabulary import separator, words_for
from fieldkit.store.models import Entry
from fieldkit.store.store import Store
from fieldkit.text.sanitize import sanitize


class ReferralError(Explained):
    """No slip can be made (unknown id, not a service); one clear line (an English template and its values)."""


@dataclass(frozen=True)
class _Column:
    lang: str
    entry: Entry
    place: str  # the service's place, in this language ("" when it has none)


def referral_html(store: Store, service_id: str, lang: str, also: str | None = None, *, name: str = "",
                  today: dt.date | None = None) -> str:
    """The slip for `service_id` in `lang`, with `also` (the worker's language) beside it when it differs."""
    entry = store.get(service_id, lang)
    if entry is None:
        raise ReferralError(N_("no entry with id {id!r}"), id=service_id)
    if entry.type != "service":
        raise ReferralError(N_("{id!r} is of type {type}, not a service: a referral slip is for a service"),
                            id=service_id, type=type_name(entry.type))
    languages = [lang] + ([also] if also and also != lang else [])
    columns = []
    for code in languages:
        translated = store.get(service_id, code)
        assert translated is not None
        place_id = translated.details.get("place")
        columns.append(_Column(code, translated, store.title_of(place_id, code)[0] if place_id else ""))
    meta = store.meta()
    day = today or dt.date.today()
    sections = "\n".join(_column(column, meta, name, day) for column in columns)
    direction = "rtl" if is_rtl(lang) else "ltr"
    return f"""<!DOCTYPE html>
<html lang="{_e(lang)}" dir="{direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(entry.title)}</title>
<style>{_CSS}</style>
</head>
<body>
<main class="slip columns-{len(columns)}">
{sections}
</main>
</body>
</html>
"""


def _column(column: _Column, meta: dict[str, str], name: str, today: dt.date) -> str:
    with speaking(column.lang):
        entry = column.entry
        details = entry.details
        direction = "rtl" if is_rtl(column.lang) else "ltr"
        rows = [
            (_("What it does"), entry.summary),
            (_("Who it is for"), _who(entry)),
            (_("What to bring"), separator().join(details.get("documents") or []) or None),
            (_("How to reach it"), _reach(column)),
        ]
        # What organisations attached (a phone number the sources never gave), each under who added it.
        rows += [(heading, "\n".join(f"{label}: {value}" for label, value in lines))
                 for heading, lines, _notes in attached_sections(entry, today=today) if lines]
        notes = [line] if (line := local_line(entry)) else []
        # English for want of a translation, machine-made, made from an older English original, or reviewed by whom
        translation = translation_line(entry)
        notes += [translation] if translation else []
        alert = alert_text(details.get("alert"), today)
        body = "".join(
            f'<div class="row"><h3>{_e(label)}</h3><p class="{"value" if value else "unknown"}">'
            f"{_e(value) if value else _e(not_known())}</p></div>"
            for label, value in rows)
        name_line = _e(name) if name else "&nbsp;"
        name_label, slip_label = _("Name"), _("Referral slip")
        footer = [_("Content version {version} of {date}. Facts as of {as_of}.").format(
            version=_ltr(meta.get("content_version", "")), date=_ltr(meta.get("content_date", "")),
            as_of=_ltr(entry.as_of))]
        if not entry.reviewed:
            footer.append(_("Not yet reviewed by a specialist."))
        footer.append(_("Made with fieldkit; nothing about the person is stored."))
        return f"""<section lang="{_e(column.lang)}" dir="{direction}">
<p class="kind">{_e(slip_label)}</p>
<h1>{_e(entry.title)}</h1>
<p class="org">{_e(str(details.get("organisation", "")))}</p>
{''.join(f'<p class="note">{_e(note)}</p>' for note in notes)}
{f'<p class="alert">{_e(_("Alert"))}: {_e(alert)}</p>' if alert else ''}
<div class="name"><span>{_e(name_label)}:</span> <span class="blank">{name_line}</span></div>
{body}
<footer>{''.join(f'<p>{_e(line)}</p>' for line in footer)}</footer>
</section>"""


def _who(entry: Entry) -> str | None:
    details = entry.details
    parts = []
    if details.get("populations"):
        parts.append(str(words_for("service", "populations", details["populations"])))
    if details.get("eligibility"):
        parts.append(str(details["eligibility"]))
    return ". ".join(parts) if parts else None


def _reach(column: _Column) -> str:
    """Where it is, its contacts, when it is open and how to get in; "not known: ask <organisation>" without any
    contact."""
    details = column.entry.details
    parts = []
    if column.place:
        parts.append(_("Place: {place}").format(place=column.place))
    if has_contact(details):
        parts += [f"{label}: {value}" for label, value in contact_lines(details) if value]
    else:
        parts.append(_("Not known: ask {organisation}.").format(organisation=details.get("organisation", "")))
    if details.get("schedule"):
        parts.append(_("Opening times") + ": " + schedule_text(details["schedule"], times=_ltr))
    elif details.get("hours"):
        parts.append(_("Hours") + ": " + str(details["hours"]))
    if details.get("intake"):
        parts.append(_("How to get in") + ": " + str(words_for("service", "intake", details["intake"])))
    return "\n".join(parts)


_CSS = """
@page { size: A4; margin: 12mm; }
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", Arial, sans-serif; color: #111; background: #fff;
       margin: 0; font-size: 10.5pt; line-height: 1.4; }
main.slip { display: grid; gap: 8mm; }
main.columns-2 { grid-template-columns: 1fr 1fr; }
section { border: 1px solid #555; border-radius: 4px; padding: 5mm; }
section[dir="rtl"] { text-align: right; }
section[dir="ltr"] { text-align: left; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h3 { font-size: 10.5pt; margin: 3mm 0 .5mm; }
p { margin: 0; white-space: pre-line; }
.kind { text-transform: uppercase; letter-spacing: .05em; font-size: 8.5pt; color: #444; }
.org { color: #333; }
.note, .unknown { font-style: italic; color: #555; }
.alert { font-weight: bold; margin-top: 2mm; }
.name { margin: 4mm 0 1mm; }
.blank { display: inline-block; min-width: 55%; border-bottom: 1px solid #111; }
/* A line of English inside a right-to-left column keeps its own direction, aligned with the column. */
.value, .unknown, .org, h1, footer p { unicode-bidi: plaintext; }
footer { border-top: 1px solid #999; margin-top: 4mm; padding-top: 2mm; font-size: 8.5pt; color: #333; }
@media print { section { break-inside: avoid; } }
"""


_LTR_START, _LTR_END = "\ue000", "\ue001"  # private-use marks, turned into <bdi dir="ltr"> once escaped


def _ltr(text: str) -> str:
    """Dates, versions and times kept left to right inside a right-to-left sentence, so that 2025-05 does not read
    05-2025 and 08:00–12:00 does not read 12:00–08:00 (a <bdi dir="ltr"> in the page)."""
    return f"{_LTR_START}{text}{_LTR_END}" if text else text


def _e(text: str) -> str:
    escaped = html.escape(sanitize(text), quote=True)
    return escaped.replace(_LTR_START, '<bdi dir="ltr">').replace(_LTR_END, "</bdi>")
