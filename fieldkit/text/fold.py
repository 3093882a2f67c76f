"""Fold text so that the ways people type a word all meet.

The index and every query pass through the same `fold()`; folding one side only would make words unfindable.
SQLite's `unicode61 remove_diacritics 2` tokenizer already drops most Latin diacritics, but not `đ`, not
Cyrillic↔Latin, and not the Arabic-script letter variants that differ between Arabic and Persian keyboards.
"""

from __future__ import annotations

import re
import unicodedata

# Serbian and Macedonian Cyrillic to Latin (Gaj's alphabet, diacritics then dropped by the fold).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "d", "е": "e", "ж": "z", "з": "z", "и": "i",
    "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s",
    # Macedonian letters
    "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
    # Russian/Ukrainian/Bulgarian letters that show up in names
    "й": "j", "ы": "y", "э": "e", "ю": "ju", "я": "ja", "щ": "st", "ъ": "", "ь": "", "ё": "e", "є": "je",
    "і": "i", "ї": "ji",
}

_LATIN = {"đ": "d", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "þ": "th"}

# Arabic-script letter variants: Persian/Urdu forms and Arabic forms fold to one letter each.
_ARABIC = {
    "\u064a": "\u06cc",  # ARABIC YEH ي -> FARSI YEH ی
    "\u0649": "\u06cc",  # ALEF MAKSURA ى -> FARSI YEH ی
    "\u06d2": "\u06cc",  # YEH BARREE ے (Urdu) -> ی
    "\u0643": "\u06a9",  # ARABIC KAF ك -> KEHEH ک
    "\u0629": "\u0647",  # TEH MARBUTA ة -> HEH ه
    "\u06c1": "\u0647",  # HEH GOAL ہ (Urdu) -> ه
    "\u06be": "\u0647",  # HEH DOACHASHMEE ھ (Urdu) -> ه
    "\u06c3": "\u0647",  # TEH MARBUTA GOAL ۃ -> ه
    "\u0671": "\u0627",  # ALEF WASLA ٱ -> ا
    "\u0640": "",  # TATWEEL
    # Pashto and Urdu letters typed on a Persian or Arabic keyboard as the nearest letter it has: search should
    # not depend on the keyboard (ګ and گ, ې and ی, ټ and ٹ and ت are one letter to a search).
    "\u06ab": "\u06af",  # PASHTO GAF ګ -> گ
    "\u06d0": "\u06cc",  # PASHTO YEH ې -> ی
    "\u06cd": "\u06cc",  # YEH WITH TAIL ۍ -> ی
    "\u067c": "\u062a",  # PASHTO TEH WITH RING ټ -> ت
    "\u0679": "\u062a",  # URDU TTEH ٹ -> ت
    "\u0689": "\u062f",  # PASHTO DAL WITH RING ډ -> د
    "\u0688": "\u062f",  # URDU DDAL ڈ -> د
    "\u0693": "\u0631",  # PASHTO REH WITH RING ړ -> ر
    "\u0691": "\u0631",  # URDU RREH ڑ -> ر
    "\u069a": "\u0634",  # PASHTO SHEEN WITH DOTS ښ -> ش
    "\u0696": "\u0698",  # PASHTO REH WITH DOTS ږ -> ژ
    "\u06bc": "\u0646",  # PASHTO NOON WITH RING ڼ -> ن
}

# Zero-width and bidi formatting characters carry no letters.
_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0x2060, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)

# Arabic-Indic and Persian digits to ASCII.
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}


class _Table(dict[int, "int | str | None"]):
    """The translate table: our letter mappings, and every combining mark of the Basic Multilingual Plane removed.

    Marks are looked up the first time a character is seen (a dict that fills itself, at C speed afterwards), not
    for all 64k code points at every start: most text uses a few hundred characters."""

    def __missing__(self, code: int) -> int | None:
        if code >= 0x10000:
            raise LookupError(code)  # unchanged, and not kept: outside the plane the table covers
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_TABLE = _Table()
for _source in (_CYRILLIC, _LATIN, _ARABIC, _DIGITS):
    # Keys are lower case: fold() case-folds before it maps.
    _TABLE.update({ord(char): replacement for char, replacement in _source.items()})
_TABLE.update(_INVISIBLE)


def fold(text: str) -> str:
    """Return `text` lower-cased, without diacritics or harakat, in Latin for Cyrillic, with Arabic variants unified."""
    # NFKD splits letters from their marks (ć -> c + ́, أ -> ا + ٔ) and expands presentation forms (ﻻ -> لا).
    # Case-fold between two NFKD passes: compatibility forms (℠) and case folding (İ) each create work for the other.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    if decomposed.isascii():  # nothing in the table is ASCII, and ASCII is its own NFC
        return decomposed
    # Marks are dropped and letters with no decomposition (đ, ћ, ك) mapped.
    return unicodedata.normalize("NFC", decomposed.translate(_TABLE))


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Split already-folded text into search words the way the FTS5 unicode61 tokenizer would."""
    return _WORD.findall(text)
