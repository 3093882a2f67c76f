"""Peak memory at start-up: fieldkit's commands and its app up to the first screen, against a minimal Textual app.

Each program runs as the only child of a fresh wrapper process, which then reads its peak resident set size
with resource.getrusage(RUSAGE_CHILDREN).ru_maxrss (the child's peak, in KiB on Linux; it counts the child's
own children too, and nothing else). The apps run in a real terminal (a tmux pane, 100x30) and are quit with
Ctrl+Q as soon as their first screen shows ("Topics", as in startup_bench.py), so their peak is the peak of
starting up and drawing the first screen.

    .venv/bin/python bench/memory_bench.py [--runs 3] [--scale 1 100] [--json FILE]

Databases: /tmp/fk-x<scale>.db (see search_bench.py; built if missing). The search is for a common word of the
generated content (`--json --limit 10`), which at x100 takes the broad plan.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import ensure  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "open(sys.argv[1], 'w').write(f'{peak} {code}')\n"
)


def peak_kib(command: list[str], env: dict[str, str], *, marker: str | None = None, timeout: float = 30.0) -> int:
    """Peak RSS of `command` in KiB; with `marker`, run it in tmux and quit it once `marker` shows."""
    with tempfile.TemporaryDirectory(prefix="fk-mem-") as folder:
        out = Path(folder) / "peak"
        wrapped = [sys.executable, "-c", WRAPPER, str(out), *command]
        if marker is None:
            subprocess.run(wrapped, env=env, check=True, capture_output=True)
        else:
            session = f"fk-mem-{uuid.uuid4().hex[:8]}"
            # The environment goes in the command: a session started on a tmux server that is already running
            # gets the server's environment, not the one tmux was called with (FIELDKIT_DB would not apply).
            shell = shlex.join(["env", "-i", *(f"{name}={value}" for name, value in env.items()), *wrapped])
            subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", shell], check=True,
                           env=env)
            try:
                started = time.perf_counter()
                while marker not in subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True,
                                                   text=True).stdout:
                    if time.perf_counter() - started > timeout:
                        raise RuntimeError(f"{marker!r} did not show within {timeout} s: {command}")
                    time.sleep(0.005)
                subprocess.run(["tmux", "send-keys", "-t", session, "C-q"], check=True)
                while not out.exists() or not out.read_text():
                    if time.perf_counter() - started > timeout:
                        raise RuntimeError(f"did not quit: {command}")
                    time.sleep(0.01)
            finally:
                subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        peak, code = out.read_text().split()
        if marker is None and code != "0":
            raise RuntimeError(f"{command} exited with {code}")
        return int(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=float, nargs="+", default=[1, 100])
    parser.add_argument("--fieldkit", default=str(Path(sys.executable).with_name("fieldkit")))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="fk-bench-home-")
    env = dict(os.environ, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config",
               XDG_CACHE_HOME=f"{home}/cache", TERM="xterm-256color")
    env.pop("FIELDKIT_DB", None)
    fieldkit = args.fieldkit
    programs: dict[str, tuple[list[str], str | None]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], None),
        "fieldkit --version": ([fieldkit, "--version"], None),
        "minimal Textual app, first screen": ([sys.executable, str(ROOT / "bench" / "minimal_app.py")], "Topics"),
    }
    for scale in args.scale:
        content, db = ensure(scale)
        queries = json.loads((content / "bench-queries.json").read_text(encoding="utf-8"))
        common = queries["classes"]["common word"][0]["text"]
        rare = queries["classes"]["rare word"][0]["text"]
        programs[f"fieldkit search (common word), x{scale:g}"] = (
            [fieldkit, "search", "--db", str(db), "--json", "--limit", "10", common], None)
        programs[f"fieldkit search (rare word), x{scale:g}"] = (
            [fieldkit, "search", "--db", str(db), "--json", "--limit", "10", rare], None)
        programs[f"fieldkit app, first screen, x{scale:g}"] = ([fieldkit, "--db", str(db)], "Topics")
    results = {}
    print("| program | peak RSS MiB, median (min-max) |")
    print("|---|---|")
    try:
        for name, (command, marker) in programs.items():
            peak_kib(command, env, marker=marker)  # warm the file cache
            runs = [peak_kib(command, env, marker=marker) / 1024 for _ in range(args.runs)]
            results[name] = runs
            print(f"| {name} | {statistics.median(runs):.1f} ({min(runs):.1f}-{max(runs):.1f}) |", flush=True)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
