"""The cycle collector waits while the app starts, then freezes what start-up made (fieldkit/tui/launch.py).

The app runs in a fresh Python, started as the `fieldkit` command starts it (fieldkit.cli.main with no arguments),
headless. The probe counts the collector's runs from the moment the CLI opens the app, and looks again a moment
after the first frame.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap

from fieldkit.tui import collector

PROBE = textwrap.dedent("""
    import gc, json, sys

    from textual.app import App

    from fieldkit.tui import collector, launch

    seen = {"collections": 0, "counting": False}
    gc.callbacks.append(lambda phase, info: seen.__setitem__("collections", seen["collections"] + (
        phase == "start" and seen["counting"])))
    hold = collector.hold_collector

    def counted_hold():  # from here on the app is starting
        seen["counting"] = True
        hold()

    launch.hold_collector = counted_hold

    def after_settling(app):
        seen["enabled_after"] = gc.isenabled()
        seen["frozen_after"] = gc.get_freeze_count()
        gc.collect()  # the collector works again
        seen["collections_after"] = seen["collections"]
        app.exit()

    def first_frame(app):  # Textual calls this after each screen update it draws
        if "enabled_at_first_frame" not in seen:
            seen["enabled_at_first_frame"] = gc.isenabled()
            seen["collections_at_first_frame"] = seen["collections"]
            app.set_timer(0.3, lambda: after_settling(app))

    App.post_display_hook = first_frame
    run = App.run
    App.run = lambda app, *args, **kwargs: run(app, headless=True, size=(100, 30))
    sys.stdin.isatty = sys.stdout.isatty = lambda: True  # the command refuses to open the app without a terminal

    from fieldkit.cli.main import main

    code = main([])
    seen["enabled_at_exit"] = gc.isenabled()
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump({"code": code, **seen}, out)
""")


def test_the_collector_waits_for_the_first_frame_then_runs_without_start_ups_objects(tmp_path, fixture_db):
    out = tmp_path / "collector.json"
    env = {name: value for name, value in os.environ.items() if name not in ("FIELDKIT_LANG", "LC_ALL")}
    env.update(FIELDKIT_DB=str(fixture_db), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"), LANG="C.UTF-8")
    subprocess.run([sys.executable, "-c", PROBE, str(out)], env=env, check=True, capture_output=True, timeout=120)
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert seen["code"] == 0
    assert seen["enabled_at_first_frame"] is False
    assert seen["collections_at_first_frame"] == 0, "the collector ran while the app was starting"
    assert seen["enabled_after"] is True, "the collector was not turned back on after the first frame"
    assert seen["frozen_after"] > 10_000, "start-up's objects (Textual's modules, classes, widgets) were not frozen"
    assert seen["collections_after"] > 0
    assert seen["enabled_at_exit"] is True


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    try:
        frozen = gc.get_freeze_count()
        collector.hold_collector()
        collector.release_collector()
        assert not gc.isenabled()
        assert gc.get_freeze_count() == frozen, "froze objects although it had not held the collector"
    finally:
        gc.enable()


def test_release_after_hold_turns_the_collector_back_on_once():
    assert gc.isenabled()
    collector.hold_collector()
    assert not gc.isenabled()
    collector.release_collector()
    assert gc.isenabled()
    gc.disable()  # a second release (the app's end after its first frame) must not turn on what it did not hold
    try:
        collector.release_collector()
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()  # the test process's objects go back to the collector
