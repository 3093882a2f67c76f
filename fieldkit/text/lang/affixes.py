"""A small affix stripper for Persian (Farsi, Dari), Pashto and Urdu, driven by per-language rules.

Snowball has no stemmer for Pashto or Urdu, and its Persian one is heavier than search needs. These rules remove
the endings (and a few verb prefixes) that most often stand between a typed word and the word in the text:
plurals, possessive and object endings, the indefinite and ezafe -ی, comparison, and Persian `می`/`نمی`.
They work on folded words (fold() has already unified the letter variants: ي/ی, ك/ک, ة/ه, ې/ی, ګ/گ...), take
off at most one prefix and two endings, and never leave fewer than MIN_STEM letters: a word the rules do not
know is left as it is, so a stem is never worse than the word itself.
"""

from __future__ import annotations

from functools import cache

from fieldkit.core.records import dataclass  # not dataclasses: see records.py
from fieldkit.text.fold import fold
from fieldkit.text.lang import data_language

MIN_STEM = 3


@dataclass(frozen=True)
class AffixRules:
    """Endings are tried longest first; the first that leaves a long enough stem is removed."""

    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    max_suffixes: int = 2
    keep: tuple[str, ...] = ("ستان",)  # endings that are part of the word (صربستان is not صربس + تان)


# Written in ordinary spelling; folded when used. Longest forms are listed first for readability only: the
# stripper sorts them itself.
_RULES: dict[str, AffixRules] = {
    "fa": AffixRules(
        prefixes=("نمی", "می"),
        suffixes=(
            "هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "های", "ها",  # plural (+ possessive)
            "ترین", "تر",  # comparison
            "یان", "گان", "ان", "ین", "ات",  # plural
            "مان", "تان", "شان", "ام", "ات", "اش", "م", "ت", "ش",  # possessive and verb endings
            "ند", "ید", "یم",  # verb person endings
            "ای", "یی", "ی",  # indefinite, ezafe, adjective
        ),
    ),
    "ps": AffixRules(
        suffixes=(
            "ګانو", "ګانې", "ګان", "ونو", "ونه", "انو", "یانو", "یان", "ان",  # plurals and their oblique forms
            "و", "ې", "ۍ", "ه", "ي", "ی",  # case and gender endings
        ),
    ),
    "ur": AffixRules(
        suffixes=(
            "یوں", "وں", "یں", "ئیں", "ات",  # plural and oblique
            "ے", "ی", "ا", "ہ",  # gender and oblique endings
        ),
    ),
}


@cache
def _folded(code: str) -> tuple[tuple[str, ...], tuple[str, ...], int, tuple[str, ...]]:
    rules = _RULES[code]
    return _longest_first(rules.prefixes), _longest_first(rules.suffixes), rules.max_suffixes, _longest_first(rules.keep)


def _longest_first(affixes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({fold(a) for a in affixes}, key=len, reverse=True))


def has_rules(lang: str) -> bool:
    return data_language(lang, set(_RULES)) is not None


def strip_affixes(word: str, lang: str) -> str:
    """The stem of a folded word by `lang`'s rules (the word itself when there are none or none apply)."""
    code = data_language(lang, set(_RULES))
    if code is None:
        return word
    prefixes, suffixes, max_suffixes, keep = _folded(code)
    stem = word
    for prefix in prefixes:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= MIN_STEM:
            stem = stem[len(prefix):]
            break
    for _ in range(max_suffixes):
        if any(stem.endswith(ending) for ending in keep):
            break
        for suffix in suffixes:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_STEM:
                stem = stem[: -len(suffix)]
                break
        else:
            break
    return stem


def languages() -> tuple[str, ...]:
    return tuple(_RULES)
