"""Search quality on field questions: recall@5 and MRR per language.

The questions (bench/search_quality/questions.yaml) were written from the source documents and from how people
type into a search box, before looking at how content/ words things; each one names the entries that answer it.
For every question this runs what `fieldkit search` and the app run, in the reader's language:

    recall@5   Store.search(q, lang=L, limit=5): the share of questions with any answer among the hits
    MRR        Store.search(q, lang=L, limit=10): the mean of 1/rank of the first answer, 0 if none in the ten

"all" counts every question once (so English, with more questions, weighs a little more).

    .venv/bin/python bench/search_quality.py                  # the table
    .venv/bin/python bench/search_quality.py --json           # the numbers
    .venv/bin/python bench/search_quality.py --misses         # each question missed, and what came first
    .venv/bin/python bench/search_quality.py --db FILE --lang fa --misses

The database is the one fieldkit itself would open (`--db`, FIELDKIT_DB, an installed pack, the shipped one, or
content/ compiled from this checkout); the report says which.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

QUESTIONS = Path(__file__).resolve().parent / "search_quality" / "questions.yaml"
LANGS = ("en", "bs", "ar", "fa", "ps", "ur", "tr", "fr")
MIN_PER_LANG = 25
RECALL_DEPTH = 5
MRR_DEPTH = 10


class QuestionsError(Exception):
    """The questions file is missing or malformed. The message says where."""


def open_search_store(db: str | None = None):
    """The store fieldkit would open. The only place this script names where open_store lives."""
    from fieldkit.runtime.locate import open_store

    return open_store(db)


@dataclass(frozen=True)
class Question:
    id: str
    lang: str
    q: str
    intent: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    question: Question
    top5: tuple[str, ...]  # ids of the limit=5 search
    top10: tuple[str, ...]  # ids of the limit=10 search

    @property
    def found(self) -> bool:
        return any(entry in self.question.answers for entry in self.top5)

    @property
    def rank(self) -> int | None:
        """1-based rank of the first answer in the ten, None if there is none."""
        return next((i for i, entry in enumerate(self.top10, 1) if entry in self.question.answers), None)


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    """The scored questions; raises QuestionsError with a readable message if the file is not usable."""
    import yaml

    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise QuestionsError(f"cannot read {path}: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise QuestionsError(f"{path} is not valid YAML: {error}") from None
    if not isinstance(document, dict) or not isinstance(document.get("questions"), list):
        raise QuestionsError(f"{path} has no 'questions:' list")
    questions = []
    for number, item in enumerate(document["questions"], 1):
        if not isinstance(item, dict):
            raise QuestionsError(f"{path}: question {number} is not a mapping")
        missing = [key for key in ("id", "lang", "q", "intent", "answers") if not item.get(key)]
        if missing:
            raise QuestionsError(f"{path}: question {item.get('id', number)} lacks {', '.join(missing)}")
        answers = item["answers"]
        if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
            raise QuestionsError(f"{path}: question {item['id']}: answers must be a list of entry ids")
        questions.append(Question(str(item["id"]), str(item["lang"]), str(item["q"]), str(item["intent"]),
                                  tuple(answers)))
    return questions


def problems(questions: list[Question], known_ids: set[str] | None = None) -> list[str]:
    """What is wrong with a question set: duplicate or misnamed ids, unknown languages or answers, thin languages."""
    found = []
    seen: set[str] = set()
    for question in questions:
        if question.id in seen:
            found.append(f"{question.id}: id used twice")
        seen.add(question.id)
        if question.lang not in LANGS:
            found.append(f"{question.id}: unknown language {question.lang!r}")
        prefix, _, number = question.id.partition("-")
        if prefix != question.lang or not (number.isdigit() and len(number) == 3):
            found.append(f"{question.id}: id should be {question.lang}-NNN")
        if known_ids is not None:
            found += [f"{question.id}: answer {entry!r} is not an entry" for entry in question.answers
                      if entry not in known_ids]
    for lang in LANGS:
        count = sum(question.lang == lang for question in questions)
        if count < MIN_PER_LANG:
            found.append(f"{lang}: {count} questions, fewer than {MIN_PER_LANG}")
    return found


def evaluate(store, questions: list[Question]) -> list[Outcome]:
    outcomes = []
    for question in questions:
        top5 = tuple(hit.id for hit in store.search(question.q, lang=question.lang, limit=RECALL_DEPTH))
        top10 = tuple(hit.id for hit in store.search(question.q, lang=question.lang, limit=MRR_DEPTH))
        outcomes.append(Outcome(question, top5, top10))
    return outcomes


def scores(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    """Per language in LANGS order, then "all": n, recall@5 and MRR (shares between 0 and 1)."""
    groups = {lang: [o for o in outcomes if o.question.lang == lang] for lang in LANGS}
    groups["all"] = outcomes
    table = {}
    for name, group in groups.items():
        if not group:
            continue
        table[name] = {
            "n": len(group),
            "recall_at_5": sum(o.found for o in group) / len(group),
            "mrr": sum(1 / o.rank for o in group if o.rank) / len(group),
        }
    return table


def format_table(table: dict[str, dict[str, float]]) -> str:
    lines = ["lang    n  recall@5    MRR"]
    for name, row in table.items():
        lines.append(f"{name:<4} {row['n']:>4}  {row['recall_at_5'] * 100:>7.1f}%  {row['mrr']:.3f}")
    return "\n".join(lines)


def format_misses(outcomes: list[Outcome]) -> str:
    lines = []
    for outcome in outcomes:
        if outcome.found:
            continue
        question = outcome.question
        first = outcome.top5[0] if outcome.top5 else "(nothing)"
        rank = f"answer at {outcome.rank}" if outcome.rank else "no answer in 10"
        lines.append(f"{question.id}  {question.q}\n    first: {first}; {rank}; wanted: {', '.join(question.answers)}")
    return "\n".join(lines) if lines else "no misses"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="the questions file (default: %(default)s)")
    parser.add_argument("--db", help="content database to search (default: the one fieldkit would open)")
    parser.add_argument("--lang", choices=LANGS, help="only the questions in this language")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--misses", action="store_true", help="list each question with no answer in the top 5")
    args = parser.parse_args(argv)

    from fieldkit.store.db import StoreError

    try:
        questions = load_questions(args.questions)
    except QuestionsError as error:
        print(f"search_quality: {error}", file=sys.stderr)
        return 2
    if args.lang:
        questions = [q for q in questions if q.lang == args.lang]
    try:
        store = open_search_store(args.db)
    except StoreError as error:
        print(f"search_quality: {error}", file=sys.stderr)
        return 1
    try:
        outcomes = evaluate(store, questions)
        origin = store.located.origin if store.located else "given"
        database = str(store.located.path) if store.located else ""
    finally:
        store.close()

    table = scores(outcomes)
    if args.json:
        report: dict[str, Any] = {"database": database, "origin": origin, "scores": table}
        if args.misses:
            report["misses"] = [{"id": o.question.id, "q": o.question.q, "first": o.top5[0] if o.top5 else None,
                                 "rank": o.rank, "answers": list(o.question.answers)}
                                for o in outcomes if not o.found]
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"database: {database} ({origin})")
    print(format_table(table))
    if args.misses:
        print()
        print(format_misses(outcomes))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head: stop quietly
        sys.stderr.close()
        sys.exit(0)
