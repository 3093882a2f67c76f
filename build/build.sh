#!/usr/bin/env bash
# Build dist/fieldkit: one executable with the compiled content inside. Needs the venv from `python3 dev.py test`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" -m pip install --quiet --disable-pip-version-check "pyinstaller>=6"
mkdir -p build/out
"$PY" -m fieldkit build --content content --out build/out/fieldkit.db
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/out/work build/fieldkit.spec
ls -l dist/fieldkit
