"""Search latency per query class: the store in process, through the CLI, against the raw FTS5 floor.

For each scale it uses the synthetic content of bench/generate.py (/tmp/fk-x<scale>, generated if missing) and
its database (/tmp/fk-x<scale>.db, built with fieldkit.content.build.build if missing), and the query words the
generator wrote to bench-queries.json: 20 queries per class.

Modes, timed one query at a time with the modes interleaved (each query warmed once per mode first):

    store        Store.search(text, limit=10)                          what `fieldkit search` and the app call
    store+lang   Store.search(text, lang=L, limit=10)                  L = the language the query was taken from
    floor        SELECT rowid FROM search WHERE search MATCH ? ORDER BY bm25(search) LIMIT 10
                 with MATCH = Query.parse(text).match(): the same folded terms, nothing else
    floor+lang   the same with the language filter the store adds (facets : "lang<L>" OR "langen")
    floor+range  a cost simulation, not a correct filter: the floor restricted to `rowid BETWEEN 1 AND n`, n =
                 the number of documents in L and English, i.e. what a language filter would cost if the build
                 numbered documents in blocks per language so that a language is a rowid range
    plain        Store.search with the schema 1 plan (store.search_tables = False): every match ranked by bm25
                 and snippets made from bodies, i.e. the store before schema 2, on the same database
    plain+lang   the same with lang=L
    cli          `fieldkit search TEXT --db FILE --json` (and with --lang L), a new process per run, fewer runs

    .venv/bin/python bench/search_bench.py                     # x1, x10 and x100
    .venv/bin/python bench/search_bench.py --scale 100 --runs 5 --cli-queries 5 --json /tmp/search-x100.json
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fieldkit.store import store as store_module
from fieldkit.store.db import connect
from fieldkit.store.query import Query
from fieldkit.store.store import Store
from fieldkit.text.fold import fold, words

ROOT = Path(__file__).resolve().parent.parent
FLOOR_SQL = "SELECT rowid FROM search WHERE search MATCH ? ORDER BY bm25(search) LIMIT 10"
BRIEF_CLASSES = ("rare word", "common word", "prefix 2-3 letters", "no diacritics", "arabic other variant",
                 "cyrillic for latin")
IN_PROCESS = ("store", "store+lang", "floor", "floor+lang", "floor+range", "plain", "plain+lang")
RANGE_SQL = ("SELECT rowid FROM search WHERE search MATCH ? AND rowid BETWEEN 1 AND ? "
             "ORDER BY bm25(search) LIMIT 10")


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(samples: list[float]) -> dict[str, float]:
    return {"p50": percentile(samples, 50), "p95": percentile(samples, 95), "max": max(samples), "n": len(samples)}


def langs_for(lang: str) -> tuple[str, ...]:
    """The languages Store.search filters on for `lang` (the language and its fallbacks)."""
    from fieldkit.core.languages import fallback_chain

    return tuple(fallback_chain(lang))


def current(db: Path) -> bool:
    """Whether `db` was built by this fieldkit's schema (an older one lacks the title index and snippet text)."""
    store = Store(connect(db))
    try:
        return store.search_tables
    finally:
        store.close()


def bench_path(name: str) -> Path:
    """A file or folder of the benches: under /tmp, or under FIELDKIT_BENCH_DIR where that is set (so two
    checkouts benchmarking at once on one machine do not rebuild each other's databases)."""
    return Path(os.environ.get("FIELDKIT_BENCH_DIR") or "/tmp") / name


def ensure(scale: float) -> tuple[Path, Path]:
    content = bench_path(f"fk-x{scale:g}")
    db = bench_path(f"fk-x{scale:g}.db")
    if not (content / "bench-queries.json").exists():
        print(f"generating {content} ...", file=sys.stderr)
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--scale", f"{scale:g}", "--out",
                        str(content)], check=True)
    if not db.exists() or db.stat().st_mtime < (content / "bench-queries.json").stat().st_mtime or not current(db):
        from fieldkit.content.build import build

        print(f"building {db} ...", file=sys.stderr)
        build(content, db)
    return content, db


def title_matches(title: str, query: Query) -> bool:
    return any(query.matches_word(w) for w in words(fold(title)))


class CountingStore(Store):
    """Store that counts which plan each search took (full: every match by bm25; broad: titles)."""

    def __init__(self, conn):
        super().__init__(conn)
        self.paths: dict[str, int] = {}

    def _took(self, path: str) -> None:
        self.paths[path] = self.paths.get(path, 0) + 1

    def _rank(self, *args, **kwargs):
        self._took("full")
        return super()._rank(*args, **kwargs)

    def _broad_hits(self, *args, **kwargs):
        self._took("broad")
        return super()._broad_hits(*args, **kwargs)

    def _broad_fill(self, *args, **kwargs):
        self._took("broad+fill")
        return super()._broad_fill(*args, **kwargs)


def run_in_process(db: Path, classes: dict[str, list[dict]], runs: int) -> dict:
    store = CountingStore(connect(db))
    plain = Store(connect(db))
    plain.search_tables = False  # the schema 1 plan
    floor_conn = store.conn
    per_lang = dict(floor_conn.execute("SELECT lang, count(*) FROM translations GROUP BY lang").fetchall())

    def call(mode: str, text: str, lang: str, match: str, match_lang: str):
        if mode == "store":
            return store.search(text, limit=10)
        if mode == "store+lang":
            return store.search(text, lang=lang, limit=10)
        if mode == "floor":
            return floor_conn.execute(FLOOR_SQL, (match,)).fetchall()
        if mode == "floor+lang":
            return floor_conn.execute(FLOOR_SQL, (match_lang,)).fetchall()
        if mode == "floor+range":
            return floor_conn.execute(RANGE_SQL, (match, sum(per_lang.get(x, 0) for x in langs_for(lang)))).fetchall()
        if mode == "plain":
            return plain.search(text, limit=10)
        return plain.search(text, lang=lang, limit=10)

    results: dict[str, dict] = {}
    for name, items in classes.items():
        samples: dict[str, list[float]] = {mode: [] for mode in IN_PROCESS}
        cpu: dict[str, list[float]] = {mode: [] for mode in IN_PROCESS}  # this process's CPU time: what load disturbs least
        matches, identical, overlap, store_titles, plain_titles = [], 0, [], [], []
        gc.collect()
        for item in items:
            text, lang = item["text"], item["lang"]
            query = Query.parse(text)
            match, match_lang = query.match(), query.match(langs=langs_for(lang))
            matches.append(floor_conn.execute("SELECT count(*) FROM search WHERE search MATCH ?", (match,)).fetchone()[0])
            for mode in IN_PROCESS:
                call(mode, text, lang, match, match_lang)  # warm
            for _ in range(runs):
                for mode in IN_PROCESS:
                    started, started_cpu = time.perf_counter_ns(), time.process_time_ns()
                    call(mode, text, lang, match, match_lang)
                    samples[mode].append((time.perf_counter_ns() - started) / 1e6)
                    cpu[mode].append((time.process_time_ns() - started_cpu) / 1e6)
        paths_before = dict(store.paths)
        for item in items:
            text, lang = item["text"], item["lang"]
            query = Query.parse(text)
            for kwargs in ({}, {"lang": lang}):
                a, b = store.search(text, limit=10, **kwargs), plain.search(text, limit=10, **kwargs)
                identical += [h.to_json() for h in a] == [h.to_json() for h in b]
                overlap.append(len({h.id for h in a} & {h.id for h in b}) / max(1, len(b)))
                store_titles += [title_matches(h.title, query) for h in a]
                plain_titles += [title_matches(h.title, query) for h in b]
        paths = {k: v - paths_before.get(k, 0) for k, v in store.paths.items() if v - paths_before.get(k, 0)}
        results[name] = {
            "queries": len(items),
            "matches_median": statistics.median(matches),
            "matches_max": max(matches),
            "modes": {mode: summary(s) for mode, s in samples.items()},
            "samples": samples,
            "cpu_modes": {mode: summary(s) for mode, s in cpu.items()},
            "cpu_samples": cpu,
            "identical": f"{identical}/{2 * len(items)}",
            "overlap": statistics.mean(overlap),
            "store_title_hits": statistics.mean(store_titles) if store_titles else 0.0,
            "plain_title_hits": statistics.mean(plain_titles) if plain_titles else 0.0,
            "paths": paths,
        }
    return {"classes": results, "broad_matches": store_module.BROAD_MATCHES, "tables": table_sizes(db)}


def table_sizes(db: Path) -> dict[str, int]:
    """Bytes of the full index, the title index (with title_order) and the snippet text, from dbstat."""
    conn = connect(db)
    sizes = {"search": 0, "titles": 0, "snippets": 0, "translations": 0, "file": db.stat().st_size}
    for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
        for part in ("search", "titles", "snippets", "translations"):
            if name == part or name.startswith(part + "_") or (part == "titles" and name == "title_order"):
                sizes[part] += size
    conn.close()
    return sizes


class TimedStore(CountingStore):
    """Store whose steps are timed: the capped count, serving (language, snippet text, snippet()), snippet()."""

    def __init__(self, conn):
        super().__init__(conn)
        self.spent = {"count": 0, "served": 0, "snippet": 0}

    def _count(self, *args, **kwargs):
        started = time.perf_counter_ns()
        try:
            return super()._count(*args, **kwargs)
        finally:
            self.spent["count"] += time.perf_counter_ns() - started

    def _served(self, *args, **kwargs):
        started = time.perf_counter_ns()
        try:
            return super()._served(*args, **kwargs)
        finally:
            self.spent["served"] += time.perf_counter_ns() - started


def breakdown(db: Path, classes: dict[str, list[dict]], runs: int) -> dict[str, dict[str, float]]:
    """Mean ms per step of Store.search (unfiltered): the capped count, ranking (the full query or the title
    streams, and reading the chosen rows), serving (stored snippet text, language) and snippets()."""
    store = TimedStore(connect(db))
    real_snippet = store_module.snippets

    def timed_snippet(*args, **kwargs):
        started = time.perf_counter_ns()
        try:
            return real_snippet(*args, **kwargs)
        finally:
            store.spent["snippet"] += time.perf_counter_ns() - started

    store_module.snippets = timed_snippet
    out = {}
    try:
        for name, items in classes.items():
            totals = {"count": 0.0, "rank": 0.0, "serve": 0.0, "snippet": 0.0}
            count = 0
            for repeat in range(runs + 1):
                for item in items:
                    store.spent = dict.fromkeys(store.spent, 0)
                    started = time.perf_counter_ns()
                    store.search(item["text"], limit=10)
                    total = time.perf_counter_ns() - started
                    if repeat:  # the first round warms up
                        count += 1
                        spent = store.spent
                        parts = {"count": spent["count"], "rank": total - spent["count"] - spent["served"],
                                 "serve": spent["served"] - spent["snippet"], "snippet": spent["snippet"]}
                        for key, value in parts.items():
                            totals[key] += value / 1e6
            out[name] = {key: value / count for key, value in totals.items()}
    finally:
        store_module.snippets = real_snippet
    return out


def run_cli(db: Path, classes: dict[str, list[dict]], per_class: int, runs: int) -> dict:
    fieldkit = str(Path(sys.executable).with_name("fieldkit"))
    home = tempfile.mkdtemp(prefix="fk-bench-home-")
    env = dict(os.environ, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config",
               XDG_CACHE_HOME=f"{home}/cache")
    env.pop("FIELDKIT_DB", None)

    def timed(command: list[str]) -> float:
        started = time.perf_counter_ns()
        done = subprocess.run(command, env=env, capture_output=True)
        elapsed = (time.perf_counter_ns() - started) / 1e6
        if done.returncode not in (0, 1):
            raise RuntimeError(f"{command} failed: {done.stderr.decode()[:300]}")
        return elapsed

    baselines = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "fieldkit --help": [fieldkit, "--help"],
    }
    out: dict[str, dict] = {}
    for name, command in baselines.items():
        timed(command)
        out[name] = summary([timed(command) for _ in range(max(3, runs * 3))])
    for name, items in classes.items():
        plain, filtered = [], []
        for item in items[:per_class]:
            base = [fieldkit, "search", "--db", str(db), "--json", "--limit", "10", "--", *item["text"].split()]
            with_lang = [fieldkit, "search", "--db", str(db), "--json", "--limit", "10", "--lang", item["lang"],
                         "--", *item["text"].split()]
            for _ in range(runs):
                plain.append(timed(base))
                filtered.append(timed(with_lang))
        out[name] = {"cli": summary(plain), "cli+lang": summary(filtered)}
    return out


def overall(results: dict, mode: str, names=BRIEF_CLASSES, kind: str = "samples") -> dict[str, float]:
    samples = [s for name in names if name in results for s in results[name][kind][mode]]
    return summary(samples)


def fmt(s: dict[str, float]) -> str:
    return f"{s['p50']:.2f} / {s['p95']:.2f} / {s['max']:.2f}"


def report(scale: float, db: Path, data: dict) -> str:
    res = data["in_process"]["classes"]
    lines = [f"### x{scale:g}: {data['documents']} documents, database {db.stat().st_size / 1e6:.1f} MB", ""]
    lines += ["In process, ms p50 / p95 / max over queries x runs "
              f"({data['runs']} timed runs of each of the 20 queries per class):", ""]
    lines += ["| class | matches (median, max) | store | store+lang | floor | floor+lang | floor+range (sim.) "
              "| store p95 / floor p95 |",
              "|---|---|---|---|---|---|---|---|"]
    for name, r in list(res.items()) + [("overall (6 classes)", None)]:
        if r is None:
            m = {mode: overall(res, mode) for mode in IN_PROCESS}
            count = ""
        else:
            m = r["modes"]
            count = f"{r['matches_median']:g}, {r['matches_max']}"
        ratio = m["store"]["p95"] / m["floor"]["p95"]
        lines.append(f"| {name} | {count} | {fmt(m['store'])} | {fmt(m['store+lang'])} | {fmt(m['floor'])} | "
                     f"{fmt(m['floor+lang'])} | {fmt(m['floor+range'])} | {ratio:.1f}x |")
    lines += ["", "CPU time of the same searches (this process, user + system; a busy machine stretches wall time "
                  "far more than CPU time), ms p50 / p95 / max:", "", "| class | store | store+lang |", "|---|---|---|"]
    for name, r in list(res.items()) + [("overall (6 classes)", None)]:
        m = ({mode: overall(res, mode, kind="cpu_samples") for mode in ("store", "store+lang")} if r is None
             else r["cpu_modes"])
        lines.append(f"| {name} | {fmt(m['store'])} | {fmt(m['store+lang'])} |")
    lines += ["", "The store against its schema 1 plan on the same database (plain: every match ranked by bm25, "
                  "snippets from bodies), ms p50 / p95 / max, and how their results compare:", ""]
    lines += ["| class | store | store+lang | plain | plain+lang | identical to plain | id overlap@10 | "
              "title matches: store, plain | plans |",
              "|---|---|---|---|---|---|---|---|---|"]
    for name, r in list(res.items()) + [("overall (6 classes)", None)]:
        if r is None:
            lines.append(f"| {name} | {fmt(overall(res, 'store'))} | {fmt(overall(res, 'store+lang'))} | "
                         f"{fmt(overall(res, 'plain'))} | {fmt(overall(res, 'plain+lang'))} | | | | |")
            continue
        paths = ", ".join(f"{k} {v}" for k, v in sorted(r["paths"].items()))
        lines.append(f"| {name} | {fmt(r['modes']['store'])} | {fmt(r['modes']['store+lang'])} | "
                     f"{fmt(r['modes']['plain'])} | {fmt(r['modes']['plain+lang'])} | {r['identical']} | "
                     f"{r['overlap']:.2f} | {r['store_title_hits']:.0%}, {r['plain_title_hits']:.0%} | {paths} |")
    sizes = data["in_process"]["tables"]
    lines += ["", f"BROAD_MATCHES = {data['in_process']['broad_matches']}. Database {sizes['file'] / 1e6:.1f} MB: "
                  f"full index {sizes['search'] / 1e6:.1f} MB, title index with title_order "
                  f"{sizes['titles'] / 1e6:.1f} MB, snippet text {sizes['snippets'] / 1e6:.1f} MB, translations "
                  f"{sizes['translations'] / 1e6:.1f} MB.", ""]
    lines += ["Where the store's time goes (unfiltered, mean ms per search: the capped count; ranking, i.e. the "
              "full query or the title streams and reading the chosen rows; serving, i.e. the stored snippet text "
              "and languages; snippet()):", ""]
    lines += ["| class | count | rank | serve | snippet |", "|---|---|---|---|---|"]
    for name, phases in data["breakdown"].items():
        lines.append(f"| {name} | " + " | ".join(f"{v:.2f}" for v in phases.values()) + " |")
    lines.append("")
    if data.get("cli"):
        cli = data["cli"]
        lines += [f"Through the CLI, ms p50 / p95 / max ({data['cli_queries']} queries per class x "
                  f"{data['cli_runs']} run, each with and without --lang):", ""]
        lines += ["| class | cli | cli --lang |", "|---|---|---|"]
        for name in ("python -c pass", "fieldkit --help"):
            lines.append(f"| ({name}) | {fmt(cli[name])} | |")
        for name in res:
            lines.append(f"| {name} | {fmt(cli[name]['cli'])} | {fmt(cli[name]['cli+lang'])} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each query in each in-process mode")
    parser.add_argument("--cli-queries", type=int, default=5, help="queries per class run through the CLI")
    parser.add_argument("--cli-runs", type=int, default=1)
    parser.add_argument("--no-cli", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every figure (and raw samples) here")
    args = parser.parse_args()
    everything = {}
    for scale in args.scale:
        content, db = ensure(scale)
        queries = json.loads((content / "bench-queries.json").read_text(encoding="utf-8"))
        started = time.perf_counter()
        data = {"documents": queries["documents"], "runs": args.runs, "cli_queries": args.cli_queries,
                "cli_runs": args.cli_runs}
        data["in_process"] = run_in_process(db, queries["classes"], args.runs)
        data["breakdown"] = breakdown(db, queries["classes"], max(1, args.runs // 2))
        if not args.no_cli:
            data["cli"] = run_cli(db, queries["classes"], args.cli_queries, args.cli_runs)
        print(report(scale, db, data))
        print(f"(x{scale:g} took {time.perf_counter() - started:.0f} s)\n", file=sys.stderr)
        everything[f"x{scale:g}"] = data
    if args.json:
        args.json.write_text(json.dumps(everything, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
