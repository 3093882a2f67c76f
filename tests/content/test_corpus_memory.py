"""What the build's corpus lets go of, and shares, to hold less (docs/performance.md, build peak memory): the same
messages as a corpus that keeps everything."""

from __future__ import annotations

import pytest

from fieldkit.content.corpus import load
from fieldkit.content.problems import ContentError
from tests.conftest import FIXTURE_CONTENT


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
