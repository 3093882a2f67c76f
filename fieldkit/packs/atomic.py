"""Pack-specific file safety: the install lock. Durable writes themselves are `fieldkit.core.atomic`'s, re-exported
here for the pack modules (write_file, write_new_file, fsync_dir)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from fieldkit.core.atomic import fsync_dir, write_file, write_new_file  # noqa: F401  (used as atomic.*)
from fieldkit.packs.errors import PackError


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
