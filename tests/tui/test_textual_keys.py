"""The keys Textual's own widgets bring (the search box's cursor and editing keys, a list's Up and Down,
scrolling) are described in the reader's language wherever fieldkit shows them: its Keys panel lists every key of
the focused widget, and the descriptions are Textual's English unless the catalogs have them
(fieldkit/tui/textual_strings.py)."""

from __future__ import annotations

import gettext

from fieldkit.core.languages import catalog_codes
from fieldkit.i18n.catalog import COMPILED_DIR, DOMAIN, _, ui
from fieldkit.text.bidi import visual_line
from fieldkit.tui.messages import ToCountry, ToEntry
from tests.tui.conftest import settle, type_text
from tests.tui.shown import screen_text


def descriptions_on(app) -> set[str]:
    """Every key description of the screen, its widgets and the app: what the Keys panel can list there."""
    found = set()
    for node in (app, app.screen, *app.screen.walk_children()):
        for bindings in node._bindings.key_to_bindings.values():
            found.update(binding.description for binding in bindings if binding.description)
    return found


async def test_every_key_description_on_fieldkits_screens_is_in_every_catalog(make_app):
    app = make_app(lang="en")
    seen: set[str] = set()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        seen |= descriptions_on(app)
        await pilot.press("/")
        await type_text(pilot, "bihac")
        await settle(pilot)
        seen |= descriptions_on(app)
        app.navigate(ToEntry("risk-drowning"))
        await settle(pilot)
        seen |= descriptions_on(app)
        app.navigate(ToCountry("BA"))
        await settle(pilot)
        seen |= descriptions_on(app)
        await pilot.press("?")
        await settle(pilot)
        seen |= descriptions_on(app)
    assert {"Delete character left", "Scroll Down", "Up"} <= seen  # Textual's: the input's, scrolling, a list's
    for code in catalog_codes():
        translated = gettext.translation(DOMAIN, COMPILED_DIR, languages=[code])._catalog  # type: ignore[attr-defined]
        untranslated = sorted(description for description in seen if not translated.get(description))
        assert not untranslated, f"{code}: add to fieldkit/tui/textual_strings.py and translate: {untranslated}"


async def keys_panel_of_the_search_box(app, pilot) -> str:
    """The screen once the search box has focus and the Keys panel (the palette's "Keys") is open."""
    await pilot.press("/")
    await settle(pilot)
    app.action_show_help_panel()
    await settle(pilot)
    await pilot.pause(0.2)
    return screen_text(app)


async def test_the_keys_panel_of_the_search_box_reads_right_to_left_in_farsi(make_app):
    app = make_app(lang="fa")
    async with app.run_test(size=(120, 40)) as pilot:
        shown = await keys_panel_of_the_search_box(app, pilot)
        assert ui("Delete character left") in shown
        assert "Delete character left" not in shown and "Move cursor left" not in shown
        # A description that wraps: the line beside its key (on the right) holds the start of the sentence.
        words = _("Move cursor right or accept the completion suggestion").split()
        beside_key = next(line for line in shown.splitlines() if line.rstrip().endswith("→"))
        first_line = beside_key.split("▏")[-1].rstrip()[:-1].strip()
        assert any(first_line == visual_line(" ".join(words[:count])) for count in range(1, len(words)))


async def test_the_keys_panel_stays_textuals_table_in_english(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        lines = (await keys_panel_of_the_search_box(app, pilot)).splitlines()
        assert any(line.rstrip().endswith("Delete character left") for line in lines)
        app.action_hide_help_panel()
        await settle(pilot)
        assert "Delete character left" not in screen_text(app)
