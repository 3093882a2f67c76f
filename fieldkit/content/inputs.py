"""Which files are content input, and their hash: cheap enough to run at every start of a source checkout."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from fieldkit.core.layers import ATTACH_FOLDER, OVERLAY_FILE
from fieldkit.core.registry import RESERVED_FOLDERS

SOURCES_FILE = "sources.yaml"
# The search vocabulary (fieldkit/content/vocabulary.py), not a content type.
VOCABULARY_FOLDER = RESERVED_FOLDERS[0]


def content_files(root: Path) -> list[Path]:
    """Every file that is content input, in a stable order (the order that defines the input hash)."""
    return [root / name for name in _input_names(str(root))]


def _input_names(root: str) -> list[str]:
    """content_files' files as paths relative to `root` ("place/bihac.en.md"), listed with os.scandir: a source
    checkout's launch lists its 2,000 files this way (pathlib's glob took 30-40 ms of it). The same files as the
    globs "sources.yaml", "*/*.md" (not in vocabulary/), "vocabulary/*.yaml", "overlay.yaml" and "attach/*.yaml"
    give, hidden names and linked folders included, each group sorted as Paths sort."""

    def listed(folder: str, suffix: str) -> list[str]:
        try:
            with os.scandir(os.path.join(root, folder)) as entries:
                return sorted((entry.name for entry in entries
                               if os.path.normcase(entry.name).endswith(suffix) and entry.is_file()), key=os.path.normcase)
        except OSError:  # a folder that is not there or cannot be read: as the globs, no files from it
            return []

    names = [SOURCES_FILE] if os.path.exists(os.path.join(root, SOURCES_FILE)) else []
    try:
        with os.scandir(root) as entries:
            folders = sorted((entry.name for entry in entries if entry.is_dir() and entry.name != VOCABULARY_FOLDER),
                             key=os.path.normcase)
    except OSError:
        folders = []
    names += [f"{folder}/{name}" for folder in folders for name in listed(folder, ".md")]
    names += [f"{VOCABULARY_FOLDER}/{name}" for name in listed(VOCABULARY_FOLDER, ".yaml")]
    names += [OVERLAY_FILE] if os.path.isfile(os.path.join(root, OVERLAY_FILE)) else []
    names += [f"{ATTACH_FOLDER}/{name}" for name in listed(ATTACH_FOLDER, ".yaml")]
    return names


def stat_key(root: Path) -> str:
    """A key over the relative paths and what the file system says of every input file (size, modification and
    change times, inode), reading none of them: any write to a file, or a file added or removed, changes it. It
    tells when `input_hash` must be computed again, not what the content is. Two checksums of the listing (64
    bits; zlib's: hashlib's OpenSSL took longer to load than the listing takes to make)."""
    folder = str(root)
    lines = []
    for name in _input_names(folder):
        info = os.stat(os.path.join(folder, name))
        lines.append(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}\n")
    listing = "".join(lines).encode()
    return f"{zlib.crc32(listing):08x}{zlib.adler32(listing):08x}{len(lines):x}"


def input_hash(root: Path) -> str:
    """sha256 over the relative paths and bytes of every input file: same content, same hash."""
    import hashlib  # only when a file changed (see stat_key)

    digest = hashlib.sha256()
    for path in content_files(root):
        data = path.read_bytes()
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()
