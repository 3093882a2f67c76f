"""Consonant keys: a name written in Latin letters and as it sounds in Arabic script meet."""

from __future__ import annotations

import pytest

from fieldkit.store.lexicon import Lexicon, Name
from fieldkit.store.spelling import Speller
from fieldkit.text.fold import fold
from fieldkit.text.lang.sound import arabic_script_key, latin_keys


@pytest.mark.parametrize("latin, arabic_script", [
    ("Subotica", "سبوٹیکا"),  # read as English: c = k
    ("Subotica", "سوبوتیتسا"),  # read as Serbian: c = ts
    ("Belgrade", "بلغراد"),  # Arabic writes g as غ
    ("Belgrade", "بلگراد"),
    ("Horgoš", "هورگوش"),
    ("Makedonija", "مقدونیه"),  # a final ه is a vowel, and so is j
])
def test_a_latin_name_and_its_spelling_in_arabic_script_share_a_key(latin, arabic_script):
    assert arabic_script_key(fold(arabic_script)) in latin_keys(latin)


def test_the_two_readings_of_c_give_two_keys():
    assert latin_keys("Subotica") == {"sbtts", "sbtk"}


def test_letters_typed_on_another_keyboard_give_the_same_key():
    assert arabic_script_key(fold("سوبوتيكا")) == arabic_script_key(fold("سوبوتیکا")) == "sbtk"


def test_fewer_than_three_consonants_make_no_key():
    assert latin_keys("Šid") == set()
    assert arabic_script_key(fold("شید")) == ""


def _name(kind: str, key: str, lang: str, text: str) -> Name:
    folded = tuple(fold(text).split())
    return Name(kind, key, lang, text, folded, folded)


def test_a_key_two_places_share_is_left_out_and_arabic_script_names_are_preferred():
    lexicon = Lexicon(names=[
        _name("place", "subotica", "en", "Subotica"),
        _name("place", "subotica", "fa", "سوبوتیتسا"),
        _name("place", "sabotka", "en", "Sabotka"),  # also s-b-t-k
        _name("concept", "legal-aid", "en", "Bistrica"),  # concepts are not matched by sound
    ])
    sounds = lexicon.sounds()
    assert sounds["sbtts"] == fold("سوبوتیتسا")
    assert "sbtk" not in sounds
    assert not any(key.startswith("bstr") for key in sounds)


def test_only_a_word_in_arabic_script_is_corrected_by_its_sound(tmp_path):
    import sqlite3

    speller = Speller(sqlite3.connect(tmp_path / "empty.db"), [], sounds={"sbtk": "subotica"})
    assert speller.correct(fold("سبوٹیکا")) == "subotica"
    assert speller.correct("sbtk") is None
