"""The app with an overlay installed: an organisation's entry says who added it, a published service shows what an
organisation attached in its own block, and a pack past its expiry date is said once at start (and still read)."""

from __future__ import annotations

import datetime as dt

from fieldkit.runtime.locate import open_store
from fieldkit.tui.app import FieldkitApp
from fieldkit.tui.messages import ToEntry
from fieldkit.userdata import UserData
from tests.overlays.conftest import ATTACHED_PHONE
from tests.tui.shown import shown

ADDED = "Added by XYZ Legal Aid, not part of the published content"


def app_on_installed_content(tmp_path) -> FieldkitApp:
    return FieldkitApp(open_store(), userdata=UserData(tmp_path / "userdata.db"), today=dt.date(2026, 12, 7))


async def test_entries_say_who_added_what(installed, tmp_path):
    app = app_on_installed_content(tmp_path)
    async with app.run_test() as pilot:
        app.navigate(ToEntry("svc-legal-aid-bihac"))
        await pilot.pause()
        details = shown(app.screen, "details")
        assert ADDED in details and ATTACHED_PHONE in details and "Mon-Fri 09:00-15:00" in details
        assert ADDED not in shown(app.screen, "title")  # the published entry itself is not the organisation's
        app.navigate(ToEntry("org-xyz-legal-desk-bihac"))
        await pilot.pause()
        assert ADDED in shown(app.screen, "title")


async def test_an_expired_pack_is_said_at_start(trusting, cli, tmp_path):
    from fieldkit.packs.build import build_pack
    from tests.overlays.conftest import FIXTURE_OVERLAY

    old = tmp_path / "old.fkpack"
    build_pack(FIXTURE_OVERLAY, trusting.org_key, old, version="2100.1.1", base=trusting.base_db, expires="2020-01-01")
    assert cli("pack", "install", old).code == 0
    app = app_on_installed_content(tmp_path)
    async with app.run_test() as pilot:
        await pilot.pause()
        messages = [str(notification.message) for notification in app._notifications]
        assert any("org-xyz 2100.1.1 expired on 2020-01-01" in message for message in messages), messages
        app.navigate(ToEntry("svc-legal-aid-bihac"))
        await pilot.pause()
        assert ATTACHED_PHONE in shown(app.screen, "details")  # still read
