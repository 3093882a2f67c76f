"""A source checkout compiles content/ into the cache once per content; launches read its files only on change."""

from __future__ import annotations

import shutil

from fieldkit import paths
from fieldkit.content import inputs
from fieldkit.runtime import locate
from tests.conftest import FIXTURE_CONTENT


def test_unchanged_content_is_not_read_again(monkeypatch, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path / "cache")
    first = locate._build_source_checkout(content)
    assert first.name.startswith(f"content-{inputs.input_hash(content)[:16]}-")

    def never(root):
        raise AssertionError("the files were read although none changed")

    monkeypatch.setattr(inputs, "input_hash", never)
    assert locate._build_source_checkout(content) == first

    monkeypatch.undo()
    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path / "cache")
    entry = content / "place" / "bihac.en.md"
    entry.write_text(entry.read_text(encoding="utf-8").replace("Bihać", "Bihac", 1), encoding="utf-8")
    changed = locate._build_source_checkout(content)
    assert changed != first and changed.name.startswith(f"content-{inputs.input_hash(content)[:16]}-")


def test_a_damaged_remembered_hash_is_computed_again(monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path)
    built = locate._build_source_checkout(FIXTURE_CONTENT)
    for remembered in tmp_path.glob("inputs-*.txt"):
        remembered.write_text("not a hash")
    assert locate._build_source_checkout(FIXTURE_CONTENT) == built
