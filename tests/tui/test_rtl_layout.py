"""The right-to-left layout bugs of issue 19, each checked on the cell text of the screen.

Cell text is what the terminal shows (tests/tui/test_rtl.py explains why not SVG snapshots).
"""

from __future__ import annotations

import re

import pytest

from fieldkit.briefing.authored import load_deck
from fieldkit.briefing.deck import Deck, Slide
from fieldkit.content.build import build
from fieldkit.i18n.catalog import _, ngettext, ui
from fieldkit.i18n.dates import format_day
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.vocabulary import topic_title
from fieldkit.store.db import Located, connect
from fieldkit.store.routes import journeys, load_legs
from fieldkit.store.store import Store
from fieldkit.text.bidi import cell_width, shape, visual_line, visual_lines
from fieldkit.tui.app import FieldkitApp
from fieldkit.tui.messages import ToEntry, ToTopic
from fieldkit.tui.screens.dialogs import KEYS
from fieldkit.tui.widgets.rtl_lines import rtl_rows
from fieldkit.userdata import UserData
from tests.conftest import ROOT
from tests.tui.conftest import TODAY
from tests.tui.shown import footer_line, screen_text
from tests.tui.test_rtl import region_text, screen_lines


def on_screen(word: str) -> str:
    """A right-to-left word as the cells show it: joined, then in visual (reversed) order."""
    return shape(word)[::-1]


async def test_help_descriptions_wrap_before_they_are_reordered(make_app):
    """A two-line description starts on its first line (with its key on the right), ends on the second."""
    app = make_app(lang="fa")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        widget = app.screen.query_one("#help-keys")
        width = widget.content_region.width
        shown = [line.rstrip() for line in region_text(app, widget)]
        expected = [line.rstrip() for line in rtl_rows([(k, _(a)) for k, a in KEYS], width).plain.split("\n")]
        visible = [line for line in expected if line in shown]
        assert len(visible) >= 8 and shown[: len(visible)] == visible[: len(visible)]
        description = _(dict((k, a) for k, a in KEYS)["b"])
        first = next(i for i, line in enumerate(shown) if line.endswith(" b"))
        words = description.split()
        room = width - max(cell_width(k) for k, _a in KEYS) - 2
        assert cell_width(visual_line(description)) > room  # it needs two lines here
        assert on_screen(words[0]) in shown[first]  # the beginning, beside its key
        assert on_screen(words[-1].strip("()")) in shown[first + 1]  # the end, on the line below
        assert not shown[first + 1].endswith("b")


async def test_topic_list_title_is_reordered_once(make_app, store):
    app = make_app(lang="fa")
    async with app.run_test(size=(80, 24)) as pilot:
        app.navigate(ToTopic("risk"))
        await pilot.pause()
        listing = app.screen.query_one("#topic-list")
        count = len(store.list_entries(entry_type="risk", lang="fa"))
        border = screen_lines(app)[listing.region.y]
        assert visual_line(f"{topic_title('risk')} ({count})") in border  # "(1) خطرها" read right to left
        assert f"({count}) {shape(topic_title('risk'))}" not in border  # joined but not reversed: the bug


async def test_counts_follow_names_for_a_right_to_left_reader(make_app, store):
    """In Topics, Countries and Routes the count is left of the name: it is read after it."""
    app = make_app(lang="fa")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        stats = store.stats()
        topics = [line.strip() for line in region_text(app, app.screen.query_one("#topics"))]
        risks = f"{stats['types']['risk']} {on_screen(topic_title('risk'))}"  # (wrapping joins words with one space)
        assert risks in topics
        countries = [line.strip() for line in region_text(app, app.screen.query_one("#countries"))]
        assert f"{stats['countries']['BA']} {visual_line(country_name('BA', 'fa'))}" in countries
        routes = " ".join(region_text(app, app.screen.query_one("#journeys")))
        legs = ngettext("{count} leg", "{count} legs", 1).format(count=1).replace(" ", "\u00a0")
        assert visual_lines(legs, 40, align=False)[0] in routes


@pytest.fixture(scope="module")
def content_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("content") / "fieldkit.db"
    build(ROOT / "content", path)
    return path


async def test_every_farsi_route_on_home_keeps_its_leg_count_at_120x40(content_db, userdata_path):
    store = Store(connect(content_db), Located(content_db, "--db"))
    app = FieldkitApp(store, userdata=UserData(userdata_path), today=TODAY, lang="fa")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one("#journeys")
        width = panel._item_width()
        shown = [line.rstrip() for line in region_text(app, panel)]
        wrapped = 0
        for number, journey in enumerate(journeys(load_legs(store, "fa"))):
            legs = ngettext("{count} leg", "{count} legs", len(journey.legs)).format(count=len(journey.legs))
            legs = legs.replace(" ", "\u00a0")  # kept on one line
            lines = panel.get_option_at_index(number).prompt.plain.split("\n")
            assert visual_lines(legs, 40, align=False)[0] in lines[-1]  # the count, whole, at the end of the item
            assert all(cell_width(line) <= width for line in lines), (width, [cell_width(x) for x in lines])
            wrapped += len(lines) > 1
            if lines[0].rstrip() in shown:  # on screen as laid out, line after line
                start = shown.index(lines[0].rstrip())
                assert shown[start : start + len(lines)] == [line.rstrip() for line in lines][: len(shown) - start]
        assert wrapped  # the long routes wrap at this width: the case that lost its count


async def test_english_slide_in_a_right_to_left_presentation_keeps_its_punctuation(make_app, store):
    english = load_deck(store, "brief-rivers", "en").slides[0]
    # A Farsi briefing with a slide shown in English for want of a translation (as generated briefings have).
    deck = Deck(title="توجیه: رودخانه‌ها", audience="staff", duration=10, lang="fa",
                slides=[Slide(title=english.title, body=english.body, fallback=True)])
    assert deck.rtl
    app = make_app(lang="fa")
    async with app.run_test(size=(80, 24)) as pilot:
        app.present(deck)
        await pilot.pause()
        title = "\n".join(screen_lines(app))
        assert "Rivers are the first danger" in title
        body = [line.strip() for line in region_text(app, app.screen.query_one("#slide-rtl")) if line.strip()]
        sentence = [line for line in body if "Drina" in line or "Herzegovina" in line]
        assert sentence and sentence[0].startswith("Many people")  # left to right, from its first word
        assert any(line.endswith("Herzegovina.") for line in body)  # its full stop at its end
        assert not any(line.startswith(".") for line in body)  # the full stop is not moved to the front


async def test_presentation_timer_shows_whole_at_80_columns(make_app):
    title = "توجیه: مسیر از یونان، مقدونیه شمالی، صربستان و بوسنی و هرزگوین تا کرواسی برای داوطلبان تازه"
    deck = Deck(title=title, audience="staff", duration=10, lang="fa",
                slides=[Slide(title="رودخانه‌ها", body="رودخانه‌ها خطرناک‌اند.")])
    app = make_app(lang="fa")
    async with app.run_test(size=(80, 24)) as pilot:
        app.present(deck)
        await pilot.pause()
        bar = screen_lines(app)[0]
        assert re.search(r"\d\d:\d\d / 10:00", bar), bar  # the timer, whole
        assert visual_line(_("Slide {number} of {total}").format(number=1, total=1)) in bar
        assert "…" in bar and cell_width(bar.rstrip()) <= 80  # the title gave way


async def test_dates_are_written_for_the_language(make_app, store):
    """"2024-07" in a right-to-left line read "07-2024"; dates are written with Babel for the language."""
    app = make_app(lang="fa")
    async with app.run_test(size=(120, 40)) as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        text = screen_text(app)
        entry = store.get("risk-drowning", "fa")
        from fieldkit.i18n.catalog import set_language

        set_language("fa")
        as_of = format_day(entry.as_of)
        assert as_of != entry.as_of and on_screen(as_of.split()[0]) in text  # the month's name, in Farsi
        assert not re.search(r"\b\d{2}-\d{4}\b", text) and not re.search(r"\b\d{2}-\d{2}-\d{4}\b", text)


async def test_textual_palette_commands_and_footer_are_translated(make_app):
    app = make_app(lang="fa")
    async with app.run_test(size=(120, 40)) as pilot:
        footer = await footer_line(pilot)
        assert ui("palette") in footer and "palette" not in footer
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for english in ("Theme", "Quit", "Keys", "Screenshot"):
            assert ui(english) in titles and english not in titles
        await pilot.press("ctrl+p")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        shown = screen_text(app)
        assert ui("Show help for the focused widget and a summary of available keys") in shown  # Textual's "Keys"
        assert ui("Search for commands…") in shown
        assert not any(english in shown for english in ("Show help for the focused", "Search for commands"))


async def test_header_names_the_contents_origin_in_the_language(fixture_db, userdata_path):
    store = Store(connect(fixture_db), Located(fixture_db, "source checkout"))
    app = FieldkitApp(store, userdata=UserData(userdata_path), today=TODAY, lang="ar")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause(0.2)
        header = screen_lines(app)[0]
        assert "source checkout" not in header
        assert visual_line(_("from {origin}").format(origin=_("source checkout"))) in header


async def test_an_option_name_in_the_header_keeps_its_dashes_in_front(make_app):
    app = make_app(lang="fa")  # the fixture app reads its database from --db
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause(0.2)
        header = screen_lines(app)[0]
        assert f"--db :{on_screen(_('from {origin}').split(':')[0])}" in header and "db--" not in header


async def test_native_names_read_right_to_left_in_the_english_language_list(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        shown = screen_text(app)
        assert visual_line("فارسی") in shown and visual_line("العربية") in shown
        assert "فارسی" not in shown  # not in logical order with unjoined letters
