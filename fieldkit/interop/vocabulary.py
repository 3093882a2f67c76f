"""Partners' words for countries, service types, sectors and languages, mapped to fieldkit's codes (and back).

Partner sheets say `BIH` or `Bosnia and Herzegovina` where fieldkit says `BA`, and `Legal counselling` or
`MHPSS` where it says `legal-aid` or `psychosocial`. Each function returns fieldkit's code, or None when the word
is not known; the caller reports it.
"""

from __future__ import annotations

import re

from fieldkit.core.countries import COUNTRIES
from fieldkit.core.languages import LANGUAGES
from fieldkit.core.vocabularies import SERVICE_KINDS

# ISO 3166-1 alpha-3 codes (HXL p-codes start with them) for the countries fieldkit knows. XKX is the code the
# UN and the EU use for Kosovo*.
ISO3 = {
    "ALB": "AL", "BIH": "BA", "XKX": "XK", "XKO": "XK", "MNE": "ME", "MKD": "MK", "SRB": "RS", "HRV": "HR",
    "HUN": "HU", "GRC": "GR", "BGR": "BG", "ROU": "RO", "SVN": "SI", "AUT": "AT", "ITA": "IT", "DEU": "DE",
    "TUR": "TR", "SYR": "SY", "AFG": "AF", "PAK": "PK", "IRQ": "IQ", "IRN": "IR", "MAR": "MA", "BGD": "BD",
    "IND": "IN", "NPL": "NP",
}
_COUNTRY_NAMES = {
    "kosovo": "XK", "bosnia": "BA", "bih": "BA", "north-macedonia": "MK", "macedonia": "MK", "turkey": "TR",
    "turkiye": "TR", "eu": "EU",
}

# Other words partners use for fieldkit's service kinds.
SERVICE_TYPE_WORDS = {
    "legal": "legal-aid", "legal-assistance": "legal-aid", "legal-counselling": "legal-aid",
    "legal-counseling": "legal-aid", "legal-information": "legal-aid", "free-legal-aid": "legal-aid",
    "health": "medical", "healthcare": "medical", "health-care": "medical", "primary-health-care": "medical",
    "medical-assistance": "medical", "clinic": "medical",
    "mhpss": "psychosocial", "psychosocial-support": "psychosocial", "pss": "psychosocial",
    "mental-health": "psychosocial",
    "accommodation": "shelter", "safe-house": "shelter", "safe-shelter": "shelter",
    "reception": "reception-centre", "reception-center": "reception-centre", "temporary-reception-centre":
        "reception-centre", "asylum-center": "asylum-centre", "transit-center": "transit-centre",
    "mine-action": "mine-awareness", "mine-risk-education": "mine-awareness",
    "search-and-rescue": "emergency", "rescue": "emergency", "emergency-response": "emergency",
    "ombudsman": "ombudsperson", "mobile": "mobile-team", "outreach": "mobile-team", "mobile-teams": "mobile-team",
    "child-protection": "protection", "gbv": "protection", "gender-based-violence": "protection",
    "anti-trafficking": "protection", "protection-monitoring": "monitoring", "border-monitoring": "monitoring",
    "io": "international-organisation", "international-organization": "international-organisation",
    "un-agency": "international-organisation", "non-governmental-organisation": "ngo",
    "non-governmental-organization": "ngo", "government": "institution", "authority": "institution",
}

# The humanitarian sector (IASC cluster or area of responsibility) each service kind belongs to, for `#sector`.
SECTOR_OF_KIND = {
    "legal-aid": "Protection", "protection": "Protection", "monitoring": "Protection", "ombudsperson": "Protection",
    "psychosocial": "Protection", "mine-awareness": "Mine Action", "medical": "Health", "emergency": "Health",
    "shelter": "Shelter", "reception-centre": "CCCM", "asylum-centre": "CCCM", "transit-centre": "CCCM",
}
# A sector read from a sheet that has no service type: the kind it most plainly means.
KIND_OF_SECTOR = {
    "protection": "protection", "health": "medical", "shelter": "shelter", "mine-action": "mine-awareness",
    "cccm": "reception-centre", "camp-coordination-and-camp-management": "reception-centre",
    "child-protection": "protection", "gbv": "protection", "gender-based-violence": "protection",
}

# Partners name languages in English; fieldkit's own are in its table (fieldkit/core/languages.py), and these are
# the other names and languages partners' sheets use.
_LANGUAGE_WORDS = {language.name.casefold(): language.code for language in LANGUAGES} | {
    "farsi": "fa", "persian": "fa", "dari": "fa-AF", "bosnian": "bs", "serbian": "sr", "croatian": "hr",
    "kurdish": "ku", "sorani": "ckb", "kurmanji": "kmr", "bengali": "bn", "bangla": "bn", "nepali": "ne",
    "hindi": "hi", "albanian": "sq", "macedonian": "mk", "german": "de", "italian": "it", "spanish": "es",
    "russian": "ru", "ukrainian": "uk", "tigrinya": "ti", "somali": "so", "amharic": "am"}


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: 'Legal Aid' and 'legal_aid' are both 'legal-aid'."""
    from fieldkit.text.fold import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def country_code(text: str) -> str | None:
    """BA, ba, BIH or 'Bosnia and Herzegovina' -> BA; None when not one of fieldkit's countries."""
    value = text.strip()
    if value.upper() in COUNTRIES:
        return value.upper()
    if value.upper() in ISO3:
        return ISO3[value.upper()]
    key = slug(value)
    for code, country in COUNTRIES.items():
        if slug(country.name) == key:
            return code
    return _COUNTRY_NAMES.get(key)


def service_kind(text: str) -> str | None:
    key = slug(text)
    if key in SERVICE_KINDS:
        return key
    if key.endswith("s") and key[:-1] in SERVICE_KINDS:
        return key[:-1]
    return SERVICE_TYPE_WORDS.get(key)


def kind_of_sector(text: str) -> str | None:
    return KIND_OF_SECTOR.get(slug(text))


def sectors(kinds: list[str]) -> list[str]:
    """The sectors of a service's kinds, each once, in the kinds' order."""
    found: list[str] = []
    for kind in kinds:
        sector = SECTOR_OF_KIND.get(kind)
        if sector and sector not in found:
            found.append(sector)
    return found


def language_code(text: str) -> str | None:
    """'fa', 'fa-AF', 'fa_AF', 'Farsi' or 'Dari' -> a language code Babel knows; None when unknown."""
    from fieldkit.i18n.languages import is_language_code

    value = text.strip().replace("_", "-")
    if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,4})*", value):
        first, *rest = value.split("-")
        parts = [first.lower()] + [p.title() if len(p) == 4 else p.upper() for p in rest]
        code = "-".join(parts)
        if is_language_code(code):
            return code
    word = _LANGUAGE_WORDS.get(value.casefold())
    return word if word and is_language_code(word) else None


def split_list(text: str) -> list[str]:
    """A cell holding several values: separated by commas, semicolons, pipes or line breaks."""
    return [part.strip() for part in re.split(r"[,;|\n]", text) if part.strip()]
