"""Nothing in the pack and path code assumes POSIX: with `os.name` patched to "nt" and no `fcntl` (nor `msvcrt`,
which only Windows has), the install lock still excludes a second installer, a lock left by a dead process is
taken over, files are written atomically, and a pack installs and rolls back (issue 18, item 5)."""

from __future__ import annotations

import os
import sys
import time
import types

import pytest

from fieldkit import paths
from fieldkit.core import atomic as core_atomic
from fieldkit.packs import atomic, install, state
from fieldkit.packs.errors import PackError


class WindowsOs(types.ModuleType):
    """The os module as Windows code paths see it: os.name is "nt"; everything else is the real module's (pathlib
    keeps the real one, so paths still work on this system)."""

    def __init__(self) -> None:
        super().__init__("os")
        self.name = "nt"

    def __getattr__(self, attribute: str):
        return getattr(os, attribute)


@pytest.fixture
def windows(monkeypatch):
    fake = WindowsOs()
    for module in (atomic, core_atomic, install, state):
        monkeypatch.setattr(module, "os", fake)
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` raises ImportError
    monkeypatch.setitem(sys.modules, "msvcrt", None)
    return fake


def test_the_patch_takes_the_posix_calls_away(windows):
    with pytest.raises(ImportError):
        import fcntl  # noqa: F401
    assert atomic.os.name == "nt" and atomic._module("fcntl") is None and atomic._module("msvcrt") is None


def test_lock_excludes_a_second_installer_and_is_released(windows, tmp_path):
    with atomic.locked(tmp_path):
        assert (tmp_path / atomic.LOCK_FILE).is_file()
        with pytest.raises(PackError, match="another fieldkit is installing"):
            with atomic.locked(tmp_path):
                pass
    assert not (tmp_path / atomic.LOCK_FILE).exists()
    with atomic.locked(tmp_path):  # free again
        pass


def test_a_lock_left_by_a_dead_process_is_taken_over(windows, tmp_path):
    left = tmp_path / atomic.LOCK_FILE
    left.write_text("12345")
    with pytest.raises(PackError):  # fresh: another fieldkit may be at work
        with atomic.locked(tmp_path):
            pass
    old = time.time() - atomic.STALE_LOCK - 60
    os.utime(left, (old, old))
    with atomic.locked(tmp_path):
        assert left.read_text() == str(os.getpid())
    assert not left.exists()


def test_atomic_writes_without_posix_calls(windows, tmp_path, monkeypatch):
    def no_fchmod(*args):
        raise AssertionError("fchmod is POSIX only")

    monkeypatch.setattr(os, "fchmod", no_fchmod, raising=False)
    target = tmp_path / "state.json"
    core_atomic.write_file(target, b"one", mode=0o600)
    core_atomic.write_file(target, b"two")
    assert target.read_bytes() == b"two"
    core_atomic.fsync_dir(tmp_path)  # a no-op on Windows, not an error


def test_paths_are_plain_paths(windows):
    for folder in (paths.data_dir(), paths.packs_dir(), paths.overlays_dir(), paths.overlay_packs_dir(),
                   paths.merged_dir(), paths.config_dir(), paths.cache_dir()):
        assert folder.is_absolute() and "fieldkit" in folder.parts


def test_a_pack_installs_and_rolls_back(windows, trusted, cli):
    installed = cli("pack", "install", trusted.v1)
    assert installed.code == 0, installed.err
    assert cli("pack", "install", trusted.v2).code == 0
    assert state.active_pack().version == "2026.12.01"
    assert cli("pack", "rollback").code == 0
    assert state.active_pack().version == "2026.11.01"
    assert not (paths.packs_dir() / atomic.LOCK_FILE).exists()
