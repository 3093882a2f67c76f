"""The app: a place lists the services covering it in order, a country's services say where they work, and `r` on
a service writes a referral slip in the language chosen for the person."""

from __future__ import annotations

from fieldkit.store.db import Located, connect
from fieldkit.store.store import Store
from fieldkit.tui.app import FieldkitApp
from fieldkit.tui.messages import ToCountry, ToEntry
from fieldkit.tui.screens.dialogs import LanguageScreen
from fieldkit.tui.widgets.nav_list import NavList
from fieldkit.userdata import UserData
from tests.tui.conftest import TODAY, settle


def make_app(services_db, tmp_path) -> FieldkitApp:
    store = Store(connect(services_db), Located(services_db, "--db"))
    return FieldkitApp(store, userdata=UserData(tmp_path / "userdata.db"), today=TODAY)


def labels(widget: NavList) -> list[tuple[str, str]]:
    return [(widget.get_option_at_index(i).id, str(widget.get_option_at_index(i).prompt))
            for i in range(widget.option_count)]


async def test_a_place_lists_the_services_covering_it_nearest_first(services_db, tmp_path):
    app = make_app(services_db, tmp_path)
    async with app.run_test(size=(140, 45)) as pilot:
        app.navigate(ToEntry("bihac"))
        await settle(pilot)
        items = labels(app.screen.query_one("#entry-related", NavList))
        services = [(key, text) for key, text in items if key.startswith("entry:svc-")]
        assert [key for key, _ in services[:4]] == ["entry:svc-clinic-bihac", "entry:svc-legal-aid-bihac",
                                                   "entry:svc-canton-outreach", "entry:svc-country-hotline"]
        assert services[0][1].endswith("· at Bihać") and services[2][1].endswith("· in Una-Sana Canton")
        assert services[3][1].endswith("· country-wide")


async def test_a_countrys_services_say_where_they_work(services_db, tmp_path):
    app = make_app(services_db, tmp_path)
    async with app.run_test(size=(140, 45)) as pilot:
        app.navigate(ToCountry("BA"))
        await settle(pilot)
        items = labels(app.screen.query_one("#country-services", NavList))
        assert items[0][0] == "entry:svc-country-hotline" and items[0][1].endswith("· country-wide")
        assert items[1][0] == "entry:svc-canton-outreach" and items[1][1].endswith("· Una-Sana Canton")
        assert {key for key, _ in items[2:]} == {"entry:svc-clinic-bihac", "entry:svc-legal-aid-bihac"}


async def test_r_on_a_service_writes_a_referral_slip_and_says_where(services_db, tmp_path, monkeypatch):
    from fieldkit import paths

    monkeypatch.setattr(paths, "slips_dir", lambda: tmp_path / "slips")
    app = make_app(services_db, tmp_path)
    notices: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: notices.append(str(message)))
    async with app.run_test(size=(140, 45)) as pilot:
        app.navigate(ToEntry("svc-clinic-bihac"))
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, LanguageScreen)  # whose language: the person's
        app.screen.dismiss("fa")
        await settle(pilot)
    slip = tmp_path / "slips" / "referral-svc-clinic-bihac-fa.html"
    text = slip.read_text(encoding="utf-8")
    assert '<html lang="fa" dir="rtl">' in text and '<section lang="en" dir="ltr">' in text
    assert "درمانگاه خانواده‌ها در بیهاچ" in text
    assert any(str(slip) in notice for notice in notices), notices
    assert not (tmp_path / "userdata.db").exists() or b"svc-clinic-bihac-fa" not in (tmp_path / "userdata.db").read_bytes()


async def test_r_on_a_route_still_follows_the_route(services_db, tmp_path):
    from fieldkit.tui.screens.route import RouteScreen

    app = make_app(services_db, tmp_path)
    async with app.run_test() as pilot:
        app.navigate(ToEntry("route-rs-ba-drina"))
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, RouteScreen)
