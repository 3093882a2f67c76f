"""The shipped content: valid, every quote found in its document, and at least the promised coverage."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from fieldkit.content.build import build
from fieldkit.content.check import check
from fieldkit.store.db import connect
from fieldkit.store.store import Store
from tests.conftest import ROOT, SHARED_SOURCES

CONTENT = ROOT / "content"
MINIMUMS = {"place": 60, "route": 15, "risk": 25, "right": 20, "service": 30, "glossary": 25}
WESTERN_BALKANS = ("AL", "BA", "XK", "ME", "MK", "RS")


@pytest.fixture(scope="module")
def corpus():
    sources = SHARED_SOURCES if SHARED_SOURCES.is_dir() else None
    corpus, problems = check(CONTENT, sources)
    assert [str(p) for p in problems] == []
    return corpus


@pytest.fixture(scope="module")
def content_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("content") / "fieldkit.db"
    build(CONTENT, path)
    store = Store(connect(path))
    yield store
    store.close()


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="../shared/sources is not beside this checkout")
def test_every_quote_is_in_its_document(corpus):
    """The corpus fixture ran `check` with the source documents: no problem, so every quote was found."""
    assert sum(len(e.fields["sources"]) for e in corpus.originals.values()) >= len(corpus.originals)


def test_coverage_minimums(content_store):
    stats = content_store.stats()
    for entry_type, minimum in MINIMUMS.items():
        assert stats["types"].get(entry_type, 0) >= minimum, f"{entry_type}: {stats['types'].get(entry_type, 0)} < {minimum}"
    assert stats["without_sources"] == 0


def test_rights_for_each_western_balkan_country(corpus):
    topics = Counter((e.fields.get("country"), e.fields.get("topic")) for e in corpus.originals.values() if e.type == "right")
    for country in WESTERN_BALKANS:
        for topic in ("asylum-access", "humanitarian-residence"):
            assert topics[(country, topic)] >= 1, f"no {topic} right for {country}"


def test_places_in_every_western_balkan_country(corpus):
    countries = Counter(e.fields["country"] for e in corpus.originals.values() if e.type == "place")
    for country in WESTERN_BALKANS:
        assert countries[country] >= 2, f"only {countries[country]} places in {country}"


def test_every_entry_is_dated_and_reviewed(corpus):
    for entry in corpus.originals.values():
        assert entry.fields["as_of"], entry.path
        assert entry.fields.get("reviewed"), f"{entry.path} has never been reviewed"


def test_services_invent_no_contact_details(corpus):
    """A phone number or address must come with a source that gives it; none of ours does (checked by hand)."""
    for entry in corpus.originals.values():
        contact = entry.fields.get("contact") or {}
        for key in ("phone", "address"):
            if key in contact:
                sources = json.dumps(entry.fields["sources"], ensure_ascii=False)
                assert contact[key] in sources, f"{entry.path}: {key} {contact[key]!r} is not in any quoted source"


def test_bihac_is_found(content_store):
    hits = content_store.search("bihac")
    assert "Bihać" in hits[0].title
