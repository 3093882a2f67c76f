"""Light morphology: the stem of a word in a language, the same at index time and at query time.

Snowball stemmers (through PyStemmer) for English, French, Turkish, Arabic and Serbian (which serves Bosnian and
Croatian too, and reads Cyrillic); the affix rules of affixes.py for Persian, Pashto and Urdu. Stems are
searched in their own index columns, so a word typed exactly as written still ranks first.

A stem is made from the word as written, then folded: Turkish and Arabic stemmers need their own letters
(`köprüden` and `الألغام` stem well; their folded forms do not). Arabic words typed on a Persian keyboard (ی, ک)
get the Arabic letters back first, and the conjunctions و/ف before an article or a preposition are taken off,
which the Snowball stemmer leaves (`والألغام`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from fieldkit.text.fold import fold, words
from fieldkit.text.lang import affixes, data_language

# Language code -> Snowball algorithm.
SNOWBALL: dict[str, str] = {"en": "english", "fr": "french", "tr": "turkish", "ar": "arabic", "bs": "serbian"}
MIN_WORD = 3  # shorter words are left alone: stemming "is" or "في" only makes noise

_TO_ARABIC = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c1": "\u0647", "\u0640": None})
_ARABIC_MARKS = "[\u064b-\u065f\u0670]"
# و or ف (and, so) before the article or before بال/كال/لل: the stemmer strips the rest but not these.
_ARABIC_CONJUNCTION = "^[\u0648\u0641](?=\u0627\u0644|\u0628\u0627\u0644|\u0643\u0627\u0644|\u0644\u0644)"


def languages() -> tuple[str, ...]:
    """Every language with a stemmer: Snowball's and the affix rules'."""
    return (*SNOWBALL, *affixes.languages())


def stem_language(lang: str) -> str | None:
    """The code whose stemmer `lang` uses (fa-AF -> fa, sr-Latn -> bs), or None when it has none."""
    return data_language(lang, set(languages()))


@cache
def _snowball(algorithm: str) -> Callable[[str], str]:
    # Imported on the first stem, not with the store: the app's first screen stems nothing, and the one-file
    # executable then keeps PyStemmer's native module packed (build/fieldkit.spec, LAZY_NATIVE).
    import Stemmer

    stemmer = Stemmer.Stemmer(algorithm)
    return stemmer.stemWord  # type: ignore[no-any-return]


def _arabic(word: str) -> str:
    # re.sub compiles each pattern on the first Arabic word (and keeps it): a query with none does not pay for it.
    word = re.sub(_ARABIC_MARKS, "", word.translate(_TO_ARABIC))
    return re.sub(_ARABIC_CONJUNCTION, "", word)


@lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    """The folded stem of one word as written (`word` need not be folded; `lang` any language code).

    Without a stemmer for `lang`, or for a word shorter than MIN_WORD, this is fold(word).
    """
    folded = fold(word)
    code = stem_language(lang)
    if code is None or len(folded) < MIN_WORD:
        return folded
    if code in SNOWBALL:
        written = word.lower()
        if code == "ar":
            written = _arabic(written)
        stemmed = fold(_snowball(SNOWBALL[code])(written))
        parts = words(stemmed)
        # A stemmer never makes one word two; if it came back empty or odd, the word stays as it was.
        return parts[0] if len(parts) == 1 and len(parts[0]) >= 2 else folded
    return affixes.strip_affixes(folded, code)
