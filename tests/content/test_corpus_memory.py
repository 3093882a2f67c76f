"""What the build's corpus lets go of, and shares, to hold less (docs/performance.md, build peak memory): the same
values and the same messages as a corpus that keeps everything."""

from __future__ import annotations

import pytest

from fieldkit.content.corpus import load
from fieldkit.content.frontmatter import parse
from fieldkit.content.problems import ContentError
from fieldkit.content.schema import validate_fields
from tests.conftest import FIXTURE_CONTENT


def test_short_strings_are_shared_and_values_unchanged():
    corpus = load(FIXTURE_CONTENT, bodies=False)
    route = corpus.originals["route-rs-ba-drina"]
    bihac = corpus.originals["bihac"]
    # An id and the references to it, a country code given by two files: one string each.
    assert route.fields["to"] == bihac.id and route.fields["to"] is bihac.id
    assert route.fields["countries"][1] == bihac.fields["country"] == "BA"
    assert route.fields["countries"][1] is bihac.fields["country"]
    assert route.fields["sources"][0]["doc"] is route.fields["sources"][1]["doc"]
    # Every file's fields and front matter are what a fresh parse of it gives, keys in the same order.
    for entry in corpus.files():
        fresh = parse(open(entry.path, encoding="utf-8").read())
        fields, _ = validate_fields(fresh.data, entry.type, original=entry.is_original)
        assert entry.fields == fields and list(entry.fields) == list(fields)
        assert entry.front.data == fresh.data and list(entry.front.data) == list(fresh.data)
    # A translation's original_hash and its original's text_hash: equal, and one string.
    for (entry_id, _), translation in corpus.translations.items():
        recorded = translation.fields.get("original_hash")
        if recorded == corpus.originals[entry_id].text_hash:
            assert recorded is corpus.originals[entry_id].text_hash


def test_line_maps_let_go_still_give_every_line():
    kept = load(FIXTURE_CONTENT)
    let_go = load(FIXTURE_CONTENT, bodies=False)
    for entry in let_go.files():
        assert not entry.lines_kept and not entry.front.lines and not entry.front.body
        same = (kept.originals[entry.id] if entry.is_original else kept.translations[(entry.id, entry.lang)])
        assert same.lines_kept and same.front.lines
        for location in same.front.lines:
            assert entry.line_of(*location) == same.line_of(*location), (entry.path, location)
        assert entry.line_of("no-such-field") == 1


def test_a_line_looked_up_after_the_file_changed_is_refused(content):
    corpus = load(content, bodies=False)
    entry = corpus.originals["bihac"]
    path = content / "place/bihac.en.md"
    path.write_text("\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")  # every line moves down
    with pytest.raises(ContentError) as refused:
        entry.line_of("kind")
    assert [str(p) for p in refused.value.problems] == [
        f"{path}:1: changed while fieldkit was reading the content: run it again"]
