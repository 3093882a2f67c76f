"""Per-language query steps: stop words, stems (Snowball and the affix rules), Arabic prefixes, edit distance."""

from __future__ import annotations

import pytest

from fieldkit.text.distance import allowed_edits, edit_distance
from fieldkit.text.fold import fold
from fieldkit.text.lang import data_language
from fieldkit.text.lang.affixes import MIN_STEM, strip_affixes
from fieldkit.text.lang.scripts import ARABIC, CYRILLIC, LATIN, script_of
from fieldkit.text.lang.stem import stem
from fieldkit.text.lang.stopwords import stopwords
from fieldkit.text.lang.turkish import shorter_forms


@pytest.mark.parametrize(("lang", "sentence", "content"), [
    ("en", "where can i find a lawyer in serbia", ["lawyer", "serbia"]),
    ("fr", "où trouver un avocat en serbie", ["avocat", "serbie"]),
    ("tr", "sirbistanda avukat nerede bulurum", ["sirbistanda", "avukat"]),
    ("bs", "gdje mogu naći advokata u Srbiji", ["advokata", "srbiji"]),
    ("ar", "وين القى محامي في صربيا", ["محامی", "صربیا"]),
    ("fa", "وکیل رایگان در صربستان", ["وکیل", "رایگان", "صربستان"]),
    ("ps", "په سربیا کې وکیل چیرته پیدا کړم", ["سربیا", "وکیل"]),
    ("ur", "سربیا میں وکیل کہاں ملے گا", ["سربیا", "وکیل"]),
])
def test_stop_words_leave_the_content_words(lang, sentence, content):
    words = fold(sentence).split()
    assert [w for w in words if w not in stopwords(lang)] == content


@pytest.mark.parametrize(("lang", "word"), [("en", "mine"), ("en", "border"), ("fr", "non"), ("fr", "mines"),
                                            ("bs", "mine"), ("tr", "mayın"), ("fa", "مین"), ("ar", "حدود")])
def test_words_that_name_a_topic_are_not_stop_words(lang, word):
    assert fold(word) not in stopwords(lang)


def test_regional_languages_use_their_base_or_fallback_data():
    assert data_language("sr-Latn", {"bs", "en"}) == "bs"
    assert data_language("hr", {"bs"}) == "bs"
    assert data_language("fa-AF", {"fa"}) == "fa"
    assert data_language("it", {"en"}) is None
    assert stopwords("sr-Latn") == stopwords("bs") and stopwords("it") == frozenset()


@pytest.mark.parametrize(("lang", "forms"), [
    ("en", ["mines", "mine"]),
    ("en", ["smugglers", "smuggler"]),
    ("fr", ["passeurs", "passeur"]),
    ("fr", ["frontière", "frontières"]),
    ("tr", ["sırbistanda", "sirbistanda", "sırbistana"]),  # with and without Turkish letters
    ("tr", ["telefonumu", "telefonlar"]),
    ("tr", ["belgelerimi", "belgeler"]),
    ("bs", ["Srbiji", "Srbija", "Србија"]),  # Serbian Cyrillic is stemmed too
    ("bs", ["advokata", "advokatu"]),
    ("sr-Latn", ["migranata", "migrant"]),
    ("ar", ["الألغام", "ألغام", "والألغام"]),  # the article, and و before it
    ("ar", ["للمهاجرين", "المهاجرين", "مهاجر"]),  # ل + article, plural
    ("ar", ["بالغابة", "الغابة", "غابة"]),  # ب + article, teh marbuta
    ("ar", ["محامي", "المحامی"]),  # typed on a Persian keyboard (ی)
    ("fa", ["قاچاقبرها", "قاچاقبر"]),
    ("fa", ["مهاجرین", "مهاجر"]),
    ("fa", ["مدارکم", "مدارک"]),
    ("ps", ["ماینونه", "ماین"]),
    ("ps", ["پولیسو", "پولیس"]),
    ("ur", ["سرنگوں", "سرنگ"]),
])
def test_forms_of_a_word_share_a_stem(lang, forms):
    assert len({stem(form, lang) for form in forms}) == 1, {form: stem(form, lang) for form in forms}


def test_stems_are_folded_and_short_words_are_left_alone():
    assert stem("Bihaće", "bs") == stem("bihace", "bs")
    assert stem("is", "en") == "is" and stem("في", "ar") == fold("في")
    assert stem("anything", "it") == "anything"  # no stemmer: the folded word


def test_affix_rules_never_cut_below_the_minimum_and_keep_country_endings():
    assert strip_affixes(fold("صربستان"), "fa") == fold("صربستان")  # -ستان is part of the name
    assert strip_affixes(fold("مجارستان"), "ps") == fold("مجارستان")
    assert len(strip_affixes(fold("هاها"), "fa")) >= MIN_STEM - 1
    assert strip_affixes(fold("مین"), "fa") == fold("مین")  # three letters: nothing to take
    assert strip_affixes("word", "en") == "word"  # no rules for English: unchanged


@pytest.mark.parametrize(("word", "script"), [("bihac", LATIN), ("Бихаћ", CYRILLIC), ("بیهاچ", ARABIC),
                                              ("123", "other")])
def test_script_of_a_word(word, script):
    assert script_of(word) == script


@pytest.mark.parametrize(("a", "b", "distance"), [
    ("sarajvo", "sarajevo", 1), ("asylym", "asylum", 1), ("asyulm", "asylum", 1), ("hungry", "hungary", 1),
    ("drina", "drina", 0), ("frontex", "frontx", 1), ("kladusa", "kladsua", 1),
])
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b, 2) == distance


def test_edit_distance_stops_past_its_limit():
    assert edit_distance("bihac", "belgrade", 1) == 2
    assert edit_distance("a" * 3, "b" * 9, 2) == 3


def test_short_words_are_not_corrected():
    assert allowed_edits("bar") == 0 and allowed_edits("mine") == 1 and allowed_edits("kladusa") == 2


@pytest.mark.parametrize(("typed", "base"), [
    ("kazası", "kaza"), ("kazasi", "kaza"),  # possessive; with and without Turkish letters
    ("rotası", "rota"), ("sınırdaki", "sinir"), ("ormanda", "orman"), ("köpekleri", "kopek"),
    ("ailesinden", "aile"), ("avukata", "avukat"),
])
def test_turkish_endings_come_off_to_the_base(typed, base):
    assert base in shorter_forms(typed)


@pytest.mark.parametrize("word", ["kaza", "polis", "mayın", "göç"])
def test_turkish_words_without_endings_or_too_short_stay_whole(word):
    # "mayın" would be "may" (an English word) without the four-letter floor
    assert shorter_forms(word) == ()
