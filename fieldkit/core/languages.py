"""The languages fieldkit speaks: one table that the catalogs, the build, the packs, interop, benches and tests read.

Adding a language is its catalog `locales/<code>/LC_MESSAGES/fieldkit.po` (for the interface) plus one line in
`LANGUAGES`; content translations are then `content/<type>/<id>.<code>.md` files. docs/architecture.md has the recipe.
"""

from __future__ import annotations

from fieldkit.core.records import dataclass  # not dataclasses: see records.py


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47: "fa", "fa-AF", "sr-Latn"
    name: str  # in English, for docs and messages
    native: str  # in itself, shown in the language list
    rtl: bool = False  # written right to left
    # gettext's Plural-Forms where Babel's CLDR table does not fit UI text (None: Babel's).
    plural: str | None = None
    cldr: str = ""  # the CLDR (Babel) locale id; default: the code with "_" for "-"
    digits: str = "latn"  # the digits people write: latn (0-9), arab (٠-٩), arabext (۰-۹)
    catalog: bool = True  # has its own UI catalog (False: reads the catalog of the first language it falls back to)
    fallback: tuple[str, ...] = ()  # languages to try before English for content and UI strings
    iso639_3: str = ""  # ISO 639-3, as ZIM files name their language (fieldkit export --format zim)

    @property
    def locale(self) -> str:
        return self.cldr or self.code.replace("-", "_")

    @property
    def base(self) -> str:
        return self.code.split("-")[0]


ENGLISH = "en"

LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English", iso639_3="eng"),
    Language("ar", "Arabic", "العربية", rtl=True, digits="arab", iso639_3="ara"),
    Language("fa", "Farsi", "فارسی", rtl=True, plural="nplurals=2; plural=(n > 1);", digits="arabext", iso639_3="fas"),
    Language("fa-AF", "Dari", "دری", rtl=True, digits="arabext", catalog=False, fallback=("fa",), iso639_3="prs"),
    Language("ps", "Pashto", "پښتو", rtl=True, digits="arabext", iso639_3="pus"),
    Language("ur", "Urdu", "اردو", rtl=True, digits="arabext", iso639_3="urd"),
    Language("tr", "Turkish", "Türkçe", plural="nplurals=2; plural=(n != 1);", iso639_3="tur"),
    Language("fr", "French", "français", iso639_3="fra"),
    Language("bs", "Bosnian", "bosanski", iso639_3="bos"),
    Language("sr-Latn", "Serbian (Latin)", "srpski (latinica)", catalog=False, fallback=("bs",), iso639_3="srp"),
    Language("hr", "Croatian", "hrvatski", catalog=False, fallback=("bs",), iso639_3="hrv"),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
# Right-to-left scripts beyond the ones fieldkit has catalogs for, so text in them is laid out right too.
_OTHER_RTL = frozenset({"ckb", "he", "yi", "sd", "ug", "dv"})


def language(code: str) -> Language | None:
    """The table's row for `code` (exact, then its base language), or None for a language fieldkit lacks."""
    return BY_CODE.get(code) or BY_CODE.get(code.split("-")[0])


def codes() -> tuple[str, ...]:
    """Every language fieldkit serves, English first."""
    return tuple(language.code for language in LANGUAGES)


def catalog_codes() -> tuple[str, ...]:
    """Languages with a UI catalog of their own (English has none: its strings are the catalog's keys)."""
    return tuple(language.code for language in LANGUAGES if language.catalog and language.code != ENGLISH)


def is_rtl(code: str) -> bool:
    base = code.split("-")[0].lower()
    row = BY_CODE.get(base)
    return row.rtl if row else base in _OTHER_RTL


def is_english(code: str) -> bool:
    """English or a regional English ("en-GB"): for its reader, English content is no fallback."""
    return code == ENGLISH or code.startswith(ENGLISH + "-")


def fallback_chain(code: str) -> list[str]:
    """Languages to try for content, most specific first, English last: fa-AF -> [fa-AF, fa, en];
    sr-Latn -> [sr-Latn, bs, en]; a language not in the table -> [it, its base, en]."""
    chain = [code]
    row = BY_CODE.get(code)
    followers = row.fallback if row else ((code.split("-")[0],) if "-" in code else ())
    for follower in followers:
        chain += [c for c in fallback_chain(follower) if c != ENGLISH]
    if ENGLISH not in chain:
        chain.append(ENGLISH)
    return list(dict.fromkeys(chain))
