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
    proto        bench/fastpath.py FastStore (capped scoring with a title index; snippet text precomputed)
    proto+lang   the same with lang=L
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fastpath  # noqa: E402  (bench/fastpath.py)
from fieldkit.store.db import connect  # noqa: E402
from fieldkit.store.query import Query  # noqa: E402
from fieldkit.store.store import Store  # noqa: E402
from fieldkit.text.fold import fold, words  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FLOOR_SQL = "SELECT rowid FROM search WHERE search MATCH ? ORDER BY bm25(search) LIMIT 10"
BRIEF_CLASSES = ("rare word", "common word", "prefix 2-3 letters", "no diacritics", "arabic other variant",
                 "cyrillic for latin")
IN_PROCESS = ("store", "store+lang", "floor", "floor+lang", "floor+range", "proto", "proto+lang")
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
    from fieldkit.i18n.languages import fallback_chain

    return tuple(fallback_chain(lang))


def ensure(scale: float) -> tuple[Path, Path]:
    content = Path(f"/tmp/fk-x{scale:g}")
    db = Path(f"/tmp/fk-x{scale:g}.db")
    if not (content / "bench-queries.json").exists():
        print(f"generating {content} ...", file=sys.stderr)
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--scale", f"{scale:g}", "--out",
                        str(content)], check=True)
    if not db.exists() or db.stat().st_mtime < (content / "bench-queries.json").stat().st_mtime:
        from fieldkit.content.build import build

        print(f"building {db} ...", file=sys.stderr)
        build(content, db)
    return content, db


def title_matches(title: str, query: Query) -> bool:
    return any(query.matches_word(w) for w in words(fold(title)))


def run_in_process(db: Path, classes: dict[str, list[dict]], runs: int) -> dict:
    store = Store(connect(db))
    side, side_seconds = fastpath.build_side(db)
    proto = fastpath.FastStore(connect(db), side)
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
        if mode == "proto":
            return proto.search(text, limit=10)
        return proto.search(text, lang=lang, limit=10)

    results: dict[str, dict] = {}
    for name, items in classes.items():
        samples: dict[str, list[float]] = {mode: [] for mode in IN_PROCESS}
        matches, identical, overlap, store_titles, proto_titles = [], 0, [], [], []
        paths_before = dict(proto.paths)
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
                    started = time.perf_counter_ns()
                    call(mode, text, lang, match, match_lang)
                    samples[mode].append((time.perf_counter_ns() - started) / 1e6)
            for kwargs in ({}, {"lang": lang}):
                a, b = store.search(text, limit=10, **kwargs), proto.search(text, limit=10, **kwargs)
                identical += [h.to_json() for h in a] == [h.to_json() for h in b]
                overlap.append(len({h.id for h in a} & {h.id for h in b}) / max(1, len(a)))
                store_titles += [title_matches(h.title, query) for h in a]
                proto_titles += [title_matches(h.title, query) for h in b]
        paths = {k: v - paths_before.get(k, 0) for k, v in proto.paths.items() if v - paths_before.get(k, 0)}
        results[name] = {
            "queries": len(items),
            "matches_median": statistics.median(matches),
            "matches_max": max(matches),
            "modes": {mode: summary(s) for mode, s in samples.items()},
            "samples": samples,
            "proto_identical": f"{identical}/{2 * len(items)}",
            "proto_overlap": statistics.mean(overlap),
            "store_title_hits": statistics.mean(store_titles) if store_titles else 0.0,
            "proto_title_hits": statistics.mean(proto_titles) if proto_titles else 0.0,
            "proto_paths": paths,
        }
    return {"classes": results, "side_build_seconds": side_seconds, "side_bytes": side.stat().st_size,
            "side_parts": fastpath.side_sizes(side)}


def breakdown(db: Path, classes: dict[str, list[dict]], runs: int) -> dict[str, dict[str, float]]:
    """Mean ms per phase of Store.search (unfiltered, first pass), by replaying its steps one at a time."""
    from fieldkit.store.snippet import snippet
    from fieldkit.store.store import _RANK
    from fieldkit.store import store as store_module

    cut = getattr(store_module, "SNIPPET_SOURCE", None)
    from fieldkit.text.markdown_plain import plain_text

    store = Store(connect(db))
    out = {}
    for name, items in classes.items():
        totals = {"fts5 query": 0.0, "fetch rows": 0.0, "plain_text": 0.0, "snippet": 0.0}
        count = 0
        for repeat in range(runs + 1):
            for item in items:
                query = Query.parse(item["text"])
                t0 = time.perf_counter_ns()
                rows = store.conn.execute(
                    f"SELECT rowid, {_RANK} AS rank FROM search WHERE search MATCH ? ORDER BY rank LIMIT 20",
                    (query.match(),),
                ).fetchall()
                t1 = time.perf_counter_ns()
                docs = store._documents("t.key", [r["rowid"] for r in rows])[:10] if rows else []
                t2 = time.perf_counter_ns()
                texts = [d["summary"] + " " + plain_text(d["body"][:cut]) for d in docs]
                t3 = time.perf_counter_ns()
                for text in texts:
                    snippet(text, query)
                t4 = time.perf_counter_ns()
                if repeat:  # the first round warms up
                    count += 1
                    for key, spent in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                        totals[key] += spent / 1e6
        out[name] = {key: value / count for key, value in totals.items()}
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


def overall(results: dict, mode: str, names=BRIEF_CLASSES) -> dict[str, float]:
    samples = [s for name in names if name in results for s in results[name]["samples"][mode]]
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
    lines += ["", "Prototype (bench/fastpath.py), ms p50 / p95 / max, and how its results compare with the store's:", ""]
    lines += ["| class | proto | proto+lang | identical to store | id overlap@10 | title matches: store, proto | paths |",
              "|---|---|---|---|---|---|---|"]
    for name, r in list(res.items()) + [("overall (6 classes)", None)]:
        if r is None:
            lines.append(f"| {name} | {fmt(overall(res, 'proto'))} | {fmt(overall(res, 'proto+lang'))} | | | | |")
            continue
        paths = ", ".join(f"{k} {v}" for k, v in sorted(r["proto_paths"].items()))
        lines.append(f"| {name} | {fmt(r['modes']['proto'])} | {fmt(r['modes']['proto+lang'])} | "
                     f"{r['proto_identical']} | {r['proto_overlap']:.2f} | "
                     f"{r['store_title_hits']:.0%}, {r['proto_title_hits']:.0%} | {paths} |")
    side = data["in_process"]
    lines += ["", f"Prototype side tables: built in {side['side_build_seconds']:.1f} s (0 = reused), "
                  f"{side['side_bytes'] / 1e6:.1f} MB (title index {side['side_parts']['titles'] / 1e6:.1f} MB, "
                  f"snippet text {side['side_parts']['plain'] / 1e6:.1f} MB).", ""]
    lines += ["Where the store's time goes (unfiltered, first pass, mean ms per search; Store.search replayed step by "
              "step: the ranked FTS5 query, fetching the rows with bodies, plain_text() and snippet() of 10 hits):", ""]
    lines += ["| class | fts5 query | fetch rows | plain_text | snippet |", "|---|---|---|---|---|"]
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
