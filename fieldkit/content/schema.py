"""What each content type may and must say, and how one field's value is validated and normalised.

The fields of each type are declared in the content-type registry (fieldkit/core/registry.py); `validate_fields()`
turns a front matter mapping into clean values plus a list of (location, message) problems. Cross-entry rules (references, duplicates, quotes) live in `check.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from fieldkit.core.countries import COUNTRIES
from fieldkit.core.model import PLACEHOLDER, is_country_code
from fieldkit.core.registry import (
    COMMON_FIELDS,
    CONTACT_PARTS,
    REGISTRY,
    TRANSLATION_FIELDS,
    Field,
)
from fieldkit.core.vocabularies import PHONE_KINDS, TRANSLATION_STATUS, WEEKDAYS

QUOTE_MAX = 200

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_ISO_REGION = re.compile(r"^([A-Z]{2})-[A-Z0-9]{1,3}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")

Problems = list[tuple[tuple[Any, ...], str]]  # (location in the front matter, message)


def fields_for(entry_type: str, *, original: bool) -> dict[str, Field]:
    """The fields an entry of this type may have, by name (the registry's, fieldkit/core/registry.py)."""
    if not original:
        return {f.name: f for f in TRANSLATION_FIELDS}
    content_type = REGISTRY.get(entry_type)
    return {f.name: f for f in COMMON_FIELDS + (content_type.fields if content_type else ())}


def placeholder_in(value: Any) -> tuple[Any, ...] | None:
    """Where in a value a template's placeholder (`FILL IN ...`) is still written, or None."""
    if isinstance(value, str):
        return () if value.lstrip().startswith(PLACEHOLDER) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, item in items:
        found = placeholder_in(item)
        if found is not None:
            return (key, *found)
    return None


def _placeholders(data: dict[str, Any], problems: Problems) -> set[str]:
    """Fields still holding a template's placeholder: one problem each, and they are not validated further."""
    found = set()
    for name, value in data.items():
        where = placeholder_in(value)
        if where is not None:
            found.add(name)
            problems.append(((name, *where), f"'{name}' still holds the template's placeholder ({PLACEHOLDER} ...): "
                                             "write the real value, or leave the field out if no source gives it"))
    return found


def _check_values(data: dict[str, Any], allowed: dict[str, Any], unfilled: set[str], clean: dict[str, Any],
                  problems: Problems, *, also_required: tuple[str, ...] = ()) -> None:
    """Each allowed field: missing (a problem if required), or validated by its kind into `clean`."""
    for name, spec in allowed.items():
        if name in unfilled:
            continue
        if name not in data:
            if spec.required or name in also_required:
                problems.append(((), f"missing required field '{name}'"))
            continue
        value, field_problems = _VALIDATORS[spec.kind](data[name], spec)
        problems.extend(((name, *where), message) for where, message in field_problems)
        if not field_problems:
            clean[name] = value


def validate_fields(data: dict[str, Any], entry_type: str, *, original: bool) -> tuple[dict[str, Any], Problems]:
    """Check every field's presence and type. Returns the normalised values and the problems found."""
    allowed = fields_for(entry_type, original=original)
    problems: Problems = []
    clean: dict[str, Any] = {}
    unfilled = _placeholders(data, problems)
    for name in data:
        if name not in allowed:
            hint = f" (translations carry only {', '.join(allowed)})" if not original else ""
            problems.append(((name,), f"unknown field '{name}' for a {entry_type}{hint}"))
    content_type = REGISTRY.get(entry_type)
    country_required = original and content_type is not None and content_type.country_required
    _check_values(data, allowed, unfilled, clean, problems, also_required=("country",) if country_required else ())
    if not original:
        problems += _translation_review(data, clean)
    if original and content_type is not None and content_type.coordinates:
        has_lat, has_lon = "lat" in data, "lon" in data
        if has_lat != has_lon:
            problems.append((("lat" if has_lat else "lon",), "give both 'lat' and 'lon', or neither"))
        if has_lat and "coords_source" not in data:
            problems.append((("lat",), "coordinates need 'coords_source' naming where they come from"))
    code, country = clean.get("iso_code"), clean.get("country")
    if isinstance(code, str) and country and not code.startswith(f"{country}-"):
        problems.append((("iso_code",), f"ISO 3166-2 code {code} is not a code of {country} (it starts {code[:2]})"))
    return clean, problems


def _translation_review(data: dict[str, Any], clean: dict[str, Any]) -> Problems:
    """A translation is `reviewed` only with the reviewer named, and only a reviewed one names a reviewer."""
    if clean.get("translation") == "reviewed" and "reviewed" not in data:
        return [(("translation",), "'translation: reviewed' needs 'reviewed: {by: ..., date: ...}' naming who "
                                   "reviewed it; a translation nobody has reviewed is 'translation: machine'")]
    if clean.get("translation") == "machine" and data.get("reviewed") is not None:
        return [(("reviewed",), "a translation with 'reviewed' is 'translation: reviewed', not machine")]
    return []


def validate_attachment(data: dict[str, Any], entry_type: str) -> tuple[dict[str, Any], Problems]:
    """An overlay's attachment to a published entry of `entry_type` (fieldkit/core/layers.py): only the type's
    `attachable` fields, validated as in an entry, with its sources (required) and review state."""
    from fieldkit.core.layers import ATTACHMENT_FIELDS

    content_type = REGISTRY.get(entry_type)
    attachable = content_type.attachable if content_type else ()
    allowed = {name: spec for name in (*attachable, *ATTACHMENT_FIELDS)
               if (spec := (content_type.field(name) if content_type else None)) is not None}
    problems: Problems = []
    clean: dict[str, Any] = {}
    unfilled = _placeholders(data, problems)
    for name in data:
        if name not in allowed:
            may = ", ".join(attachable) or "nothing"
            problems.append(((name,), f"'{name}' cannot be attached to a {entry_type}: an overlay attaches {may}, "
                                      "never published text"))
    _check_values(data, allowed, unfilled, clean, problems)
    if not any(name in clean for name in attachable) and not problems:
        problems.append(((), f"nothing attached: give at least one of {', '.join(attachable)}"))
    return clean, problems


# --- validators: each returns (normalised value, [(location inside the field, message)]) ----------------------

Result = tuple[Any, Problems]


def _text(value: Any, spec: Field) -> Result:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None, [((), f"'{spec.name}' must be non-empty text, not {_describe(value)}")]
    return value.strip(), []


def _id(value: Any, spec: Field) -> Result:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        return None, [((), f"'{spec.name}' must be an id of lowercase letters, digits and hyphens, not {_describe(value)}")]
    return value, []


def _choice(value: Any, spec: Field) -> Result:
    if not isinstance(value, str) or value not in spec.choices:
        return None, [((), f"'{spec.name}' must be one of {', '.join(spec.choices)}; got {_describe(value)}")]
    return value, []


def _type(value: Any, spec: Field) -> Result:
    return _choice(value, Field(spec.name, "choice", choices=REGISTRY.names()))


def _translation(value: Any, spec: Field) -> Result:
    return _choice(value, Field(spec.name, "choice", choices=TRANSLATION_STATUS))


def _country(value: Any, spec: Field) -> Result:
    if value not in COUNTRIES:
        return None, [((), f"unknown country code {_describe(value)} in '{spec.name}' (known: {', '.join(COUNTRIES)})")]
    return value, []


def _list_of(item_validator: Callable[[Any, Field], Result]) -> Callable[[Any, Field], Result]:
    def validate(value: Any, spec: Field) -> Result:
        if not isinstance(value, list):
            return None, [((), f"'{spec.name}' must be a list, not {_describe(value)}")]
        items: list[Any] = []
        problems: Problems = []
        for index, item in enumerate(value):
            clean, item_problems = item_validator(item, spec)
            problems.extend(((index, *where), message) for where, message in item_problems)
            items.append(clean)
        return items, problems

    return validate


def _date(value: Any, spec: Field) -> Result:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat(), []
    text = str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    match = _DATE.match(text)
    if match:
        year, month, day = match.groups()  # the year is always there; month and day may not be
        try:
            dt.date(int(year), int(month or 1), int(day or 1))
            return text, []
        except ValueError:
            pass
    return None, [((), f"'{spec.name}' must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {_describe(value)}")]


def _day(value: Any, spec: Field) -> Result:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat(), []
    try:
        return dt.date.fromisoformat(str(value)).isoformat(), []
    except ValueError:
        return None, [((), f"'{spec.name}' must be a date as YYYY-MM-DD, not {_describe(value)}")]


def _day_or_null(value: Any, spec: Field) -> Result:
    if value is None:
        return None, []
    clean, problems = _day(value, spec)
    if problems:
        return None, [((), f"'{spec.name}' must be a date as YYYY-MM-DD (or null), not {_describe(value)}")]
    return clean, []


ONLY_A_PERSON = ("only a person reviews: give by: and date:, or use checked: for the editors' check against the "
                 "sources")


def _review(value: Any, spec: Field) -> Result:
    """A specialist's review: {by, organisation, date}, set by that person. Null: not reviewed."""
    if value is None:
        return None, []
    if not isinstance(value, dict):
        return None, [((), f"'{spec.name}' is {_describe(value)}, but {ONLY_A_PERSON}")]
    names = {key: item for key, item in value.items() if key != "date"}
    clean, problems = _mapping({"by": False, "organisation": False, "date": False})(names, spec)
    missing = [key for key in ("by", "date") if value.get(key) in (None, "")]
    if missing:
        problems.append(((), f"'{spec.name}' has no {' and no '.join(missing)}: {ONLY_A_PERSON}"))
    elif "date" in value:
        date, date_problems = _day(value["date"], Field(f"{spec.name}.date", "day"))
        problems.extend((("date",), message) for _, message in date_problems)
        clean["date"] = date
    return clean, problems


_HASH = re.compile(r"^[0-9a-f]{16,64}$")


def _hash(value: Any, spec: Field) -> Result:
    text = str(value) if isinstance(value, str) else ""
    if not _HASH.match(text):
        return None, [((), f"'{spec.name}' must be a hash of lowercase hex digits (fieldkit check gives it), "
                           f"not {_describe(value)}")]
    return text, []


def _coordinate(low: float, high: float) -> Callable[[Any, Field], Result]:
    def validate(value: Any, spec: Field) -> Result:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            return None, [((), f"'{spec.name}' must be a number from {low:g} to {high:g}, not {_describe(value)}")]
        return float(value), []

    return validate


def _minutes(value: Any, spec: Field) -> Result:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 600:
        return None, [((), f"'{spec.name}' must be a whole number of minutes from 1 to 600, not {_describe(value)}")]
    return value, []


def _source(value: Any, spec: Field) -> Result:
    return _id(value, spec)  # that the source exists is checked against sources.yaml in check.py


def _mapping(keys: dict[str, bool]) -> Callable[[Any, Field], Result]:
    """A mapping whose keys are the given names (True = required), all text."""

    def validate(value: Any, spec: Field) -> Result:
        if not isinstance(value, dict):
            return None, [((), f"'{spec.name}' must be a mapping with {', '.join(keys)}, not {_describe(value)}")]
        problems: Problems = []
        clean: dict[str, Any] = {}
        for key in value:
            if key not in keys:
                problems.append(((key,), f"unknown key '{key}' in '{spec.name}' (allowed: {', '.join(keys)})"))
        for key, required in keys.items():
            if key not in value or value[key] is None:
                if required:
                    problems.append(((), f"'{spec.name}' needs '{key}'"))
                continue
            text, key_problems = _text(value[key], Field(f"{spec.name}.{key}", "text"))
            problems.extend(((key,), message) for _, message in key_problems)
            clean[key] = text
        return clean, problems

    return validate


def _citation(value: Any, spec: Field) -> Result:
    """{doc, where, quote, review_by}: `review_by` dates a fact from outside the shared documents (check.py)."""
    texts = {key: item for key, item in value.items() if key != "review_by"} if isinstance(value, dict) else value
    clean, problems = _mapping({"doc": True, "where": True, "quote": False, "review_by": False})(
        texts, Field("source", "citation"))
    quote = clean.get("quote") if isinstance(clean, dict) else None
    if quote and len(quote) > QUOTE_MAX:
        problems.append((("quote",), f"quote is {len(quote)} characters; at most {QUOTE_MAX}"))
    if isinstance(value, dict) and value.get("review_by") is not None:
        day, day_problems = _day(value["review_by"], Field("review_by", "day"))
        problems.extend((("review_by",), message) for _, message in day_problems)
        clean["review_by"] = day
    return clean, problems


def _citations(value: Any, spec: Field) -> Result:
    clean, problems = _list_of(_citation)(value, spec)
    if not problems and not clean:
        problems.append(((), "'sources' needs at least one citation"))
    return clean, problems


def _language(value: Any, spec: Field) -> Result:
    from fieldkit.i18n.languages import is_language_code

    if not isinstance(value, str) or not is_language_code(value):
        return None, [((), f"unknown language code {_describe(value)} in '{spec.name}'")]
    return value, []


def _words(value: Any, spec: Field) -> Result:
    return _list_of(_text)(value, spec)


def _url(value: Any, spec: Field) -> Result:
    from urllib.parse import urlsplit

    text, problems = _text(value, spec)
    if problems:
        return None, problems
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not _HOST.match((parts.hostname or "").lower()) or " " in text:
        return None, [((), f"'{spec.name}' must be a web address starting http:// or https://, not {_describe(value)}")]
    return text, []


def _phone(value: Any, spec: Field) -> Result:
    text, problems = _text(value, spec)
    if problems:
        return None, problems
    if sum(c.isdigit() for c in text) < 3 or len(text) > 40 or not re.fullmatch(r"[+\d\s()./-]+", text):
        return None, [((), f"'{spec.name}' must be a phone number (digits, spaces, + - ( ) /), not {_describe(value)}")]
    return text, []


def _email(value: Any, spec: Field) -> Result:
    text, problems = _text(value, spec)
    if problems:
        return None, problems
    if not _EMAIL.match(text):
        return None, [((), f"'{spec.name}' must be an email address, not {_describe(value)}")]
    return text, []


_CONTACT_VALIDATORS: dict[str, Callable[[Any, Field], Result]] = {
    "phone": _phone, "email": _email, "url": _url, "address": _text,
}


def _contact_item(value: Any, spec: Field) -> Result:
    """One typed contact: exactly one of phone, email, url, address; a phone may say its kind; any may have a note."""
    parts = [part for part, _ in CONTACT_PARTS]
    if not isinstance(value, dict):
        return None, [((), f"each item of '{spec.name}' must be a mapping with one of {', '.join(parts)}, "
                           f"not {_describe(value)}")]
    problems: list[tuple[tuple[Any, ...], str]] = []
    given = [part for part in parts if part in value]
    if len(given) != 1:
        problems.append(((), f"each item of '{spec.name}' gives exactly one of {', '.join(parts)} "
                             f"(this one gives {', '.join(given) or 'none'})"))
    for key in value:
        if key not in (*parts, "kind", "note"):
            problems.append(((key,), f"unknown key '{key}' in '{spec.name}' (allowed: {', '.join(parts)}, kind, note)"))
    clean: dict[str, Any] = {}
    for part in given:
        text, part_problems = _CONTACT_VALIDATORS[part](value[part], Field(f"{spec.name}.{part}", "text"))
        problems.extend(((part, *where), message) for where, message in part_problems)
        clean[part] = text
    if "kind" in value:
        if given != ["phone"]:
            problems.append((("kind",), "'kind' is for a phone: voice, whatsapp, hotline or sms"))
        kind, kind_problems = _choice(value["kind"], Field(f"{spec.name}.kind", "choice", choices=PHONE_KINDS))
        problems.extend((("kind", *where), message) for where, message in kind_problems)
        clean["kind"] = kind
    if "note" in value:
        note, note_problems = _text(value["note"], Field(f"{spec.name}.note", "text"))
        problems.extend((("note", *where), message) for where, message in note_problems)
        clean["note"] = note
    return clean, problems


def _schedule_item(value: Any, spec: Field) -> Result:
    """One line of a weekly schedule: the days (mo..su), opening and closing time (HH:MM), an optional note."""
    if not isinstance(value, dict):
        return None, [((), f"each item of '{spec.name}' must be a mapping with days, opens, closes, "
                           f"not {_describe(value)}")]
    problems: list[tuple[tuple[Any, ...], str]] = []
    for key in value:
        if key not in ("days", "opens", "closes", "note"):
            problems.append(((key,), f"unknown key '{key}' in '{spec.name}' (allowed: days, opens, closes, note)"))
    days, day_problems = _list_of(_choice)(value.get("days"), Field(f"{spec.name}.days", "choices", choices=WEEKDAYS))
    problems.extend((("days", *where), message) for where, message in day_problems)
    if not day_problems and not days:
        problems.append((("days",), f"'{spec.name}.days' needs at least one day"))
    clean: dict[str, Any] = {"days": days}
    for key in ("opens", "closes"):
        text = value.get(key)
        if isinstance(text, int) and not isinstance(text, bool):  # YAML 1.1 reads 09:00 as a number of minutes
            text = f"{text // 60:02d}:{text % 60:02d}"
        if not isinstance(text, str) or not _TIME.match(text):
            problems.append(((key,), f"'{spec.name}.{key}' must be a time as HH:MM, not {_describe(value.get(key))}"))
        clean[key] = text
    if not problems and clean["closes"] <= clean["opens"]:
        problems.append((("closes",), f"'{spec.name}' closes at {clean['closes']}, not after it opens at {clean['opens']}"))
    if "note" in value:
        note, note_problems = _text(value["note"], Field(f"{spec.name}.note", "text"))
        problems.extend((("note", *where), message) for where, message in note_problems)
        clean["note"] = note
    return clean, problems


def _area_item(value: Any, spec: Field) -> Result:
    """A country (BA; that it is known is checked here) or a place id (that it exists is checked in check.py)."""
    if isinstance(value, str) and is_country_code(value):
        return _country(value, spec)
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        return None, [((), f"'{spec.name}' items are country codes (BA) or place ids (una-sana-canton), "
                           f"not {_describe(value)}")]
    return value, []


def _alert(value: Any, spec: Field) -> Result:
    """A notice that holds for a while ("moved", "closed until"): its text and the day it stops being shown."""
    if not isinstance(value, dict):
        return None, [((), f"'{spec.name}' must be a mapping with text and until, not {_describe(value)}")]
    problems: list[tuple[tuple[Any, ...], str]] = []
    for key in value:
        if key not in ("text", "until"):
            problems.append(((key,), f"unknown key '{key}' in '{spec.name}' (allowed: text, until)"))
    text, text_problems = _text(value.get("text"), Field(f"{spec.name}.text", "text"))
    problems.extend((("text", *where), message) for where, message in text_problems)
    clean: dict[str, Any] = {"text": text}
    if value.get("until") is not None:
        day, day_problems = _day_or_null(value["until"], Field(f"{spec.name}.until", "date"))
        problems.extend((("until", *where), message) for where, message in day_problems)
        clean["until"] = day
    return clean, problems


def _iso_region(value: Any, spec: Field) -> Result:
    if not isinstance(value, str) or not _ISO_REGION.match(value):
        return None, [((), f"'{spec.name}' must be an ISO 3166-2 code such as RS-VO, not {_describe(value)}")]
    return value, []


def _geonames(value: Any, spec: Field) -> Result:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return None, [((), f"'{spec.name}' must be a GeoNames id (a whole number), not {_describe(value)}")]
    return value, []


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (list, dict)):
        return f"a {type(value).__name__}"
    return repr(value)


_VALIDATORS: dict[str, Callable[[Any, Field], Result]] = {
    "text": _text,
    "id": _id,
    "ids": _list_of(_id),
    "choice": _choice,
    "type": _type,
    "translation": _translation,
    "choices": _list_of(_choice),
    "country": _country,
    "countries": _list_of(_country),
    "date": _date,
    "day": _day,
    "day_or_null": _day_or_null,
    "review": _review,
    "hash": _hash,
    "minutes": _minutes,
    "latitude": _coordinate(-90, 90),
    "longitude": _coordinate(-180, 180),
    "source": _source,
    "citations": _citations,
    "legal_basis": _list_of(_mapping({"law": True, "article": False, "url": False})),
    "contact": _mapping({part: False for part, _ in CONTACT_PARTS}),
    "contacts": _list_of(_contact_item),
    "languages": _list_of(_language),
    "words": _words,
    "schedule": _list_of(_schedule_item),
    "area": _list_of(_area_item),
    "alert": _alert,
    "iso_region": _iso_region,
    "geonames": _geonames,
    "identifiers": _list_of(_mapping({"scheme": True, "id": True})),
    "url": _url,
}
