"""Right-to-left on screen, tested on the cells the terminal would show (not on SVG, which browsers reorder)."""

from __future__ import annotations

import pytest

from fieldkit.text.bidi import cell_width, shape, visual_line, visual_lines
from fieldkit.tui.messages import ToCountry, ToEntry
from fieldkit.tui.widgets.rtl_markdown import RtlMarkdown
from tests.tui.shown import shown


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def region_text(app, widget) -> list[str]:
    region = widget.content_region
    lines = screen_lines(app)[region.y : region.y + region.height]
    return [line_cells(line, region.x, region.width) for line in lines]


def line_cells(line: str, x: int, width: int) -> str:
    """The characters in cells x .. x+width of a screen line (our RTL text is all single-cell)."""
    out, position = [], 0
    for char in line:
        w = cell_width(char)
        if x <= position < x + width:
            out.append(char)
        position += w
    return "".join(out)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_farsi_entry_reads_right_to_left(make_app, size):
    app = make_app(lang="fa")
    async with app.run_test(size=size) as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        widget = app.screen.query_one("#entry-rtl", RtlMarkdown)
        assert widget.display and not app.screen.query_one("#entry-markdown").display
        shown = [line for line in region_text(app, widget) if line.strip()]
        width = widget.content_region.width
        paragraph = ("رودخانه عمیق‌تر و تندتر از آن است که به نظر می‌رسد. یک کیف کوچک همراه داشته باشید. "
                     "در سال 2024 دست کم 12 نفر در این رودخانه جان باختند و بسیاری دیگر ناپدید شدند.")
        expected = visual_lines(paragraph, width)
        assert len(expected) >= 2  # it wraps
        # The paragraph appears on screen exactly as wrapped-then-reordered lines, flush right.
        start = shown.index(expected[0].rstrip()) if expected[0].rstrip() in shown else shown.index(expected[0])
        for offset, line in enumerate(expected):
            assert shown[start + offset].rstrip() == line.rstrip()
            assert cell_width(shown[start + offset].rstrip()) == width  # right-aligned to the edge
        # Numbers keep their digits in order.
        assert any("2024" in line for line in shown) and any("12" in line for line in shown)
        # The first words of the paragraph are at the right end of its first line.
        first_word = shape("رودخانه")
        assert shown[start].rstrip().endswith(first_word[::-1])
        # List items carry their bullet at the right edge.
        assert any(line.rstrip().endswith("•") for line in shown)


async def test_arabic_entry_reads_right_to_left(make_app):
    app = make_app(lang="ar")
    async with app.run_test(size=(100, 30)) as pilot:
        app.navigate(ToEntry("right-ba-asylum-access"))
        await pilot.pause()
        widget = app.screen.query_one("#entry-rtl", RtlMarkdown)
        on_screen = [line.rstrip() for line in region_text(app, widget) if line.strip()]
        body = "كيف تطلب اللجوء: عبّر عن نيتك في طلب اللجوء أولاً. هذا حق لكل شخص."
        assert [line.rstrip() for line in visual_lines(body, widget.content_region.width)][0] in on_screen
        title = shown(app.screen, "title")
        assert visual_line("الوصول إلى اللجوء في البوسنة والهرسك") in title


async def test_english_fallback_stays_left_to_right(make_app):
    app = make_app(lang="fa")
    async with app.run_test() as pilot:
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        assert not app.screen.query_one("#entry-rtl").display
        assert app.screen.query_one("#entry-markdown").display
        from fieldkit.i18n.catalog import ui

        assert ui("Shown in English: no translation yet.") in shown(app.screen, "title")


async def test_terminal_side_bidi_setting_leaves_text_logical(make_app, userdata_path):
    from fieldkit.userdata import UserData

    UserData(userdata_path).set_setting("rtl", "terminal")
    app = make_app(lang="fa")
    async with app.run_test() as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        assert not app.screen.query_one("#entry-rtl").display
        assert "غرق شدن" in shown(app.screen, "title")  # logical order, unshaped


async def test_rtl_mode_toggles_from_the_palette_and_is_saved(make_app, monkeypatch):
    monkeypatch.delenv("FIELDKIT_RTL", raising=False)
    app = make_app(lang="fa")
    async with app.run_test() as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        assert app.screen.query_one("#entry-rtl").display
        app.action_toggle_rtl()
        await pilot.pause()
        assert not app.screen.query_one("#entry-rtl").display
        assert app.userdata.setting("rtl") == "terminal"


async def test_rtl_mode_from_environment(make_app, monkeypatch):
    monkeypatch.setenv("FIELDKIT_RTL", "terminal")
    app = make_app(lang="fa")
    async with app.run_test():
        assert app.rtl_in_app is False


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_details_of_a_farsi_entry_read_as_rtl_lines(make_app, size):
    """In a right-to-left interface each detail (label and value) is wrapped to the panel first, then each line
    reordered: the label starts the first line, at its right end, at any width."""
    from fieldkit.i18n.catalog import _

    app = make_app(lang="fa")
    async with app.run_test(size=size) as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        widget = app.screen.query_one("#entry-details-rtl")
        on_screen = [line.rstrip() for line in region_text(app, widget)]
        exposed = f"{_('children')}، {_('people without money')}"  # the values in words, in Farsi, Arabic comma
        expected = [line.rstrip() for line in visual_lines(f"{_('Who is most exposed')}: {exposed}",
                                                           widget.content_region.width)]
        start = on_screen.index(expected[0])
        assert on_screen[start : start + len(expected)] == expected
        assert expected[0].endswith(shape("بیش")[::-1])  # the label's first word, at the right end of line one
        assert "people-without-money" not in shown(app.screen, "details")


async def test_dates_line_of_a_farsi_entry_wraps_before_it_is_reordered(make_app):
    """At 80 columns the marker and dates under the title take two lines; the first holds their beginning."""
    from fieldkit.i18n.catalog import _

    app = make_app(lang="fa")
    async with app.run_test(size=(80, 24)) as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        widget = app.screen.query_one("#entry-title-rtl")
        lines = [line.rstrip() for line in region_text(app, widget) if line.strip()]
        marker = _("Machine translation, not yet reviewed by a person.")
        first_word = marker.split()[0]
        assert len(lines) >= 3, lines  # the title, then the marker and dates wrapped
        assert lines[1].endswith(shape(first_word)[::-1]), lines


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_list_items_wrap_before_they_are_reordered(make_app, size):
    """In a right-to-left interface list items are laid out for the list's width: every line fits, and the first
    line holds the start of the item (the title), at its right end."""
    from fieldkit.tui.widgets.labels import RtlLabel
    from fieldkit.tui.widgets.nav_list import NavList

    app = make_app(lang="fa")
    async with app.run_test(size=size) as pilot:
        app.navigate(ToCountry("BA"))
        await pilot.pause()
        lists = [nav for nav in app.screen.query(NavList) if any(isinstance(label_, RtlLabel) for _, label_ in nav.items)]
        assert lists
        for nav in lists:
            width = nav._item_width()
            for index, (_, label) in enumerate(nav.items):
                prompt = nav.get_option_at_index(index).prompt.plain
                assert prompt == label.render(width).plain
                lines = prompt.split("\n")
                assert all(cell_width(line) <= width for line in lines)
                title = label.paragraphs[0][0]
                first_word = title.split()[0]
                assert visual_line(first_word) in lines[0], (title, lines)  # the start is on the first line
