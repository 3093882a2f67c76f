"""Language codes: which ones are real, and their names in their own script."""

from __future__ import annotations

from functools import lru_cache

# Languages written right to left (base language subtag).
RTL_LANGUAGES = frozenset({"ar", "fa", "ps", "ur", "ckb", "he", "yi", "sd", "ug", "dv"})


def fallback_chain(lang: str) -> list[str]:
    """Languages to try for content, most specific first, English last: fa-AF -> [fa-AF, fa, en]."""
    chain = [lang]
    if "-" in lang:
        chain.append(lang.split("-")[0])
    if "en" not in chain:
        chain.append("en")
    return chain


@lru_cache(maxsize=256)
def is_language_code(code: str) -> bool:
    """True for a BCP 47 style code that Babel's CLDR data knows: `en`, `fa-AF`, `sr-Latn`."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def is_rtl(code: str) -> bool:
    return code.split("-")[0].lower() in RTL_LANGUAGES


@lru_cache(maxsize=1024)
def territory_name(territory: str, lang: str) -> str | None:
    """CLDR's name of a territory in a language ("BA" in fa: "بوسنی و هرزگوین"), or None."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang, sep="-").territories.get(territory)
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@lru_cache(maxsize=256)
def native_name(code: str) -> str:
    """The language's name in itself ("فارسی" for fa), falling back to the code."""
    from babel import Locale, UnknownLocaleError

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
