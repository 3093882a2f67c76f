"""fieldkit.core.atomic.write_bytes: the one writer for files a person names (-o, --out, content files)."""

from __future__ import annotations

import errno
import os
import stat
import threading

import pytest

from fieldkit.core import atomic
from fieldkit.core.atomic import WriteError, write_bytes, write_text

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def test_a_new_file_gets_the_umask_mode(tmp_path):
    old = os.umask(0o027)
    try:
        write_text(tmp_path / "a.txt", "hello")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").read_text() == "hello"
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o640
    write_text(tmp_path / "b.txt", "x")
    assert stat.S_IMODE((tmp_path / "b.txt").stat().st_mode) == 0o666 & ~old


def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "sources.yaml"
    target.write_text("old")
    target.chmod(0o664)
    write_text(target, "new")
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o664


def test_a_symlink_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "made-through-link.csv")
    write_text(dangling, "made")
    assert dangling.is_symlink() and (tmp_path / "made-through-link.csv").read_text() == "made"


def test_a_fifo_is_written_through_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_bytes(fifo, b"through the pipe")
    reader.join(timeout=10)
    assert got == [b"through the pipe"] and stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not ROOT_USER, reason="making a device node needs root")
def test_a_full_device_gives_disk_full_and_stays_a_device(tmp_path):
    device = tmp_path / "full"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
    with pytest.raises(WriteError) as raised:
        write_text(device, "x" * 10_000)
    assert "the disk is full" in str(raised.value)
    assert stat.S_ISCHR(device.lstat().st_mode)
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    write_text(null, "gone")
    assert stat.S_ISCHR(null.lstat().st_mode)


def test_a_folder_target_is_refused(tmp_path):
    with pytest.raises(WriteError) as raised:
        write_text(tmp_path, "x")
    assert str(raised.value) == f"{tmp_path} is a folder; give a file name"


def test_a_missing_folder_is_not_created(tmp_path):
    with pytest.raises(WriteError) as raised:
        write_text(tmp_path / "missing" / "deeper" / "out.md", "x")
    assert "no such folder" in str(raised.value) and not (tmp_path / "missing").exists()


def test_a_path_too_long(tmp_path):
    with pytest.raises(WriteError) as raised:
        write_text(tmp_path / ("x" * 5000), "x")
    message = str(raised.value)
    assert "longer than this system allows" in message and len(message) < 250 and "\n" not in message


def test_permission_denied_and_disk_full_leave_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("old")
    for code, words in ((errno.EACCES, "permission denied"), (errno.ENOSPC, "the disk is full"),
                        (errno.EROFS, "read-only")):
        def failing(*args, **kwargs):
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(atomic.tempfile, "mkstemp", failing)
        with pytest.raises(WriteError) as raised:
            write_text(target, "new")
        assert words in str(raised.value) and raised.value.errno == code
        assert target.read_text() == "old"
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no temporary file left


@pytest.mark.skipif(ROOT_USER or os.name == "nt", reason="root writes anywhere")
def test_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(WriteError) as raised:
            write_text(folder / "out.md", "x")
        assert "permission denied" in str(raised.value)
    finally:
        folder.chmod(0o700)


def test_core_imports_only_the_standard_library():
    import ast
    import sys
    from pathlib import Path

    import fieldkit.core

    for path in Path(fieldkit.core.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or name.startswith("fieldkit.core"), f"{path.name} imports {name}"
