"""Which files are content input, and their hash: cheap enough to run at every start of a source checkout."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fieldkit.core.layers import ATTACH_FOLDER, OVERLAY_FILE
from fieldkit.core.registry import RESERVED_FOLDERS

SOURCES_FILE = "sources.yaml"
# The search vocabulary (fieldkit/content/vocabulary.py), not a content type.
VOCABULARY_FOLDER = RESERVED_FOLDERS[0]


def content_files(root: Path) -> list[Path]:
    """Every file that is content input, in a stable order (the order that defines the input hash)."""
    files = [root / SOURCES_FILE] if (root / SOURCES_FILE).exists() else []
    files += sorted(p for p in root.glob("*/*.md") if p.is_file() and p.parent.name != VOCABULARY_FOLDER)
    files += sorted(p for p in (root / VOCABULARY_FOLDER).glob("*.yaml") if p.is_file())
    # An organisation's overlay (fieldkit/content/overlay.py): its own file and what it attaches to published entries.
    files += [root / OVERLAY_FILE] if (root / OVERLAY_FILE).is_file() else []
    files += sorted(p for p in (root / ATTACH_FOLDER).glob("*.yaml") if p.is_file())
    return files


def stat_key(root: Path) -> str:
    """sha256 over the relative paths and what the file system says of every input file (size, modification and
    change times, inode), reading none of them: any write to a file, or a file added or removed, changes it. It
    tells when `input_hash` must be computed again, not what the content is."""
    digest = hashlib.sha256()
    for path in content_files(root):
        info = path.stat()
        digest.update(f"{path.relative_to(root).as_posix()}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}"
                      f"\0{info.st_ino}\n".encode())
    return digest.hexdigest()


def input_hash(root: Path) -> str:
    """sha256 over the relative paths and bytes of every input file: same content, same hash."""
    digest = hashlib.sha256()
    for path in content_files(root):
        data = path.read_bytes()
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()
