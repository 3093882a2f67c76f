"""Hashtags, tag patterns, partners' vocabulary, and front matter written back as text."""

from __future__ import annotations

import datetime as dt

import hxl
import pytest

from fieldkit.content.frontmatter import parse
from fieldkit.core.registry import REGISTRY
from fieldkit.interop.entryfile import put, render
from fieldkit.interop.hxl import Hashtag, TagPattern, lang_attribute, lang_of_attribute
from fieldkit.interop.vocabulary import (
    country_code,
    language_code,
    service_kind,
    split_list,
)


@pytest.mark.parametrize("text, tag, attributes, lang", [
    ("#org+name", "org", {"name"}, None),
    ("  #ORG +Name ", "org", {"name"}, None),
    ("#service+i_ar+name", "service", {"name"}, "ar"),
    ("#service+name+i_fa_af", "service", {"name"}, "fa-AF"),
    ("#description+summary+i_sr_latn", "description", {"summary"}, "sr-Latn"),
    ("#sector", "sector", set(), None),
])
def test_hashtags_parse_with_attributes_in_any_order(text, tag, attributes, lang):
    hashtag = Hashtag.parse(text)
    assert (hashtag.tag, set(hashtag.attributes), hashtag.lang) == (tag, attributes, lang)


@pytest.mark.parametrize("text", ["Name", "", "#", "#1abc", "#org+", "#org name", "#org-name", "x#org"])
def test_not_hashtags(text):
    assert Hashtag.parse(text) is None


def test_language_attributes_both_ways():
    for code in ("fa", "fa-AF", "sr-Latn", "ar"):
        assert lang_of_attribute(lang_attribute(code)) == code
    assert lang_attribute("fa-AF") == "i_fa_af"
    assert lang_of_attribute("name") is None


def test_patterns_match_like_libhxl():
    columns = ["#org+name", "#org+name+funder", "#org+code", "#description+summary", "#description+notes",
               "#service+name+i_ar"]
    for pattern in ("#org+name", "#description-summary", "#org-name", "#service+name"):
        ours = [c for c in columns if TagPattern.parse(pattern).matches(Hashtag.parse(c))]
        theirs = [c for c in columns if hxl.model.TagPattern.parse(pattern).match(hxl.model.Column.parse(c))]
        assert ours == theirs, pattern


def test_every_export_hashtag_is_valid_hxl():
    for content_type in REGISTRY:
        for column in content_type.export:
            assert hxl.model.Column.parse(column.hashtag).tag == "#" + Hashtag.parse(column.hashtag).tag
            assert Hashtag.parse(column.hashtag) is not None


@pytest.mark.parametrize("text, code", [
    ("BA", "BA"), ("ba", "BA"), ("BIH", "BA"), ("Bosnia and Herzegovina", "BA"), ("XKX", "XK"), ("Kosovo", "XK"),
    ("Türkiye", "TR"), ("Turkey", "TR"), ("North Macedonia", "MK"), ("Narnia", None), ("XX", None),
])
def test_country_codes(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text, kind", [
    ("legal-aid", "legal-aid"), ("Legal aid", "legal-aid"), ("LEGAL_AID", "legal-aid"), ("MHPSS", "psychosocial"),
    ("Health", "medical"), ("Shelters", "shelter"), ("Mine risk education", "mine-awareness"), ("Haircuts", None),
])
def test_service_kinds(text, kind):
    assert service_kind(text) == kind


@pytest.mark.parametrize("text, code", [
    ("fa", "fa"), ("fa-AF", "fa-AF"), ("fa_af", "fa-AF"), ("Farsi", "fa"), ("Dari", "fa-AF"), ("Arabic", "ar"),
    ("sr-latn", "sr-Latn"), ("Klingon", None), ("zz", None),
])
def test_language_codes(text, code):
    assert language_code(text) == code


def test_list_cells():
    assert split_list("bs, en; ar | fa\nps") == ["bs", "en", "ar", "fa", "ps"]
    assert split_list(" ") == []


def test_rendered_front_matter_reads_back_exactly():
    data = {"id": "svc-x", "type": "service", "title": 'Drop-in "Hope": tea, showers', "summary": "yes",
            "country": "NO", "kind": ["legal-aid", "ngo"], "organisation": "Example: NGO", "lat": 44.8, "lon": 15.9,
            "contact": {"phone": "+387 37 000 001", "url": "https://x.example.org/a#b"},
            "sources": [{"doc": "d", "where": "row 4, #contact+phone (Phone)", "quote": "- dash, [brackets]"}],
            "as_of": "2026-10-15", "reviewed": None, "empty": [], "nested": [["a"]], "when": dt.date(2026, 1, 2)}
    front = parse(render(data, "Body\n"))
    expected = dict(data, as_of="2026-10-15", when=dt.date(2026, 1, 2))
    assert front.data == expected
    assert front.body == "Body\n"


def test_new_fields_go_where_the_format_lists_them():
    data = {"id": "x", "title": "t", "place": "p", "sources": [], "reviewed": None}
    put(data, "lat", 1.0)
    put(data, "contact", {})
    put(data, "unknown", 1)
    assert list(data) == ["id", "title", "place", "lat", "contact", "sources", "reviewed", "unknown"]
