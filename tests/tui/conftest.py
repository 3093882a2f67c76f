"""Fixtures for driving the app as a person would, with Textual's Pilot."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldkit.store.db import Located, connect
from fieldkit.store.store import Store
from fieldkit.tui.app import FieldkitApp
from fieldkit.userdata import UserData

TODAY = dt.date(2026, 11, 24)  # ages shown on screen are computed against this, so snapshots stay stable


@pytest.fixture
def userdata_path(tmp_path):
    return tmp_path / "userdata.db"


@pytest.fixture
def make_app(fixture_db, userdata_path):
    """Build an app on the fixture content; call again for a 'restart' with the same user data."""

    def make(**kwargs) -> FieldkitApp:
        store = Store(connect(fixture_db), Located(fixture_db, "--db"))
        return FieldkitApp(store, userdata=UserData(userdata_path), today=TODAY, **kwargs)

    return make


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press(char if char != " " else "space")


async def settle(pilot) -> None:
    """Let workers finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
