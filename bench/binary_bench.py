"""One-file executables compared: dist/fieldkit against the minimal Textual app of bench/minimal_app.py built the
same way (build/fieldkit.spec with FIELDKIT_SPEC_BASELINE: onefile, the same excludes, Pygments cut, strip).

Measures each one's size, time to `--version` and time to the first interactive screen in a real terminal (tmux,
polled every 5 ms until "Topics" shows), runs interleaved so both see the same machine load; wall time and CPU time
(user + system of the program and its children: what the load disturbs least). Each program runs as
a field worker would start it: `env -i HOME=<empty folder> PATH=/usr/bin:/bin TERM=xterm-256color`.
The same two apps from the venv are timed too, to show what the one-file packaging itself costs.

    .venv/bin/python bench/binary_bench.py [--runs 15] [--build] [--write]

--build rebuilds dist/fieldkit (build/build.sh) and times it; the baseline is rebuilt whenever it is missing or
older than the spec. --write puts the results into the "One executable" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = ROOT / ".venv" / "bin" / "python"
FIELDKIT = ROOT / "dist" / "fieldkit"
OUT = ROOT / "build" / "out"
BASELINE_SOURCE = OUT / "minimal_app.py"
BASELINE = OUT / "minimal" / "minimal_app"
DOC = ROOT / "docs" / "performance.md"
SECTION = "## One executable"
MARKER = "Topics"
KEEPER = "fk-binbench-keeper"
SIZE_TARGET_MB = 13  # issue 21's goals
RATIO_TARGET = 1.1


def build_fieldkit() -> float:
    started = time.perf_counter()
    subprocess.run(["bash", str(ROOT / "build" / "build.sh")], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def build_baseline() -> float:
    """bench/minimal_app.py, answering --version before it imports Textual (as fieldkit does), built by the spec."""
    BASELINE_SOURCE.parent.mkdir(parents=True, exist_ok=True)
    guard = 'import sys\n\nif sys.argv[1:] == ["--version"]:\n    print("minimal_app 0")\n    sys.exit(0)\n\n'
    BASELINE_SOURCE.write_text(guard + (ROOT / "bench" / "minimal_app.py").read_text(encoding="utf-8"), encoding="utf-8")
    env = dict(os.environ, FIELDKIT_SPEC_BASELINE=str(BASELINE_SOURCE))
    started = time.perf_counter()
    subprocess.run([str(PY), "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", "--distpath", str(BASELINE.parent),
                    "--workpath", str(OUT / "minimal-work"), str(ROOT / "build" / "fieldkit.spec")],
                   check=True, cwd=ROOT, env=env)
    return time.perf_counter() - started


def bundled_database() -> bytes:
    # Kept compressed in the archive, as a module holding it (build/fieldkit.spec, fieldkit/store/frozen_content.py).
    import lzma

    from PyInstaller.archive.readers import CArchiveReader

    table: dict = {}
    exec(CArchiveReader(str(FIELDKIT)).open_embedded_archive("PYZ.pyz").extract("pyi_fieldkit_content"), table)
    return lzma.decompress(table["BLOB"])


def clean_env(home: str) -> list[str]:
    return ["env", "-i", f"HOME={home}", "PATH=/usr/bin:/bin", "TERM=xterm-256color", "LANG=C.UTF-8"]


def time_version(command: list[str], home: str) -> tuple[float, float]:
    """Wall and CPU seconds (the child and the processes it waited for: a one-file executable's own child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([*clean_env(home), *command, "--version"], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_first_screen(command: list[str], home: str, timeout: float = 30.0) -> tuple[float, float | None]:
    """Wall and CPU seconds (from /proc, in 10 ms clock ticks) until the first screen shows."""
    from startup_bench import run_to_marker  # bench/ is on sys.path when this runs as a script

    return run_to_marker([*clean_env(home), *command], MARKER, dict(os.environ), timeout)


def interleaved(measure, programs: dict[str, list[str]], runs: int, home: str) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall and CPU seconds of each run of each program, the programs taking turns."""
    for command in programs.values():
        measure(command, home)  # warm the file cache (and fieldkit's user data folder)
    wall: dict[str, list[float]] = {name: [] for name in programs}
    cpu: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(runs):
        for name, command in programs.items():
            seconds, cpu_seconds = measure(command, home)
            wall[name].append(seconds)
            if cpu_seconds is not None:
                cpu[name].append(cpu_seconds)
    return wall, cpu


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms" if values else "n/a"


def ratio_of(values: dict[str, list[float]]) -> str:
    if not values["fieldkit"] or not values["minimal"]:
        return "n/a"
    return f"{statistics.median(values['fieldkit']) / statistics.median(values['minimal']):.2f}x"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--build", action="store_true", help="rebuild dist/fieldkit first and time the build")
    parser.add_argument("--write", action="store_true", help="write the results into docs/performance.md")
    args = parser.parse_args()

    build_time = build_fieldkit() if args.build or not FIELDKIT.exists() else None
    spec = ROOT / "build" / "fieldkit.spec"
    baseline_time = None
    if not BASELINE.exists() or BASELINE.stat().st_mtime < spec.stat().st_mtime:
        baseline_time = build_baseline()

    home = tempfile.mkdtemp(prefix="fk-binbench-home-")
    database = Path(tempfile.mkdtemp(prefix="fk-binbench-db-")) / "fieldkit.db"
    database.write_bytes(bundled_database())  # the venv run reads the same content as the executable
    onefile = {"minimal": [str(BASELINE)], "fieldkit": [str(FIELDKIT)]}
    venv = {"minimal": [str(PY), str(ROOT / "bench" / "minimal_app.py")],
            "fieldkit": [f"FIELDKIT_DB={database}", str(PY), "-m", "fieldkit"]}
    sizes = {name: Path(command[0]).stat().st_size for name, command in onefile.items()}
    version, version_cpu = interleaved(time_version, onefile, args.runs, home)
    # One idle session keeps the tmux server up: no run pays for starting it, and none races its exit.
    subprocess.run(["tmux", "new-session", "-d", "-s", KEEPER, "sleep 3600"], check=True)
    try:
        screen, screen_cpu = interleaved(time_first_screen, onefile, args.runs, home)
        screen_venv, screen_venv_cpu = interleaved(time_first_screen, venv, args.runs, home)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", KEEPER], capture_output=True)

    ratio = statistics.median(screen["fieldkit"]) / statistics.median(screen["minimal"])
    ratio_venv = statistics.median(screen_venv["fieldkit"]) / statistics.median(screen_venv["minimal"])
    size_mb = {name: size / 1e6 for name, size in sizes.items()}
    rows = [
        "| | fieldkit | minimal Textual app | fieldkit / minimal |",
        "|---|---|---|---|",
        f"| one-file size | {size_mb['fieldkit']:.1f} MB | {size_mb['minimal']:.1f} MB | "
        f"+{size_mb['fieldkit'] - size_mb['minimal']:.1f} MB |",
        f"| `--version`, one file | {ms(version['fieldkit'])} | {ms(version['minimal'])} | "
        f"{statistics.median(version['fieldkit']) / statistics.median(version['minimal']):.2f}x |",
        f"| `--version`, one file, CPU | {ms(version_cpu['fieldkit'])} | {ms(version_cpu['minimal'])} | "
        f"{ratio_of(version_cpu)} |",
        f"| first screen, one file | {ms(screen['fieldkit'])} | {ms(screen['minimal'])} | **{ratio:.2f}x** |",
        f"| first screen, one file, CPU | {ms(screen_cpu['fieldkit'])} | {ms(screen_cpu['minimal'])} | "
        f"{ratio_of(screen_cpu)} |",
        f"| first screen, from the venv | {ms(screen_venv['fieldkit'])} | {ms(screen_venv['minimal'])} | {ratio_venv:.2f}x |",
        f"| first screen, from the venv, CPU | {ms(screen_venv_cpu['fieldkit'])} | {ms(screen_venv_cpu['minimal'])} | "
        f"{ratio_of(screen_venv_cpu)} |",
    ]
    verdict = (f"Targets: size at most {SIZE_TARGET_MB} MB: {'met' if size_mb['fieldkit'] <= SIZE_TARGET_MB else 'MISSED'}; "
               f"first screen at most {RATIO_TARGET}x the minimal app's: {'met' if ratio <= RATIO_TARGET else 'MISSED'}.")
    builds = []
    if build_time is not None:
        builds.append(f"building dist/fieldkit (build/build.sh, from a warm venv) took {build_time:.0f} s")
    if baseline_time is not None:
        builds.append(f"the baseline {baseline_time:.0f} s")
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print("\n".join(rows))
    print(verdict)
    if builds:
        print("; ".join(builds))
    if args.write:
        write_section(rows, verdict, machine, args.runs, builds)
    return 0


def write_section(rows: list[str], verdict: str, machine: str, runs: int, builds: list[str]) -> None:
    """Replace (or append) only the "One executable" section of docs/performance.md; other sections are not ours."""
    measured = (f"Measured {dt.date.today().isoformat()} by `bench/binary_bench.py` ({machine}; medians of {runs} "
                "interleaved runs; first screen = launch in tmux until \"Topics\" shows)." +
                (" " + "; ".join(builds) + "." if builds else ""))
    body = [SECTION, "", textwrap.fill(measured, 116), "", *rows, "", verdict, ""]
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    block = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    # Keep the hand-written explanation that follows the generated table (everything after the marker line).
    old = block.search(text)
    notes = ""
    if old and "<!-- notes -->" in old.group(0):
        notes = old.group(0)[old.group(0).index("<!-- notes -->"):].rstrip("\n") + "\n"
    new = "\n".join(body) + ("\n" + notes if notes else "")
    text = block.sub(lambda _: new + "\n", text, count=1) if old else text.rstrip("\n") + "\n\n" + new
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)} ({SECTION[3:]})")


if __name__ == "__main__":
    sys.exit(main())
