"""Build time and database size per scale, with fieldkit.content.build.build on bench/generate.py content.

For each scale (default x1, x10, x100) it:

1. generates /tmp/fk-x<scale> with bench/generate.py (timed; deterministic, so the same bytes every time),
2. times check() alone (read, parse and validate every file) and build() (check + write the SQLite file),
   `--runs` times at x1 and x10, once at x100, into /tmp/fk-x<scale>.db,
3. reports the database size and what takes the space (SQLite's dbstat),
4. what-ifs, measured here without touching fieldkit/: check() with PyYAML's pure-Python SafeLoader in place of
   the libyaml CSafeLoader fieldkit uses where it can, the search index rebuilt with and without prefix indexes
   (prefix='2 3') and what that does to raw prefix queries, the same database with 16 KiB pages.

Each build runs in a process of its own, so its peak memory (ru_maxrss) is reported too.

    .venv/bin/python bench/build_bench.py                 # x1, x10, x100 (about 4 minutes on 2 cores)
    .venv/bin/python bench/build_bench.py --scale 1 10 --runs 3
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from fieldkit.content.check import check

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import bench_path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def timed(fn, *args):
    started = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - started, result


def space(db: Path) -> dict[str, int]:
    """Bytes per part of the database: the full FTS5 index, the title index (schema 2: `titles` and its
    `title_order`), the text (schema 5: `texts` and their `dictionaries`; schema 2 to 4: the `snippets` table),
    the translations table, everything else; and the text itself (titles, summaries, bodies, in UTF-8)."""
    from fieldkit.store.db import connect
    from fieldkit.store.store import Store

    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    parts = {"search index": 0, "title index": 0, "text": 0, "translations": 0, "other": 0}
    for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
        if name.startswith("search"):
            key = "search index"
        elif name.startswith("titles") or name == "title_order":
            key = "title index"
        else:
            key = {"snippets": "text", "texts": "text", "dictionaries": "text",
                   "translations": "translations"}.get(name, "other")
        parts[key] += size
    conn.close()
    store = Store(connect(db))
    parts["text in translations"] = sum(
        len(title.encode()) + len(summary.encode()) + len(store.body_of(key).encode())
        for key, title, summary in store.conn.execute("SELECT key, title, summary FROM translations"))
    store.close()
    return parts


BUILD_CHILD = (
    "import resource, sys, time\n"
    "from pathlib import Path\n"
    "from fieldkit.content.build import build\n"
    "started = time.perf_counter()\n"
    "build(Path(sys.argv[1]), Path(sys.argv[2]))\n"
    "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


def build_in_child(content: Path, db: Path) -> tuple[float, float]:
    """(seconds, peak MiB) of one build, in a process of its own (its ru_maxrss is the build's peak memory)."""
    done = subprocess.run([sys.executable, "-c", BUILD_CHILD, str(content), str(db)], check=True, capture_output=True,
                          text=True)
    seconds, peak_kib = done.stdout.split()[-2:]
    return float(seconds), int(peak_kib) / 1024


def shipped_loader() -> str:
    from fieldkit.content import frontmatter

    return getattr(frontmatter, "_Loader", yaml.SafeLoader).__name__


def check_with_pure_python_yaml(content: Path) -> tuple[float, int]:
    """check() with the front matter parsed by PyYAML's pure-Python SafeLoader (fieldkit uses libyaml's
    CSafeLoader where PyYAML has it), swapped in for the duration of the call."""
    from fieldkit.content import frontmatter

    original = getattr(frontmatter, "_Loader", None)
    frontmatter._Loader = yaml.SafeLoader
    try:
        seconds, (corpus, problems) = timed(check, content)
    finally:
        if original is None:
            del frontmatter._Loader
        else:
            frontmatter._Loader = original
    return seconds, len(problems)


def index_variants(db: Path, prefixes: list[str]) -> dict[str, dict[str, float]]:
    """The search index rebuilt from the database's own folded text, with and without prefix indexes; for each,
    build seconds, bytes, and the p50/p95 ms of the raw floor query for the generator's prefix queries."""
    from fieldkit.store.db import connect
    from fieldkit.store.query import Query
    from fieldkit.store.store import Store
    from fieldkit.text.fold import fold
    from fieldkit.text.markdown_plain import plain_text

    store = Store(connect(db))
    source = store.conn
    rows = []
    for key, title, summary, aliases, tags, organisation, lang in source.execute(
        "SELECT t.key, t.title, t.summary, json_extract(e.details, '$.aliases'), e.tags, "
        "json_extract(e.details, '$.organisation'), t.lang FROM translations t JOIN entries e ON e.id = t.id"
    ):
        body = store.body_of(key)
        extra = [*json.loads(tags), organisation or ""] if lang == "en" else []
        words = " ".join([title, *(json.loads(aliases) if aliases else [])])
        rows.append((key, fold(words), fold(" ".join([summary, plain_text(body), *extra]))))
    source.close()
    out = {}
    for name, options in (("prefix='2 3' (as built)", ", prefix='2 3'"), ("no prefix index", "")):
        path = db.with_name(db.name + ".variant.db")
        path.unlink(missing_ok=True)
        conn = sqlite3.connect(path)
        started = time.perf_counter()
        conn.execute(f"CREATE VIRTUAL TABLE search USING fts5(title, body, content='', "
                     f"tokenize='unicode61 remove_diacritics 2'{options})")
        conn.executemany("INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)", rows)
        conn.execute("INSERT INTO search (search) VALUES ('optimize')")
        conn.commit()
        seconds = time.perf_counter() - started
        conn.execute("VACUUM")
        times = []
        for text in prefixes:
            match = Query.parse(text).expression()
            sql = "SELECT rowid FROM search WHERE search MATCH ? ORDER BY bm25(search) LIMIT 10"
            conn.execute(sql, (match,)).fetchall()
            for _ in range(3):
                started = time.perf_counter()
                conn.execute(sql, (match,)).fetchall()
                times.append((time.perf_counter() - started) * 1000)
        conn.close()
        times.sort()
        out[name] = {"seconds": seconds, "bytes": path.stat().st_size, "prefix_p50_ms": times[len(times) // 2],
                     "prefix_p95_ms": times[int(len(times) * 0.95) - 1]}
        path.unlink()
    return out


def page_size_variant(db: Path, page_size: int = 16384) -> int:
    """The size of the same database with bigger pages (VACUUM INTO honours PRAGMA page_size)."""
    path = db.with_name(db.name + f".p{page_size}.db")
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute(f"PRAGMA page_size = {page_size}")
    conn.execute("VACUUM INTO ?", (str(path),))
    conn.close()
    size = path.stat().st_size
    path.unlink()
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3, help="build runs at scales below 100 (median reported)")
    parser.add_argument("--no-what-if", action="store_true", help="skip the YAML loader, prefix and page-size what-ifs")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = {}
    for scale in args.scale:
        content, db = bench_path(f"fk-x{scale:g}"), bench_path(f"fk-x{scale:g}.db")
        generated = subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--scale", f"{scale:g}",
                                    "--out", str(content)], check=True, capture_output=True, text=True).stdout.strip()
        generate_seconds = float(generated.rsplit(",", 1)[1].strip().rstrip("s").strip())
        content_bytes = sum(p.stat().st_size for p in content.glob("*/*.md"))
        check_seconds, (corpus, problems) = timed(check, content)
        assert not problems, problems[:5]
        documents = len(corpus.originals) + len(corpus.translations)
        runs = 1 if scale >= 100 else args.runs
        build_times, peaks = [], []
        for _ in range(runs):
            seconds, peak = build_in_child(content, db)
            build_times.append(seconds)
            peaks.append(peak)
        row = {
            "entries": len(corpus.originals), "documents": documents, "content_bytes": content_bytes,
            "generate_s": generate_seconds, "check_s": check_seconds, "build_s": statistics.median(build_times),
            "build_runs": build_times, "build_peak_mib": max(peaks), "db_bytes": db.stat().st_size, "space": space(db),
        }
        if not args.no_what_if:
            row["loader"] = shipped_loader()
            row["check_pure_python_yaml_s"], pure_problems = check_with_pure_python_yaml(content)
            assert pure_problems == 0
            queries = json.loads((content / "bench-queries.json").read_text(encoding="utf-8"))
            row["index_variants"] = index_variants(db, [q["text"] for q in queries["classes"]["prefix 2-3 letters"]])
            row["db_bytes_16k_pages"] = page_size_variant(db)
        results[f"x{scale:g}"] = row
        print(f"x{scale:g}: {row['documents']} documents, build {row['build_s']:.1f} s, "
              f"{row['db_bytes'] / 1e6:.1f} MB", file=sys.stderr)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


def fmt_variant(v: dict) -> str:
    return f"{v['seconds']:.1f}, {v['bytes'] / 1e6:.1f}, {v['prefix_p50_ms']:.2f}/{v['prefix_p95_ms']:.2f}"


def table(results: dict) -> str:
    mb = lambda n: f"{n / 1e6:.1f}"  # noqa: E731
    lines = ["| scale | entries | documents | content MB | generate s | check s | build s (check + write) | "
             "build peak MiB | database MB | search index MB | title index MB | text MB (texts, snippets) | "
             "translations MB | other MB | text itself MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for scale, r in results.items():
        s = r["space"]
        lines.append(
            f"| {scale} | {r['entries']} | {r['documents']} | {mb(r['content_bytes'])} | {r['generate_s']:.1f} | "
            f"{r['check_s']:.1f} | {r['build_s']:.1f} | {r['build_peak_mib']:.0f} | {mb(r['db_bytes'])} | "
            f"{mb(s['search index'])} | {mb(s['title index'])} | {mb(s['text'])} | "
            f"{mb(s['translations'])} | {mb(s['other'])} | {mb(s['text in translations'])} |"
        )
    if any("check_pure_python_yaml_s" in r for r in results.values()):
        lines += ["", "| scale | check s, as shipped (loader) | check s, pure-Python SafeLoader | "
                      "index with prefix='2 3': build s, MB, prefix query p50/p95 ms | index without prefix: same | "
                      "database MB with 16 KiB pages |",
                  "|---|---|---|---|---|---|"]
        for scale, r in results.items():
            v = list(r["index_variants"].values())
            lines.append(f"| {scale} | {r['check_s']:.1f} ({r['loader']}) | {r['check_pure_python_yaml_s']:.1f} | "
                         f"{fmt_variant(v[0])} | {fmt_variant(v[1])} | "
                         f"{mb(r['db_bytes_16k_pages'])} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
