"""Time from launch to the first screen being drawn, in a real terminal (tmux), fieldkit against a minimal app.

Each run starts the program in a fresh tmux session and polls the pane every 5 ms until a marker shows. The
same measurement runs the minimal Textual app of bench/minimal_app.py, so the difference is fieldkit's own work.
The two programs run interleaved (minimal, fieldkit, minimal, ...), so both see the same machine load; one idle
tmux session stays up meanwhile, so no run pays for starting the tmux server.

    .venv/bin/python bench/startup_bench.py [--runs 15] [--db FILE] [--scale 1 10 100] [--before COMMAND]
                                            [--locale fa_IR.UTF-8 --marker fieldkit]

Without --db or --scale fieldkit reads its own content (in a source checkout: content/ compiled once into the
cache folder). --scale N times it against the synthetic content of bench/generate.py at each scale
(/tmp/fk-x<N>.db, or under FIELDKIT_BENCH_DIR; generated and built if missing, as search_bench.py does), passed
with FIELDKIT_DB. `--scale 0` stands for fieldkit's own content, so `--scale 0 1 10 100` times all four.

Each run reports the wall time and the CPU time (user + system, from /proc) the program had used when the marker
showed: on a shared machine the wall time swings with the load, the CPU time much less.

Both programs run from compiled bytecode, as an installed program does (pip compiles it): the children do not
inherit PYTHONDONTWRITEBYTECODE, so the warm-up run writes the bytecode a source checkout may lack.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEEPER = f"fk-startup-keeper-{os.getpid()}"  # two benches at once must not share it


def time_to_marker(command: list[str], marker: str, env: dict[str, str], timeout: float = 20.0) -> float:
    """Seconds from starting `command` until `marker` shows (see run_to_marker)."""
    return run_to_marker(command, marker, env, timeout)[0]


def run_to_marker(command: list[str], marker: str, env: dict[str, str],
                  timeout: float = 20.0) -> tuple[float, float | None]:
    """Seconds from starting `command` in a new tmux session, with exactly the environment `env`, until `marker`
    shows in its pane, and the CPU seconds (user + system) the program and its children had used by then (None
    where /proc cannot tell). CPU time is what the program itself costs; on a busy machine the wall time also
    holds the time it waited for a core.

    The environment goes in the command (env -i): a session started on a tmux server that is already running
    (the keeper below, or another program's on the same socket) gets the server's environment, not the one tmux
    was called with, so FIELDKIT_DB and the XDG folders would silently not apply."""
    session = f"fk-bench-{uuid.uuid4().hex[:8]}"
    shell = shlex.join(["env", "-i", *(f"{name}={value}" for name, value in env.items()), *command])
    started = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", shell], check=True, env=env)
    try:
        pid = subprocess.run(["tmux", "display-message", "-p", "-t", session, "#{pane_pid}"], capture_output=True,
                             text=True).stdout.strip()
        while time.perf_counter() - started < timeout:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if marker in screen:
                wall = time.perf_counter() - started
                return wall, cpu_seconds(int(pid)) if pid.isdigit() else None
            time.sleep(0.005)
        raise RuntimeError(f"{marker!r} did not appear within {timeout} s")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process and every process under it (a one-file executable runs the app in
    a child), from /proc (Linux; in clock ticks, 10 ms here)."""
    ticks, total, pending = os.sysconf("SC_CLK_TCK"), 0, [pid]
    if not Path(f"/proc/{pid}/stat").exists():
        return None
    while pending:
        process = pending.pop()
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of proc(5)
            for task in Path(f"/proc/{process}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
    return total / ticks


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def compare(programs: dict[str, tuple[list[str], dict[str, str], str]],
            runs: int) -> dict[str, list[tuple[float, float | None]]]:
    """Each program's (wall, CPU) seconds to its marker, the programs taking turns run after run."""
    for command, env, marker in programs.values():
        run_to_marker(command, marker, env)  # warm the file cache (and write bytecode)
    results: dict[str, list[tuple[float, float | None]]] = {name: [] for name in programs}
    for _ in range(runs):
        for name, (command, env, marker) in programs.items():
            results[name].append(run_to_marker(command, marker, env))
    return results


def median_ms(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return statistics.median(known) * 1000 if known else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", help="content database for fieldkit (default: its own)")
    parser.add_argument("--scale", type=float, nargs="+",
                        help="synthetic content scales to time (0: fieldkit's own content); replaces --db")
    parser.add_argument("--fieldkit", default=str(Path(sys.executable).with_name("fieldkit")),
                        help="the program to time, a command line (default: this venv's fieldkit)")
    parser.add_argument("--before", help="an earlier fieldkit to time in the same rotation, a command line (e.g. "
                        "the fieldkit of another checkout's venv: `git archive main`, unpacked, `python3 dev.py run "
                        "--version` there, then --before /tmp/main-copy/.venv/bin/fieldkit)")
    parser.add_argument("--minimal", help="the baseline program (default: bench/minimal_app.py in this Python)")
    parser.add_argument("--locale", help="LANG for both programs, e.g. fa_IR.UTF-8: fieldkit then starts in that "
                        "language (default: this shell's LANG); give --marker too")
    parser.add_argument("--marker", default="Topics",
                        help="what shows on fieldkit's first screen (default: Topics, Home's first panel in English; "
                        "in another language e.g. 'fieldkit', the header's first word in every language)")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="fk-bench-home-")
    env = dict(os.environ, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config", TERM="xterm-256color")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("FIELDKIT_DB", None)
    if args.locale:
        env.update(LANG=args.locale)
        for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "FIELDKIT_LANG"):  # these would override LANG
            env.pop(name, None)
    databases: dict[str, str | None] = {}
    if args.scale:
        sys.path.insert(0, str(ROOT / "bench"))
        from search_bench import ensure

        for scale in args.scale:
            databases["own content" if scale == 0 else f"x{scale:g}"] = None if scale == 0 else str(ensure(scale)[1])
    else:
        databases["--db" if args.db else "own content"] = args.db
    minimal = [args.minimal] if args.minimal else [sys.executable, str(ROOT / "bench" / "minimal_app.py")]
    subprocess.run(["tmux", "new-session", "-d", "-s", KEEPER, "sleep 3600"], check=True)
    try:
        for label, db in databases.items():
            fieldkit_env = dict(env, FIELDKIT_DB=db) if db else env
            programs = {"minimal Textual app": (minimal, env, "Topics"),
                        "fieldkit": (shlex.split(args.fieldkit), fieldkit_env, args.marker)}
            if args.before:
                programs["fieldkit before"] = (shlex.split(args.before), fieldkit_env, args.marker)
            started = load()
            results = compare(programs, args.runs)
            print(f"{label} (load before {started}, after {load()}; {args.runs} runs each):")
            cpu: dict[str, float | None] = {}
            for name, runs in results.items():
                walls = [wall for wall, _ in runs]
                cpu[name] = median_ms([seconds for _, seconds in runs])
                print(f"  {name:22} wall median {statistics.median(walls) * 1000:6.0f} ms (min {min(walls) * 1000:6.0f}, "
                      f"max {max(walls) * 1000:6.0f})   CPU median " +
                      (f"{cpu[name]:5.0f} ms" if cpu[name] is not None else "unknown"))
            base = results["minimal Textual app"]
            for name in programs:
                if name != "minimal Textual app":
                    ratio = statistics.median(w for w, _ in results[name]) / statistics.median(w for w, _ in base)
                    cpu_ratio = (f", CPU {cpu[name] / cpu['minimal Textual app']:.2f}x"
                                 if cpu[name] and cpu["minimal Textual app"] else "")
                    print(f"  {name} / minimal: wall {ratio:.2f}x{cpu_ratio}", flush=True)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", KEEPER], capture_output=True)


if __name__ == "__main__":
    main()
