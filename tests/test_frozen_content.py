"""The one-file executable's content: written out once per version, reused, repaired, refused when damaged.

The executable's archive modules are stood in for by modules put into sys.modules; tests/binary runs the real thing.
"""

from __future__ import annotations

import hashlib
import lzma
import sys
import types

import pytest

from fieldkit import paths
from fieldkit.runtime import frozen_content
from fieldkit.runtime.locate import locate
from fieldkit.store.db import StoreError


@pytest.fixture
def executable(monkeypatch, fixture_db, tmp_path):
    """fieldkit as if frozen, with the fixture database packed the way build/fieldkit.spec packs it."""
    data = fixture_db.read_bytes()
    ident = types.ModuleType(frozen_content.ID_MODULE)
    ident.ID, ident.SIZE = hashlib.sha256(data).hexdigest()[:16], len(data)
    blob = types.ModuleType(frozen_content.BLOB_MODULE)
    blob.BLOB = lzma.compress(data)
    monkeypatch.setitem(sys.modules, frozen_content.ID_MODULE, ident)
    monkeypatch.setitem(sys.modules, frozen_content.BLOB_MODULE, blob)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "meipass"), raising=False)
    monkeypatch.setattr(paths, "BUNDLED_DB", tmp_path / "no-such.db")
    return data, blob


def test_not_frozen_means_nothing_to_unpack():
    assert frozen_content.unpacked_content() is None


def test_written_once_then_reused(executable):
    data, _ = executable
    located = locate()
    assert located.origin == "bundled" and located.path.parent == paths.cache_dir()
    assert located.path.read_bytes() == data
    written = located.path.stat().st_mtime_ns
    assert locate().path.stat().st_mtime_ns == written


def test_a_copy_cut_short_is_written_again(executable):
    data, _ = executable
    path = locate().path
    path.write_bytes(data[:100])
    assert locate().path.read_bytes() == data


def test_copies_of_other_versions_are_removed(executable):
    old = paths.cache_dir() / "bundled-0000000000000000.db"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b"old")
    locate()
    assert not old.exists()


def test_damaged_executable_gives_a_clear_error(executable):
    _, blob = executable
    blob.BLOB = lzma.compress(b"not the database")
    with pytest.raises(StoreError, match="damaged"):
        locate()


def test_read_only_cache_folder_falls_back_to_the_launch_folder(executable, monkeypatch, tmp_path):
    data, _ = executable
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setattr(paths, "cache_dir", lambda: blocked / "fieldkit")
    located = locate()
    assert str(located.path).startswith(str(tmp_path / "meipass")) and located.path.read_bytes() == data
