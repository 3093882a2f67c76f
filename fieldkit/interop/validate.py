"""One row of a partner's service sheet, checked against fieldkit's rules and turned into clean service fields.

Every problem in a row is reported, not only the first: missing name or organisation, unknown country, service
type or language, coordinates that are not numbers or fall outside the country, a bad web address, phone number,
email or date, an id that is malformed, used twice in the sheet, or taken by another type of entry.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from fieldkit.content.schema import ID_PATTERN
from fieldkit.core.countries import COUNTRIES, contains
from fieldkit.core.layers import in_namespace
from fieldkit.core.vocabularies import EXPOSED, INTAKE, SERVICE_KINDS, SERVICE_STATUS, Vocabulary
from fieldkit.i18n.languages import country_name
from fieldkit.interop.sheet import Row, Sheet
from fieldkit.interop.vocabulary import (
    country_code,
    kind_of_sector,
    language_code,
    service_kind,
    slug,
    split_list,
)
from fieldkit.text.fold import fold

ID_LENGTH = 60


@dataclass(frozen=True)
class Place:
    id: str
    country: str | None
    title: str
    lat: float | None = None
    lon: float | None = None


@dataclass
class Context:
    """What the content already holds: the type of every entry, and the places to link services to."""

    types: dict[str, str]  # id -> type
    places: dict[str, Place]
    namespace: str | None = None  # an organisation's overlay (fieldkit/core/layers.py): every id starts with it

    def place_named(self, name: str, country: str) -> Place | None:
        key = fold(name).strip()
        for place in self.places.values():
            if place.country == country and fold(place.title).strip() == key:
                return place
        return None


@dataclass
class ServiceRow:
    number: int
    id: str = ""
    id_given: bool = False
    title: str = ""
    title_given: bool = False  # False when the name is the organisation's, for want of a name
    organisation: str = ""
    kinds: list[str] = field(default_factory=list)
    country: str = ""
    place: str | None = None
    location: str = ""  # where the sheet says the service is, when that is not a known place
    lat: float | None = None
    lon: float | None = None
    contact: dict[str, str] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    access: str = ""
    hours: str = ""
    summary: str = ""
    description: str = ""
    as_of: str = ""
    source_note: str = ""
    organisation_id: str = ""
    status: str = ""
    area: list[str] = field(default_factory=list)
    contacts: list[dict[str, str]] = field(default_factory=list)  # phones of a kind: {"phone": ..., "kind": ...}
    populations: list[str] = field(default_factory=list)
    intake: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    schedule: list[dict[str, object]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # eligibility, fees, interpretation, accessibility
    alert: dict[str, str] = field(default_factory=dict)  # {text, until}
    translations: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> {title, summary}
    problems: list[str] = field(default_factory=list)  # any one makes the row bad
    notes: list[str] = field(default_factory=list)  # what was left out of a good row, and why


class Validator:
    """Checks rows in sheet order, remembering ids so a repeated one is caught."""

    def __init__(self, sheet: Sheet, context: Context):
        self.sheet = sheet
        self.context = context
        self.taken: dict[str, int] = {}  # every id given to a row so far -> its row number
        self.numbered: dict[str, int] = {}  # base id -> the next number to try (so many rows of one name stay linear)

    def check(self, row: Row) -> ServiceRow:
        value = lambda name: self.sheet.value(row, name)  # noqa: E731
        result = ServiceRow(number=row.number)
        problems = result.problems
        result.organisation = value("organisation")
        result.title = value("title") or result.organisation
        result.title_given = bool(value("title"))
        if not result.title:
            problems.append("missing name (#service+name)")
        if not result.organisation:
            problems.append("missing organisation (#org+name)")
        self._country(value("country"), result)
        self._kinds(value("kind"), value("sector"), result)
        self._place(value("place"), value("place_name"), value("adm1"), result)
        self._coordinates(value("lat"), value("lon"), value("coordinates_from"), result)
        self._contact(row, result)
        self._languages(value("languages"), result)
        result.access, result.hours = value("access"), value("hours")
        result.summary, result.description = value("summary"), value("description")
        result.source_note = value("source_note")
        self._date(value("as_of"), result)
        self._service_fields(value, result)
        self._translations(row, result)
        self._id(value("id"), result)
        return result

    # --- one check each ---------------------------------------------------------------------------------------
    def _country(self, text: str, result: ServiceRow) -> None:
        if not text:
            result.problems.append("missing country (#country+code)")
            return
        code = country_code(text)
        if code is None:
            result.problems.append(f"unknown country {text!r} (#country+code): use a code such as BA or BIH "
                                   f"(known: {', '.join(c for c in COUNTRIES if c != 'EU')}, EU)")
        else:
            result.country = code

    def _kinds(self, types: str, sectors: str, result: ServiceRow) -> None:
        kinds: list[str] = []
        for word in split_list(types):
            kind = service_kind(word)
            if kind is None:
                result.problems.append(f"unknown service type {word!r} (#service+type; known: "
                                       f"{', '.join(SERVICE_KINDS)})")
            elif kind not in kinds:
                kinds.append(kind)
        if not types:
            for word in split_list(sectors):
                kind = kind_of_sector(word)
                if kind is not None and kind not in kinds:
                    kinds.append(kind)
                elif kind is None:
                    result.notes.append(f"sector {word!r} has no service type of its own: left out")
            if not kinds:
                result.problems.append(f"missing service type (#service+type; known: {', '.join(SERVICE_KINDS)})")
        result.kinds = kinds

    def _place(self, code: str, name: str, adm1: str, result: ServiceRow) -> None:
        place = self.context.places.get(code.lower()) if code else None
        if place is not None and result.country and place.country != result.country:
            result.problems.append(f"place {place.id!r} (#loc+code) is in {country_name(place.country)}, "
                                   f"not {country_name(result.country)}")
            return
        if place is None and name and result.country:
            place = self.context.place_named(name, result.country)
        if place is not None:
            result.place = place.id
            if adm1:
                result.location = adm1
            return
        result.location = ", ".join(part for part in (name, adm1) if part)

    def _coordinates(self, lat_text: str, lon_text: str, origin: str, result: ServiceRow) -> None:
        if not lat_text and not lon_text:
            return
        if origin.strip().lower() == "place" and result.place:
            return  # the place's coordinates, as fieldkit exports them: the service has none of its own
        if bool(lat_text) != bool(lon_text):
            result.problems.append("give both latitude and longitude (#geo+lat, #geo+lon), or neither")
            return
        lat, lon = _number(lat_text), _number(lon_text)
        if lat is None or not -90 <= lat <= 90:
            result.problems.append(f"latitude {lat_text!r} (#geo+lat) is not a number from -90 to 90")
        if lon is None or not -180 <= lon <= 180:
            result.problems.append(f"longitude {lon_text!r} (#geo+lon) is not a number from -180 to 180")
        if lat is None or lon is None or not -90 <= lat <= 90 or not -180 <= lon <= 180 or not result.country:
            return
        if not contains(result.country, lat, lon):
            swapped = " (latitude and longitude swapped?)" if contains(result.country, lon, lat) else ""
            result.problems.append(f"coordinates {lat:g}, {lon:g} are outside {country_name(result.country)} "
                                   f"({result.country}){swapped}")
            return
        place = self.context.places.get(result.place or "")
        if place is not None and (place.lat, place.lon) == (lat, lon):
            return  # the place's own coordinates again
        result.lat, result.lon = lat, lon

    def _contact(self, row: Row, result: ServiceRow) -> None:
        url, phone, email = (self.sheet.value(row, n) for n in ("url", "phone", "email"))
        if url:
            if _is_url(url):
                result.contact["url"] = url
            else:
                result.problems.append(f"bad web address {url!r} (#contact+url): give one such as https://example.org")
        if phone:
            bad = [part for part in split_list(phone) if sum(c.isdigit() for c in part) < 5 or len(part) > 40]
            if bad:
                result.problems.append(f"bad phone number {bad[0]!r} (#contact+phone)")
            else:
                result.contact["phone"] = phone
        if email:
            bad = [part for part in split_list(email) if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s.]+", part)]
            if bad:
                result.problems.append(f"bad email address {bad[0]!r} (#contact+email)")
            else:
                result.contact["email"] = email
        address = self.sheet.value(row, "address")
        if address:
            result.contact["address"] = address

    def _languages(self, text: str, result: ServiceRow) -> None:
        for word in split_list(text):
            code = language_code(word)
            if code is None:
                result.problems.append(f"unknown language {word!r} (#description+languages): "
                                       "use codes such as ar, fa, en")
            elif code not in result.languages:
                result.languages.append(code)

    def _date(self, text: str, result: ServiceRow) -> None:
        if not text:
            return
        date = _date(text)
        if date is None:
            result.problems.append(f"bad date {text!r} (#date+reported): write it as 2026-11-24, 2026-11 or 2026")
        else:
            result.as_of = date

    def _service_fields(self, value: Callable[[str], str], result: ServiceRow) -> None:
        """The HSDS-style fields: organisation record, status, area, typed phones, who it is for, how to get in,
        what to bring, texts, the weekly schedule and an alert."""
        problems = result.problems
        organisation_id = value("organisation_id").strip().lower()
        if organisation_id:
            if self.context.types.get(organisation_id) == "organisation":
                result.organisation_id = organisation_id
            else:
                result.notes.append(f"organisation {organisation_id!r} (#org+code+v_fieldkit) has no record in the "
                                    "content: left out")
        status = value("status")
        if status:
            found = _vocabulary_value(SERVICE_STATUS, status)
            if found is None:
                problems.append(f"unknown status {status!r} (#status; known: {', '.join(SERVICE_STATUS)})")
            else:
                result.status = found
        for item in value("area").split(";") if value("area") else []:
            item = item.strip()
            code = country_code(item)
            place = self.context.places.get(item.lower())
            if code is not None and len(item) <= 3:
                result.area.append(code)
            elif place is not None:
                result.area.append(place.id)
            elif item:
                problems.append(f"unknown area {item!r} (#loc+code+area): give country codes or fieldkit place ids")
        for kind in ("whatsapp", "hotline", "sms"):
            for number in split_list(value(kind)):
                if sum(c.isdigit() for c in number) < 5 or len(number) > 40:
                    problems.append(f"bad phone number {number!r} (#contact+phone+{kind})")
                else:
                    result.contacts.append({"phone": number, "kind": kind})
        for name, vocabulary, tag in (("populations", EXPOSED, "#beneficiary+type"),
                                      ("intake", INTAKE, "#access+intake")):
            for word in split_list(value(name)):
                found = _vocabulary_value(vocabulary, word)
                if found is None:
                    problems.append(f"unknown value {word!r} ({tag}; known: {', '.join(vocabulary)})")
                elif found not in getattr(result, name):
                    getattr(result, name).append(found)
        result.documents = [part.strip() for part in value("documents").split(";") if part.strip()]
        for name in ("eligibility", "fees", "interpretation", "accessibility"):
            if value(name):
                result.texts[name] = value(name)
        for line in (part.strip() for part in value("schedule").split(";")):
            if not line:
                continue
            parsed = _schedule_line(line)
            if parsed is None:
                problems.append(f"bad opening times {line!r} (#access+hours+schedule): write them as "
                                "'mo,tu,we 09:00-17:00'")
            else:
                result.schedule.append(parsed)
        if value("alert"):
            result.alert = {"text": value("alert")}
            until = value("alert_until")
            if until:
                day = _date(until)
                if day is None or len(day) != 10:
                    problems.append(f"bad date {until!r} (#date+end+alert): write it as 2026-11-24")
                else:
                    result.alert["until"] = day

    def _translations(self, row: Row, result: ServiceRow) -> None:
        from fieldkit.i18n.languages import is_language_code

        titles = self.sheet.translations(row, "title")
        summaries = self.sheet.translations(row, "summary")
        for lang in sorted(set(titles) | set(summaries)):
            if not is_language_code(lang):
                result.notes.append(f"language {lang!r} of a translated column is not known: left out")
            elif lang not in titles:
                result.notes.append(f"summary in {lang} left out: a translation needs the name in {lang} too")
            elif lang not in summaries:
                result.notes.append(f"name in {lang} left out: a translation needs a summary in {lang} too "
                                    f"(#description+summary+{_attribute(lang)})")
            else:
                result.translations[lang] = {"title": titles[lang], "summary": summaries[lang]}

    def _id(self, text: str, result: ServiceRow) -> None:
        types = self.context.types
        if text:
            entry_id = text.strip().lower()
            namespace = self.context.namespace
            if namespace and not in_namespace(entry_id, namespace):
                result.notes.append(f"id {entry_id!r} (#meta+id) becomes {namespace}-{entry_id}: an overlay's ids "
                                    f"start with its namespace")
                entry_id = f"{namespace}-{entry_id}"
            result.id, result.id_given = entry_id, True
            if not ID_PATTERN.match(entry_id) or len(entry_id) > 100:
                result.problems.append(f"id {text!r} (#meta+id) must be lowercase letters, digits and hyphens")
            elif entry_id in self.taken:
                result.problems.append(f"duplicate id {entry_id!r} (#meta+id): also in row {self.taken[entry_id]}")
            elif types.get(entry_id, "service") != "service":
                result.problems.append(f"id {entry_id!r} (#meta+id) is already a {types[entry_id]} in the content")
            self.taken.setdefault(entry_id, result.number)
            return
        if result.problems:
            return
        result.id = self._new_id(result)
        self.taken[result.id] = result.number

    def _new_id(self, result: ServiceRow) -> str:
        """An id from the name, stable across imports of the same sheet, clashing with nothing."""
        words = slug(result.title) or slug(result.organisation)
        if not words:  # a name in a script the fold does not turn into Latin letters
            words = f"{result.country.lower()}-{zlib.crc32(result.title.encode('utf-8')):08x}"
        prefix = f"{self.context.namespace}-" if self.context.namespace else "svc-"
        base = (prefix + words)[:ID_LENGTH].rstrip("-")
        suffixes = [result.country.lower(), slug(result.place or result.location)[:20].rstrip("-")]
        for candidate in (base, f"{base}-{suffixes[0]}", f"{base}-{suffixes[0]}-{suffixes[1]}".rstrip("-")):
            if self._free(candidate):
                return candidate
        number = self.numbered.get(base, 2)  # every number below it is taken already
        while not self._free(f"{base}-{number}"):
            number += 1
        self.numbered[base] = number + 1
        return f"{base}-{number}"

    def _free(self, candidate: str) -> bool:
        return candidate not in self.taken and self.context.types.get(candidate, "service") == "service"


def _vocabulary_value(vocabulary: Vocabulary, text: str) -> str | None:
    """A value of the list from its value or its English words ('temporarily closed', 'walk in')."""
    key = slug(text)
    if key in vocabulary:
        return key
    return next((value for value, words in vocabulary.words if slug(words) == key), None)


_SCHEDULE = re.compile(r"^([A-Za-z,\s]+?)\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})(?:\s*\((.+)\))?$")


def _schedule_line(text: str) -> dict[str, object] | None:
    """'mo,tu,we 09:00-17:00' or 'sa 09:00-11:30 (emergencies only)' -> {days, opens, closes[, note]}; None when
    it is not one."""
    from fieldkit.core.vocabularies import WEEKDAYS

    match = _SCHEDULE.match(text.strip())
    if not match:
        return None
    days = [day.strip().lower() for day in match.group(1).split(",") if day.strip()]
    opens, closes = (f"{int(t.split(':')[0]):02d}:{t.split(':')[1]}" for t in match.group(2, 3))
    if not days or any(day not in WEEKDAYS for day in days) or not opens < closes <= "24:00":
        return None
    line: dict[str, object] = {"days": days, "opens": opens, "closes": closes}
    if match.group(4):
        line["note"] = match.group(4).strip()
    return line


def _attribute(lang: str) -> str:
    from fieldkit.interop.hxl import lang_attribute

    return lang_attribute(lang)


def _number(text: str) -> float | None:
    value = text.strip().replace(" ", "")
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")  # a decimal comma
    try:
        number = float(value)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def _is_url(text: str) -> bool:
    if any(c.isspace() for c in text) or len(text) > 500:
        return False
    parts = urlsplit(text if "://" in text else "http://" + text)
    if parts.scheme not in ("http", "https"):
        return False
    host = parts.hostname or ""
    return bool(re.fullmatch(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}", host.lower()))


_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def _date(text: str) -> str | None:
    """2026, 2026-11, 2026-11-24, 2026-11-24T10:00, 24.11.2026 or 24/11/2026 -> ISO text; None if not a date."""
    value = text.strip()
    match = _DAY_FIRST.match(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
        value = f"{year:04d}-{month:02d}-{day:02d}"
    value = re.sub(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", "", value)
    parts = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not parts:
        return None
    year_part, month_part, day_part = parts.groups()  # the year is always there; month and day may not be
    try:
        dt.date(int(year_part), int(month_part or 1), int(day_part or 1))
    except ValueError:
        return None
    return value
