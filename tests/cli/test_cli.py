"""The CLI's public contract: JSON shapes and exit codes (0 ok, 1 not found, 2 usage error)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SEARCH_KEYS = {"id", "type", "title", "snippet", "country", "lang", "score", "summary", "highlights", "fallback",
               "partial", "matched_lang", "added_by"}
SHOW_KEYS = {"id", "type", "title", "body", "lang", "fallback", "sources", "as_of", "reviewed", "related", "summary",
             "translation", "requested_lang", "country", "countries", "tags", "details", "linked_from", "languages",
             # issue 15, added: who checked what
             "checked", "review", "translation_state", "translation_review", "review_by",
             # issue 18, added: organisations' overlays
             "local", "attached"}


def test_search_json_shape(cli, fixture_db):
    result = cli("search", "bihac", "--json", "--db", fixture_db)
    assert result.code == 0
    hits = json.loads(result.out)
    assert hits[0]["title"] == "Bihać"
    for hit in hits:
        assert set(hit) == SEARCH_KEYS
        assert isinstance(hit["score"], float)
        for start, end in hit["highlights"]:
            assert 0 <= start < end <= len(hit["snippet"])


def test_search_text_output_marks_matches(cli, fixture_db):
    result = cli("search", "drina", "--db", fixture_db)
    assert result.code == 0
    assert "[Drina]" in result.out  # not a terminal: matches in brackets, no colour codes
    assert "\x1b" not in result.out


def test_search_filters_and_limit(cli, fixture_db):
    hits = json.loads(cli("search", "drina", "--type", "place", "--country", "ba", "--json", "--db", fixture_db).out)
    assert [h["id"] for h in hits] == ["drina-river"]
    assert len(json.loads(cli("search", "the", "--limit", "1", "--json", "--db", fixture_db).out)) == 1


def test_search_nothing_found_exits_1(cli, fixture_db):
    result = cli("search", "xyzzy", "--db", fixture_db)
    assert result.code == 1
    assert "no results for 'xyzzy'" in result.err
    result = cli("search", "xyzzy", "--json", "--db", fixture_db)
    assert (result.code, json.loads(result.out)) == (1, [])


@pytest.mark.parametrize("query", ['"', "(", "AND", "NEAR(", "*", "^", "🚀", "a OR", "-"])
def test_hostile_query_is_not_an_error(cli, fixture_db, query):
    result = cli("search", query, "--json", "--db", fixture_db)
    assert result.code in (0, 1)
    assert isinstance(json.loads(result.out), list)
    assert "Traceback" not in result.err


def test_query_starting_with_dash_after_double_dash(cli, fixture_db):
    assert cli("search", "--db", fixture_db, "--", "-drina").code == 0


@pytest.mark.parametrize(
    "args",
    [
        ("search",),
        ("search", "x", "--limit", "0"),
        ("search", "x", "--limit", "many"),
        ("search", "x", "--type", "animal"),
        ("search", "x", "--country", "Bosnia"),
        ("search", "x", "--lang", "klingon"),
        ("show",),
        ("show", "bihac", "--lang", "zz"),
        ("frobnicate",),
    ],
)
def test_usage_errors_exit_2(cli, fixture_db, args):
    result = cli(*args, "--db", fixture_db) if args[0] != "frobnicate" else cli(*args)
    assert result.code == 2
    assert "Traceback" not in result.err


def test_show_json_shape(cli, fixture_db):
    result = cli("show", "right-ba-asylum-access", "--json", "--db", fixture_db)
    assert result.code == 0
    entry = json.loads(result.out)
    assert set(entry) == SHOW_KEYS
    assert (entry["lang"], entry["fallback"], entry["translation"]) == ("en", False, "original")
    assert entry["sources"][0] == {"doc": "testdoc", "where": "line 6", "quote": "express the intention to seek asylum",
                                   "title": "Test document", "url": None, "published": "2024-07",
                                   "outside_sources": False, "review_by": None}
    # Checked by the editors, never reviewed by a specialist: `reviewed` says so (null), `checked` has the date.
    assert (entry["reviewed"], entry["review"], entry["checked"]) == (None, None, "2026-11-01")
    assert (entry["translation_state"], entry["translation_review"], entry["review_by"]) == ("original", None, None)
    assert entry["related"] == [{"id": "svc-legal-aid-bihac", "type": "service", "title": "Free legal aid in Bihać", "kind": "related"}]
    assert entry["details"]["legal_basis"] == [{"law": "Law on Asylum"}]
    assert entry["languages"] == ["ar", "en"]


def test_show_translation_and_fallback(cli, fixture_db):
    farsi = json.loads(cli("show", "risk-drowning", "--lang", "fa", "--json", "--db", fixture_db).out)
    assert (farsi["lang"], farsi["fallback"], farsi["translation"]) == ("fa", False, "machine")
    assert farsi["title"] == "غرق شدن در عبور از رودخانه"
    english = json.loads(cli("show", "bihac", "--lang", "fa", "--json", "--db", fixture_db).out)
    assert (english["lang"], english["requested_lang"], english["fallback"]) == ("en", "fa", True)


def test_show_text(cli, fixture_db):
    result = cli("show", "svc-legal-aid-bihac", "--db", fixture_db)
    assert result.code == 0
    assert "Free legal aid in Bihać" in result.out
    assert "Hours: not known" in result.out
    assert "“Free legal aid is offered in Bihać.”" in result.out


def test_show_unknown_id_exits_1_with_suggestion(cli, fixture_db):
    result = cli("show", "bihacc", "--db", fixture_db)
    assert result.code == 1
    assert "no entry with id 'bihacc'; did you mean bihac?" in result.err


def test_stats_json(cli, fixture_db):
    result = cli("stats", "--json", "--db", fixture_db)
    assert result.code == 0
    stats = json.loads(result.out)
    assert stats["types"] == {"briefing": 1, "glossary": 1, "place": 3, "right": 1, "risk": 1, "route": 1, "service": 1}
    assert stats["languages"]["fa"] == {"original": 0, "machine": 1, "reviewed": 0, "total": 1, "coverage": 0.1111,
                                        "outdated": 0}
    assert stats["languages"]["en"]["original"] == 9
    assert (stats["without_sources"], stats["oldest_reviewed"], stats["content_version"]) == (0, None, "2026.11.01")
    # Nobody reviewed anything: every entry is unreviewed; the editors checked all of them against the sources.
    assert (stats["unreviewed"], stats["reviewed_by_specialist"], stats["checked"]) == (9, 0, 9)
    assert (stats["oldest_checked"], stats["newest_checked"]) == ("2025-01-10", "2026-11-01")
    assert stats["translations"] == {"machine": 3, "reviewed": 0, "outdated": 0}
    assert (stats["outside_sources"], stats["past_review_by"]) == (0, 0)
    assert stats["entries"] == 9


def test_missing_or_corrupt_database_is_a_clear_error(cli, tmp_path):
    result = cli("search", "x", "--db", tmp_path / "none.db")
    assert (result.code, "Traceback" in result.err) == (1, False)
    assert "content database not found" in result.err
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite" * 100)
    result = cli("stats", "--db", garbage)
    assert result.code == 1
    assert "not a readable content database" in result.err


def test_database_from_environment(cli, fixture_db, monkeypatch):
    monkeypatch.setenv("FIELDKIT_DB", str(fixture_db))
    assert json.loads(cli("stats", "--json").out)["entries"] == 9


def test_newer_schema_is_refused(cli, fixture_db, tmp_path):
    import shutil
    import sqlite3

    newer = tmp_path / "newer.db"
    shutil.copy(fixture_db, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    result = cli("stats", "--db", newer)
    assert result.code == 1
    assert "content schema 99" in result.err


def test_no_arguments_without_a_terminal_explains(cli, fixture_db):
    """`fieldkit` alone opens the app; with no terminal (a script, a pipe) it says what to do instead."""
    result = cli("--db", fixture_db)
    assert result.code == 2
    assert "the app needs a terminal" in result.err


@pytest.mark.parametrize("command", ["search", "show", "stats", "check", "build"])
def test_every_command_has_help(cli, command):
    result = cli(command, "--help")
    assert result.code == 0
    assert f"usage: fieldkit {command}" in result.out


def test_version_answers_without_importing_the_heavy_parts():
    code = (
        "import sys, runpy; sys.argv = ['fieldkit', '--version']\n"
        "try:\n    runpy.run_module('fieldkit', run_name='__main__')\n"
        "except SystemExit: pass\n"
        "heavy = [m for m in ('textual', 'rich', 'sqlite3', 'babel', 'yaml', 'sqlite_utils') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "fieldkit 0.1.0" in result.stdout
    assert "HEAVY []" in result.stdout


def test_python_dash_m_works(fixture_db):
    result = subprocess.run([sys.executable, "-m", "fieldkit", "search", "bihac", "--json", "--db", str(fixture_db)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["id"] == "bihac"
