"""content/vocabulary/: checked with file and line for every problem, compiled into the database, read by search."""

from __future__ import annotations

import sqlite3

from fieldkit.content.build import build
from fieldkit.content.check import check
from fieldkit.store.db import connect
from fieldkit.store.store import Store

GOOD = """\
countries:
  BA:
    bs: [Bosna]
places:
  bihac:
    fa: [بیهاچ]
concepts:
  legal-aid:
    prefers: {service-kind: legal-aid}
    en: [lawyer]
    bs: [advokat]
  definition:
    search: false
    prefers: {type: glossary}
    en: [what is]
"""


def write(content, text: str, name: str = "test.yaml"):
    folder = content / "vocabulary"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def messages(content) -> list[str]:
    return [str(problem) for problem in check(content)[1]]


def test_a_good_vocabulary_passes_and_is_compiled(content, tmp_path):
    write(content, GOOD)
    assert messages(content) == []
    build(content, tmp_path / "db.db")
    with sqlite3.connect(tmp_path / "db.db") as conn:
        rows = set(conn.execute("SELECT kind, key, lang, folded FROM lexicon"))
        assert {("country", "BA", "bs", "bosna"), ("place", "bihac", "fa", "بیهاچ"),
                ("concept", "legal-aid", "en", "lawyer")} <= rows
        assert ("place", "bihac", "en", "bihac") in rows  # a place's title is a name without being listed
        assert ("country", "RS", "tr", "sirbistan") in rows  # CLDR names of every country
        assert dict(conn.execute("SELECT id, search FROM concepts")) == {"legal-aid": 1, "definition": 0}
    conn.close()
    store = Store(connect(tmp_path / "db.db"))
    assert [(g.kind, g.keys) for g in store.understand("advokat Bosna").groups] == [
        ("concept", ("legal-aid",)), ("country", ("BA",))]
    store.close()


def test_every_problem_has_its_file_and_line(content):
    path = write(content, """\
countries:
  ZZ:
    en: [Nowhere]
places:
  no-such-place:
    en: [Atlantis]
  drina-river:
    xx: [Drina]
    ar: [Drina]
    bs: [Una, Una]
concepts:
  legal-aid:
    prefers: {service-kind: lawyering, colour: red}
    en: [a b c d e f, ""]
  quiet:
    search: false
    en: [hush]
unknown:
  a: 1
""")
    found = messages(content)
    expected = [
        f"{path}:2: unknown country code 'ZZ' (see fieldkit/core/countries.py)",
        f"{path}:5: 'no-such-place' is not a place entry in content/place/",
        f"{path}:8: unknown language 'xx'",
        f"{path}:9: 'Drina' is not written in the script of 'ar'; is it under the right language?",
        f"{path}:10: 'Una' is listed twice for 'drina-river' (line 10)",
        f"{path}:13: 'service-kind' cannot be 'lawyering'",
        f"{path}:13: unknown preference 'colour'",
        f"{path}:14: 'a b c d e f' has 6 words; a name or phrase has at most 5",
        f"{path}:14: a name must be text, not ''",
        f"{path}:15: concept 'quiet' is not searched and prefers nothing: it does nothing",
        f"{path}:18: unknown section 'unknown'",
    ]
    for message in expected:
        assert any(line.startswith(message) for line in found), (message, found)


def test_roman_urdu_is_filed_under_its_own_code(content):
    path = write(content, """\
concepts:
  legal-aid:
    ur-Latn: [wakeel, وکیل]
    ur: [wakeel]
""")
    found = messages(content)
    assert not any(line.startswith(f"{path}:3: 'wakeel'") for line in found), found
    assert any(line.startswith(f"{path}:3: 'وکیل' is not written in the script of 'ur-Latn'") for line in found)
    assert any(line.startswith(f"{path}:4: 'wakeel' is not written in the script of 'ur'") for line in found)


def test_one_name_for_two_places_is_refused(content):
    path = write(content, "places:\n  bihac:\n    en: [Una]\n  velika-kladusa:\n    en: [Una]\n")
    assert any(line.startswith(f"{path}:5: 'Una' names both place 'bihac'") for line in messages(content))


def test_broken_yaml_and_a_non_yaml_file(content):
    path = write(content, "places:\n  bihac: [unclosed\n")
    (content / "vocabulary" / "notes.txt").write_text("hello", encoding="utf-8")
    found = messages(content)
    assert any(line.startswith(f"{path}:2: not valid YAML") for line in found), found
    assert any("notes.txt:1: the vocabulary folder holds .yaml files only" in line for line in found)


def test_a_reference_to_an_entry_that_is_not_a_place(content):
    path = write(content, "places:\n  risk-drowning:\n    en: [Drowning]\n")
    assert f"{path}:2: 'risk-drowning' is a risk, not a place" in messages(content)


def test_the_vocabulary_changes_the_content_hash(content):
    from fieldkit.content.inputs import input_hash

    before = input_hash(content)
    write(content, GOOD)
    assert input_hash(content) != before
