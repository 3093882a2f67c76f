"""The app starts lean: up to its first frame (the home screen) it imports what the home screen needs and nothing
else. The other screens, the dialogs, the briefing and pack code, the compiler and Babel's dates (the header's
"checked 3 weeks ago" is worded after the first paint) are imported when first used.

In every language: Home's country names come from fieldkit/i18n/country_names.py (CLDR's, written by
`python3 dev.py i18n`), not from Babel.

The app runs in a fresh Python (the test process has imported everything already), started the way the
`fieldkit` command starts it (fieldkit.cli.main with no arguments), headless; the modules loaded when Textual
first draws the screen are written out and the app quits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from fieldkit.tui.widgets.nav_list import NavList

PROBE = textwrap.dedent("""
    import json, sys

    from textual.app import App

    loaded = {}

    def first_frame(app):  # Textual calls this after each screen update it draws
        if not loaded:
            loaded["modules"] = sorted(sys.modules)
            loaded["screen"] = type(app.screen).__name__
            app.exit()

    App.post_display_hook = first_frame
    run = App.run
    App.run = lambda app, *args, **kwargs: run(app, headless=True, size=(100, 30))
    sys.stdin.isatty = sys.stdout.isatty = lambda: True  # the command refuses to open the app without a terminal

    from fieldkit.cli.main import main

    code = main([])
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump({"code": code, **loaded}, out)
""")

# Modules of what the home screen does not show (prefixes: a package and everything in it).
NOT_AT_START = (
    "fieldkit.tui.screens.search", "fieldkit.tui.screens.entry", "fieldkit.tui.screens.country",
    "fieldkit.tui.screens.route", "fieldkit.tui.screens.topic", "fieldkit.tui.screens.present",
    "fieldkit.tui.screens.dialogs", "fieldkit.tui.widgets.find_view", "fieldkit.tui.widgets.route_diagram",
    "fieldkit.tui.widgets.rtl_markdown", "fieldkit.briefing", "fieldkit.packs", "fieldkit.interop",
    "fieldkit.content", "fieldkit.translate", "babel", "yaml",
)


def first_frame_modules(tmp_path, fixture_db, **variables: str) -> dict:
    out = tmp_path / "first-frame.json"
    env = {name: value for name, value in os.environ.items()
           if name not in ("FIELDKIT_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(FIELDKIT_DB=str(fixture_db), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"), LANG="C.UTF-8")
    env.update(variables)
    subprocess.run([sys.executable, "-c", PROBE, str(out)], env=env, check=True, capture_output=True, timeout=120)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("variables", [{}, {"FIELDKIT_LANG": "en"}, {"LANG": "fa_IR.UTF-8"}, {"FIELDKIT_LANG": "fr"}],
                         ids=["system locale", "FIELDKIT_LANG", "Farsi system locale", "FIELDKIT_LANG=fr"])
def test_first_frame_is_home_without_the_other_screens(tmp_path, fixture_db, variables):
    result = first_frame_modules(tmp_path, fixture_db, **variables)
    assert result["code"] == 0
    assert result["screen"] == "HomeScreen"
    modules = result["modules"]
    assert "fieldkit.tui.screens.home" in modules and "fieldkit.tui.app" in modules
    early = [name for name in modules if any(name == prefix or name.startswith(prefix + ".") for prefix in NOT_AT_START)]
    assert early == [], f"imported before the home screen's first frame, though it does not show them: {early}"


async def test_a_long_journey_list_is_whole_once_home_has_settled(make_app, monkeypatch):
    # Hundreds of journeys (a large content set): the first rows come with the first frame, the others right
    # after it; once the screen has settled the list holds every journey, in the store's order, each once.
    from fieldkit.tui.screens import home

    real = home.journey_outlines

    def many(store):
        (legs, countries), = real(store)  # the fixture's one journey, under a hundred different leg lists
        return [((f"{legs[0]}-{number}", *legs[1:]), countries) for number in range(100)]

    monkeypatch.setattr(home, "journey_outlines", many)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        journeys = app.screen.query_one("#journeys", NavList)
        await pilot.pause()
        ids = [journeys.get_option_at_index(i).id for i in range(journeys.option_count)]
        assert ids == [f"journey:route-rs-ba-drina-{number}" for number in range(100)]
        app.screen.reload()  # twice before the rest arrives (a language switch and another): the list is filled
        app.screen.reload()  # anew by the last one, not added to by both
        await pilot.pause()
        assert journeys.option_count == 100 and len(journeys.items) == 100
