"""Start-up of the command line against Python's own floor: each command a new process, runs interleaved.

Programs, each started `--runs` times in turn (round-robin, so every one sees the same machine load), with an empty
HOME and XDG folders, no FIELDKIT_* variables:

    python -c pass               the interpreter alone (the venv's, as fieldkit's console script uses it)
    python -c "import sqlite3"   the interpreter and SQLite: the floor of any command that reads the content
    fieldkit --version
    fieldkit search ... --db     `fieldkit search WORD --db /tmp/fk-x<scale>.db --json --limit 10`, cycling over the
                                 bench queries (bench-queries.json: a rare word, a common word, a prefix, ...), with
                                 and without `--lang`
    fieldkit search (checkout)   `fieldkit search bihac --json` with no --db: the source checkout's content (its input
                                 files are looked at on every launch)
    FTS5 query alone             what any ranked search costs at the least: a Python that imports sqlite3, re and json,
                                 opens the database and prints the ten best rowids of the query's words (quoted,
                                 unfolded) by bm25 as JSON
    Store.search alone           fieldkit's search without the CLI: `Store.search_explained` of the same queries,
                                 printed as `--json` prints them (no argparse, no language negotiation, no user data)

For each: median wall time, and median CPU time (user + system of the child, from wait4: less sensitive to the
other work on a shared machine), and both as a ratio to the floor named in the issue (`--version` to `python -c
pass`, search to `python -c "import sqlite3"`).

With `--before DIR` (a checkout of an older fieldkit, e.g. `git archive COMMIT | tar -x -C DIR`), each fieldkit
program also runs from DIR (PYTHONPATH=DIR, same interpreter and libraries), interleaved with the others: before and
after measured side by side under the same load.

    .venv/bin/python bench/cli_bench.py [--runs 31] [--scale 100] [--before DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import ensure  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


# The least any ranked search costs: open the database, one FTS5 query ranked by bm25, JSON out.
BARE_FTS5 = """
import json, re, sqlite3, sys
connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = connection.execute("SELECT rowid FROM search WHERE search MATCH ? ORDER BY bm25(search) LIMIT 10",
                          (sys.argv[2],)).fetchall()
print(json.dumps([row[0] for row in rows]))
"""
# fieldkit's search without its command line: what `fieldkit search --db DB --json --limit 10 TEXT` computes.
STORE_ALONE = """
import json, sys
from pathlib import Path
from fieldkit.store.db import connect
from fieldkit.store.store import Store
hits = Store(connect(Path(sys.argv[1]))).search_explained(sys.argv[2], limit=10).hits
print(json.dumps([hit.to_json() for hit in hits], ensure_ascii=False))
"""


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one run of `command`."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = (time.perf_counter() - started) * 1000
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read() if process.stderr else b""
    if process.stderr:
        process.stderr.close()
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{command} exited {process.returncode}: {error.decode()[:300]}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--scale", type=float, default=100, help="the database searched with --db")
    parser.add_argument("--before", type=Path, help="also run each fieldkit program from this older checkout")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args()

    content, db = ensure(args.scale)
    queries = json.loads((content / "bench-queries.json").read_text(encoding="utf-8"))["classes"]
    items = [item for name in queries for item in queries[name][:3]]
    python = sys.executable
    fieldkit = str(Path(sys.executable).with_name("fieldkit"))
    home = tempfile.mkdtemp(prefix="fk-clibench-home-")
    env = {key: value for key, value in os.environ.items() if not key.startswith("FIELDKIT_")}
    env.update(HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config",
               XDG_CACHE_HOME=f"{home}/cache", LANG="C.UTF-8")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules are cached
    env.pop("PYTHONPATH", None)

    def search(index: int, with_lang: bool) -> list[str]:
        item = items[index % len(items)]
        lang = ["--lang", item["lang"]] if with_lang else []
        return [fieldkit, "search", "--db", str(db), "--json", "--limit", "10", *lang, "--", *item["text"].split()]

    def bare(index: int) -> list[str]:
        words = " ".join(f'"{word}"' for word in items[index % len(items)]["text"].replace('"', " ").split())
        return [python, "-c", BARE_FTS5, str(db), words]

    def store_alone(index: int) -> list[str]:
        return [python, "-c", STORE_ALONE, str(db), items[index % len(items)]["text"]]

    programs = {
        "python -c pass": lambda i: [python, "-c", "pass"],
        'python -c "import sqlite3"': lambda i: [python, "-c", "import sqlite3"],
        "fieldkit --version": lambda i: [fieldkit, "--version"],
        f"fieldkit search --db x{args.scale:g}": lambda i: search(i, False),
        f"fieldkit search --db x{args.scale:g} --lang": lambda i: search(i, True),
        "fieldkit search (source checkout)": lambda i: [fieldkit, "search", "bihac", "--json", "--limit", "10"],
        "FTS5 query alone": bare,
        "Store.search alone": store_alone,
    }
    envs = {name: env for name in programs}
    if args.before:
        before_env = dict(env, PYTHONPATH=str(args.before.resolve()))
        for name in [name for name in programs if name.startswith("fieldkit")]:
            programs[f"{name}, before"] = programs[name]
            envs[f"{name}, before"] = before_env
    for name, make in programs.items():  # warm the file cache (and build the checkout's content once)
        run_once(make(0), envs[name])
    wall: dict[str, list[float]] = {name: [] for name in programs}
    cpu: dict[str, list[float]] = {name: [] for name in programs}
    for i in range(args.runs):
        for name, make in programs.items():
            w, c = run_once(make(i), envs[name])
            wall[name].append(w)
            cpu[name].append(c)

    load = os.getloadavg()[0]
    floors = {"fieldkit --version": "python -c pass", "fieldkit --version, before": "python -c pass"}
    print(f"{args.runs} interleaved runs each; 1-minute load {load:.2f}; {os.cpu_count()} cores; Python "
          f"{sys.version.split()[0]}")
    print()
    print("| program | wall ms, median (min) | CPU ms, median | wall / floor | CPU / floor |")
    print("|---|---|---|---|---|")
    out = {}
    for name in programs:
        floor = floors.get(name, 'python -c "import sqlite3"' if name.startswith(("fieldkit search", "FTS5", "Store"))
                           else None)
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        ratio = f"{w / statistics.median(wall[floor]):.2f}x" if floor else ""
        cpu_ratio = f"{c / statistics.median(cpu[floor]):.2f}x" if floor else ""
        print(f"| {name} | {w:.1f} ({min(wall[name]):.1f}) | {c:.1f} | {ratio} | {cpu_ratio} |")
        out[name] = {"wall": wall[name], "cpu": cpu[name], "floor": floor}
    if args.json:
        args.json.write_text(json.dumps({"load": load, "runs": args.runs, "programs": out}, indent=1) + "\n",
                             encoding="utf-8")


if __name__ == "__main__":
    main()
