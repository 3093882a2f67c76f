"""Which files are content input, and their hash: cheap enough to run at every start of a source checkout."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from fieldkit.core.layers import ATTACH_FOLDER, OVERLAY_FILE
from fieldkit.core.registry import RESERVED_FOLDERS

SOURCES_FILE = "sources.yaml"
# The search vocabulary (fieldkit/content/vocabulary.py), not a content type.
VOCABULARY_FOLDER = RESERVED_FOLDERS[0]


def content_files(root: Path) -> list[Path]:
    """Every file that is content input, in a stable order (the order that defines the input hash)."""
    return [root / relative for relative in _relative_inputs(root)]


def _relative_inputs(root: Path) -> list[str]:
    """content_files as paths relative to `root` ("risk/x.en.md"): the sources file, every type folder's *.md,
    the vocabulary's *.yaml, an overlay's own file and its attachments. Listed with os.scandir, not Path.glob:
    every launch of a source checkout lists some 2,000 files here, and pathlib's globbing made that a tenth of a
    second (names starting with a dot are left out, as glob leaves them out)."""
    files = [SOURCES_FILE] if (root / SOURCES_FILE).exists() else []
    folders = sorted(entry.name for entry in _entries(root) if entry.name != VOCABULARY_FOLDER and _is_dir(entry))
    files += [f"{folder}/{name}" for folder in folders for name in _files_named(root / folder, ".md")]
    files += [f"{VOCABULARY_FOLDER}/{name}" for name in _files_named(root / VOCABULARY_FOLDER, ".yaml")]
    # An organisation's overlay (fieldkit/content/overlay.py): its own file and what it attaches to published entries.
    files += [OVERLAY_FILE] if (root / OVERLAY_FILE).is_file() else []
    files += [f"{ATTACH_FOLDER}/{name}" for name in _files_named(root / ATTACH_FOLDER, ".yaml")]
    return files


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return [entry for entry in entries if not entry.name.startswith(".")]
    except OSError:  # missing or unreadable: no input there (as glob has it)
        return []


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _files_named(folder: Path, suffix: str) -> list[str]:
    """The names of the files in `folder` ending in `suffix`, sorted (a link to a file counts, as with is_file)."""
    names = []
    for entry in _entries(folder):
        try:
            if entry.name.endswith(suffix) and entry.is_file():
                names.append(entry.name)
        except OSError:
            continue
    return sorted(names)


def stat_key(root: Path) -> str:
    """sha256 over the relative paths and what the file system says of every input file (size, modification and
    change times, inode), reading none of them: any write to a file, or a file added or removed, changes it. It
    tells when `input_hash` must be computed again, not what the content is."""
    digest = hashlib.sha256()
    base = os.fspath(root) + "/"
    for relative in _relative_inputs(root):
        info = os.stat(base + relative)
        digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}\n".encode())
    return digest.hexdigest()


def input_hash(root: Path) -> str:
    """sha256 over the relative paths and bytes of every input file: same content, same hash."""
    digest = hashlib.sha256()
    for path in content_files(root):
        data = path.read_bytes()
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()
