"""Language and country names from CLDR (Babel), and which language codes are real.

The languages fieldkit speaks, with direction and fallbacks, are the table in fieldkit/core/languages.py.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=256)
def is_language_code(code: str) -> bool:
    """True for a BCP 47 style code that Babel's CLDR data knows: `en`, `fa-AF`, `sr-Latn`."""
    from fieldkit.core.languages import BY_CODE

    if code in BY_CODE:  # fieldkit's own languages are all CLDR's (tests/i18n say so): no Babel to import for them
        return True
    from fieldkit.i18n.cldr_locales import LOCALES

    if code in LOCALES:  # "en-US", "fr-CA", "de": known without Babel, and without its file for the code
        return True
    from babel import Locale, UnknownLocaleError  # what else Babel accepts: other spellings, aliases ("iw")

    try:
        Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


@lru_cache(maxsize=1024)
def territory_name(territory: str, lang: str) -> str | None:
    """CLDR's name of a territory in a language ("BA" in fa: "بوسنی و هرزگوین"), or None."""
    # The content's countries in fieldkit's languages and their variants, without Babel.
    from fieldkit.i18n.country_names import NAMES, VARIANTS

    known = NAMES.get(lang, {}).get(territory)
    if known is not None:
        return known
    known = _variant_name(territory, lang, NAMES, VARIANTS)
    if known is not None:
        return known
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang, sep="-").territories.get(territory)
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _variant_name(territory: str, code: str, names: dict[str, dict[str, str]],
                  variants: dict[str, dict[str, str]]) -> str | None:
    """CLDR's name of a territory in a regional or script variant of one of `names`' languages ("fr-CA",
    "sr-Latn-BA"), or None: the variant's own names where they differ, else those of each shorter code in turn."""
    from fieldkit.i18n.cldr_locales import LOCALES

    if code not in LOCALES:
        return None
    head = code
    while "-" in head:
        known = variants.get(head, {}).get(territory)
        if known is not None:
            return known
        head = head.rpartition("-")[0]
        if head in names:
            return names[head].get(territory)
    return None


@lru_cache(maxsize=256)
def native_name(code: str) -> str:
    """The language's name in itself ("فارسی" for fa), falling back to the code."""
    from fieldkit.core.languages import BY_CODE

    if code in BY_CODE:
        return BY_CODE[code].native
    from babel import Locale, UnknownLocaleError  # here: fieldkit's own languages need no CLDR data

    try:
        locale = Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return code
    # CLDR names some regional variants in their own right: fa_AF is Dari, "دری".
    if locale.territory:
        regional = locale.languages.get(f"{locale.language}_{locale.territory}")
        if regional:
            return regional
    return locale.get_display_name() or code


def country_name(code: str | None, lang: str | None = None) -> str:
    """The name of a country ("Kosovo*" for XK), in `lang` from CLDR when given, or the code when unknown."""
    if not code:
        return ""
    from fieldkit.core.countries import english_name

    english = english_name(code)
    if not lang or lang == "en":
        return english
    local = territory_name(code, lang)
    if not local:
        return english
    return local + "*" if code == "XK" else local  # the UN SCR 1244 footnote marker stays in every language
