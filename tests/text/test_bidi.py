"""Right-to-left lines: shaped, wrapped in logical order, each line reordered, right-aligned, numbers intact."""

from __future__ import annotations

from bidi import get_display

from fieldkit.text.bidi import (
    cell_width,
    shape,
    visual_line,
    visual_lines,
    wrap,
)

FARSI = "پناهجویان باید در مرز قصد خود را برای درخواست پناهندگی اعلام کنند و این حق در سال 2024 تأیید شد"
ARABIC = "يحق لكل شخص أن يطلب اللجوء عند الحدود وفقاً للمادة 61 من القانون"


def logical_words(text: str) -> list[str]:
    return shape(text).split()


def test_shaping_joins_letters_and_drops_harakat():
    shaped = shape("سَلام")
    assert "\u064e" not in shaped  # fatha gone
    assert all(0xFB50 <= ord(c) <= 0xFEFF for c in shaped)  # presentation forms
    assert "ﷲ" not in shape("الله")  # the wide word ligature is not used


def test_lines_are_right_aligned_and_fit(width=24):
    for text in (FARSI, ARABIC):
        lines = visual_lines(text, width)
        assert len(lines) > 2
        for line in lines:
            assert cell_width(line) == width
            assert not line.endswith(" ")  # flush right


def test_wrapping_happens_before_reordering():
    """The first words of the paragraph are on the first line, at its right end."""
    lines = visual_lines(FARSI, 24)
    first_word = logical_words(FARSI)[0]
    assert lines[0].endswith(first_word[::-1])  # an RTL word reads right to left: reversed in visual order
    last_word = logical_words(FARSI)[-1]
    assert lines[-1].lstrip().startswith(last_word[::-1])
    # Every line holds the words of one logical line, reordered: no word moves between lines.
    logical = wrap(shape(FARSI), 24)
    for visual, original in zip(lines, logical):
        assert sorted(visual.split()) == sorted(get_display(original, base_dir="R").split())


def test_numbers_and_latin_stay_left_to_right():
    text = "در سال 2024 از Bihać عبور کردند"
    line = visual_lines(text, 60)[0]
    assert "2024" in line and "Bihać" in line


def test_wrap_cuts_overlong_words():
    assert wrap("a" * 25, 10) == ["a" * 10, "a" * 10, "a" * 5]
    assert wrap("one two three", 7) == ["one two", "three"]


def test_brackets_read_the_right_way_round():
    """python-bidi reorders without mirroring; fieldkit turns reversed pairs back, so a citation reads "(IOM 2025)"."""
    from fieldkit.text.bidi import mirror_pairs

    assert visual_line("[به انگلیسی]") == "[" + shape("به انگلیسی")[::-1] + "]"
    assert "(IOM 2025)" in visual_line("سفرها طولانی‌تر است (IOM 2025).")
    assert visual_line("(الف (ب) ج)").startswith("(") and visual_line("(الف (ب) ج)").endswith(")")
    assert "a (b) c" in visual_line("متن a (b) c")  # a pair inside a left-to-right run keeps its order
    assert all("(IOM 2025)" in line or "IOM" not in line
               for line in visual_lines("یک متن طولانی درباره سفرها که طولانی‌تر شده است (IOM 2025).", 30))
    assert mirror_pairs("(a) )b(") == "(a) (b)"
    assert mirror_pairs("x ( y") == "x ( y"  # a lone bracket (its partner wrapped to another line) is left alone


def test_the_reshaper_shapes_every_text_of_the_content_as_the_library_configured_by_configparser_does():
    """fieldkit reads the reshaper's settings from a dict (bidi._Settings), not from configparser at every call: the
    same output for every line of every Arabic-script file in content/."""
    from pathlib import Path

    import arabic_reshaper

    from fieldkit.text import bidi

    ours = bidi._reshaper()
    assert isinstance(ours.configuration, bidi._Settings)
    library = arabic_reshaper.ArabicReshaper(configuration=dict(ours.configuration._values))
    content = Path(__file__).resolve().parents[2] / "content"
    lines = {line for lang in ("fa", "fa-AF", "ar", "ps", "ur")
             for path in content.rglob(f"*.{lang}.md") for line in path.read_text(encoding="utf-8").splitlines()}
    lines |= {line for path in (content / "vocabulary").rglob("*.yaml") for line in path.read_text(encoding="utf-8").splitlines()}
    arabic = [line for line in lines if any("\u0600" <= char <= "\u06ff" for char in line)]
    assert len(arabic) > 1000
    assert [ours.reshape(line) for line in arabic] == [library.reshape(line) for line in arabic]


def test_the_reshapers_settings_answer_as_a_configparser_section_does():
    from configparser import ConfigParser

    from fieldkit.text.bidi import _Settings

    parser = ConfigParser()
    parser.read_dict({"s": {"delete_harakat": "yes", "support_zwj": "False", "language": "Arabic", "odd": "maybe"}})
    section, settings = parser["s"], _Settings(parser["s"])
    for key in ("delete_harakat", "support_zwj", "DELETE_HARAKAT"):
        assert settings.getboolean(key) == section.getboolean(key)
    assert settings.get("language") == section.get("language") == "Arabic"
    assert settings.getboolean("missing") is None and settings.get("missing") is None
    try:
        settings.getboolean("odd")
    except ValueError:
        pass
    else:
        raise AssertionError("a value that is not a boolean was read as one")


def test_a_left_to_right_pair_inside_a_reversed_one_leaves_it_the_right_way_round():
    """"({namespace})": the braces of a left-to-right run sat between the reversed parentheses and kept them
    reversed (")…{namespace}…(")."""
    from fieldkit.text.bidi import mirror_pairs

    line = visual_line("('fieldkit pack rollback --overlay {namespace}' به آن برمی‌گردد)")
    assert line.startswith("(") and line.endswith(")") and "{namespace}" in line
    assert mirror_pairs("){a}'(") == "({a}')"
    assert mirror_pairs(")a [b] c(") == "(a [b] c)"
    assert mirror_pairs("x ( y") == "x ( y"


def test_options_read_as_they_are_typed_in_every_right_to_left_catalog():
    """Every command-line option a right-to-left message names ("--limit", "-o") shows whole, hyphens first: between
    Farsi or Arabic words the bidi algorithm put the hyphens on the option's right ("limit--")."""
    import re
    from pathlib import Path

    from babel.messages.pofile import read_po

    option = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
    checked = 0
    for lang in ("ar", "fa", "ps", "ur"):
        path = Path(__file__).resolve().parents[2] / "locales" / lang / "LC_MESSAGES" / "fieldkit.po"
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        for message in catalog:
            texts = message.string if isinstance(message.string, (list, tuple)) else [message.string]
            for text in texts:
                if not text or not any(0x0600 <= ord(char) <= 0x06FF for char in text):
                    continue
                for found in option.findall(text):
                    checked += 1
                    assert found in visual_line(text), (lang, text)
    assert checked > 50  # the catalogs name many options


def test_hyphens_inside_words_and_numbers_are_left_as_they_were(monkeypatch):
    import re

    from fieldkit.text import bidi

    texts = ["نشانی e-mail شما", "دمای -5 درجه", "مرز BA-HR", "فاصله 3 - 4 ساعت"]
    with_rule = [visual_line(text) for text in texts]
    monkeypatch.setattr(bidi, "_OPTION_START", re.compile(r"(?!)"))  # never matches: the layout without the rule
    assert with_rule == [visual_line(text) for text in texts]


def test_a_bracket_whose_partner_is_not_on_the_line_is_mirrored_where_it_reads_right_to_left():
    """A snippet is cut after "(BRMC 2023؛" and a wrapped paragraph splits its brackets: a lone bracket resolved right
    to left showed unmirrored, opening the wrong way ("2023( می‌گذرند")."""
    from fieldkit.text.bidi import mirror_pairs

    cut = visual_line("مردم از صربستان به بوسنی و هرزگوین می‌گذرند (BRMC 2023؛ نگاه کنید…")
    assert "BRMC 2023)" in cut and "(" not in cut
    closing = visual_line("نگاه کنید BRMC 2023) و")
    assert "(BRMC 2023" in closing and ")" not in closing
    assert visual_line("(ب", base="auto").endswith(")")  # the line's start, on the right, opens to the left
    assert visual_line("English (text", base="auto") == "English (text"  # left to right: unchanged
    assert visual_line("متن a (b c", base="R").count("(") == 1  # between Latin letters it stays left to right
    wrapped = visual_lines("این یک جملهٔ طولانی است (که پرانتز آن در خط دیگری بسته می‌شود) و ادامه دارد", 30)
    opener, closer = [line for line in wrapped if "(" in line or ")" in line]
    assert shape("که")[::-1] + ") " + shape("است")[::-1] in opener  # opens toward "که", on its left
    assert "(" + shape("می‌شود")[::-1] in closer  # closes "می‌شود", on its right
    assert mirror_pairs("x ( y", "R") == "x ( y" and mirror_pairs("ب ( ج", "L") == "ب ) ج"
