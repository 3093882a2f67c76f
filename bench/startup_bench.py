"""Time from launch to the first screen being drawn, in a real terminal (tmux), fieldkit against a minimal app.

Each run starts the program in a fresh tmux session and polls the pane every 5 ms until a marker shows. The
same measurement runs the minimal Textual app of bench/minimal_app.py, so the difference is fieldkit's own work.

    .venv/bin/python bench/startup_bench.py [--runs 15] [--db FILE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_to_marker(command: list[str], marker: str, env: dict[str, str], timeout: float = 20.0) -> float:
    session = f"fk-bench-{uuid.uuid4().hex[:8]}"
    shell = " ".join(command)
    started = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", shell], check=True, env=env)
    try:
        while time.perf_counter() - started < timeout:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if marker in screen:
                return time.perf_counter() - started
            time.sleep(0.005)
        raise RuntimeError(f"{marker!r} did not appear within {timeout} s")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", help="content database for fieldkit (default: its own)")
    parser.add_argument("--fieldkit", default=str(Path(sys.executable).with_name("fieldkit")), help="the program to time")
    parser.add_argument("--minimal", help="the baseline program (default: bench/minimal_app.py in this Python)")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="fk-bench-home-")
    env = dict(os.environ, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config", TERM="xterm-256color")
    if args.db:
        env["FIELDKIT_DB"] = args.db
    programs = {
        "minimal Textual app": ([args.minimal] if args.minimal else [sys.executable, str(ROOT / "bench" / "minimal_app.py")],
                                "Topics"),
        "fieldkit": ([args.fieldkit], "Topics"),
    }
    results = {}
    for name, (command, marker) in programs.items():
        time_to_marker(command, marker, env)  # warm the file cache
        runs = [time_to_marker(command, marker, env) for _ in range(args.runs)]
        results[name] = runs
        print(f"{name:22} median {statistics.median(runs) * 1000:6.0f} ms   min {min(runs) * 1000:6.0f} ms   "
              f"max {max(runs) * 1000:6.0f} ms   ({args.runs} runs)")
    ratio = statistics.median(results["fieldkit"]) / statistics.median(results["minimal Textual app"])
    print(f"fieldkit / minimal: {ratio:.2f}x")


if __name__ == "__main__":
    main()
