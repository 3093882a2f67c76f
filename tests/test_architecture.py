"""The layout is the architecture, and CI holds it: layers only look down, only the app imports textual, the
bottom layer needs only the standard library, no import circles (import-linter, [tool.importlinter] in
pyproject.toml); the code passes ruff (lint and import order) and mypy (strict for core, text, store, content)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def run_tool(name: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    tool = BIN / name
    if not tool.exists():
        found = shutil.which(name)
        if found is None:
            pytest.fail(f"{name} is not installed: it comes with the test extras (pip install -e '.[test]')")
        tool = Path(found)
    return subprocess.run([str(tool), *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_import_contracts_are_kept():
    result = run_tool("lint-imports")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_ruff_finds_nothing():
    result = run_tool("ruff", "check", "fieldkit", "tests", "bench", "build", "dev.py")
    assert result.returncode == 0, result.stdout[-4000:]


def test_mypy_finds_nothing():
    result = run_tool("mypy")
    assert result.returncode == 0, result.stdout[-6000:]


def test_the_contracts_catch_a_store_that_imports_the_app(tmp_path):
    """The layer contract can fail: a copy of the package whose store imports the app breaks it."""
    copy = tmp_path / "fieldkit"
    shutil.copytree(ROOT / "fieldkit", copy, ignore=shutil.ignore_patterns("__pycache__", "data", "locales"))
    (copy / "store" / "upward.py").write_text("from fieldkit.tui import app  # noqa\n")
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    result = subprocess.run([str(BIN / "lint-imports")], cwd=tmp_path, capture_output=True, text=True, timeout=600,
                            env={"PYTHONPATH": str(tmp_path), "PATH": str(BIN)})
    assert result.returncode != 0
    assert "fieldkit.store.upward -> fieldkit.tui.app" in result.stdout


def test_ruff_catches_an_unused_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(textwrap.dedent("""\
        import os
    """))
    result = run_tool("ruff", "check", "--no-cache", str(sample), cwd=ROOT)
    assert result.returncode != 0 and "F401" in result.stdout


def test_mypy_is_strict_only_for_the_lower_layers(tmp_path):
    """An untyped function is refused in the store and let pass in the CLI: strictness stays in its modules."""
    for package in ("fieldkit", "fieldkit/store", "fieldkit/cli"):
        (tmp_path / package).mkdir(exist_ok=True)
        (tmp_path / package / "__init__.py").write_text("")
    for package in ("store", "cli"):
        (tmp_path / "fieldkit" / package / "sample.py").write_text("def untyped(value):\n    return value\n")
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    result = run_tool("mypy", "--no-incremental", cwd=tmp_path)
    assert result.returncode != 0
    assert "fieldkit/store/sample.py:1: error: Function is missing a type annotation" in result.stdout
    assert "fieldkit/cli/sample.py" not in result.stdout
