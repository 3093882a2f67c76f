"""Writing files so that a crash, a killed process or a full disk never leaves half a file behind.

A file is written to a temporary name in the folder it belongs in, flushed to disk, and renamed over its final
name; the rename is the moment it changes, and a rename within one folder is atomic. The folder itself is then
flushed so the rename survives a power cut (POSIX only: Windows cannot open a folder for that).

`write_bytes` / `write_text` are for files a person names (`-o FILE`, `--out FILE`, content files):

- a new file gets the mode the user's umask gives (0644 under the usual 022); a replaced file keeps its mode;
- a symbolic link is followed, deliberately, as the shell's `>` does: the file it points at is replaced
  atomically and the link stays a link;
- a target that is not a regular file (a device such as /dev/null or /dev/full, a FIFO) is written through,
  never renamed over: the device stays a device;
- no folder is created: a missing parent folder is an error, as is a folder given as the target;
- every failure is a WriteError, an OSError whose message is one line saying what to do (no such folder, a
  folder, a path too long, permission denied, disk full, read-only), and the old file, if any, is unchanged.

Standard library only: this is the bottom layer (fieldkit/core).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

from fieldkit.core.explained import Explained, Reason, os_reason
from fieldkit.core.marker import N_


class WriteError(Explained, OSError):
    """A file could not be written: an OSError whose str() is a one-line message for the person at the keyboard, in
    English; `fieldkit.i18n.catalog.explain` gives it in the reader's language."""

    def __init__(self, template: str, code: int | None = None, **values: object):
        Explained.__init__(self, template, **values)
        self.errno = code

    @property
    def message(self) -> str:
        return str(self)


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


def write_file(path: Path, data: Data, *, mode: int | None = None) -> None:
    """Write `data` to `path` atomically: the old file (if any) stays whole until the new one is complete.

    The low-level step: `path` is replaced as given (a link or a device would be renamed over) and errors are the
    system's own OSErrors. Files a person names go through `write_bytes`.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            if mode is not None and os.name != "nt":
                os.fchmod(out.fileno(), mode)
            _put(out, data)
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


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """`write_bytes` of `text` as UTF-8."""
    write_bytes(path, text.encode("utf-8"))


Data = bytes | BinaryIO  # the bytes to write, or an open file to copy them from (a large file, in pieces)


def _put(out: BinaryIO, data: Data) -> None:
    if isinstance(data, bytes):
        out.write(data)
    else:
        shutil.copyfileobj(data, out, 1 << 20)


def write_bytes(path: str | os.PathLike[str], data: Data) -> None:
    """Write a file a person named, atomically where it is a file (see the module's notes). WriteError if not."""
    target = Path(path)
    if not str(path):
        raise WriteError(N_("no file name given"))
    try:
        found = os.stat(target)  # follows a symbolic link to what it points at
    except FileNotFoundError:
        found = None
    except OSError as problem:
        raise explain(problem, target) from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise WriteError(N_("{path} is a folder; give a file name"), errno.EISDIR, path=str(target))
    try:
        if found is not None and not stat.S_ISREG(found.st_mode):
            _write_through(target, data)
            return
        real = Path(os.path.realpath(target)) if target.is_symlink() else target
        if not real.parent.is_dir():
            raise WriteError(N_("no such folder: {folder} (fieldkit does not create it)"), errno.ENOENT,
                             folder=str(real.parent))
        mode = stat.S_IMODE(found.st_mode) if found is not None else 0o666 & ~current_umask()
        write_file(real, data, mode=mode)
    except WriteError:
        raise
    except OSError as problem:
        raise explain(problem, target) from None


def _write_through(target: Path, data: Data) -> None:
    """A device or FIFO: open it and write, as `cat > /dev/...` would; no temporary file, no rename."""
    with open(target, "wb") as out:
        _put(out, data)
        out.flush()


def current_umask() -> int:
    """The process's umask (reading it means setting it: set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# A missing part of the path of a file being written is a folder.
_NO_SUCH_FOLDER = Reason(N_("no such folder"))


def explain(problem: OSError, target: Path) -> WriteError:
    """An OSError met while writing `target`, as a WriteError with a one-line message."""
    if isinstance(problem, WriteError):
        return problem
    reason = _NO_SUCH_FOLDER if problem.errno == errno.ENOENT else os_reason(problem)
    shown = str(target)
    if problem.errno == errno.ENAMETOOLONG or len(shown) > 200:
        shown = shown[:60] + "..." + shown[-60:]
    return WriteError(N_("cannot write {path}: {reason}"), problem.errno, path=shown, reason=reason)
