"""Language and country names from CLDR (Babel), and which language codes are real.

The languages fieldkit speaks, with direction and fallbacks, are the table in fieldkit/core/languages.py.
"""

from __future__ import annotations

import os
from functools import lru_cache


@lru_cache(maxsize=256)
def is_language_code(code: str) -> bool:
    """True for a BCP 47 style code that Babel's CLDR data knows: `en`, `fa-AF`, `sr-Latn`."""
    from fieldkit.core.languages import BY_CODE

    if code in BY_CODE:  # fieldkit's own languages are all CLDR's (tests/i18n say so): no Babel to import for them
        return True
    if _has_locale_data(code):  # "en-US" from LANG=en_US.UTF-8: what most systems set, known without Babel
        return True
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def _has_locale_data(code: str) -> bool:
    """Whether `code` is one of fieldkit's languages with a region (`en-US`, `fa-AF`) that Babel has a locale file
    for: Locale.parse accepts exactly those without further work, and looking at the file spares importing Babel
    (20 ms and more) before the app's first frame. False means "ask Babel", not "not a language"."""
    from fieldkit.core.languages import BY_CODE

    language, _, region = code.partition("-")
    if language not in BY_CODE or len(region) != 2 or not region.isalpha() or not region.isupper():
        return False
    from importlib.util import find_spec

    spec = find_spec("babel")  # finds the package without running it
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if os.path.isfile(os.path.join(folder, "locale-data", f"{language}_{region}.dat")):
            return True
    return False


@lru_cache(maxsize=1024)
def territory_name(territory: str, lang: str) -> str | None:
    """CLDR's name of a territory in a language ("BA" in fa: "بوسنی و هرزگوین"), or None."""
    from fieldkit.i18n.country_names import NAMES  # the content's countries in fieldkit's languages, without Babel

    known = NAMES.get(lang, {}).get(territory)
    if known is not None:
        return known
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang, sep="-").territories.get(territory)
    except (UnknownLocaleError, ValueError, TypeError):
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
