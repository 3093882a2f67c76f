"""The command palette finds a command by its name typed in the interface language, right-to-left ones too:
fieldkit shows those names in visual order and joined letter forms, and the reader types letters in logical order."""

from __future__ import annotations

import pytest

from fieldkit.i18n.catalog import _, ui
from tests.tui.conftest import settle, type_text
from tests.tui.shown import screen_text


async def palette_shows(app, pilot, typed: str) -> str:
    await pilot.press("ctrl+p")
    await settle(pilot)
    await type_text(pilot, typed)
    await settle(pilot)
    await pilot.pause(0.7)  # past the palette's wait before it says nothing matched
    return screen_text(app)


@pytest.mark.parametrize("lang", ["fa", "ar", "fr"])
async def test_a_command_is_found_by_its_name_typed_in_the_interface_language(make_app, lang):
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        typed = _("Language")
        shown = await palette_shows(app, pilot, typed[:4])
        assert ui("Choose the language (l)") in shown  # the command's help line: the command was found
        assert "No matches found" not in shown


async def test_english_names_are_still_found_and_highlighted(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = await palette_shows(app, pilot, "langu")
        assert "Choose the language (l)" in shown
