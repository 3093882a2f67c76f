"""plain_letters finds the presentation forms the font lacks with one pattern: the same as asking each character."""

from __future__ import annotations

import random
import unicodedata

from fieldkit.text.glyphs import covered, is_presentation_form, plain_letters


def one_by_one(text: str) -> str:
    """The definition: each presentation form the font lacks is replaced by its compatibility letters."""
    return "".join(unicodedata.normalize("NFKC", char) if is_presentation_form(char) and not covered(char) else char
                   for char in text)


def test_every_code_point_near_the_presentation_forms_is_kept_or_replaced_as_defined():
    for point in range(0xFA00, 0x10000):
        char = chr(point)
        assert plain_letters(char) == one_by_one(char), hex(point)


def test_lam_with_alef_maksura_becomes_two_letters_and_a_form_the_font_has_stays():
    assert plain_letters("\ufc43") == "\u0644\u0649"  # ﳃ, which DejaVu Sans Mono lacks
    assert plain_letters("\ufedf\ufef0") == "\ufedf\ufef0"  # the two letters joined, forms the font has


def test_mixed_texts_come_out_as_defined():
    pick = random.Random(21)
    pool = [chr(point) for point in range(0xFB40, 0xFF00)] + list("ab 1سلامی\u200c(")
    for _ in range(3000):
        text = "".join(pick.choice(pool) for _ in range(pick.randint(0, 30)))
        assert plain_letters(text) == one_by_one(text), ascii(text)
