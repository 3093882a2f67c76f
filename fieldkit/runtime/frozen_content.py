"""The content database inside the one-file executable, unpacked once per content version.

A one-file executable unpacks every file it holds into a new temporary folder at each launch. The content
database (7 MB) would cost every launch the time to write it out, so build/fieldkit.spec keeps it compressed in
the executable's Python archive instead, and this module writes it into the cache folder the first time a version
is used; later launches open that copy. Without a writable cache folder, the copy goes into the launch's own
temporary folder (slower, still correct). Nothing is read from anywhere but the executable and that copy.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from fieldkit import paths

# Archive modules the spec writes: ID and SIZE of the database (small, read at every launch), and its BLOB, xz
# (LZMA) compressed: a third smaller than zlib in the executable (read only when a copy has to be written).
ID_MODULE, BLOB_MODULE = "pyi_fieldkit_content_id", "pyi_fieldkit_content"
PREFIX = "bundled-"


class CorruptExecutable(Exception):
    """The compressed database inside the executable does not match its recorded hash."""


def unpacked_content() -> Path | None:
    """The bundled database as a file, written out if this version has no copy yet; None outside the executable."""
    if not getattr(sys, "frozen", False):
        return None
    try:
        ident = importlib.import_module(ID_MODULE)
    except ImportError:
        return None
    name = f"{PREFIX}{ident.ID}.db"
    folders = [paths.cache_dir(), Path(getattr(sys, "_MEIPASS", paths.cache_dir()))]
    for folder in folders:
        target = folder / name
        if target.is_file() and target.stat().st_size == ident.SIZE:
            return target
    for folder in folders:
        try:
            _write(folder / name, ident)
        except OSError:
            continue  # a read-only cache folder: try the next
        _forget_other_versions(folder, name)
        return folder / name
    return None


def _write(target: Path, ident) -> None:
    import hashlib  # only when a copy is written, not at every launch
    import lzma

    try:
        data = lzma.decompress(importlib.import_module(BLOB_MODULE).BLOB)
    except lzma.LZMAError:
        data = b""
    if len(data) != ident.SIZE or hashlib.sha256(data).hexdigest()[: len(ident.ID)] != ident.ID:
        raise CorruptExecutable("the content inside this executable is damaged: get a new copy")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, target)  # another launch doing the same at once writes identical bytes


def _forget_other_versions(folder: Path, keep: str) -> None:
    """Copies left by earlier versions of the executable are only cache: remove them (best effort)."""
    for old in folder.glob(f"{PREFIX}*.db"):
        if old.name != keep:
            try:
                old.unlink()
            except OSError:
                pass
