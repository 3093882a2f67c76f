"""`fieldkit search`: the reader's language like the app, --explain, corrections and the way back, partial marks."""

from __future__ import annotations

import json


def test_the_reader_language_comes_from_fieldkit_lang(cli, fixture_db, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "fa")
    hits = json.loads(cli("search", "drina", "--json", "--db", fixture_db).out)
    drowning = next(hit for hit in hits if hit["id"] == "risk-drowning")
    assert drowning["lang"] == "fa"  # translated: served in Farsi
    river = next(hit for hit in hits if hit["id"] == "drina-river")
    assert (river["lang"], river["fallback"]) == ("en", True)  # not translated: English, marked


def test_without_any_language_setting_english_is_served(cli, fixture_db, monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    hits = json.loads(cli("search", "drina", "--json", "--db", fixture_db).out)
    assert {hit["lang"] for hit in hits} == {"en"}


def test_plain_json_is_still_a_list_and_explain_wraps_it(cli, fixture_db):
    plain = json.loads(cli("search", "drina", "--json", "--lang", "en", "--db", fixture_db).out)
    assert isinstance(plain, list) and plain
    explained = json.loads(cli("search", "drina", "--json", "--explain", "--lang", "en", "--db", fixture_db).out)
    assert set(explained) == {"explain", "results"}
    assert explained["results"] == plain
    explain = explained["explain"]
    assert explain["language"] == "en" and explain["searched_languages"] == ["en"]
    assert explain["filters"] == {"type": None, "country": None}
    assert [group["typed"] for group in explain["groups"]] == ["drina"]


def test_explain_text_says_dropped_words_places_and_filters(cli, fixture_db):
    result = cli("search", "where", "is", "bihac", "--explain", "--lang", "en", "--type", "place", "--db", fixture_db)
    assert result.code == 0
    assert "language: en" in result.out
    assert "dropped words: where, is" in result.out
    assert "place: bihac = bihac" in result.out
    assert "filters: type place" in result.out


def test_a_correction_is_announced_with_the_way_back(cli, fixture_db):
    result = cli("search", "bihca", "--lang", "en", "--db", fixture_db)
    assert result.code == 0 and "[bihac]" in result.out
    assert "Showing results for “bihac”" in result.err and "--literal" in result.err
    literal = cli("search", "bihca", "--lang", "en", "--literal", "--db", fixture_db)
    assert literal.code == 1 and "Showing results" not in literal.err


def test_partial_matches_are_marked(cli, fixture_db):
    result = cli("search", "drina", "xyzzy", "--lang", "en", "--literal", "--db", fixture_db)
    assert "these match only some of the words" in result.out
    hits = json.loads(cli("search", "drina", "xyzzy", "--lang", "en", "--literal", "--json", "--db", fixture_db).out)
    assert hits and all(hit["partial"] for hit in hits)
