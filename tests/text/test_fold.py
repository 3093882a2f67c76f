"""fold(): the ways a word can be typed all meet."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldkit.text.fold import fold


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("bihac", "Bihać"),
        ("velika kladusa", "Velika Kladuša"),
        ("dorde", "Đorđe"),
        ("sid", "Šid"),
        ("BIHAC", "bihać"),
        ("bihac", "Бихаћ"),  # Serbian Cyrillic
        ("ljubovija", "Љубовија"),
        ("dzep", "џеп"),
        ("preševo", "Прешево"),
    ],
)
def test_latin_and_cyrillic_fold_together(typed, written):
    assert fold(typed) == fold(written)


@pytest.mark.parametrize(
    ("persian", "arabic"),
    [
        ("کیف", "كيف"),  # Persian keheh and yeh vs Arabic kaf and yeh
        ("علی", "على"),  # Persian yeh vs alef maksura
        ("مدرسه", "مدرسة"),  # heh vs teh marbuta
        ("احمد", "أحمد"),  # alef with hamza above
        ("اسلام", "إسلام"),  # alef with hamza below
        ("امن", "آمن"),  # alef with madda
        ("محمد", "مُحَمَّد"),  # harakat
        ("کتاب", "كـتـاب"),  # tatweel
        ("میخواهم", "می\u200cخواهم"),  # zero-width non-joiner
        ("123", "۱۲۳"),  # Persian digits
        ("123", "١٢٣"),  # Arabic-Indic digits
    ],
)
def test_arabic_script_variants_fold_together(persian, arabic):
    assert fold(persian) == fold(arabic)


def test_different_words_stay_different():
    assert fold("Bihać") != fold("Bijeljina")
    assert fold("کیف") != fold("کیک")


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def _whole_table() -> dict[int, str | None]:
    """The table as fieldkit once built it at every start: every combining mark of the BMP, then the mappings."""
    import unicodedata

    from fieldkit.text import fold as module

    table: dict[int, str | None] = {code: None for code in range(0x0300, 0x10000) if unicodedata.combining(chr(code))}
    for source in (module._CYRILLIC, module._LATIN, module._ARABIC, module._DIGITS):
        table.update({ord(char): replacement for char, replacement in source.items()})
    table.update(module._INVISIBLE)
    return table


_WHOLE = _whole_table()


@given(st.text(max_size=200))
def test_fold_is_the_whole_translate_table_applied(text):
    """fold() builds its table as characters come; the result is the whole table applied with str.translate."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    assert fold(text) == unicodedata.normalize("NFC", decomposed.translate(_WHOLE))


@given(st.text(alphabet=st.characters(min_codepoint=0x250, max_codepoint=0x2100), max_size=200))
def test_fold_of_marks_and_letters_near_them(text):
    """The same, for text made of the code points where combining marks and mapped letters are."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    assert fold(text) == unicodedata.normalize("NFC", decomposed.translate(_WHOLE))
