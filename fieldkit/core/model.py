"""What a content type is: its fields, export columns and where it appears (the records the registry holds).

A type says, in one place, where its files live, which front-matter fields it has (with their value lists and the
label each is shown under), what search indexes beside the body, which fields link to other entries, what it
exports, and where it appears (Home, a country's view, along route legs). The built-in types are the modules of
`fieldkit.core.types`, registered in fieldkit/core/registry.py.
"""

from __future__ import annotations

from fieldkit.core.marker import N_
from fieldkit.core.records import dataclass  # not dataclasses: see records.py
from fieldkit.core.vocabularies import Vocabulary


@dataclass(frozen=True)
class Field:
    """One front-matter field.

    `kind` names its validator (fieldkit/content/schema.py): text, id, ids, choice, choices, country, countries,
    date, day, day_or_null, review, hash, minutes, latitude, longitude, source, citations, legal_basis, contact,
    contacts, languages, words, schedule, area, alert, iso_region, geonames, identifiers.
    """

    name: str
    kind: str
    required: bool = False
    choices: Vocabulary | tuple[str, ...] = ()
    refers_to: str | None = None  # id fields: the type the target must have ("any": any type)
    label: str | None = None  # shown as a detail line under this label (N_-marked); None: not shown
    optional: bool = False  # a detail left out when empty, rather than shown as "not known"

    def link_targets(self, value: object) -> list[str]:
        """The entry ids a value of this field links to. An area also names whole countries (two capital letters,
        `BA`), which are not entries."""
        if not self.refers_to or not value:
            return []
        values = value if isinstance(value, list) else [value]
        targets = [str(v) for v in values if isinstance(v, str)]
        return [v for v in targets if not is_country_code(v)] if self.kind == "area" else targets


def is_country_code(value: str) -> bool:
    """An area item that is a country (ISO 3166-1 alpha-2, `XK` for Kosovo*, `EU`), not a place id."""
    return len(value) == 2 and value.isascii() and value.isalpha() and value.isupper()


@dataclass(frozen=True)
class ExportColumn:
    """A column of `fieldkit export` (HXL, CSV, JSON, GeoJSON properties) and, for services, of the import."""

    key: str  # the JSON key and GeoJSON property name: a field, or a value interop derives (see interop/export.py)
    header: str  # the header row
    hashtag: str  # the HXL hashtag row
    translated: bool = False  # repeated for each other language as key_<lang>, hashtag+i_<lang>
    constant: str | None = None  # the same value in every row (a right's sector is always Protection)


@dataclass(frozen=True)
class ContentType:
    name: str
    label: str  # one entry of this type, e.g. "Risk" (N_-marked)
    topic_title: str  # all of them, e.g. "Risks" (N_-marked): Home's topics, the topic screen's title
    fields: tuple[Field, ...]  # the type's own front-matter fields, in the order their details are shown
    counted: tuple[str, str] = ("", "")  # "{count} risk", "{count} risks" (NP_-marked); empty: "{count} <name>"
    folder: str = ""  # under content/; default: the name
    country_required: bool = False
    coordinates: bool = False  # may have lat/lon (with coords_source)
    embeds: bool = False  # its body embeds other entries ({{entry:id}}), resolved at build (briefing decks)
    search_title: tuple[str, ...] = ()  # fields whose words count as title words (a term's other names)
    search_body: tuple[str, ...] = ()  # fields indexed with the body (tags always are)
    export: tuple[ExportColumn, ...] = ()  # `fieldkit export` columns; none: not exportable
    on_map: bool = False  # in the GeoJSON map `fieldkit export --format geojson` writes without --type
    home_rank: int | None = None  # its place in Home's topics (None: not listed)
    country_panel: str | None = None  # the country view's panel it is listed in: crossings, rights, services, risks
    country_filter: tuple[str, tuple[str, ...]] | None = None  # (field, values): only entries with one of them there
    located_by: str | None = None  # the field naming its place: listed along a route leg through that place,
    #                                and country-wide ones of the leg's countries after them
    attachable: tuple[str, ...] = ()  # fields an organisation's overlay may attach to a published entry of this
    #                                   type (fieldkit/core/layers.py): shown apart, never replacing published text

    @property
    def folder_name(self) -> str:
        return self.folder or self.name

    def field(self, name: str) -> Field | None:
        return next((f for f in (*COMMON_FIELDS, *self.fields) if f.name == name), None)

    @property
    def locatable(self) -> bool:
        """Whether its entries can have a point on a map: their own coordinates, or their places'."""
        return self.coordinates or any(f.refers_to == "place" for f in self.fields)

    @property
    def relation_fields(self) -> tuple[str, ...]:
        """Fields that link to other entries, in the order their links are kept (then `related`)."""
        return tuple(f.name for f in self.fields if f.refers_to)

    @property
    def detail_fields(self) -> tuple[Field, ...]:
        """Fields shown as detail lines: those with a label, and contacts (a line per part)."""
        return tuple(f for f in self.fields if f.label or f.kind == "contact")


# What a template (`fieldkit new`) writes where a person must write the real value; `fieldkit check` refuses it.
PLACEHOLDER = "FILL IN"

# Every type's front matter has these, before its own fields.
COMMON_FIELDS = (
    Field("id", "id", required=True),
    Field("type", "type", required=True),
    Field("title", "text", required=True),
    Field("summary", "text", required=True),
    Field("country", "country"),
    Field("tags", "words"),
    Field("related", "ids", refers_to="any"),
    Field("sources", "citations", required=True),
    Field("as_of", "date", required=True),
    # The review state (docs/content-format.md): `checked` is the day the editors checked the entry against its
    # sources (absent: not checked); `reviewed` is set only by a person, a specialist: {by, organisation, date}.
    Field("checked", "day"),
    Field("reviewed", "review"),
)
# A translation's front matter: the texts and its own state; everything else comes from the English original.
TRANSLATION_FIELDS = (
    Field("id", "id", required=True),
    Field("type", "type", required=True),
    Field("title", "text", required=True),
    Field("summary", "text", required=True),
    Field("translation", "translation", required=True),
    Field("reviewed", "review"),  # who reviewed the translation, required with `translation: reviewed`
    # The hash of the English text it was made from (fieldkit/content/review.py). Required: check.py reports it
    # missing, with the value to write, which only the original gives.
    Field("original_hash", "hash"),
)
# The parts of a `contact` field, with the label each is shown under. A `contacts` list has items of the same parts,
# one each (a phone with its kind: voice, WhatsApp, hotline, SMS).
CONTACT_PARTS = (("phone", N_("Phone")), ("email", N_("Email")), ("url", N_("Web")), ("address", N_("Address")))
# Links made by a briefing's embedded entries ({{entry:id}}), kept after every field's links.
EMBEDS = "embeds"
