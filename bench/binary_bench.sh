#!/usr/bin/env bash
# Kept for the commands quoted in docs/performance.md: the benchmark itself is bench/binary_bench.py.
set -euo pipefail
cd "$(dirname "$0")/.."
exec "${PYTHON:-.venv/bin/python}" bench/binary_bench.py "$@"
