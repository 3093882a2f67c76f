"""Content for the service-model tests: the fixture content with tests/fixtures/services laid over it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldkit.content.build import build
from fieldkit.store.db import connect
from fieldkit.store.store import Store
from tests.conftest import FIXTURE_CONTENT, FIXTURES

SERVICES_FIXTURES = FIXTURES / "services"


def make_services_content(target: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, target)
    for folder in ("place", "service", "organisation"):
        (target / folder).mkdir(exist_ok=True)
        for path in (SERVICES_FIXTURES / folder).glob("*.md"):
            shutil.copy(path, target / folder / path.name)
    return target


@pytest.fixture
def services_content(tmp_path) -> Path:
    return make_services_content(tmp_path / "content")


@pytest.fixture(scope="session")
def services_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("services")
    path = folder / "services.db"
    build(make_services_content(folder / "content"), path)
    return path


@pytest.fixture
def services_store(services_db):
    store = Store(connect(services_db))
    yield store
    store.close()
