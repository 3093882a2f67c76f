"""The lexicon the build writes for search: every name of a country and a place, and every concept word.

Rows come from three places: content/vocabulary/ (the names and words people use, fieldkit/content/vocabulary.py),
the titles of place entries in every language they are written in, and the names of countries: English from
fieldkit/core/countries.py and, for every language fieldkit serves, CLDR's (Babel's) name, which is the standard
spelling in that language (Serbia is "Srbija" in bs, "صربستان" in fa). Each row carries its words folded and
stemmed in its language, so the store matches "Srbiji" or "sirbistanda" to a name without stemming it again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fieldkit.content.corpus import Corpus
from fieldkit.core.countries import COUNTRIES
from fieldkit.core.languages import ENGLISH, LANGUAGES
from fieldkit.i18n.languages import territory_name
from fieldkit.text.fold import fold, words
from fieldkit.text.lang.stem import stem
from fieldkit.text.tokens import written_words

# CLDR locales whose country names are also typed in a served language: Serbian Cyrillic is typed by Bosnian,
# Serbian and Montenegrin readers (fold() makes it Latin).
_EXTRA_LOCALES = {"sr-Cyrl": "bs", "sr": "bs"}

LexiconRow = tuple[str, str, str, str, str, str]  # kind, key, lang, text, folded, stemmed


def lexicon_rows(corpus: Corpus) -> list[LexiconRow]:
    """Every lexicon row, deduplicated and sorted (the build is deterministic)."""
    return name_rows(_names(corpus))


def name_rows(names: Iterable[tuple[str, str, str, str]]) -> list[LexiconRow]:
    """Lexicon rows for (kind, key, lang, text) names, folded and stemmed, deduplicated and sorted: the build's
    rows, and the rows the merge adds for an overlay's places (fieldkit/content/merge.py)."""
    rows: dict[tuple[str, str, str, str], LexiconRow] = {}
    for kind, key, lang, text in names:
        folded = " ".join(words(fold(text)))
        if not folded:
            continue
        stemmed = " ".join(stem(word, lang) for word in written_words(text))
        rows.setdefault((kind, key, lang, folded), (kind, key, lang, text, folded, stemmed))
    return [rows[k] for k in sorted(rows)]


def _names(corpus: Corpus) -> Iterator[tuple[str, str, str, str]]:
    for listed in corpus.vocabulary.names:
        yield listed.kind, listed.key, listed.lang, listed.text
    for entry in corpus.files():
        if entry.type == "place" and entry.id in corpus.originals:
            yield "place", entry.id, entry.lang, entry.fields["title"]
    for code, country in COUNTRIES.items():
        yield "country", code, ENGLISH, country.name.rstrip("*")
        for language in LANGUAGES:
            name = territory_name(code, language.code)
            if name:
                yield "country", code, language.code, name
        for locale, lang in _EXTRA_LOCALES.items():
            name = territory_name(code, locale)
            if name:
                yield "country", code, lang, name
