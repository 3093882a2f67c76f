"""A name's consonants as a key that its Latin spelling and its spellings in Arabic script share.

People write the name of a town they have only seen on a sign or in a message the way it sounds to them:
"Subotica" becomes سبوٹیکا (read as English, c = k) as well as سوبوتیتسا (read as Serbian, c = ts). No list of
names can hold every such spelling, but the consonants survive: both readings of the Latin name are turned into a
string of consonant classes, and so is a word in Arabic script, which leaves most vowels unwritten anyway. Vowels,
and the letters that stand for vowels or semivowels in either script (a e i o u y j w v, ا و ی ع), are dropped.

Only a word that matches nothing else is looked up this way (store/spelling.py), and only keys of three consonants
or more count: a short key matches too many names.
"""

from __future__ import annotations

import re

MIN_CONSONANTS = 3

# Consonant classes, one character each (S = sh, C = ch, J = the consonant j). Letters a script cannot tell apart,
# or that one language writes for another's sound, share a class: Arabic has no p, g or v (it writes ب, غ/ك/ج and
# ف), Persian and Urdu write Arabic's emphatic letters as plain ones, and Persian and Urdu write v as و, a letter
# that is also a vowel (so a Latin v counts both as f and as nothing).
_ARABIC_SCRIPT = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "J", "چ": "C", "ح": "h",
    "خ": "h", "ه": "h", "د": "d", "ذ": "z", "ز": "z", "ژ": "z", "ظ": "z", "ض": "z", "ر": "r", "ش": "S",
    "غ": "k", "ف": "f", "ق": "k", "ک": "k", "گ": "k", "ل": "l", "م": "m", "ن": "n", "ں": "n",
}
# Latin letters and digraphs, in this order. "c" depends on the reading: Serbian/Bosnian (ts) or English (k, or s
# before e and i); "j" is a semivowel in Serbian/Bosnian (dropped) and a consonant in English.
_LATIN_COMMON = [
    ("dž", "J"), ("dj", "J"), ("đ", "J"), ("lj", "l"), ("nj", "n"), ("sh", "S"), ("ch", "C"), ("zh", "z"),
    ("kh", "h"), ("gh", "k"), ("ph", "f"), ("th", "t"),
    ("š", "S"), ("č", "C"), ("ć", "C"), ("ž", "z"), ("x", "ks"), ("q", "k"), ("g", "k"), ("p", "b"),
]
_READINGS = (
    [("c", "ts"), ("j", "")],  # Serbian/Bosnian
    [("ce", "se"), ("ci", "si"), ("c", "k"), ("j", "J")],  # English
)
_V_AS = ("f", "")
_NOT_CONSONANTS = re.compile(r"[^bdfhklmnrstzSCJ]")
_NOT_LETTERS = re.compile(r"[^a-zšžčćđ]")


def arabic_script_key(folded_word: str) -> str:
    """The consonant key of a word in Arabic script, already folded (fieldkit.text.fold); "" for a word with
    fewer than three consonants. A final ه is a vowel in Persian and Pashto names (مقدونیه), so it is dropped."""
    word = folded_word[:-1] if folded_word.endswith("ه") else folded_word
    key = "".join(_ARABIC_SCRIPT.get(char, "") for char in word)
    return key if len(key) >= MIN_CONSONANTS else ""


def latin_keys(name: str) -> set[str]:
    """The consonant keys of a name written in Latin letters (diacritics kept), read as Serbian/Bosnian and as
    English, with v as f and as a vowel; keys of fewer than three consonants are left out."""
    text = _NOT_LETTERS.sub("", name.lower())
    for old, new in _LATIN_COMMON:
        text = text.replace(old, new)
    keys = set()
    for reading in _READINGS:
        read = text
        for old, new in reading:
            read = read.replace(old, new)
        for v in _V_AS:
            key = _NOT_CONSONANTS.sub("", read.replace("v", v))
            if len(key) >= MIN_CONSONANTS:
                keys.add(key)
    return keys
