"""The content-type registry: a type fieldkit has never had is compiled, checked, searched, shown and exported
from one module and its entry files (tests/fixtures/new_type/), with nothing else changed."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys

import pytest

from fieldkit.content.build import build
from fieldkit.core.registry import REGISTRY, ContentType, Field
from fieldkit.store.db import Located, connect
from fieldkit.store.store import Store
from tests.conftest import FIXTURE_CONTENT, FIXTURES

NEW_TYPE = FIXTURES / "new_type"


def _load_module():
    spec = importlib.util.spec_from_file_location("checkpoint_type", NEW_TYPE / "checkpoint_type.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def checkpoint():
    """The throwaway type, registered for one test only."""
    content_type = REGISTRY.register(_load_module().CHECKPOINT)
    yield content_type
    REGISTRY.unregister(content_type.name)


@pytest.fixture
def content_with_checkpoints(tmp_path, checkpoint):
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    shutil.copytree(NEW_TYPE / "checkpoint", target / "checkpoint")
    return target


@pytest.fixture
def checkpoint_db(tmp_path, content_with_checkpoints):
    path = tmp_path / "with-checkpoints.db"
    build(content_with_checkpoints, path)
    return path


def test_the_new_type_is_checked_like_any_other(cli, content_with_checkpoints):
    result = cli("check", "--content", content_with_checkpoints)
    assert result.code == 0, result.out + result.err
    broken = content_with_checkpoints / "checkpoint" / "cp-bihac-police.en.md"
    broken.write_text(broken.read_text().replace("kind: police", "kind: customs"))
    result = cli("check", "--content", content_with_checkpoints)
    assert result.code == 1
    assert "cp-bihac-police.en.md:" in result.out and "'kind' must be one of police, army" in result.out


def test_without_the_module_its_folder_is_refused(cli, tmp_path):
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    shutil.copytree(NEW_TYPE / "checkpoint", target / "checkpoint")
    result = cli("check", "--content", target)
    assert result.code == 1 and "unknown content type folder" in result.out


def test_the_new_type_is_compiled_and_searched(checkpoint_db):
    store = Store(connect(checkpoint_db))
    hits = store.search("checkpoint", entry_type="checkpoint")
    assert [hit.id for hit in hits] == ["cp-bihac-police"]
    # Its search_body field is indexed: the operator's name finds it.
    assert [hit.id for hit in store.search("zeta")] == ["cp-bihac-police"]
    # Its place field is a link, kept as a relation like any other.
    entry = store.get("cp-bihac-police", "fa")
    assert entry.lang == "fa" and entry.title.startswith("ایست")
    assert [(link.id, link.kind) for link in entry.related] == [("bihac", "place")]
    assert "cp-bihac-police" in [link.id for link in store.get("bihac").linked_from]
    assert store.stats()["types"]["checkpoint"] == 1


def test_the_new_type_is_shown_and_exported_by_the_cli(cli, checkpoint_db):
    shown = cli("show", "cp-bihac-police", "--db", checkpoint_db)
    assert shown.code == 0, shown.err
    assert "Kind: police checkpoint" in shown.out  # its value list's words
    assert "Run by: Zeta border unit (test)" in shown.out
    assert "Place: Bihać" in shown.out  # a link field shows the linked entry's title
    as_json = json.loads(cli("show", "cp-bihac-police", "--db", checkpoint_db, "--json").out)
    assert as_json["type"] == "checkpoint" and as_json["details"]["operator"] == "Zeta border unit (test)"
    found = cli("search", "checkpoint", "--type", "checkpoint", "--db", checkpoint_db, "--json")
    assert [hit["id"] for hit in json.loads(found.out)] == ["cp-bihac-police"]

    exported = cli("export", "--type", "checkpoint", "--format", "hxl", "--db", checkpoint_db)
    assert exported.code == 0, exported.err
    header, hashtags, row = exported.out.splitlines()[:3]
    assert header.startswith("ID,Checkpoint,Checkpoint (fa),Kind,Run by,Country,Place ID,Place,")
    assert "#loc+name+checkpoint" in hashtags and "#org+name" in hashtags
    assert row.startswith("cp-bihac-police,Police checkpoint on the road out of Bihać,ایست")
    assert ",police,Zeta border unit (test),BA,bihac,Bihać," in row


async def test_the_new_type_is_shown_by_the_app(checkpoint_db, tmp_path):
    from fieldkit.tui.app import FieldkitApp
    from fieldkit.tui.messages import ToCountry, ToEntry
    from fieldkit.tui.widgets.nav_list import NavList
    from fieldkit.userdata import UserData
    from tests.tui.conftest import TODAY, settle
    from tests.tui.shown import screen_text

    store = Store(connect(checkpoint_db), Located(checkpoint_db, "--db"))
    app = FieldkitApp(store, userdata=UserData(tmp_path / "userdata.db"), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Checkpoints  1" in screen_text(app)  # on Home's topics, with its count
        app.navigate(ToCountry("BA"))
        await settle(pilot)
        crossings = app.screen.query_one("#country-crossings", NavList)
        assert ToEntry("cp-bihac-police") in [target for target, _ in crossings.items]  # its country panel
        app.navigate(ToEntry("cp-bihac-police"))
        await settle(pilot)
        text = screen_text(app)
        assert "Police checkpoint on the road out of Bihać" in text and "Checkpoint · Bosnia and Herzegovina" in text
        assert "Run by" in text and "Zeta border unit (test)" in text


def test_a_type_cannot_take_a_name_or_folder_twice():
    with pytest.raises(ValueError, match="registered already"):
        REGISTRY.register(ContentType(name="risk", label="R", topic_title="R", fields=()))
    with pytest.raises(ValueError, match="belongs to another content type"):
        REGISTRY.register(ContentType(name="deck", label="D", topic_title="D", fields=(), folder="briefings"))
    assert "deck" not in REGISTRY


def test_every_builtin_field_kind_has_a_validator():
    from fieldkit.content.schema import _VALIDATORS
    from fieldkit.core.registry import COMMON_FIELDS, TRANSLATION_FIELDS

    fields: list[Field] = [*COMMON_FIELDS, *TRANSLATION_FIELDS, *(f for t in REGISTRY for f in t.fields)]
    assert {f.kind for f in fields} <= set(_VALIDATORS)
