"""Which script a word is written in, and which languages write it: a query's first clue to its language."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

LATIN = "latin"
CYRILLIC = "cyrillic"
ARABIC = "arabic"
OTHER = "other"

# The languages fieldkit serves, by the script they are typed in. Bosnian/Serbian is typed in both Latin and
# Cyrillic; fold() turns Cyrillic into Latin, so a folded Cyrillic word is searched like a Latin one.
LANGUAGES_BY_SCRIPT: dict[str, tuple[str, ...]] = {
    LATIN: ("en", "fr", "tr", "bs"),
    CYRILLIC: ("bs",),
    ARABIC: ("ar", "fa", "ps", "ur"),
}
# Languages also typed in another script by transliteration, as people type on a phone without their keyboard:
# Roman Urdu ("wakeel kahan milega"). Their content is not written that way, so a query counts as one of them only
# on clear evidence (understand.py), and their vocabulary is filed under a code of its own (`ROMANISED_CODES`).
ROMANISED: dict[str, tuple[str, ...]] = {
    LATIN: ("ur",),
}
ROMANISED_CODES: dict[str, str] = {"ur-Latn": "ur"}  # vocabulary code -> the language it is typed for


@lru_cache(maxsize=8192)
def script_of(word: str) -> str:
    """The script of the first letter of `word` (digits and marks skipped): latin, cyrillic, arabic or other."""
    for char in word:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if name.startswith("LATIN"):
            return LATIN
        if name.startswith("CYRILLIC"):
            return CYRILLIC
        if name.startswith(("ARABIC", "PERSIAN")):
            return ARABIC
        return OTHER
    return OTHER


def script_languages(word: str) -> tuple[str, ...]:
    """The languages fieldkit serves that are written in `word`'s script (none for digits or other scripts)."""
    return LANGUAGES_BY_SCRIPT.get(script_of(word), ())
