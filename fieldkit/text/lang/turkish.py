"""Turkish noun endings taken off a query word, for the forms Snowball's Turkish stemmer does not bring together.

Snowball stems "rotalar" to "rota" but "rota" to "ro" and "rotası" to "rotas"; "kazaları" to "kaza" but "kazası" to
"kazas". A word typed with a possessive or case ending then meets neither the word nor the stems of its other forms
in the text. These rules take off up to two endings (case, possessive, plural, "-ki") and give the shorter forms,
which search looks for beside the word and its stem: "kazası" also looks for "kaza", "sınırdaki" for "sınır".

They work on folded words, so vowel harmony and the ASCII forms people type without Turkish letters ("kazasi",
"sinirdaki") are one case: fold() has already made ı i, ş s, ç c, ğ g, ö o and ü u. Only at query time: the index
is not changed, so a form that is not a word of the text simply matches nothing.
"""

from __future__ import annotations

from functools import lru_cache

from fieldkit.text.fold import fold

MIN_BASE = 4  # "kaza", "rota"; a shorter base ("may" of "mayın") is an English or French word too often

# Written folded (harmony collapsed); tried longest first. Buffer letters (-s-, -y-, -n-) belong to the ending.
_ENDINGS = tuple(sorted({fold(ending) for ending in """
    lerinden larindan lerinde larinda lerine larina lerini larini lerin larin leri lari lerde larda lerden
    lardan lere lara ler lar
    sinden sindan sunden sundan sinde sinda sunde sunda sine sina sune suna sini sunu sinin sunun
    inden indan unden undan inde inda unde unda ine ina une una ini unu
    imiz umuz iniz unuz imden umdan ime uma imi umu im um
    nden ndan nde nda den dan ten tan de da te ta
    nin nun in un si su
    yla yle la le ya ye yi yu a e i u
    ki
""".split()}, key=len, reverse=True))
MAX_ENDINGS = 2
MAX_FORMS = 6  # a long word with many endings that fit stays a handful of search terms


@lru_cache(maxsize=4096)
def shorter_forms(word: str) -> tuple[str, ...]:
    """The folded `word` without one, then two Turkish endings, each at least MIN_BASE letters; () if none apply.

    Every ending that fits is tried, not only the longest: "ormanda" is "orman" + "da", not "orma" + "nda". The
    forms that are not words match nothing in the index, which costs nothing."""
    found: list[str] = []
    level = [fold(word)]
    for depth in range(MAX_ENDINGS):
        # A one-vowel ending (dative, accusative, possessive) is the last one: only on the word as typed.
        level = [current[: -len(ending)] for current in level for ending in _ENDINGS
                 if current.endswith(ending) and len(current) - len(ending) >= MIN_BASE
                 and (depth == 0 or len(ending) > 1)]
        found += level
    return tuple(dict.fromkeys(found))[:MAX_FORMS]
