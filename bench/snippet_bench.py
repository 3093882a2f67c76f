"""Snippets of a search together (`snippets`, what Store._served calls) against one text at a time (`snippet`, the
way before): the same passages and highlights, and how long a search takes with each, interleaved in one process.

For each bench query at the scale (bench-queries.json; classes except "two words"), Store.search runs with each way
in turn, with and without the query's language; first every hit list is compared (they must be identical), then
each way is timed --runs times per query.

    .venv/bin/python bench/snippet_bench.py [--scale 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import ensure  # noqa: E402

from fieldkit.store import snippet as snippet_module  # noqa: E402
from fieldkit.store import store as store_module  # noqa: E402
from fieldkit.store.db import connect  # noqa: E402
from fieldkit.store.store import Store  # noqa: E402


def one_at_a_time(texts, query, width=160):
    decided = snippet_module.Decided()
    return [snippet_module.snippet(text, query, width, decided=decided) for text in texts]


WAYS = {"together": snippet_module.snippets, "one at a time": one_at_a_time}


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    content, db = ensure(args.scale)
    classes = json.loads((content / "bench-queries.json").read_text(encoding="utf-8"))["classes"]
    items = [item for name, group in classes.items() if name != "two words (extra)" for item in group]
    store = Store(connect(db))

    def search(way: str, item: dict, lang: bool) -> list:
        store_module.snippets = WAYS[way]
        return store.search(item["text"], limit=10, **({"lang": item["lang"]} if lang else {}))

    try:
        differ = [item["text"] for item in items for lang in (False, True)
                  if [h.to_json() for h in search("together", item, lang)]
                  != [h.to_json() for h in search("one at a time", item, lang)]]
        samples: dict[str, list[float]] = {f"{way}{suffix}": [] for way in WAYS for suffix in ("", " +lang")}
        for _ in range(args.runs):
            for item in items:
                for way in WAYS:
                    for lang in (False, True):
                        started = time.perf_counter()
                        search(way, item, lang)
                        samples[way + (" +lang" if lang else "")].append((time.perf_counter() - started) * 1000)
    finally:
        store_module.snippets = snippet_module.snippets
    print(f"x{args.scale:g}: {len(items)} queries, {args.runs} runs; identical hit lists: "
          f"{2 * len(items) - len(differ)}/{2 * len(items)}")
    print("| Store.search with snippets made | p50 ms | p95 ms |\n|---|---|---|")
    for name, values in samples.items():
        print(f"| {name} | {percentile(values, 50):.2f} | {percentile(values, 95):.2f} |")
    if differ:
        sys.exit(f"different results for: {differ[:5]}")


if __name__ == "__main__":
    main()
