"""UI strings through gettext: `_()` translates into the current language, English when a string has no translation.

Catalogs are written in `locales/<lang>/LC_MESSAGES/fieldkit.po` (top level of the repository) and compiled into
`fieldkit/i18n/locales/` so they ship inside the package and the executable (`python3 dev.py i18n`).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldkit.core.languages import codes, fallback_chain
from fieldkit.core.marker import N_  # noqa: F401  (re-exported: where UI strings are marked)

DOMAIN = "fieldkit"
COMPILED_DIR = Path(__file__).resolve().parent / "locales"
# Every language the interface can be shown in (core/languages.py); a language without a catalog of its own, such
# as Dari (fa-AF), reads the catalog of the language it falls back to.
UI_LANGUAGES = codes()

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_visual_rtl = True  # the app lays out right-to-left text itself (see fieldkit/text/bidi.py)


def gettext_names(lang: str) -> list[str]:
    """`fa-AF` -> ["fa_AF", "fa"], `sr-Latn` -> ["sr_Latn", "sr", "bs"]: the catalogs to try, most specific first."""
    names: list[str] = []
    for code in fallback_chain(lang):
        if code == "en":
            continue
        parts = code.replace("-", "_").split("_")
        names += ["_".join(parts[:n]) for n in range(len(parts), 0, -1)]
    return list(dict.fromkeys(names))


def set_language(lang: str, *, visual_rtl: bool = True) -> None:
    """Use `lang` for every `_()` from now on (English for a language without a catalog).

    `visual_rtl`: `display()` puts right-to-left strings in visual order (False when the terminal does it).
    """
    global _translations, _language, _visual_rtl
    _language, _visual_rtl = lang, visual_rtl
    names = gettext_names(lang)
    # English has no catalog: gettext would look for a "C" one only (importing locale to spell it), find none and
    # fall back to this.
    _translations = gettext.translation(DOMAIN, COMPILED_DIR, languages=names, fallback=True) if names else \
        gettext.NullTranslations()


def language() -> str:
    return _language


@contextmanager
def speaking(lang: str, *, visual_rtl: bool = False) -> Iterator[None]:
    """Translate into `lang` inside the block, then go back to the language before it. Used below the UI, where a
    function is given its language (a handout, a briefing in the audience's language): the app's own language,
    set by the app alone, is left as it was. `visual_rtl` False: logical order, for files that browsers lay out."""
    before = (_language, _visual_rtl)
    set_language(lang, visual_rtl=visual_rtl)
    try:
        yield
    finally:
        set_language(before[0], visual_rtl=before[1])


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations.ngettext(singular, plural, count)


def explain(problem: BaseException) -> str:
    """An error's message in the current language: an `Explained` error's template translated and filled in,
    any other error as it says itself."""
    from fieldkit.core.explained import Explained, Reason

    if not isinstance(problem, Explained):
        return str(problem)
    if not problem.values:
        return _(problem.template)
    values = {name: _(value) if isinstance(value, Reason) else explain(value) if isinstance(value, Explained)
              else value for name, value in problem.values.items()}
    return _(problem.template).format(**values)


def reorders_rtl() -> bool:
    """Whether `display()` puts text in visual order now (a right-to-left UI language, laid out by fieldkit)."""
    from fieldkit.core.languages import is_rtl

    return _visual_rtl and is_rtl(_language)


def display(text: str) -> str:
    """A short UI string as the screen should show it: in visual order when the UI language is right-to-left."""
    from fieldkit.core.languages import is_rtl

    if _visual_rtl and is_rtl(_language):
        from fieldkit.text.bidi import visual_line

        return visual_line(text)
    return text


def ui(message: str) -> str:
    """Translate a UI string and make it ready for the screen: `display(_(message))`."""
    return display(_(message))


def route_arrow() -> str:
    """The arrow between the steps of a route: it points the way the current language reads."""
    from fieldkit.core.languages import is_rtl

    return " ← " if is_rtl(_language) else " → "

