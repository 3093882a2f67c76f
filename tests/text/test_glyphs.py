"""Every code point fieldkit draws has a glyph in DejaVu Sans Mono, the common Linux monospace font (issue 19).

fieldkit shapes right-to-left text into presentation forms itself; a form the font lacks shows as a box. This
reads the installed font's cmap and checks the shaped, reordered output of every catalog string and of every
right-to-left title, summary and body in content/, plus the symbols the app draws.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from fieldkit.content.frontmatter import parse
from fieldkit.core.languages import catalog_codes, is_rtl
from fieldkit.text.bidi import shape, visual_line, visual_lines
from fieldkit.text.glyphs import COVERED_FORMS, covered, is_presentation_form
from tests.conftest import ROOT
from tests.text.font_cmap import code_points

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason=f"{FONT} is not installed (Debian: apt-get install "
                                "fonts-dejavu-core); .ci/run installs it")

# Characters DejaVu Sans Mono has no glyph for in any form: Pashto's ټ ځ څ ډ ښ ګ ڼ ړ ږ ۍ ې, Urdu's ہ ۂ ے ۓ ڈ and
# its full stop ۔. fieldkit cannot draw them any other way (another letter would change the word), so it leaves
# them as plain letters, which terminals take from a fallback font (docs/languages.md, "Known limits").
CHARACTERS_THE_FONT_LACKS = frozenset("ټځڅډښګڼړږۍېہۂےۓڈ۔")
# What the app draws around the text: bullets, arrows, markers.
SYMBOLS = "•●│▼▶★⚠←→·“”…—–×"


@pytest.fixture(scope="module")
def font() -> set[int]:
    return code_points(FONT)


def drawn(texts: list[str]) -> set[str]:
    """The characters fieldkit puts in the cells for right-to-left texts. Letters join only inside a word, and
    reordering only moves characters (mirroring swaps brackets for their partners), so shaping each distinct word
    once finds them all, as visual_lines() would draw them."""
    words = {word for text in texts for word in text.split()}
    chars = {char for word in words for char in shape(word)}
    return chars | {partner for char in chars for partner in visual_line(f"({char})") if partner in "()[]{}<>«»‹›"}


def missing(texts: list[str], font: set[int]) -> set[str]:
    return {char for char in drawn(texts) if ord(char) not in font and not char.isspace()
            and char not in CHARACTERS_THE_FONT_LACKS and unicodedata.category(char) != "Cc"}


def catalog_strings(lang: str) -> list[str]:
    with (ROOT / "locales" / lang / "LC_MESSAGES" / "fieldkit.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang.replace("-", "_"))
    strings: list[str] = []
    for message in catalog:
        if message.id:
            strings += [s for s in (message.string if isinstance(message.string, tuple) else [message.string]) if s]
    return strings


def test_the_ranges_fieldkit_keeps_to_are_the_fonts(font):
    """glyphs.COVERED_FORMS is what the installed font has among the Arabic presentation forms."""
    forms = [point for point in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)] if unicodedata.name(chr(point), "")]
    assert {p for p in forms if p in font} == {p for p in forms if covered(chr(p))}, COVERED_FORMS


def test_lam_alef_maksura_is_drawn_as_two_joined_letters(font):
    for word in ("على", "إلى", "عَلَى"):
        shaped = shape(word)
        assert "\ufc86" not in shaped and "\ufc43" not in shaped
        assert all(ord(char) in font for char in shaped), [hex(ord(c)) for c in shaped]
        assert all(is_presentation_form(char) for char in shaped)  # still joined: every letter in its form
    assert shape("لا") == "\ufefb"  # lam-alef, which the font has, stays


@pytest.mark.parametrize("lang", [code for code in catalog_codes() if is_rtl(code)])
def test_every_catalog_string_is_drawable(lang, font):
    strings = catalog_strings(lang)
    assert strings
    gaps = missing(strings, font)
    assert not gaps, sorted(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in gaps)


def test_every_right_to_left_content_text_is_drawable(font):
    files = [path for path in sorted((ROOT / "content").glob("*/*.md")) if is_rtl(path.name.split(".")[-2])]
    assert len(files) > 100
    texts: list[str] = []
    for path in files:
        front = parse(path.read_text(encoding="utf-8"))
        texts += [str(front.data.get("title", "")), str(front.data.get("summary", "")), front.body]
    gaps = missing(texts, font)
    assert not gaps, sorted(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in gaps)


def test_a_whole_paragraph_draws_what_its_words_draw():
    """The shortcut above holds: wrapping and reordering a paragraph draw the same characters as its words."""
    text = "على الحدود (IOM 2025) «حق» لا إلى، ۲۰۲۴ می‌توانید"
    laid_out = set("".join(visual_lines(text, 12, align=False))) - {" "}
    assert laid_out == drawn([text])


def test_the_symbols_the_app_draws_are_in_the_font(font):
    assert [c for c in SYMBOLS if ord(c) not in font] == []
