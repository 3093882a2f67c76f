"""The pack file itself: a zip archive in one exact layout, written here and read defensively.

Layout, every byte of it fixed by this module so that a byte changed anywhere is noticed:

    local header, manifest.json (stored) | local header, manifest.sig (stored) | local header, fieldkit.db
    (raw deflate) | central directory, the same three in the same order | end of central directory

No extra fields, comments, data descriptors or encryption; every date 1980-01-01 00:00; Unix mode 0644; ASCII
names. `unzip -l` lists a pack. The reader lets zipfile find the members, refuses unsafe or unexpected ones by
name and type, checks declared sizes against the caps, then re-renders every header from the member list and
compares it byte for byte with the file. The member data is covered by the signature (manifest.json), by the
signature check itself (manifest.sig) and by the signed sha256 of the stored bytes (fieldkit.db).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fieldkit.core.explained import os_reason
from fieldkit.core.marker import N_
from fieldkit.packs.errors import PackError

MANIFEST, SIGNATURE, DATABASE = "manifest.json", "manifest.sig", "fieldkit.db"
ORDER = (MANIFEST, SIGNATURE, DATABASE)
METHOD = {MANIFEST: zipfile.ZIP_STORED, SIGNATURE: zipfile.ZIP_STORED, DATABASE: zipfile.ZIP_DEFLATED}
MAX_PACK_BYTES = 1 << 30  # the pack file
MAX_UNPACKED_BYTES = 1 << 30  # everything in it, unpacked (a zip bomb stops here)
MEMBER_LIMITS = {MANIFEST: 1 << 16, SIGNATURE: 64}
CHUNK = 1 << 20

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_DATE, _TIME = (1 << 5) | 1, 0  # 1980-01-01 00:00, the earliest date a zip can say
_NEEDED, _MADE_BY = 20, (3 << 8) | 20  # zip 2.0, made on Unix
_ATTRIBUTES = (stat.S_IFREG | 0o644) << 16

# What zipfile (and zlib under it) may raise on a hostile file; all of it means "damaged".
BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError, RuntimeError,
          struct.error, KeyError, IndexError, OverflowError, UnicodeDecodeError, zlib.error, TypeError)
TRUNCATED = N_("truncated, or not a fieldkit pack (no readable pack archive)")


def human(size: float) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError


@dataclass(frozen=True)
class Entry:
    """One member as the headers describe it."""

    name: str
    crc: int
    stored_size: int
    size: int


def stored(name: str, data: bytes) -> tuple[Entry, bytes]:
    return Entry(name, zlib.crc32(data), len(data), len(data)), data


def deflated(name: str, data: bytes) -> tuple[Entry, bytes]:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(data) + packer.flush()
    return Entry(name, zlib.crc32(data), len(packed), len(data)), packed


def _name(entry: Entry) -> bytes:
    return entry.name.encode("ascii")


def layout(entries: list[Entry]) -> tuple[list[tuple[int, bytes]], list[int], int]:
    """Every header with its offset, the offset of each member's data, and the archive's length."""
    headers: list[tuple[int, bytes]] = []
    starts, data_starts, offset = [], [], 0
    for entry in entries:
        header = _LOCAL.pack(0x04034B50, _NEEDED, 0, METHOD[entry.name], _TIME, _DATE, entry.crc, entry.stored_size,
                             entry.size, len(_name(entry)), 0) + _name(entry)
        headers.append((offset, header))
        starts.append(offset)
        data_starts.append(offset + len(header))
        offset += len(header) + entry.stored_size
    directory = offset
    for entry, start in zip(entries, starts):
        header = _CENTRAL.pack(0x02014B50, _MADE_BY, _NEEDED, 0, METHOD[entry.name], _TIME, _DATE, entry.crc,
                               entry.stored_size, entry.size, len(_name(entry)), 0, 0, 0, 0, _ATTRIBUTES,
                               start) + _name(entry)
        headers.append((offset, header))
        offset += len(header)
    end = _END.pack(0x06054B50, 0, 0, len(entries), len(entries), offset - directory, directory, 0)
    headers.append((offset, end))
    return headers, data_starts, offset + len(end)


def render(members: list[tuple[Entry, bytes]]) -> bytes:
    """The whole pack file for (entry, stored bytes) pairs, in ORDER."""
    assert [entry.name for entry, _ in members] == list(ORDER)
    headers, data_starts, total = layout([entry for entry, _ in members])
    out = bytearray(total)
    for offset, header in headers:
        out[offset:offset + len(header)] = header
    for start, (_, data) in zip(data_starts, members):
        out[start:start + len(data)] = data
    return bytes(out)


def _show(name: str) -> str:
    return repr(name if len(name) <= 60 else name[:57] + "...")


def _is_absolute(name: str) -> bool:
    return name.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", name))


class PackArchive:
    """An open pack file whose structure has been checked. Use as a context manager."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._file: BinaryIO | None = None
        self._zip: zipfile.ZipFile | None = None
        self.entries: dict[str, Entry] = {}
        self._data_start: dict[str, int] = {}

    def __enter__(self) -> PackArchive:
        try:
            self._open()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        if self._file is not None:
            self._file.close()
        self._zip = self._file = None

    @property
    def _stream(self) -> BinaryIO:
        if self._file is None:
            raise ValueError("the pack is closed: open it with `with PackArchive(path) as pack`")
        return self._file

    @property
    def _archive(self) -> zipfile.ZipFile:
        if self._zip is None:
            raise ValueError("the pack is closed: open it with `with PackArchive(path) as pack`")
        return self._zip

    # --- opening --------------------------------------------------------------------------------------------
    def _open(self) -> None:
        try:
            size = self.path.stat().st_size
            if not self.path.is_file():
                raise PackError(N_("not a file"))
            self._file = file = open(self.path, "rb")
        except OSError as error:
            raise PackError(N_("cannot read it: {reason}"), reason=os_reason(error)) from None
        if size > MAX_PACK_BYTES:
            raise PackError(N_("the file is {size}, more than the {limit} a pack may be"),
                            size=human(size), limit=human(MAX_PACK_BYTES))
        try:
            self._zip = archive = zipfile.ZipFile(file)
            infos = archive.infolist()
        except (*BROKEN, OSError):
            raise PackError(TRUNCATED) from None
        self._check_members(infos)
        self._check_layout(infos, size)

    def _check_members(self, infos: list[zipfile.ZipInfo]) -> None:
        seen: set[str] = set()
        for info in infos:
            name = info.orig_filename
            if _is_absolute(name) or _is_absolute(info.filename):
                raise PackError(N_("unsafe member path {member}: an absolute path"), member=_show(name))
            if ".." in re.split(r"[\\/]", name):
                raise PackError(N_("unsafe member path {member}: it climbs out of its folder with '..'"),
                                member=_show(name))
            if stat.S_ISLNK(info.external_attr >> 16):
                raise PackError(N_("member {member} is a symbolic link; a pack holds plain files only"),
                                member=_show(name))
            if name not in METHOD or info.is_dir():
                raise PackError(N_("unexpected member {member}: a pack holds only {members}"),
                                member=_show(name), members=', '.join(ORDER))
            if name in seen:
                raise PackError(N_("damaged: member {member} appears twice"), member=_show(name))
            seen.add(name)
            if info.flag_bits & 0x1:
                raise PackError(N_("damaged: member {member} is encrypted"), member=_show(name))
        for name in ORDER:
            if name not in seen:
                raise PackError(N_("damaged or incomplete: it has no {name}"), name=name)
        total = 0
        for info in infos:
            limit = MEMBER_LIMITS.get(info.filename, MAX_UNPACKED_BYTES)
            total += info.file_size
            if info.file_size > limit or total > MAX_UNPACKED_BYTES:
                raise PackError(N_("member {member} would unpack to {size}, more than the {limit} a pack may hold (a "
                                   "zip bomb?)"), member=_show(info.filename), size=human(info.file_size),
                                limit=human(min(limit, MAX_UNPACKED_BYTES)))

    def _check_layout(self, infos: list[zipfile.ZipInfo], size: int) -> None:
        damaged = PackError(N_("damaged: the archive is not laid out as fieldkit writes packs (a changed or missing "
                               "byte?)"))
        if [info.filename for info in infos] != list(ORDER):
            raise damaged
        entries = [Entry(i.filename, i.CRC, i.compress_size, i.file_size) for i in infos]
        headers, data_starts, total = layout(entries)
        if total != size:
            raise damaged
        stream = self._stream
        try:
            for offset, expected in headers:
                stream.seek(offset)
                if stream.read(len(expected)) != expected:
                    raise damaged
        except OSError as error:
            raise PackError(N_("cannot read it: {reason}"), reason=os_reason(error)) from None
        self.entries = {entry.name: entry for entry in entries}
        self._data_start = dict(zip(ORDER, data_starts))

    # --- reading --------------------------------------------------------------------------------------------
    def read(self, name: str) -> bytes:
        """A small member (manifest.json, manifest.sig), its checksum checked."""
        archive = self._archive
        try:
            return archive.read(name)
        except (*BROKEN, OSError):
            raise PackError(N_("damaged: {name} cannot be read (checksum error?)"), name=name) from None

    def stored_sha256(self, name: str) -> str:
        """The sha256 of a member's bytes exactly as stored in the file (before unpacking)."""
        digest, left = hashlib.sha256(), self.entries[name].stored_size
        stream = self._stream
        try:
            stream.seek(self._data_start[name])
            while left:
                chunk = stream.read(min(CHUNK, left))
                if not chunk:
                    raise PackError(N_("damaged: {name} is cut short"), name=name)
                digest.update(chunk)
                left -= len(chunk)
        except OSError as error:
            raise PackError(N_("cannot read it: {reason}"), reason=os_reason(error)) from None
        return digest.hexdigest()

    def extract(self, name: str, target: Path) -> tuple[int, str]:
        """Unpack a member into a new file `target`, flushed to disk; returns its size and sha256.

        Read problems are a PackError; write problems (a full disk) stay OSError for the caller to report.
        """
        limit = min(self.entries[name].size, MAX_UNPACKED_BYTES)
        digest, total = hashlib.sha256(), 0
        archive = self._archive
        with open(target, "xb") as out:
            try:
                source = archive.open(name)
            except (*BROKEN, OSError):
                raise PackError(N_("damaged: {name} cannot be unpacked"), name=name) from None
            with source:
                while True:
                    try:
                        chunk = source.read(CHUNK)
                    except (*BROKEN, OSError) as error:
                        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
                            raise
                        raise PackError(N_("damaged: {name} cannot be unpacked"), name=name) from None
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > limit:
                        raise PackError(N_("member {member} unpacks to more than the {limit} it declares"),
                                        member=_show(name), limit=human(limit))
                    digest.update(chunk)
                    out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        return total, digest.hexdigest()
