"""dev.py writes fieldkit's cached bytecode, so a launch from a checkout never compiles fieldkit from source, even where
PYTHONDONTWRITEBYTECODE=1 (many container images set it) stops Python from writing the cache itself.

Checked by behaviour: a new interpreter run with that variable and `-v` says where each module's code came from.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def dev():
    spec = importlib.util.spec_from_file_location("dev_for_bytecode_tests", ROOT / "dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_package(root: Path) -> Path:
    package = root / "bytecode_probe"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "inner" / "__init__.py").write_text("")
    (package / "inner" / "words.py").write_text("WORD = 'first'\n")
    return package


def loaded_from(root: Path, module: str) -> str:
    """What `python -v` says a module's code was loaded from, with Python told not to write bytecode."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(root))
    done = subprocess.run([sys.executable, "-v", "-c", f"import {module}; print({module}.WORD)"], env=env,
                          capture_output=True, text=True, check=True)
    folder, _, name = module.replace(".", os.sep).rpartition(os.sep)
    lines = [line for line in done.stderr.splitlines()
             if line.startswith("# code object from") and folder in line and f"{os.sep}{name}." in line]
    assert lines, done.stderr[-2000:]
    return lines[-1] + " -> " + done.stdout.strip()


def test_without_the_step_every_launch_compiles(tmp_path):
    make_package(tmp_path)
    assert "__pycache__" not in loaded_from(tmp_path, "bytecode_probe.inner.words")
    assert not list(tmp_path.rglob("*.pyc"))  # and Python wrote nothing for next time


def test_the_step_writes_bytecode_the_next_launch_reads(dev, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    package = make_package(tmp_path)
    dev.compile_bytecode(package)
    said = loaded_from(tmp_path, "bytecode_probe.inner.words")
    assert "__pycache__" in said and said.endswith("first")


def test_a_changed_module_is_compiled_again(dev, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    package = make_package(tmp_path)
    dev.compile_bytecode(package)
    source = package / "inner" / "words.py"
    source.write_text("WORD = 'second'\n")
    stat = source.stat()
    os.utime(source, (stat.st_atime, stat.st_mtime + 5))  # a later time than the bytecode's, whatever the clock
    dev.compile_bytecode(package)
    said = loaded_from(tmp_path, "bytecode_probe.inner.words")
    assert "__pycache__" in said and said.endswith("second")


def test_dev_run_compiles_fieldkit_before_launching(dev, monkeypatch):
    """`python3 dev.py run` and `test` pass fieldkit's own package to the step, after the environment is set up."""
    calls: list[str] = []
    monkeypatch.setattr(dev, "ensure_environment", lambda: calls.append("environment"))
    monkeypatch.setattr(dev, "compile_bytecode", lambda package: calls.append(f"compile {package}"))
    monkeypatch.setattr(dev.subprocess, "call", lambda command, **_: calls.append("launch") or 0)
    assert dev.main(["run", "--version"]) == 0
    assert calls == ["environment", f"compile {ROOT / 'fieldkit'}", "launch"]
