"""Pack-specific file safety: the install lock. Durable writes themselves are `fieldkit.core.atomic`'s, re-exported
here for the pack modules (write_file, write_new_file, fsync_dir)."""

from __future__ import annotations

import contextlib
import importlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from fieldkit.core.atomic import fsync_dir, write_file, write_new_file  # noqa: F401  (used as atomic.*)
from fieldkit.core.marker import N_
from fieldkit.packs.errors import PackError

LOCK_FILE = ".lock"  # Windows, and systems with neither lock call: the file the lock is held on (never swept)
STALE_LOCK = 600  # seconds: a lock file (no lock call at all) this old was left by a process that died
BUSY = N_("another fieldkit is installing a pack right now; try again when it has finished")


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` so two fieldkits do not install at once; PackError if another holds it.

    POSIX: flock on the folder itself (no file made; the system drops it if the process dies). Windows: a byte
    lock (msvcrt) on `folder/.lock`, also dropped by the system. Elsewhere: `.lock` created exclusively, removed
    on the way out, and taken over once it is older than STALE_LOCK (its process died)."""
    fcntl = _module("fcntl") if os.name != "nt" else None
    if fcntl is not None:
        with _flock(fcntl, folder):
            yield
        return
    msvcrt = _module("msvcrt")
    if msvcrt is not None:
        with _byte_lock(msvcrt, folder / LOCK_FILE):
            yield
        return
    with _lock_file(folder / LOCK_FILE):
        yield


@contextlib.contextmanager
def _flock(fcntl: ModuleType, folder: Path) -> Iterator[None]:
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise PackError(BUSY) from None
        yield
    finally:
        os.close(handle)  # closing releases the lock


@contextlib.contextmanager
def _byte_lock(msvcrt: ModuleType, path: Path) -> Iterator[None]:
    handle = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    try:
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            raise PackError(BUSY) from None
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.lseek(handle, 0, os.SEEK_SET)
                msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)
    finally:
        os.close(handle)


@contextlib.contextmanager
def _lock_file(path: Path) -> Iterator[None]:
    for attempt in (1, 2):
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            try:
                stale = time.time() - path.stat().st_mtime > STALE_LOCK
            except OSError:
                stale = True  # gone in between: try again
            if attempt == 2 or not stale:
                raise PackError(BUSY) from None
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        os.write(handle, str(os.getpid()).encode("ascii"))
        os.close(handle)
        break
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
