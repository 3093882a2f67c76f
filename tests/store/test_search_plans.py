"""The two search plans of a schema 2 database, against the plain plan of schema 1 (fieldkit/store/store.py).

Under BROAD_MATCHES matching documents a query runs exactly as it always did: the same hits, order, snippets,
highlights and scores as the plain plan (what a schema 1 database gets, where snippets are made from bodies).
From BROAD_MATCHES up, titles alone are ranked in a static order; the tests lower the constant to get there
on small content, and check that order against a brute-force reference written here from the rules alone.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.content.build import build
from fieldkit.core.languages import fallback_chain
from fieldkit.store import store as store_module
from fieldkit.store.db import connect
from fieldkit.store.query import Query
from fieldkit.store.schema import (
    LEXICON_TABLES,
    REVIEW_COLUMNS,
    REVIEW_SCHEMA,
    SCHEMA_VERSION,
    SEARCH_TABLES,
    STEMS_SCHEMA,
    TEXT_SCHEMA,
    TEXT_TABLES,
    snippet_text,
    title_order,
    unpack_text,
)
from fieldkit.store.store import Store
from fieldkit.text.fold import fold, words
from tests.conftest import FIXTURE_CONTENT, ROOT

HOSTILE = ['"', '""', "(", "AND", "OR b", "NEAR(a b)", "*", "a*b", "-a", "^a", "title:x", "{title}: x", "🚀", "\x00",
           "\\", "a\"b", " ", "", "ك", "ـ", "\u200c", "\u202e", "^", '^"a"*']
LANGS = (None, "en", "fa", "ar", "bs", "fa-AF")


def downgrade(source: Path, target: Path, version: int = 1) -> Path:
    """A copy of a database of today's schema as a schema `version` database was: schemas 1 to 4 with the bodies
    in `translations` and the snippet text in `snippets` (schema 5 keeps both in `texts`), without TEXT_TABLES;
    schema 1 without SEARCH_TABLES; schemas 1 and 2 without LEXICON_TABLES; schemas 1 to 3 without
    REVIEW_COLUMNS, and the editors' dates in `reviewed`, where they were then kept."""
    shutil.copy(source, target)
    with sqlite3.connect(target) as conn:
        if version < TEXT_SCHEMA:
            zdicts = dict(conn.execute("SELECT lang, zdict FROM dictionaries"))
            conn.execute("CREATE TABLE snippets (key INTEGER PRIMARY KEY, text TEXT)")
            for key, lang, blob in conn.execute(
                    "SELECT x.key, t.lang, x.blob FROM texts x JOIN translations t ON t.key = x.key").fetchall():
                snippet, body = unpack_text(blob, zdicts.get(lang, b""))
                conn.execute("UPDATE translations SET body = ? WHERE key = ?", (body, key))
                conn.execute("INSERT INTO snippets (key, text) VALUES (?, ?)", (key, snippet))
            for table in TEXT_TABLES:
                conn.execute(f"DROP TABLE {table}")
            conn.execute("DELETE FROM meta WHERE key IN ('stats', 'journeys')")  # what the schema 5 build works out
        if version < 2:
            for table in SEARCH_TABLES:
                conn.execute(f"DROP TABLE {table}")
        if version < STEMS_SCHEMA:  # the stem columns of `search` stay: an FTS5 table's columns cannot be dropped
            for table in LEXICON_TABLES:
                conn.execute(f"DROP TABLE {table}")
        if version < REVIEW_SCHEMA:
            conn.execute("UPDATE entries SET reviewed = checked")
            conn.execute("UPDATE translations SET reviewed = NULL")
            for table, columns in REVIEW_COLUMNS.items():
                for column in columns:
                    conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    conn.close()
    with sqlite3.connect(target) as conn:
        conn.execute("VACUUM")
    conn.close()
    return target


def as_json(hits) -> list[dict]:
    return [hit.to_json() for hit in hits]


class Plans:
    """Which plan each search took: Store._broad_hits is called exactly for broad queries."""

    def __init__(self, monkeypatch):
        self.broad = 0
        original = Store._broad_hits

        def counted(store, *args, **kwargs):
            self.broad += 1
            return original(store, *args, **kwargs)

        monkeypatch.setattr(Store, "_broad_hits", counted)


@pytest.fixture
def plans(monkeypatch) -> Plans:
    return Plans(monkeypatch)


@pytest.fixture
def broad(monkeypatch):
    """store.search on the broad plan, with the cap at the query's own number of matches, so that it is broad and
    the fill (bm25 over the first BROAD_MATCHES matches) still sees every match, as a real broad query's does."""

    def search(store: Store, text: str, **kwargs):
        strict = store.plan(text, **{k: v for k, v in kwargs.items() if k != "limit"}).strict
        count = store._count(strict, 1 << 30) if strict else 0
        monkeypatch.setattr(store_module, "BROAD_MATCHES", max(1, count))
        calls = Plans(monkeypatch)
        hits = store.search(text, **kwargs)
        assert calls.broad == (1 if count else 0), (text, kwargs)
        return hits

    return search


@pytest.fixture(scope="session")
def schema1_db(fixture_db, tmp_path_factory) -> Path:
    return downgrade(fixture_db, tmp_path_factory.mktemp("schema1") / "fixture-schema1.db")


@pytest.fixture
def plain(schema1_db, fixture_db) -> Store:
    """The schema 1 plan on the same content. It is given the schema 3 vocabulary of the same content, so that
    the plans are compared on the same understanding of each query (a real schema 1 database has none)."""
    store = Store(connect(schema1_db))
    assert not store.search_tables
    store._lexicon = Store(connect(fixture_db)).lexicon
    yield store
    store.close()


@pytest.fixture(scope="session")
def x1(tmp_path_factory) -> tuple[Path, Path, dict]:
    """bench/generate.py's x1 corpus (502 documents, 8 languages, 3 scripts), built as schema 2 and as schema 1."""
    folder = tmp_path_factory.mktemp("x1")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--scale", "1", "--out", str(folder / "content")],
                   check=True, capture_output=True)
    build(folder / "content", folder / "x1.db")
    queries = json.loads((folder / "content" / "bench-queries.json").read_text(encoding="utf-8"))
    return folder / "x1.db", downgrade(folder / "x1.db", folder / "x1-schema1.db"), queries


def fixture_queries(store: Store) -> list[str]:
    """Every word of the fixture content as written (diacritics, Cyrillic, Arabic), its 2-3 letter prefixes,
    neighbouring pairs, and hostile text."""
    texts = [" ".join([title, summary, store.body_of(key)])
             for key, title, summary in store.conn.execute("SELECT key, title, summary FROM translations")]
    found = [w for text in texts for w in re.findall(r"\w+", text)]
    queries = list(dict.fromkeys(found))
    queries += sorted({w[:n] for w in queries for n in (2, 3) if len(w) > n})
    queries += [f"{a} {b}" for a, b in zip(found[::7], found[1::7])][:150]
    return queries + HOSTILE


# --- under the cap: exactly the plain plan ----------------------------------------------------------------------

def test_fixture_results_identical_to_the_plain_plan(store, plain, plans):
    assert store.search_tables
    queries = fixture_queries(store)
    assert len(queries) > 400
    for text in queries:
        for lang in LANGS:
            assert as_json(store.search(text, lang=lang)) == as_json(plain.search(text, lang=lang)), (text, lang)
        for kwargs in ({"entry_type": "place"}, {"country": "BA"}, {"lang": "fa", "entry_type": "risk", "country": "RS"},
                       {"limit": 1}, {"limit": 3, "lang": "ar"}):
            assert as_json(store.search(text, **kwargs)) == as_json(plain.search(text, **kwargs)), (text, kwargs)
    assert plans.broad == 0


def test_generated_x1_results_identical_to_the_plain_plan(x1, plans):
    db, schema1, queries = x1
    new, old = Store(connect(db)), Store(connect(schema1))
    old._lexicon = new.lexicon  # the same understanding of each query (see `plain`)
    items = [item for class_ in queries["classes"].values() for item in class_]
    assert len(items) == 140
    for item in items:
        for lang in (None, item["lang"], "en"):
            assert as_json(new.search(item["text"], lang=lang, limit=10)) == as_json(
                old.search(item["text"], lang=lang, limit=10)), (item, lang)
    assert plans.broad == 0  # 502 documents: nothing reaches BROAD_MATCHES


def test_generated_x1_identical_under_a_lowered_cap_and_broad_above_it(x1, plans, monkeypatch):
    """With the cap at 40 matches, some of the bench queries are broad: the others must still be identical."""
    db, schema1, queries = x1
    monkeypatch.setattr(store_module, "BROAD_MATCHES", 40)
    new, old = Store(connect(db)), Store(connect(schema1))
    old._lexicon = new.lexicon  # the same understanding of each query (see `plain`)
    under = over = 0
    for item in (item for class_ in queries["classes"].values() for item in class_):
        for lang in (None, item["lang"]):
            broad_before = plans.broad
            hits = new.search(item["text"], lang=lang, limit=10)
            strict = new.plan(item["text"], lang=lang).strict
            count = min(40, new._count(strict, 40)) if strict else 0
            if count < 40:
                under += 1
                assert plans.broad == broad_before, item
                assert as_json(hits) == as_json(old.search(item["text"], lang=lang, limit=10)), (item, lang)
            else:
                over += 1
                assert plans.broad == broad_before + 1, item
    assert under > 100 and over > 50, (under, over)


# --- above the cap: titles in the static order ------------------------------------------------------------------

def reference_broad(conn: sqlite3.Connection, text: str, lang: str | None, limit: int,
                    searched: tuple[str, ...] = ()) -> list[str] | None:
    """The static order from its definition, by brute force over every document: ids of the entries whose title
    (with aliases) has every word, by (title is the query, title starts with it, other), words in the title,
    characters, the requested language, key. None when fewer than `limit` entries have the words in a title."""
    query = Query.parse(text)
    chain = list(searched) if searched else fallback_chain(lang) if lang else None
    rows = conn.execute(
        "SELECT t.key, t.id, t.lang, t.title, json_extract(e.details, '$.aliases') FROM translations t "
        "JOIN entries e ON e.id = t.id"
    ).fetchall()
    ranked = []
    for key, entry_id, doc_lang, title, aliases in rows:
        if chain and doc_lang not in chain:
            continue
        tokens = words(fold(" ".join([title, *(json.loads(aliases) if aliases else [])])))

        def has(i: int, term: str) -> bool:
            last = i == len(query.terms) - 1
            return any(t == term or (last and query.prefix and t.startswith(term)) for t in tokens)

        if not all(has(i, term) for i, term in enumerate(query.terms)):
            continue
        shown = words(fold(title))
        n = len(query.terms)
        if tuple(shown) == query.terms:
            tier = 0
        elif len(shown) >= n and tuple(shown[: n - 1]) == query.terms[:-1] and (
                shown[n - 1] == query.terms[-1] or (query.prefix and shown[n - 1].startswith(query.terms[-1]))):
            tier = 1
        else:
            tier = 2
        ranked.append(((tier, len(shown), len(fold(title)), chain.index(doc_lang) if chain else 0, key), entry_id))
    seen: list[str] = []
    for _, entry_id in sorted(ranked):
        if entry_id not in seen:
            seen.append(entry_id)
    return seen[:limit] if len(seen) >= limit else None


def test_broad_plan_is_the_static_title_order(x1, plans, monkeypatch):
    """Every bench query and a few prefixes, through the broad plan (cap 1), against reference_broad."""
    db, _, queries = x1
    monkeypatch.setattr(store_module, "BROAD_MATCHES", 1)
    store = Store(connect(db))
    texts = [item["text"] for name in ("common word", "prefix 2-3 letters", "cyrillic for latin", "no diacritics")
             for item in queries["classes"][name]]
    texts += ["a", "ka", "ra", "ba", "sa", "ta", "to", "da", "ma", "na", "qa", "zo", "خ", "ک", "ب"]
    compared = 0
    for text in texts:
        for lang in (None, "fa", "bs", "tr", "fr"):
            for limit in (1, 3, 10):
                # The languages searched: the reader's, and the query's own when it is written in another one.
                expected = reference_broad(store.conn, text, lang, limit, store.understand(text, lang=lang).searched)
                hits = store.search(text, lang=lang, limit=limit)
                if expected is not None:
                    compared += 1
                    assert [h.id for h in hits] == expected, (text, lang, limit)
    assert compared > 300, compared
    assert plans.broad > 0


def test_broad_plan_returns_title_matches_first_then_fills(store, broad):
    hits = broad(store, "bihac")
    # The title that is the query, then the other title with the word; then entries that have it in the body only.
    assert [h.id for h in hits[:2]] == ["bihac", "svc-legal-aid-bihac"]
    assert len(hits) > 2
    assert all("bihac" not in words(fold(h.title)) for h in hits[2:])
    assert [h.score for h in hits[2:]] == sorted((h.score for h in hits[2:]), reverse=True)  # the fill: by bm25
    assert len({h.id for h in hits}) == len(hits)
    assert [h.id for h in broad(store, "drina", limit=2)] == ["drina-river", "route-rs-ba-drina"]  # shorter first


def test_broad_plan_snippets_and_scores(store, broad):
    hit = broad(store, "bihac")[0]
    assert "Bihać" in [hit.snippet[s:e] for s, e in hit.highlights]
    assert hit.score > 0


def test_broad_plan_keeps_the_json_shape(cli, fixture_db, monkeypatch):
    plain = json.loads(cli("search", "bihac", "--json", "--db", fixture_db).out)
    monkeypatch.setattr(store_module, "BROAD_MATCHES", 1)
    broad = json.loads(cli("search", "bihac", "--json", "--db", fixture_db).out)
    assert [set(hit) for hit in broad] == [set(plain[0])] * len(broad)
    for hit in broad:
        assert isinstance(hit["score"], float)
        for start, end in hit["highlights"]:
            assert 0 <= start < end <= len(hit["snippet"])


@pytest.mark.parametrize("query", ["bihac", "Bihać", "BIHAC", "Бихаћ", "bih", "biha"])
def test_broad_plan_finds_bihac_any_way_it_is_typed(store, broad, query):
    assert broad(store, query)[0].title == "Bihać"


@pytest.mark.parametrize("plan", ["full", "broad"])
def test_language_filter_and_fallback_on_both_plans(store, broad, plan):
    search = store.search if plan == "full" else lambda text, **kwargs: broad(store, text, **kwargs)
    hits = {hit.id: hit for hit in search("drina", lang="fa")}
    # risk-drowning matched in English but has a Farsi translation: served in Farsi.
    assert (hits["risk-drowning"].lang, hits["risk-drowning"].fallback) == ("fa", False)
    assert hits["risk-drowning"].title == "غرق شدن در عبور از رودخانه"
    # drina-river has no Farsi translation: English, marked as a fallback.
    assert (hits["drina-river"].lang, hits["drina-river"].fallback) == ("en", True)
    # A language filter keeps other languages out: the Arabic briefing's title word is in Arabic only.
    assert search("البقاء", lang="fa") == []
    assert [(h.id, h.lang) for h in search("البقاء", lang="ar")] == [("brief-rivers", "ar")]
    # fa-AF falls back to fa, then English.
    assert {h.id: h.lang for h in search("drina", lang="fa-AF")}["risk-drowning"] == "fa"
    # Without a language, each entry in the language that matched.
    hit = search("رودخانه")[0]
    assert (hit.id, hit.lang, hit.fallback) == ("risk-drowning", "fa", False)
    assert {h.id for h in search("drina", entry_type="place")} == {"drina-river"}
    assert search("drina", country="HU") == []
    assert [h.id for h in search("drina", entry_type="route", country="RS")] == ["route-rs-ba-drina"]
    assert {h.id for h in search("drina xyzzy plugh")} == {"drina-river", "route-rs-ba-drina", "risk-drowning",
                                                           "brief-rivers"}  # any word, when not all match


def test_broad_plan_requested_language_first(x1, broad):
    """Among titles of the same tier and length, the requested language comes before English."""
    db, _, queries = x1
    store = Store(connect(db))
    for lang in ("fa", "bs", "fr"):
        word = next(item["text"] for item in queries["classes"]["common word"] if item["lang"] == lang)
        hits = broad(store, word, lang=lang, limit=20)
        assert hits and hits[0].lang == lang and not hits[0].fallback


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_on_the_broad_plan(store, monkeypatch, query):
    monkeypatch.setattr(store_module, "BROAD_MATCHES", 1)
    assert isinstance(store.search(query), list)
    assert isinstance(store.search(query, lang="fa", entry_type="risk", country="BA"), list)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_text_on_the_broad_plan(store, monkeypatch, text):
    monkeypatch.setattr(store_module, "BROAD_MATCHES", 1)
    assert isinstance(store.search(text, lang="fa-AF", entry_type="risk", country="BA"), list)
    assert isinstance(store.search(text), list)


@given(st.text(max_size=80))
def test_title_match_expression_is_always_valid_fts5(text):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE titles USING fts5(title, facets, tokenize='unicode61 remove_diacritics 2')")
    query = Query.parse(text)
    if query:
        for opening in (True, False):
            conn.execute("SELECT * FROM titles WHERE titles MATCH ?", (query.match(
                operator="OR", langs=("fa",), entry_type="risk", country="BA", columns="title", opening=opening),)).fetchall()


# --- what the build writes, and older databases ------------------------------------------------------------------

def test_build_writes_the_search_tables(fixture_db):
    conn = sqlite3.connect(fixture_db)
    documents = conn.execute("SELECT key, title, body FROM translations ORDER BY key").fetchall()
    assert {body for _, _, body in documents} == {""}  # schema 5: bodies are in `texts`, with the snippet text
    zdicts = dict(conn.execute("SELECT lang, zdict FROM dictionaries"))
    texts = {key: unpack_text(blob, zdicts[lang]) for key, lang, blob in conn.execute(
        "SELECT x.key, t.lang, x.blob FROM texts x JOIN translations t ON t.key = x.key")}
    assert sorted(texts) == [key for key, _, _ in documents]
    assert all(body and snippet == snippet_text(body) for snippet, body in texts.values())
    assert all(unpack_text(blob, zdicts[lang], body=False) == (texts[key][0], "") for key, lang, blob in conn.execute(
        "SELECT x.key, t.lang, x.blob FROM texts x JOIN translations t ON t.key = x.key"))
    bihac = (FIXTURE_CONTENT / "place" / "bihac.en.md").read_text(encoding="utf-8").split("\n---\n", 1)[1].strip()
    assert Store(connect(fixture_db)).get("bihac").body == bihac
    order = [key for (key,) in conn.execute("SELECT key FROM title_order ORDER BY pos")]
    assert order == [key for key, _, _ in sorted(documents, key=lambda d: (*title_order(d[1]), d[0]))]
    assert conn.execute("SELECT count(*) FROM titles").fetchone()[0] == len(documents)
    # Same words and facets as the full index's title and facets columns: a title word finds its document.
    first = conn.execute("SELECT o.key FROM titles JOIN title_order o ON o.pos = titles.rowid "
                         "WHERE titles MATCH 'title : \"bihac\" AND facets : \"typeplace\"'").fetchall()
    assert first == [(1,)]
    conn.close()


def test_schema1_database_is_read_and_said_to_be_older(cli, fixture_db, schema1_db):
    """An older database (an older pack, an old cache) works, with the same results, and doctor says why to update."""
    for args in (["drina", "--lang", "en"], ["bih", "--lang", "fa"], ["the", "--type", "risk", "--lang", "en"]):
        new = cli("search", *args, "--json", "--db", fixture_db)
        old = cli("search", *args, "--json", "--db", schema1_db)
        assert (old.code, old.err) == (0, "")
        assert json.loads(old.out)[0]["id"] == json.loads(new.out)[0]["id"]
    doctor = cli("doctor", "--db", schema1_db)
    assert doctor.code == 0 and "Traceback" not in doctor.err
    assert f"content schema 1, older than this fieldkit's {SCHEMA_VERSION}" in doctor.out
    report = json.loads(cli("doctor", "--json", "--db", schema1_db).out)["content"]
    assert (report["schema"], report["fast_search"]) == (1, False)
    assert "content schema" not in cli("doctor", "--db", fixture_db).out


def test_source_checkout_cache_is_per_schema(monkeypatch, tmp_path):
    """A cache built by an older fieldkit is not reused: the schema is part of its name."""
    from fieldkit import paths
    from fieldkit.runtime import locate
    from fieldkit.store.schema import SCHEMA_VERSION

    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path)
    built = locate._build_source_checkout(FIXTURE_CONTENT)
    assert built.name.endswith(f"-schema{SCHEMA_VERSION}.db")
    assert Store(connect(built)).search_tables
