"""The field questions file (bench/search_quality/questions.yaml) is well-formed and its answers are real entries."""

from __future__ import annotations

import pytest
import yaml

from fieldkit.content.build import build
from fieldkit.store.db import connect
from fieldkit.store.store import Store
from tests.conftest import ROOT
from tests.store.quality_bench import load

bench = load()


@pytest.fixture(scope="module")
def content_ids(tmp_path_factory) -> set[str]:
    path = tmp_path_factory.mktemp("content") / "fieldkit.db"
    build(ROOT / "content", path)
    store = Store(connect(path))
    try:
        return set(store.ids())
    finally:
        store.close()


def test_questions_are_well_formed_and_answered_by_real_entries(content_ids):
    questions = bench.load_questions()
    assert bench.problems(questions, content_ids) == []


def test_dropped_questions_say_why_and_reuse_no_id():
    document = yaml.safe_load(bench.QUESTIONS.read_text(encoding="utf-8"))
    dropped = document.get("dropped") or []
    assert all(item.get("reason") and item.get("q") for item in dropped)
    scored = {item["id"] for item in document["questions"]}
    assert not scored & {item["id"] for item in dropped}


def test_problems_names_each_fault():
    good = [bench.Question(f"{lang}-{n:03}", lang, "q", "intent", ("term-pushback",))
            for lang in bench.LANGS for n in range(1, bench.MIN_PER_LANG + 1)]
    assert bench.problems(good, {"term-pushback"}) == []
    broken = [*good[2:], good[2], bench.Question("xx-1", "xx", "q", "intent", ("term-nothing",))]
    found = bench.problems(broken, {"term-pushback"})
    assert f"{good[2].id}: id used twice" in found
    assert "xx-1: unknown language 'xx'" in found
    assert "xx-1: id should be xx-NNN" in found
    assert "xx-1: answer 'term-nothing' is not an entry" in found
    assert f"en: {bench.MIN_PER_LANG - 1} questions, fewer than {bench.MIN_PER_LANG}" in found


def test_unreadable_questions_file_is_a_message_not_a_traceback(tmp_path, capsys):
    missing = tmp_path / "none.yaml"
    assert bench.main(["--questions", str(missing)]) == 2
    assert "cannot read" in capsys.readouterr().err
    broken = tmp_path / "broken.yaml"
    broken.write_text("questions:\n- {id: en-001, lang: en, q: \"x\"}\n", encoding="utf-8")
    assert bench.main(["--questions", str(broken)]) == 2
    assert "en-001 lacks intent, answers" in capsys.readouterr().err
