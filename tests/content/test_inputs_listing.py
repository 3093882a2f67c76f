"""content_files lists with os.scandir the files the globs it replaced listed, in the same order; stat_key changes
whenever one of them does."""

from __future__ import annotations

import os

import pytest

from fieldkit.content import inputs
from tests.conftest import FIXTURE_CONTENT


def globbed(root):
    """content_files as it was written with pathlib's glob: the reference."""
    files = [root / "sources.yaml"] if (root / "sources.yaml").exists() else []
    files += sorted(p for p in root.glob("*/*.md") if p.is_file() and p.parent.name != "vocabulary")
    files += sorted(p for p in (root / "vocabulary").glob("*.yaml") if p.is_file())
    files += [root / "overlay.yaml"] if (root / "overlay.yaml").is_file() else []
    files += sorted(p for p in (root / "attach").glob("*.yaml") if p.is_file())
    return files


def tricky(root):
    """A folder with what a glob treats in its own way: hidden names, a folder named like a file, a linked folder,
    names that sort differently as text and as paths, Markdown in vocabulary/ and YAML elsewhere."""
    for name in ("sources.yaml", "overlay.yaml", "place/b.en.md", "place/a.en.md", "place/.hidden.md",
                 ".hid/x.md", "a-b/z.md", "a/z.md", "a/notes.txt", "vocabulary/terms.yaml", "vocabulary/x.md",
                 "attach/bihac.yaml", "attach/bihac.md", "attach/readme.txt", "risk/deep/nested.md", "risk/.md"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name, encoding="utf-8")
    (root / "place" / "folder.md").mkdir()
    os.symlink(root / "a", root / "linked")
    os.symlink(root / "missing.md", root / "place" / "dangling.md")


@pytest.mark.parametrize("make", ["fixture", "tricky", "empty", "absent"])
def test_the_same_files_in_the_same_order_as_the_globs(make, tmp_path):
    if make == "fixture":
        root = FIXTURE_CONTENT
    else:
        root = tmp_path / "content"
        if make != "absent":
            root.mkdir()
        if make == "tricky":
            tricky(root)
    assert inputs.content_files(root) == globbed(root)
    if make == "tricky":
        assert len(globbed(root)) == 13


def test_stat_key_changes_with_any_input_file_and_only_with_one(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    tricky(root)
    key = inputs.stat_key(root)
    assert inputs.stat_key(root) == key
    (root / "a" / "notes.txt").write_text("not an input", encoding="utf-8")
    assert inputs.stat_key(root) == key
    (root / "place" / "a.en.md").write_text("changed, the same size?", encoding="utf-8")
    changed = inputs.stat_key(root)
    assert changed != key
    (root / "place" / "c.en.md").write_text("new", encoding="utf-8")
    added = inputs.stat_key(root)
    assert added != changed
    (root / "place" / "c.en.md").unlink()
    assert inputs.stat_key(root) not in (added,)
