"""Issue 16, item 4: escape sequences in a pack's or a `--db` database never reach the terminal.

Every string the store returns is cleaned in one place (fieldkit.store.store.clean); these tests read every field
of a database with escape sequences in every text column, through the store, the CLI and the app.
"""

from __future__ import annotations

import sqlite3

import pytest

from fieldkit.store.db import Located, connect
from fieldkit.store.store import Store
from fieldkit.tui.messages import ToEntry
from tests.hostile.hostile_db import EVIL, EVIL_ID, UNSAFE, make_hostile, strings

LINE_FIELDS = ("id", "type", "title", "lang", "translation", "country", "as_of", "reviewed")


@pytest.fixture(scope="module")
def hostile_db(fixture_db, tmp_path_factory):
    return make_hostile(fixture_db, tmp_path_factory.mktemp("hostile") / "hostile.db")


@pytest.fixture
def hostile(hostile_db):
    store = Store(connect(hostile_db), Located(hostile_db, "--db"))
    yield store
    store.close()


def assert_clean(value, name: str) -> None:
    for where, text in strings(value, name):
        assert not UNSAFE.search(text), f"{where}: {text!r}"


def test_the_database_really_is_hostile(hostile_db):
    conn = sqlite3.connect(hostile_db)
    assert EVIL in conn.execute("SELECT value FROM meta WHERE key = 'content_version'").fetchone()[0]
    assert EVIL in conn.execute("SELECT as_of FROM entries WHERE id = 'bihac'").fetchone()[0]
    conn.close()


def test_every_store_method_returns_clean_text(hostile, hostile_db):
    raw_ids = [row[0] for row in sqlite3.connect(hostile_db).execute("SELECT id FROM entries")]
    assert EVIL_ID in raw_ids
    assert_clean(hostile.meta(), "meta")
    assert_clean(hostile.ids(), "ids")
    assert_clean(hostile.stats(), "stats")
    assert_clean(hostile.list_entries(), "list_entries")
    assert_clean(hostile.list_entries(lang="fa"), "list_entries(fa)")
    assert_clean(hostile.field_values("place", "kind"), "field_values")
    places = list(hostile.field_values("place", "kind"))
    assert_clean(hostile.entries_at("service", "place", places), "entries_at")
    for place in places:
        assert_clean(hostile.services_covering(place), "services_covering")
    for lang in (None, "en", "fa", "ar"):
        for query in ("bihac", "river", "legal aid", "b"):
            hits = hostile.search(query, lang=lang)
            assert_clean(hits, f"search({query!r}, {lang})")
            for hit in hits:  # highlights index the cleaned snippet
                assert all(0 <= start < end <= len(hit.snippet) for start, end in hit.highlights)
    assert hostile.search("bihac"), "the hostile database still finds things"
    for entry_id in raw_ids:
        for lang in ("en", "fa", "ar"):
            entry = hostile.get(entry_id, lang)
            assert entry is not None
            assert_clean(entry, f"get({entry_id!r}, {lang})")
            for name in LINE_FIELDS:
                assert "\n" not in (getattr(entry, name) or ""), name
            assert_clean(hostile.title_of(entry_id, lang), "title_of")
    bihac = hostile.get("bihac")
    assert bihac.as_of == "2026-11-01" or bihac.as_of.startswith("20")  # the text itself survives, cleaned
    assert "evil" in [link.id for link in bihac.related]


def no_escapes(result) -> None:
    for stream in (result.out, result.err):
        text = stream.replace("\r\n", "").replace("\n", "").replace("\t", "")  # CSV rows end in CR LF
        assert not UNSAFE.search(text), repr(stream[:300])
    assert "Traceback" not in result.err


@pytest.mark.parametrize("command", [
    ("stats",), ("stats", "--json"), ("doctor",), ("doctor", "--json"), ("show", "bihac"), ("show", "bihac", "--json"),
    ("show", "bihac", "--lang", "fa"), ("show", "svc-legal-aid-bihac"), ("search", "bihac"), ("search", "bihac", "--json"),
    ("brief", "--list"), ("brief", "brief-rivers"), ("brief", "brief-rivers", "--format", "html"),
    ("brief", "--country", "BA"), ("export", "--type", "service"), ("export", "--type", "place", "--format", "json"),
    ("export", "--format", "geojson"),
])
def test_cli_output_is_clean(cli, hostile_db, command):
    result = cli(*command, "--db", hostile_db)
    assert result.code in (0, 1), result.err
    no_escapes(result)


async def test_the_app_header_and_entry_are_clean(hostile_db, tmp_path):
    import datetime as dt

    from fieldkit.tui.app import FieldkitApp
    from fieldkit.userdata import UserData

    store = Store(connect(hostile_db), Located(hostile_db, "--db"))
    app = FieldkitApp(store, userdata=UserData(tmp_path / "u.db"), today=dt.date(2026, 11, 24))
    async with app.run_test(size=(120, 40)) as pilot:
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        shown = [str(screen.query_one("#app-header").render()), str(screen.query_one("#entry-title").render()),
                 str(screen.query_one("#entry-details").render()), str(screen.query_one("#entry-sources").render())]
        assert "Facts as of" in shown[1]
        for text in shown:
            assert not UNSAFE.search(text.replace("\n", "")), repr(text)
