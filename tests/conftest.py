"""Shared fixtures: a small sourced content folder, its compiled database, and a way to run the CLI."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldkit.cli import main
from fieldkit.content.build import build
from fieldkit.store.db import connect
from fieldkit.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_CONTENT = FIXTURES / "content"
FIXTURE_SOURCES = FIXTURES / "sources"
# The five source documents: ../shared/sources beside the checkout, or FIELDKIT_SOURCES_DIR where a CI keeps them.
SHARED_SOURCES = Path(os.environ.get("FIELDKIT_SOURCES_DIR") or ROOT.parent / "shared" / "sources")
# CI sets FIELDKIT_REQUIRE_SOURCES=1 (.ci/run): there missing source documents fail the tests that need them instead
# of skipping them, so the check of every quote and claim against its document cannot silently stop running.
# Only the tests read these two variables (fieldkit itself is told where the documents are: check --sources DIR).
REQUIRE_SOURCES = os.environ.get("FIELDKIT_REQUIRE_SOURCES") == "1"


def shared_sources() -> Path:
    """../shared/sources: skips the calling test where it is missing, or fails it under FIELDKIT_REQUIRE_SOURCES=1."""
    if SHARED_SOURCES.is_dir():
        return SHARED_SOURCES
    message = f"{SHARED_SOURCES} is not beside this checkout"
    if REQUIRE_SOURCES:
        pytest.fail(f"{message}, and FIELDKIT_REQUIRE_SOURCES=1 says the source documents are required")
    pytest.skip(message)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own user data, cache and config folders, and no FIELDKIT_DB from outside."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
                     "XDG_DOCUMENTS_DIR"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("FIELDKIT_DB", raising=False)
    monkeypatch.delenv("FIELDKIT_LANG", raising=False)
    monkeypatch.delenv("FIELDKIT_RTL", raising=False)
    # The CLI speaks the system locale's language: tests start from an untranslated one, whatever the machine has.
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    for variable in ("VTE_VERSION", "KONSOLE_VERSION", "MLTERM", "TMUX", "STY", "COLUMNS"):
        monkeypatch.delenv(variable, raising=False)
    yield home
    from fieldkit.i18n.catalog import set_language

    set_language("en")  # the interface language is process-wide: the next test starts in English


@pytest.fixture
def content(tmp_path) -> Path:
    """A writable copy of the fixture content folder."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "fixture.db"
    build(FIXTURE_CONTENT, path)
    return path


@pytest.fixture(scope="session")
def content_db(tmp_path_factory) -> Path:
    """The shipped content (content/), compiled once per test run."""
    path = tmp_path_factory.mktemp("content-db") / "fieldkit.db"
    build(ROOT / "content", path)
    return path


@pytest.fixture
def content_store(content_db) -> Store:
    store = Store(connect(content_db))
    yield store
    store.close()


@pytest.fixture
def store(fixture_db) -> Store:
    store = Store(connect(fixture_db))
    yield store
    store.close()


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys):
    """Run `fieldkit ARGS...` in process; returns the exit code and what it printed."""

    def run(*args: str) -> Result:
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:  # argparse exits for --help, --version and usage errors
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
