"""A full disk or a killed process half-way through an install leaves the previous state usable."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from fieldkit.packs import archive, install
from fieldkit.packs.state import active_pack, packs_dir, read_state
from tests.conftest import ROOT
from tests.packs.conftest import NEW_WORD, fingerprint

ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def assert_v1_in_use(cli) -> None:
    assert active_pack().version == "2026.11.01"
    assert cli("search", NEW_WORD).code == 1
    assert json.loads(cli("stats", "--json").out)["content_version"] == "2026.11.01"
    assert "fieldkit 2026.11.01" in cli("pack", "list").out and "damaged" not in cli("pack", "list").out


def assert_clean_after_next_install(cli, packs) -> None:
    """The next install succeeds and leaves only state.json and the packs it names."""
    result = cli("pack", "install", packs.v2)
    assert result.code == 0 or "already installed" in result.err, result.err
    state = read_state()
    assert sorted(p.name for p in packs_dir().iterdir()) == sorted(n for n in ("state.json", state.current, state.previous) if n)
    assert cli("search", NEW_WORD).code == 0


class FullDisk:
    """A file whose writes fail with ENOSPC once `room` bytes are written (the first bytes really land)."""

    def __init__(self, real, room: int):
        self.real, self.room = real, room

    def write(self, data):
        if len(data) > self.room:
            self.real.write(data[: self.room])
            self.room = 0
            raise ENOSPC
        self.room -= len(data)
        return self.real.write(data)

    def __getattr__(self, name):
        return getattr(self.real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()


@pytest.mark.parametrize("room", [0, 1000, 50_000])
def test_disk_full_while_unpacking(installed_v1, cli, monkeypatch, room):
    before = fingerprint()
    with monkeypatch.context() as patch:
        patch.setattr(archive, "CHUNK", 4096)
        patch.setattr(archive, "open", lambda *a, **k: FullDisk(open(*a, **k), room), raising=False)
        result = cli("pack", "install", installed_v1.v2)
    assert result.code == 1 and result.err.count("\n") == 1
    assert "not installed: v2.fkpack: cannot write to" in result.err
    assert "the disk is full; the installed content is unchanged" in result.err
    assert fingerprint() == before
    assert_v1_in_use(cli)
    assert_clean_after_next_install(cli, installed_v1)


def test_disk_full_at_every_flush(installed_v1, cli, monkeypatch):
    """ENOSPC from the n-th fsync, for every fsync an install makes: refused with nothing changed, or (where the
    failure is harmless, such as flushing a folder) installed whole."""
    real_fsync = os.fsync
    refusals = 0
    for n in range(1, 12):
        calls = 0

        def failing_fsync(fd):
            nonlocal calls
            calls += 1
            if calls == n:
                raise ENOSPC
            return real_fsync(fd)

        before = fingerprint()
        monkeypatch.setattr(os, "fsync", failing_fsync)
        result = cli("pack", "install", installed_v1.v2)
        monkeypatch.setattr(os, "fsync", real_fsync)
        if calls < n:
            break  # this install made fewer than n flushes: every one has been tried
        if result.code == 1:
            refusals += 1
            assert "the disk is full; the installed content is unchanged" in result.err
            assert fingerprint() == before
            assert_v1_in_use(cli)
        else:
            assert active_pack().version == "2026.12.01" and cli("search", NEW_WORD).code == 0
            assert cli("pack", "rollback").code == 0
            assert_v1_in_use(cli)
    assert refusals >= 4  # the database, the manifest, the signature and state.json


def test_not_enough_free_space_is_said_before_writing(installed_v1, cli, monkeypatch):
    import shutil

    before = fingerprint()
    monkeypatch.setattr(shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10 << 30, 10 << 30, 1000))
    result = cli("pack", "install", installed_v1.v2)
    assert result.code == 1 and "not enough free space in" in result.err and "1000 bytes is free" in result.err
    assert fingerprint() == before


# --- a process killed half-way --------------------------------------------------------------------------------
KILLER = """
import os, signal, sys
from fieldkit.packs import archive

point, n, pack = sys.argv[1], int(sys.argv[2]), sys.argv[3]
calls = 0

def kill_at_nth(real):
    def wrapped(*args, **kwargs):
        global calls
        calls += 1
        if calls == n:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return wrapped

class Dying:
    def __init__(self, real):
        self.real = real
    def write(self, data):
        self.real.write(data[: len(data) // 2])
        self.real.flush()
        os.kill(os.getpid(), signal.SIGKILL)
    def __getattr__(self, name):
        return getattr(self.real, name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.real.close()

if point == "write":
    archive.CHUNK = 4096
    archive.open = lambda *a, **k: Dying(open(*a, **k))
else:
    setattr(os, point, kill_at_nth(getattr(os, point)))
from fieldkit.cli import main
sys.exit(main(["pack", "install", pack]))
"""


def run_killed(point: str, n: int, pack) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLER, point, str(n), str(pack)], capture_output=True, text=True,
                          cwd=ROOT, env=os.environ.copy(), timeout=120)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
@pytest.mark.parametrize("point, n", [("write", 1), ("fsync", 1), ("fsync", 2), ("fsync", 3), ("fsync", 4),
                                      ("rename", 1), ("replace", 1), ("fsync", 5), ("fsync", 6)])
def test_killed_half_way(installed_v1, cli, point, n):
    """Killed (SIGKILL, no clean-up possible) at each step before the commit: v1 stays in use and whole."""
    state = (packs_dir() / "state.json").read_bytes()
    result = run_killed(point, n, installed_v1.v2)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert (packs_dir() / "state.json").read_bytes() == state
    assert_v1_in_use(cli)
    assert_clean_after_next_install(cli, installed_v1)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_killed_right_after_the_commit(installed_v1, cli):
    """Killed after state.json was replaced (while flushing its folder): the new pack is in use and whole."""
    result = run_killed("fsync", 7, installed_v1.v2)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert active_pack().version == "2026.12.01" and cli("search", NEW_WORD).code == 0
    assert "damaged" not in cli("pack", "list").out
    assert cli("pack", "rollback").code == 0
    assert_v1_in_use(cli)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_killed_at_random_moments(installed_v1, cli):
    """Real kills at random times during `fieldkit pack install`: the state is always the old or the new one."""
    rng = random.Random(8)
    for _ in range(4):
        if active_pack().version != "2026.11.01":
            assert cli("pack", "rollback").code == 0
        process = subprocess.Popen([sys.executable, "-m", "fieldkit", "pack", "install", str(installed_v1.v2)],
                                   cwd=ROOT, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 1.0))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        version = active_pack().version
        assert version in ("2026.11.01", "2026.12.01")
        assert (cli("search", NEW_WORD).code == 0) == (version == "2026.12.01")
        assert "damaged" not in cli("pack", "list").out
    assert_clean_after_next_install(cli, installed_v1)


def test_install_leaves_no_staging_behind_on_a_refusal(installed_v1, cli, tmp_path):
    from tests.packs.conftest import corrupt_database, facts_of, forge

    broken = corrupt_database(installed_v1.v2_db, tmp_path / "broken.db")
    bad = tmp_path / "broken.fkpack"
    bad.write_bytes(forge(broken.read_bytes(), installed_v1.secret, **facts_of(installed_v1.v2_db, version="2027.1.1")))
    assert cli("pack", "install", bad).code == 1
    names = sorted(p.name for p in packs_dir().iterdir())
    assert len(names) == 2 and "state.json" in names  # the v1 folder and state.json, no staging folder


def test_lock_refuses_a_second_installer(installed_v1, cli):
    from fieldkit.packs import atomic

    with atomic.locked(packs_dir()):
        result = cli("pack", "install", installed_v1.v2)
    assert result.code == 1 and "another fieldkit is installing a pack right now" in result.err
    assert active_pack().version == "2026.11.01"
    install.install(installed_v1.v2)
    assert active_pack().version == "2026.12.01"
