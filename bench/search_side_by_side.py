"""In-process search latency of this checkout against an older one, on the same database, side by side.

Two fieldkits cannot share one process, so each round runs one child process per checkout (this one, and the one
given with --before, through PYTHONPATH), alternating, on the same database and queries (bench-queries.json of the
scale: the six classes of issue 21). Each child warms every query once, then times `Store.search(text, limit=10)`
and `Store.search(text, lang=L, limit=10)` for every query `--runs` times. The report gives p50 / p95 per round and
the median of the rounds, so a burst of other work on the machine shows as one odd round instead of skewing both.

    .venv/bin/python bench/search_side_by_side.py --before DIR [--scale 100] [--rounds 3] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import BRIEF_CLASSES, ensure, percentile  # noqa: E402

CHILD = r'''
import json, sys, time
from pathlib import Path
from fieldkit.store.db import connect
from fieldkit.store.store import Store
db, queries, runs, classes = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text()), int(sys.argv[3]), sys.argv[4:]
store = Store(connect(db))
items = [item for name in classes for item in queries["classes"][name]]
for item in items:
    store.search(item["text"], limit=10)
    store.search(item["text"], lang=item["lang"], limit=10)
times = []
for _ in range(runs):
    for item in items:
        for kwargs in ({}, {"lang": item["lang"]}):
            started = time.perf_counter_ns()
            store.search(item["text"], limit=10, **kwargs)
            times.append((time.perf_counter_ns() - started) / 1e6)
print(json.dumps(times))
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="an older checkout (its folder holding fieldkit/)")
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    content, db = ensure(args.scale)
    queries = content / "bench-queries.json"
    here = Path(__file__).resolve().parent.parent
    checkouts = {"before": args.before.resolve(), "after": here}
    rounds: dict[str, list[tuple[float, float]]] = {name: [] for name in checkouts}
    for _ in range(args.rounds):
        for name, folder in checkouts.items():
            env = dict(os.environ, PYTHONPATH=str(folder))
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            done = subprocess.run([sys.executable, "-c", CHILD, str(db), str(queries), str(args.runs), *BRIEF_CLASSES],
                                  env=env, cwd="/", capture_output=True, text=True, check=True)
            times = json.loads(done.stdout)
            rounds[name].append((percentile(times, 50), percentile(times, 95)))
    print(f"x{args.scale:g}, {db.stat().st_size / 1e6:.1f} MB database; 1-minute load {os.getloadavg()[0]:.2f}; "
          f"{args.rounds} rounds, each query x {args.runs} runs, with and without lang")
    print("| checkout | p50 / p95 ms per round | median p50 / p95 |")
    print("|---|---|---|")
    for name, found in rounds.items():
        per_round = ", ".join(f"{p50:.2f} / {p95:.2f}" for p50, p95 in found)
        print(f"| {name} | {per_round} | {statistics.median(p for p, _ in found):.2f} / "
              f"{statistics.median(p for _, p in found):.2f} |")


if __name__ == "__main__":
    main()
