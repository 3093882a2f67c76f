"""Writing files so that a crash, a killed process or a full disk never leaves half a file behind.

A file is written to a temporary name in the folder it belongs in, flushed to disk, and renamed over its final
name; the rename is the moment it changes, and a rename within one folder is atomic. The folder itself is then
flushed so the rename survives a power cut (POSIX only: Windows cannot open a folder for that).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from fieldkit.packs.errors import PackError


def fsync_dir(folder: Path) -> None:
    """Make renames and new names in `folder` durable. Best effort: not every system can sync a folder."""
    if os.name == "nt":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_file(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write `data` to `path` atomically: the old file (if any) stays whole until the new one is complete."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            if mode is not None and os.name != "nt":
                os.fchmod(out.fileno(), mode)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_dir(path.parent)


def write_new_file(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Write a file that must not exist yet (refuses to overwrite), flushed to disk."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags, mode)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` so two fieldkits do not install at once (POSIX; a no-op on Windows).

    The lock is on the folder itself, so it creates no file, and the system drops it if the process dies.
    """
    if os.name == "nt":
        yield
        return
    import fcntl

    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise PackError("another fieldkit is installing a pack right now; try again when it has finished") from None
        yield
    finally:
        os.close(handle)  # closing releases the lock
