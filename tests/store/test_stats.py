"""What the store counts about its content, and the shortcuts that read the same figures without counting."""

from __future__ import annotations

import shutil
import sqlite3

from fieldkit.store.db import connect
from fieldkit.store.store import Store


def test_languages_are_the_languages_counted(store):
    assert store.languages() == sorted(store.stats()["languages"])


def test_languages_without_the_builds_list(fixture_db, tmp_path):
    """A database whose meta has no list (or a crafted one) gives the languages of its translations."""
    copy = tmp_path / "copy.db"
    shutil.copy(fixture_db, copy)
    for value in (None, "not json", '["en", 3]'):
        conn = sqlite3.connect(copy)
        if value is None:
            conn.execute("DELETE FROM meta WHERE key = 'languages'")
        else:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('languages', ?)", (value,))
        conn.commit()
        conn.close()
        store = Store(connect(copy))
        assert store.languages() == sorted(store.stats()["languages"])
        store.close()


def test_the_builds_figures_are_the_counted_ones(store):
    """stats() reads what the build counted; counting now gives the same."""
    stored = store.meta()["stats"]
    assert stored and store.stats() == {**{k: v for k, v in store.stats().items() if k not in store.count_figures()},
                                        **store.count_figures()}


def test_crafted_figures_are_counted_again(fixture_db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(fixture_db, copy)
    store = Store(connect(copy))
    counted = store.stats()
    store.close()
    for value in ('{"entries": 3}', "[1, 2]", "not json", '{"entries": true, "types": {}, "languages": {}, '
                  '"countries": {}, "without_sources": 0, "unreviewed": 0, "oldest_reviewed": null, '
                  '"newest_reviewed": null, "sources": 0}'):
        conn = sqlite3.connect(copy)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'stats'", (value,))
        conn.commit()
        conn.close()
        store = Store(connect(copy))
        assert store.stats() == counted, value
        store.close()


def test_journeys_from_the_build_are_the_ones_walked(store):
    from fieldkit.store.routes import journey_outlines, journeys, load_legs

    walked = [(tuple(leg.id for leg in j.legs), tuple(j.countries)) for j in journeys(load_legs(store))]
    assert journey_outlines(store) == walked == journey_outlines(store, stored=False)
    assert "journeys" in store.meta()
