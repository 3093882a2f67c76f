"""fieldkit's database and search against Kiwix's engine (libzim with its Xapian full-text index) on the same
content, in one run: the anchor figures of issue 21 measured, not remembered.

For a scale it takes the synthetic content's database (bench/generate.py and fieldkit's build, as search_bench.py
makes them) and writes the same documents into a ZIM file with python-libzim: one HTML article per entry and
language (title, summary, the body as HTML), full-text indexed (Xapian) and compressed as Kiwix's own files are.
Then, for the bench queries (bench-queries.json, 20 per class), interleaved, each warmed once and timed --runs
times:

    fieldkit        Store.search(text, limit=10), and with lang= the query's language
    fts5 floor      SELECT rowid FROM search WHERE search MATCH <the store's folded terms> ORDER BY bm25 LIMIT 10
    zim fulltext    libzim Searcher: the 10 best paths and the estimated number of matches (Xapian)
    zim + titles    the same, and each result's entry read (title), as a result list would
    zim suggest     libzim's title suggestions (its search-as-you-type), 10 results

It reports p50/p95 per class and overall, the size of each file, and the time and peak memory (ru_maxrss) of
writing the ZIM, in a child process (the anchor for fieldkit's build memory).

libzim is a bench-only dependency (`pip install libzim`), never part of fieldkit or its executable.

    .venv/bin/python bench/kiwix_compare.py [--scale 100] [--runs 5] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import BRIEF_CLASSES, ensure, percentile  # noqa: E402

WRITER = r'''
import html, resource, sys, time
from markdown_it import MarkdownIt
from libzim.writer import Creator, Hint, Item, StringProvider

class Article(Item):
    def __init__(self, path, title, content):
        super().__init__()
        self.path, self.title, self.content = path, title, content
    def get_path(self): return self.path
    def get_title(self): return self.title
    def get_mimetype(self): return "text/html"
    def get_contentprovider(self): return StringProvider(self.content)
    def get_hints(self): return {Hint.FRONT_ARTICLE: True, Hint.COMPRESS: True}

db, out = sys.argv[1], sys.argv[2]
started = time.perf_counter()
markdown = MarkdownIt("commonmark")
from fieldkit.store.db import connect
from fieldkit.store.store import Store
store = Store(connect(__import__("pathlib").Path(db)))
first = None
with Creator(out).config_indexing(True, "eng") as creator:
    for key, entry_id, lang, title, summary in store.conn.execute(
            "SELECT key, id, lang, title, summary FROM translations ORDER BY key").fetchall():
        body = store.body_of(key)  # wherever the database keeps it (schema 5: compressed, in texts)
        path = f"{lang}/{entry_id}"
        first = first or path
        page = (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
                f"</head><body><h1>{html.escape(title)}</h1><p>{html.escape(summary)}</p>{markdown.render(body)}"
                "</body></html>")
        creator.add_item(Article(path, title, page))
    creator.set_mainpath(first)
    for name, value in (("Name", "fieldkit_bench"), ("Title", "fieldkit bench content"), ("Language", "eng"),
                        ("Creator", "bench/generate.py"), ("Publisher", "fieldkit bench"), ("Date", "2026-12-07"),
                        ("Description", "synthetic field reference content")):
        creator.add_metadata(name, value)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{time.perf_counter() - started:.3f} {peak}")
'''


def write_zim(db: Path, out: Path) -> tuple[float, float]:
    """(seconds, peak MiB) of writing the ZIM in a child process."""
    out.unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-c", WRITER, str(db), str(out)], check=True, capture_output=True, text=True)
    seconds, peak_kib = done.stdout.split()[-2:]  # libzim reports its steps on standard output first
    return float(seconds), int(peak_kib) / 1024


def summary(samples: list[float]) -> dict[str, float]:
    return {"p50": percentile(samples, 50), "p95": percentile(samples, 95), "n": len(samples)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild-zim", action="store_true", help="write the ZIM again even if it exists")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    try:
        from libzim.reader import Archive
        from libzim.search import Query as ZimQuery
        from libzim.search import Searcher
        from libzim.suggestion import SuggestionSearcher
    except ImportError:
        sys.exit("kiwix_compare.py needs python-libzim: .venv/bin/pip install libzim")
    from fieldkit.store.db import connect
    from fieldkit.store.query import Query
    from fieldkit.store.store import Store

    content, db = ensure(args.scale)
    zim = db.with_suffix(".zim")
    zim_build = None
    if args.rebuild_zim or not zim.exists() or zim.stat().st_mtime < db.stat().st_mtime:
        print(f"writing {zim} ...", file=sys.stderr)
        zim_build = write_zim(db, zim)
    queries = json.loads((content / "bench-queries.json").read_text(encoding="utf-8"))["classes"]

    store = Store(connect(db))
    archive = Archive(str(zim))
    searcher = Searcher(archive)
    suggester = SuggestionSearcher(archive)
    floor_sql = "SELECT rowid FROM search WHERE search MATCH ? ORDER BY bm25(search) LIMIT 10"

    def zim_fulltext(text: str, titles: bool) -> int:
        search = searcher.search(ZimQuery().set_query(text))
        found = 0
        for path in search.getResults(0, 10):
            if titles:
                archive.get_entry_by_path(path).title  # noqa: B018 (read, as a result list shows it)
            found += 1
        search.getEstimatedMatches()
        return found

    def zim_suggest(text: str) -> int:
        return sum(1 for _ in suggester.suggest(text).getResults(0, 10))

    modes = {
        "fieldkit": lambda item: store.search(item["text"], limit=10),
        "fieldkit+lang": lambda item: store.search(item["text"], lang=item["lang"], limit=10),
        "fts5 floor": lambda item: store.conn.execute(floor_sql, (Query.parse(item["text"]).match(),)).fetchall(),
        "zim fulltext": lambda item: zim_fulltext(item["text"], titles=False),
        "zim + titles": lambda item: zim_fulltext(item["text"], titles=True),
        "zim suggest": lambda item: zim_suggest(item["text"]),
    }
    results: dict[str, dict[str, list[float]]] = {}
    for name, items in queries.items():
        samples: dict[str, list[float]] = {mode: [] for mode in modes}
        for item in items:
            for call in modes.values():
                call(item)  # warm
            for _ in range(args.runs):
                for mode, call in modes.items():
                    started = time.perf_counter_ns()
                    call(item)
                    samples[mode].append((time.perf_counter_ns() - started) / 1e6)
        results[name] = samples

    load = os.getloadavg()[0]
    print(f"x{args.scale:g}: {queries and sum(len(v) for v in queries.values())} queries, {args.runs} timed runs each, "
          f"modes interleaved; 1-minute load {load:.2f}; Python {sys.version.split()[0]}\n")
    print("| class | " + " | ".join(modes) + " |")
    print("|---|" + "---|" * len(modes))
    for name, samples in [*results.items(), ("overall (6 classes)", None)]:
        if samples is None:
            samples = {mode: [s for c in BRIEF_CLASSES if c in results for s in results[c][mode]] for mode in modes}
        cells = [f"{summary(samples[m])['p50']:.2f} / {summary(samples[m])['p95']:.2f}" for m in modes]
        print(f"| {name} | " + " | ".join(cells) + " |")
    db_mb, zim_mb = db.stat().st_size / 1e6, zim.stat().st_size / 1e6
    print(f"\nms p50 / p95. Sizes: fieldkit database {db_mb:.1f} MB, ZIM {zim_mb:.1f} MB "
          f"(database / ZIM {db_mb / zim_mb:.2f}x).")
    if zim_build:
        print(f"Writing the ZIM: {zim_build[0]:.1f} s, peak memory {zim_build[1]:.0f} MiB (ru_maxrss of the child).")
    overall = {mode: summary([s for c in BRIEF_CLASSES if c in results for s in results[c][mode]]) for mode in modes}
    print("fieldkit p95 / zim fulltext p95: "
          f"{overall['fieldkit']['p95'] / overall['zim fulltext']['p95']:.2f}x; "
          f"fieldkit+lang: {overall['fieldkit+lang']['p95'] / overall['zim fulltext']['p95']:.2f}x")
    if args.json:
        args.json.write_text(json.dumps({
            "scale": args.scale, "load": load, "db_bytes": db.stat().st_size, "zim_bytes": zim.stat().st_size,
            "zim_build": zim_build, "overall": overall,
            "classes": {name: {mode: summary(s) for mode, s in samples.items()} for name, samples in results.items()},
        }, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
