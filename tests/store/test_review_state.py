"""The review state as readers get it: `show`, `show --json`, `stats`, `doctor`, and databases made before it."""

from __future__ import annotations

import json

import pytest

from fieldkit.content.build import build
from fieldkit.store.db import connect
from fieldkit.store.store import Store
from tests.cli.test_languages import label
from tests.content.test_check import edit
from tests.store.test_search_plans import downgrade


@pytest.fixture
def reviewed_db(content, tmp_path):
    """The fixture content with a specialist's review, an outdated translation and a fact from outside the sources
    that is past its review_by date."""
    edit(content / "place/bihac.en.md", "checked: 2026-11-01",
         "checked: 2026-11-01\nreviewed: {by: Protection officer, organisation: Example NGO, date: 2026-11-20}")
    edit(content / "risk/risk-drowning.en.md", "Tell people", "Warn people")
    edit(content / "place/velika-kladusa.en.md", "sources:\n",
         "sources:\n  - doc: geonames\n    where: Velika Kladuša\n    review_by: 2026-01-01\n")
    path = tmp_path / "reviewed.db"
    build(content, path)
    return path


def test_show_json_says_who_checked_what(cli, reviewed_db):
    bihac = json.loads(cli("show", "bihac", "--json", "--db", reviewed_db).out)
    assert (bihac["checked"], bihac["reviewed"]) == ("2026-11-01", "2026-11-20")
    assert bihac["review"] == {"by": "Protection officer", "organisation": "Example NGO", "date": "2026-11-20"}
    farsi = json.loads(cli("show", "risk-drowning", "--lang", "fa", "--json", "--db", reviewed_db).out)
    assert (farsi["translation"], farsi["translation_state"]) == ("machine", "outdated")
    assert farsi["reviewed"] is None and farsi["review"] is None
    kladusa = json.loads(cli("show", "velika-kladusa", "--json", "--db", reviewed_db).out)
    assert kladusa["review_by"] == "2026-01-01"
    assert [(c["doc"], c["outside_sources"], c["review_by"]) for c in kladusa["sources"]] == [
        ("geonames", True, "2026-01-01"), ("testdoc", False, None)]


def test_show_says_it_plainly(cli, reviewed_db):
    bihac = cli("show", "bihac", "--db", reviewed_db).out
    assert "Reviewed by Protection officer (Example NGO) on 2026-11-20." in bihac
    assert "checked against the sources 2026-11-01" in bihac
    drina = cli("show", "drina-river", "--db", reviewed_db).out
    assert "Not yet reviewed by a specialist." in drina
    farsi = cli("show", "risk-drowning", "--lang", "fa", "--db", reviewed_db).out  # in Farsi, labels too
    assert label("fa", "The English original changed after this translation.") in farsi
    kladusa = " ".join(cli("show", "velika-kladusa", "--db", reviewed_db).out.split())  # as one line, unwrapped
    assert "(from outside the sources; was to be checked again by 2026-01-01)" in kladusa
    assert "Facts from outside the sources were to be checked again by 2026-01-01: they may be out of date." in kladusa


def test_stats_count_checks_reviews_and_translations(cli, reviewed_db):
    stats = json.loads(cli("stats", "--json", "--db", reviewed_db).out)
    assert (stats["checked"], stats["reviewed_by_specialist"], stats["unreviewed"]) == (9, 1, 8)
    assert (stats["oldest_reviewed"], stats["newest_reviewed"]) == ("2026-11-20", "2026-11-20")
    assert stats["translations"] == {"machine": 3, "reviewed": 0, "outdated": 1}
    assert stats["languages"]["fa"]["outdated"] == 1
    assert (stats["outside_sources"], stats["past_review_by"]) == (1, 1)
    text = cli("stats", "--db", reviewed_db).out
    assert "reviewed by a specialist: 1 of 9 entries" in text and "1 outdated" in text


def test_doctor_says_what_was_reviewed(cli, reviewed_db, fixture_db):
    assert "Not yet reviewed by a specialist." in cli("doctor", "--db", fixture_db).out
    doctor = cli("doctor", "--db", reviewed_db)
    assert doctor.code == 0
    assert "reviewed by a specialist: 1 of 9 entries" in doctor.out
    assert "1 translation outdated: the English original changed after it" in doctor.out
    report = json.loads(cli("doctor", "--json", "--db", reviewed_db).out)["content"]
    assert (report["checked"], report["reviewed_by_specialist"], report["outdated_translations"]) == ("2026-11-01", 1, 1)


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_database_is_read_honestly(cli, reviewed_db, tmp_path, version):
    """Before schema 4 `reviewed` held the editors' dates: read as `checked`, and nothing as a specialist's review."""
    old = downgrade(reviewed_db, tmp_path / f"schema{version}.db", version)
    store = Store(connect(old))
    bihac = store.get("bihac")
    assert (bihac.checked, bihac.reviewed, bihac.review) == ("2026-11-01", None, None)
    assert store.get("risk-drowning", "fa").translation_state == "machine"  # not known to be outdated
    stats = store.stats()
    assert (stats["checked"], stats["reviewed_by_specialist"], stats["unreviewed"]) == (9, 0, 9)
    store.close()
    shown = cli("show", "bihac", "--db", old)
    assert (shown.code, shown.err) == (0, "") and "Not yet reviewed by a specialist." in shown.out
    doctor = cli("doctor", "--db", old)
    assert doctor.code == 0 and "it does not say who checked what" in doctor.out


def test_handouts_say_who_checked_what(cli, fixture_db, reviewed_db):
    markdown = cli("brief", "--route", "RS..BA", "--db", fixture_db).out
    assert "*Checked against the sources on 2026-11-01. Not yet reviewed by a specialist.*" in markdown
    html = cli("brief", "brief-rivers", "--lang", "ar", "--format", "html", "--db", reviewed_db).out
    assert '<p class="review">' in html
    assert "تغيّر الأصل الإنجليزي بعد هذه الترجمة." not in html  # the Arabic deck's own original did not change
    fa = cli("brief", "--route", "RS..BA", "--lang", "fa", "--db", reviewed_db).out
    assert "متن اصلی انگلیسی پس از این ترجمه تغییر کرده است." in fa  # risk-drowning's Farsi is outdated there
