"""Right-to-left in a real terminal: switch the app to Farsi and then Arabic; read Home, a right, a place shown in
English, and a risk.

tmux shows the cells as the app wrote them; fieldkit shapes and reorders right-to-left text itself, so each word
must appear in visual order (its shaped letters reversed), and an entry without a translation says so in the
interface language.
"""

from __future__ import annotations

import time

import pytest

from fieldkit.content.build import build
from fieldkit.i18n.catalog import UI_LANGUAGES, set_language, ui
from fieldkit.i18n.languages import native_name
from fieldkit.store.db import connect
from fieldkit.store.store import Store
from fieldkit.text.bidi import shape
from tests.conftest import ROOT
from tests.smoke.test_tmux import FIELDKIT, Terminal, terminal_env  # noqa: F401 (fixture)


@pytest.fixture(scope="module")
def content_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("content") / "fieldkit.db"
    build(ROOT / "content", path)
    return path


def on_screen(word: str) -> str:
    """A right-to-left word as fieldkit puts it in the cells: letters joined, then in visual (reversed) order."""
    return shape(word)[::-1]


def interface(lang: str, message: str) -> str:
    set_language(lang, visual_rtl=True)
    try:
        return ui(message)
    finally:
        set_language("en")


def choose_language(terminal: Terminal, languages: list[str], lang: str) -> None:
    terminal.keys("l")
    terminal.wait_for("ar  ")  # the list shows each language's own name, then its code
    terminal.keys("Home")
    for _ in range(languages.index(lang)):
        terminal.keys("Down")
    terminal.keys("Enter")
    terminal.wait_for(on_screen(native_name(lang)))  # the header names the language now in use
    deadline = time.monotonic() + 15
    while "ar  " in terminal.screen() and time.monotonic() < deadline:  # and the list has closed
        time.sleep(0.1)


def go_home(terminal: Terminal, lang: str) -> str:
    """Press h until Home shows. In Farsi, a key sent within half a second of an entry opening from the search
    results can be lost (cause not found; see the closing note of issue 5); a person is rarely that fast."""
    topics = interface(lang, "Topics")
    for _ in range(2):
        terminal.keys("h")
        try:
            return terminal.wait_for(topics, timeout=5)
        except AssertionError:
            continue
    terminal.keys("h")
    return terminal.wait_for(topics)


def below_header(terminal: Terminal, text: str, timeout: float = 15.0) -> str:
    """Wait for `text` under the header line: the header says "checked against the sources", whose last word is
    the word for Sources in Arabic and Farsi, so an entry's Sources label is only known to be there below it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = terminal.screen()
        if text in "\n".join(screen.split("\n")[1:]):
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared below the header; the screen shows:\n{terminal.screen()}")


def search(terminal: Terminal, lang: str, text: str) -> None:
    terminal.keys("/")
    terminal.wait_for(interface(lang, "Type to search."))
    terminal.keys(text, literal=True)


def test_farsi_then_arabic_home_right_and_risk(terminal_env, content_db):
    store = Store(connect(content_db))
    languages = sorted(set(UI_LANGUAGES) | set(store.stats()["languages"]))
    assert store.get("org-ba-ministry-of-security", "fa").fallback, "pick an entry without a Farsi translation"
    assert not store.get("right-rs-humanitarian-residence", "fa").fallback
    store.close()

    env = {**terminal_env, "FIELDKIT_DB": str(content_db)}
    terminal = Terminal(str(FIELDKIT), env, width=120, height=40)
    try:
        terminal.wait_for("Topics")

        choose_language(terminal, languages, "fa")
        screen = terminal.wait_for(interface("fa", "Topics"))
        assert "Topics" not in screen and "Traceback" not in screen

        # A right, found by a Farsi word typed in logical order.
        search(terminal, "fa", "اقامت بشردوستانه صربستان")
        terminal.wait_for(on_screen("بشردوستانه"))
        terminal.keys("Enter")
        screen = below_header(terminal, interface("fa", "Sources"))
        assert on_screen("صربستان") in screen

        # An entry with no Farsi translation (route legs and places have one now): English text, the marker in Farsi.
        go_home(terminal, "fa")
        search(terminal, "fa", "ministry of security")
        terminal.wait_for("Ministry of Security")
        terminal.keys("Enter")
        screen = terminal.wait_for(interface("fa", "Shown in English: no translation yet."))
        assert "Ministry of Security" in screen

        # Arabic: Home, then a risk that has an Arabic translation.
        choose_language(terminal, languages, "ar")
        go_home(terminal, "ar")
        search(terminal, "ar", "drowning drina")
        terminal.wait_for(on_screen("الغرق"))
        terminal.keys("Enter")
        screen = below_header(terminal, interface("ar", "Sources"))
        assert on_screen("درينا") in screen and "Traceback" not in screen
        terminal.keys("q")
        terminal.wait_for("EXIT=0")
    finally:
        terminal.close()


def test_show_in_farsi_reads_right_to_left_in_a_real_terminal(terminal_env, content_db):
    """`fieldkit show --lang fa` in tmux: every right-to-left line is shaped (joined letters) and in python-bidi's
    visual order, wrapped to the pane and right-aligned; labels are in Farsi."""
    from bidi import get_display

    from fieldkit.i18n.catalog import _
    from fieldkit.text.bidi import mirror_pairs, wrap

    store = Store(connect(content_db))
    entry = store.get("risk-drowning", "fa")
    store.close()
    assert not entry.fallback and entry.lang == "fa"
    width = 100
    env = {**terminal_env, "FIELDKIT_DB": str(content_db)}
    terminal = Terminal(f"{FIELDKIT} show risk-drowning --lang fa", env, width=width, height=200)  # all of it
    try:
        screen = terminal.wait_for("EXIT=0")
    finally:
        terminal.close()
    pane = [line.rstrip() for line in screen.split("\n")]
    # python-bidi's visual order of the shaped text, line by line, flush right: what the pane must hold.
    for paragraph in (entry.title, entry.summary):
        for line in wrap(shape(paragraph), width):
            visual = mirror_pairs(get_display(line, base_dir="R"))
            assert visual.rjust(width).rstrip() in pane, (visual, screen)
    set_language("fa", visual_rtl=True)
    try:
        sources = ui("Sources")
        facts = _("Facts as of {as_of} · checked against the sources {checked} ({age})").split(":")[0]
    finally:
        set_language("en")
    assert sources.rjust(width) in pane  # the label, in Farsi, on the right
    assert on_screen(facts.split()[-1]) in screen
    assert "Sources" not in screen and "Traceback" not in screen
    assert entry.summary.split()[0] not in screen  # no word left in logical order, unjoined
