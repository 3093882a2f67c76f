"""UI strings through gettext: `_()` translates into the current language, English when a string has no translation.

Catalogs are written in `locales/<lang>/LC_MESSAGES/fieldkit.po` (top level of the repository) and compiled into
`fieldkit/i18n/locales/` so they ship inside the package and the executable (`python3 dev.py i18n`).
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "fieldkit"
COMPILED_DIR = Path(__file__).resolve().parent / "locales"
# Languages with a UI catalog; Dari (fa-AF) reads the Farsi catalog.
UI_LANGUAGES = ("en", "ar", "fa", "fa-AF", "ps", "ur", "tr", "fr", "bs")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_visual_rtl = True  # the app lays out right-to-left text itself (see fieldkit/text/bidi.py)


def gettext_names(lang: str) -> list[str]:
    """`fa-AF` -> ["fa_AF", "fa"]: the catalogs to try, most specific first."""
    parts = lang.replace("-", "_").split("_")
    return ["_".join(parts[:n]) for n in range(len(parts), 0, -1)]


def set_language(lang: str, *, visual_rtl: bool = True) -> None:
    """Use `lang` for every `_()` from now on (English for a language without a catalog).

    `visual_rtl`: `display()` puts right-to-left strings in visual order (False when the terminal does it).
    """
    global _translations, _language, _visual_rtl
    _language, _visual_rtl = lang, visual_rtl
    _translations = gettext.translation(DOMAIN, COMPILED_DIR, languages=gettext_names(lang), fallback=True)


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate it with `_()` where it is shown."""
    return message


def reorders_rtl() -> bool:
    """Whether `display()` puts text in visual order now (a right-to-left UI language, laid out by fieldkit)."""
    from fieldkit.i18n.languages import is_rtl

    return _visual_rtl and is_rtl(_language)


def display(text: str) -> str:
    """A short UI string as the screen should show it: in visual order when the UI language is right-to-left."""
    from fieldkit.i18n.languages import is_rtl

    if _visual_rtl and is_rtl(_language):
        from fieldkit.text.bidi import visual_line

        return visual_line(text)
    return text


def ui(message: str) -> str:
    """Translate a UI string and make it ready for the screen: `display(_(message))`."""
    return display(_(message))


def route_arrow() -> str:
    """The arrow between the steps of a route: it points the way the current language reads."""
    from fieldkit.i18n.languages import is_rtl

    return " ← " if is_rtl(_language) else " → "


def has_catalog(lang: str) -> bool:
    return any((COMPILED_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.mo").exists() for name in gettext_names(lang))
