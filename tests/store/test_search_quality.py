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
    "en": (100, 85),
    "bs": (95, 85),
    "ar": (100, 90),
    "fa": (100, 90),
    "ps": (100, 90),
    # A place name spelt as it sounds (سبوٹیکا) meets the place by its consonants (fieldkit/text/lang/sound.py).
    "ur": (100, 95),
    # Turkish endings come off query words (fieldkit/text/lang/turkish.py), so "rotası" and "kazası" meet "rota" and
    # "kaza"; a word in a quarter of the Turkish documents ("göçmen") is weak, as "migrant" is in English.
    "tr": (100, 90),
    "fr": (95, 95),
    "all": (95, 90),
}
# The held-out Turkish, Urdu and Pashto questions (bench/search_quality/questions_heldout.yaml), written before the
# search2 work looked at any failure; they stand in for questions nobody has written yet.
HELDOUT = ROOT / "bench" / "search_quality" / "questions_heldout.yaml"
# With the place and route bodies translated in full, the places' own texts now speak of drowning and of crossing
# the river too: ur-127 ("people drowned in the Drina") and tr-124 find the Drina place and route first and the
# risks they want at rank 6; the floors follow what a fresh run measures, they do not hide it.
HELDOUT_FLOORS = {
    "ps": (100, 85),
    "ur": (95, 85),
    "tr": (95, 85),
    "all": (95, 85),
}


def _scores(tmp_path_factory, questions):
    path = tmp_path_factory.mktemp("content") / "fieldkit.db"
    build(ROOT / "content", path)
    store = bench.open_search_store(str(path))
    try:
        return bench.scores(bench.evaluate(store, questions))
    finally:
        store.close()


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    return _scores(tmp_path_factory, bench.load_questions())


@pytest.fixture(scope="module")
def heldout_table(tmp_path_factory):
    return _scores(tmp_path_factory, bench.load_questions(HELDOUT))


def _check(row, name, floors):
    recall_floor, mrr_floor = floors
    assert row["recall_at_5"] * 100 >= recall_floor, f"{name}: recall@5 {row['recall_at_5']:.1%} < {recall_floor}%"
    assert row["mrr"] * 100 >= mrr_floor, f"{name}: MRR {row['mrr']:.3f} < {mrr_floor / 100:.2f}"


def test_every_language_is_measured(table, heldout_table):
    assert set(table) == set(FLOORS)
    assert set(heldout_table) == set(HELDOUT_FLOORS)


@pytest.mark.parametrize("name", list(FLOORS))
def test_quality_floor(table, name):
    _check(table[name], name, FLOORS[name])


@pytest.mark.parametrize("name", list(HELDOUT_FLOORS))
def test_heldout_quality_floor(heldout_table, name):
    _check(heldout_table[name], name, HELDOUT_FLOORS[name])


def test_heldout_questions_name_real_entries_and_have_ids_of_their_own():
    known = {path.name.split(".")[0] for path in (ROOT / "content").glob("*/*.md")}
    heldout = bench.load_questions(HELDOUT)
    found = [problem for problem in bench.problems(heldout, known) if "fewer than" not in problem]
    assert found == []
    main = bench.load_questions()
    assert not {q.id for q in heldout} & {q.id for q in main}
