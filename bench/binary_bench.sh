#!/usr/bin/env bash
# One-file executables compared: dist/fieldkit against the minimal Textual app built the same way
# (onefile, stripped, same excludes). Prints sizes, time to --version, and time to the first screen.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[ -x dist/fieldkit ] || bash build/build.sh
"$PY" -m PyInstaller --noconfirm --log-level WARN --onefile --strip --name minimal_app --distpath build/out/minimal \
    --workpath build/out/minimal-work --specpath build/out \
    --exclude-module tkinter --exclude-module unittest --exclude-module pydoc bench/minimal_app.py
echo "size: fieldkit $(stat -c %s dist/fieldkit) bytes, minimal $(stat -c %s build/out/minimal/minimal_app) bytes"
for i in 1 2 3; do /usr/bin/time -f "%e" dist/fieldkit --version >/dev/null; done 2>&1 | sort | sed -n 2p | sed 's/^/--version median (s): /'
"$PY" bench/startup_bench.py --runs "${RUNS:-10}" --fieldkit dist/fieldkit --minimal build/out/minimal/minimal_app
