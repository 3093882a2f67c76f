"""Snapshots of the key screens at the smallest supported size and a roomy one.

Update after an intended change with `python3 dev.py test tests/tui --snapshot-update` and look at the report.
Right-to-left text is tested on cell text, not here: browsers reorder SVG text themselves.
"""

from __future__ import annotations

import pytest

from fieldkit.tui.messages import ToEntry, ToJourney
from tests.tui.conftest import settle, type_text

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_search_with_results(snap_compare, make_app, size):
    async def search(pilot):
        await pilot.press("slash")
        await type_text(pilot, "bihac")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=search)


@pytest.mark.parametrize("size", SIZES)
def test_entry(snap_compare, make_app, size):
    async def open_entry(pilot):
        pilot.app.navigate(ToEntry("svc-legal-aid-bihac"))
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=open_entry)


@pytest.mark.parametrize("size", SIZES)
def test_route_view(snap_compare, make_app, size):
    async def open_route(pilot):
        pilot.app.navigate(ToJourney(("route-rs-ba-drina",)))
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=open_route)
