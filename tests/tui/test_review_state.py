"""The app says who checked what: in the header, under an entry's title and beside its sources."""

from __future__ import annotations

import pytest

from fieldkit.content.build import build
from fieldkit.i18n.catalog import ui
from fieldkit.store.db import Located, connect
from fieldkit.store.store import Store
from fieldkit.tui.app import FieldkitApp
from fieldkit.tui.messages import ToEntry
from fieldkit.userdata import UserData
from tests.content.test_check import edit
from tests.tui.conftest import TODAY
from tests.tui.shown import shown


@pytest.fixture
def make_reviewed_app(content, tmp_path):
    """The app on the fixture content with one entry reviewed by a specialist, an outdated Farsi translation and a
    fact from outside the sources past its review_by date (TODAY is 2026-11-24)."""
    edit(content / "place/bihac.en.md", "checked: 2026-11-01",
         "checked: 2026-11-01\nreviewed: {by: Protection officer, organisation: Example NGO, date: 2026-11-20}")
    edit(content / "risk/risk-drowning.en.md", "Tell people", "Warn people")
    edit(content / "place/velika-kladusa.en.md", "sources:\n",
         "sources:\n  - doc: geonames\n    where: Velika Kladuša\n    review_by: 2026-06-01\n")
    path = tmp_path / "reviewed.db"
    build(content, path)

    def make(**kwargs) -> FieldkitApp:
        return FieldkitApp(Store(connect(path), Located(path, "--db")), userdata=UserData(tmp_path / "user.db"),
                           today=TODAY, **kwargs)

    return make


def header(app) -> str:
    return str(app.screen.query_one("#app-header").render())


async def test_the_header_says_checked_and_not_reviewed(make_app):
    app = make_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        assert "content 2026.11.01 · checked against the sources 3 weeks ago · not yet reviewed by a specialist" \
            in header(app)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # the shorter wording that fits 80 columns
        await pilot.pause()
        text = header(app)
        assert "checked 3 weeks ago · no specialist review yet" in text and len(text) <= 80


async def test_the_header_counts_what_a_specialist_reviewed(make_reviewed_app):
    app = make_reviewed_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        assert "1 of 9 entries reviewed by a specialist" in header(app)


async def test_an_entry_says_who_reviewed_it_and_what_is_from_outside_the_sources(make_reviewed_app):
    app = make_reviewed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        assert "Reviewed by Protection officer (Example NGO) on 2026-11-20." in shown(app.screen, "title")
        app.navigate(ToEntry("velika-kladusa"))
        await pilot.pause()
        title = shown(app.screen, "title")
        assert "Not yet reviewed by a specialist." in title
        assert "Facts from outside the sources were to be checked again by 2026-06-01" in title
        sources = str(app.screen.query_one("#entry-sources").render())
        assert "from outside the sources; was to be checked again by 2026-06-01" in sources


async def test_an_outdated_translation_says_the_original_changed(make_reviewed_app):
    app = make_reviewed_app(lang="fa")
    async with app.run_test(size=(120, 40)) as pilot:
        app.navigate(ToEntry("risk-drowning"))
        await pilot.pause()
        title = shown(app.screen, "title")
        assert ui("The English original changed after this translation.") in title
        assert ui("The English original changed after this translation.") != \
            "The English original changed after this translation."  # said in Farsi
