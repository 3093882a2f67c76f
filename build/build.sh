#!/usr/bin/env bash
# Build dist/fieldkit: one executable with Python, fieldkit and the compiled content inside (build/fieldkit.spec).
# Needs the venv that `python3 dev.py test` creates; installs the `build` extra (PyInstaller) into it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || python3 dev.py run --version >/dev/null
"$PY" -m pip install --quiet --disable-pip-version-check --editable ".[build]"
# pip has just put its own console script at .venv/bin/fieldkit; dev.py writes fieldkit's launcher back (README,
# "CLI start-up" in docs/performance.md). Not for another Python given as PYTHON: that is not dev.py's venv.
[ -n "${PYTHON:-}" ] || python3 dev.py run --version >/dev/null
# The content is compiled into a temporary file, checked on the way (a content problem stops the build),
# unless FIELDKIT_BUILD_DB names a database to bundle instead.
if [ -z "${FIELDKIT_BUILD_DB:-}" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    "$PY" -m fieldkit build --content content --out "$tmp/fieldkit.db"
    export FIELDKIT_BUILD_DB="$tmp/fieldkit.db"
fi
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/out/work build/fieldkit.spec
dist/fieldkit --version >/dev/null  # a bundle that cannot start fails the build
ls -l dist/fieldkit
