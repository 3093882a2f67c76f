"""Issue 16, the smaller items on output files: every file a person names (`export -o`, `brief -o`, `build --out`,
`pack build -o`, the files `import` writes) goes through fieldkit.core.atomic, so all of them behave the same: a
folder, a missing folder, a path too long or a folder that cannot be written is one line and exit 1; a link is
followed, a device stays a device, a new file takes the umask's mode and a replaced one keeps its own."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from fieldkit.core import atomic
from tests.conftest import FIXTURE_CONTENT
from tests.interop.conftest import PARTNER_SHEET

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def writers(cli, fixture_db, packs, tmp_path):
    """name -> run(target): each command writing its output to `target`."""
    key = tmp_path / "k.key"
    key.write_text(packs.secret.line())
    return {
        "export": lambda target: cli("export", "--type", "place", "--db", fixture_db, "-o", target),
        "brief": lambda target: cli("brief", "brief-rivers", "--db", fixture_db, "-o", target),
        "build": lambda target: cli("build", "--content", FIXTURE_CONTENT, "--out", target),
        "pack build": lambda target: cli("pack", "build", "--key", key, "--content", FIXTURE_CONTENT, "-o", target),
    }


def refused(result, words: str) -> None:
    assert result.code == 1, result
    assert words in result.err and "Traceback" not in result.err, result.err
    assert result.err.count("\n") == 1 and len(result.err) < 400, result.err


@pytest.mark.parametrize("name", ["export", "brief", "build", "pack build"])
def test_bad_targets_are_one_line_and_exit_1(writers, tmp_path, monkeypatch, name):
    write = writers[name]
    refused(write(tmp_path), "is a folder")
    refused(write(tmp_path / "missing" / "out.txt"), "no such folder")
    assert not (tmp_path / "missing").exists()  # no folder is made
    refused(write(tmp_path / ("x" * 5000)), "longer than this system allows")

    def denied(*args, **kwargs):
        raise OSError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)  # a folder this user cannot write in
    refused(write(tmp_path / "out.txt"), "permission denied")


@pytest.mark.parametrize("name", ["export", "brief", "build", "pack build"])
def test_links_are_followed_and_modes_respected(writers, tmp_path, name):
    write = writers[name]
    old = os.umask(0o022)
    try:
        assert write(tmp_path / "new.out").code == 0
        assert stat.S_IMODE((tmp_path / "new.out").stat().st_mode) == 0o644  # not 0600
        kept = tmp_path / "kept.out"
        kept.write_text("old")
        kept.chmod(0o664)
        assert write(kept).code == 0 and stat.S_IMODE(kept.stat().st_mode) == 0o664
        link = tmp_path / "link.out"
        link.symlink_to(kept)
        assert write(link).code == 0 and link.is_symlink()
    finally:
        os.umask(old)


@pytest.mark.skipif(not ROOT_USER, reason="making a device node needs root")
@pytest.mark.parametrize("name", ["export", "brief"])
def test_a_device_stays_a_device(writers, tmp_path, name):
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    assert writers[name](null).code == 0 and stat.S_ISCHR(null.lstat().st_mode)
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    refused(writers[name](full), "the disk is full")
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_import_keeps_the_mode_of_sources_yaml(cli, content):
    sources = content / "sources.yaml"
    sources.chmod(0o664)
    old = os.umask(0o022)
    try:
        result = cli("import", "services", PARTNER_SHEET, "--content", content, "--skip-bad")
    finally:
        os.umask(old)
    assert result.code == 0, result.err
    assert stat.S_IMODE(sources.stat().st_mode) == 0o664
    written = [path for path in (content / "service").iterdir() if path.name.startswith("svc-") and
               path.stat().st_mtime >= sources.stat().st_mtime - 5]
    assert written and all(stat.S_IMODE(path.stat().st_mode) == 0o644 for path in written)
