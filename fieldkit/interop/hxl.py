"""The Humanitarian Exchange Language (HXL, https://hxlstandard.org): hashtags, tag patterns and fieldkit's columns.

A HXL sheet is an ordinary table with one extra row of hashtags under (or instead of) the header row:
`#org+name`, `#geo+lat`, `#service+name+i_fa`. A hashtag is a tag and any number of `+attributes` in any order;
case does not matter. `+i_<lang>` says which language a text column is in (`+i_fa`, `+i_fa_af` for fa-AF).

Columns are found by hashtag pattern, as libhxl does: `#org+name` matches any `#org` column that has the `name`
attribute, `#description-summary` any `#description` column without `summary`. Language attributes are kept
apart from the others, so `#service+name` finds the name in every language and `lang` says which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fieldkit.core.registry import REGISTRY, ExportColumn

_TOKEN = r"[A-Za-z][A-Za-z0-9_]*"
_HASHTAG = re.compile(rf"^\s*#\s*({_TOKEN})((?:\s*\+\s*{_TOKEN})*)\s*$")
_PATTERN = re.compile(rf"^#({_TOKEN})((?:[+-]{_TOKEN})*)$")
_LANG_PREFIX = "i_"


def lang_attribute(lang: str) -> str:
    """The HXL attribute for a language code: fa -> i_fa, fa-AF -> i_fa_af (attributes have no hyphens)."""
    return _LANG_PREFIX + lang.replace("-", "_").lower()


def lang_of_attribute(attribute: str) -> str | None:
    """The language code an `i_<lang>` attribute names (i_fa_af -> fa-AF, i_sr_latn -> sr-Latn), else None."""
    if not attribute.startswith(_LANG_PREFIX) or len(attribute) <= len(_LANG_PREFIX):
        return None
    first, *rest = attribute[len(_LANG_PREFIX):].split("_")
    parts = [first.lower()]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            parts.append(part.title())  # script: Latn, Cyrl, Arab
        elif len(part) == 2 and part.isalpha():
            parts.append(part.upper())  # region: AF, BA
        else:
            parts.append(part.lower())
    return "-".join(parts)


@dataclass(frozen=True)
class Hashtag:
    """One parsed hashtag cell: `#Org +Name +i_FA` is tag 'org', attributes {'name'}, lang 'fa'."""

    tag: str
    attributes: frozenset[str]  # without the language attribute
    lang: str | None  # from `+i_<lang>`; None when the column does not say

    @classmethod
    def parse(cls, text: str) -> Hashtag | None:
        """The hashtag in a cell, or None when the cell is not one."""
        match = _HASHTAG.match(text or "")
        if not match:
            return None
        attributes, lang = set(), None
        for attribute in re.split(r"\s*\+\s*", match.group(2).strip())[1:]:
            attribute = attribute.lower()
            code = lang_of_attribute(attribute)
            if code is not None and lang is None:
                lang = code
            elif code is None:
                attributes.add(attribute)
        return cls(match.group(1).lower(), frozenset(attributes), lang)

    def __str__(self) -> str:
        text = "#" + self.tag + "".join(f"+{a}" for a in sorted(self.attributes))
        return text + (f"+{lang_attribute(self.lang)}" if self.lang else "")


@dataclass(frozen=True)
class TagPattern:
    """`#tag+must-mustnot`: which columns a field is read from."""

    tag: str
    include: frozenset[str]
    exclude: frozenset[str]

    @classmethod
    def parse(cls, text: str) -> TagPattern:
        match = _PATTERN.match(text)
        if not match:
            raise ValueError(f"not a HXL tag pattern: {text!r}")
        include: set[str] = set()
        exclude: set[str] = set()
        for sign, name in re.findall(rf"([+-])({_TOKEN})", match.group(2)):
            (include if sign == "+" else exclude).add(name.lower())
        return cls(match.group(1).lower(), frozenset(include), frozenset(exclude))

    def matches(self, hashtag: Hashtag) -> bool:
        return (hashtag.tag == self.tag and self.include <= hashtag.attributes
                and not self.exclude & hashtag.attributes)

    def extra(self, hashtag: Hashtag) -> int:
        """How many attributes the column has beyond the pattern's: the fewest is the best match."""
        return len(hashtag.attributes - self.include)


# --- the columns fieldkit exports, per type: declared by each content type (fieldkit/core/types/) ---------------

def columns_for(entry_type: str, languages: list[str]) -> list[ExportColumn]:
    """The type's columns, each translated one followed by its copy in every other language."""
    columns = []
    for column in REGISTRY[entry_type].export:
        columns.append(column)
        if column.translated:
            columns += [ExportColumn(f"{column.key}_{lang}", f"{column.header} ({lang})",
                               f"{column.hashtag}+{lang_attribute(lang)}") for lang in languages]
    return columns


# --- what the importer reads from a partner's service sheet ---------------------------------------------------
# Per field, tag patterns tried in order; among the columns one pattern matches, the one with the fewest other
# attributes wins (then the leftmost). Fields marked translated are also read from `+i_<lang>` columns.
IMPORT_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("#meta+id",),
    "title": ("#service+name",),
    "organisation": ("#org+name", "#org-code-acronym-type"),
    "organisation_id": ("#org+code+v_fieldkit",),
    "kind": ("#service+type-referral", "#service-name-referral"),
    "sector": ("#sector",),
    "status": ("#status-alert",),
    "country": ("#country+code", "#country"),
    # A plain #loc+code is usually a P-code; fieldkit's own place ids are tagged +v_fieldkit (docs/interop.md).
    "place": ("#loc+code+v_fieldkit-area", "#loc+code-area"),
    "place_name": ("#loc+name", "#loc-code-type"),
    "area": ("#loc+code+area",),
    "adm1": ("#adm1+name", "#adm1-code"),
    "lat": ("#geo+lat",),
    "lon": ("#geo+lon",),
    "coordinates_from": ("#geo+from",),
    "url": ("#contact+url",),
    "phone": ("#contact+phone-whatsapp-hotline-sms",),
    "whatsapp": ("#contact+phone+whatsapp",),
    "hotline": ("#contact+phone+hotline",),
    "sms": ("#contact+phone+sms",),
    "email": ("#contact+email",),
    "address": ("#contact+address",),
    "populations": ("#beneficiary+type",),
    "eligibility": ("#description+eligibility",),
    "intake": ("#access+intake",),
    "documents": ("#access+documents",),
    "fees": ("#description+fees",),
    "languages": ("#description+languages",),
    "interpretation": ("#description+interpretation",),
    "access": ("#access+type", "#access-hours-intake-documents"),
    "accessibility": ("#description+accessibility",),
    "hours": ("#access+hours-schedule",),
    "schedule": ("#access+hours+schedule",),
    "alert": ("#description+alert",),
    "alert_until": ("#date+end+alert",),
    "summary": ("#description+summary",),
    "description": ("#description-summary-languages-title-law-eligibility-fees-interpretation-accessibility-alert",),
    "as_of": ("#date+reported", "#date+updated", "#date-reviewed-checked-start-end-alert"),
    "source_note": ("#meta+source",),
}
TRANSLATED_FIELDS = ("title", "summary")
