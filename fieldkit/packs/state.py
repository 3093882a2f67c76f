"""Which packs are installed, and which one fieldkit reads. Light on purpose: every command asks this first.

    <data_dir>/packs/state.json           {"current": FOLDER or null, "previous": FOLDER or null}
    <data_dir>/packs/<name>-<version>-<random>/   manifest.json, manifest.sig, fieldkit.db, verified.json
    <data_dir>/overlay-packs/<namespace>/ the same, for each organisation's overlay: one layer each

Each layer (the base, and each overlay namespace) has its own folder and state.json, so each is installed and
rolled back on its own; a later base pack leaves the overlays alone.

state.json is only ever replaced whole (atomically), and a pack folder is complete before state.json names it,
so whatever moment a process dies at, state.json names whole packs. Anything it does not name is a leftover
that the next install or rollback removes.

Should state.json still become unreadable (a disk error, a hand edit), the state is recovered from the pack
folders present: the newest whole pack is current, the next one previous, and nothing is swept away.

A pack is used only while its database is proven to match its signed manifest: hashed in full once, then
remembered in verified.json for as long as the file is untouched (same size, inode, modification and change
time; the change time cannot be set back by any tool). Damage that keeps the size is caught this way; bit rot
that changes neither is left to `fieldkit pack list`, which hashes every time.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from fieldkit.core.layers import namespace_problem
from fieldkit.packs.errors import PackError
from fieldkit.packs.manifest import DATABASE, Manifest, from_json, is_pack_folder, version_key
from fieldkit.paths import overlay_packs_dir, packs_dir  # noqa: F401 (where the packs live; install.py and tests take it from here)
from fieldkit.store.schema import SCHEMA_VERSION

STATE = "state.json"
STAMP = "verified.json"


@dataclass(frozen=True)
class State:
    current: str | None = None
    previous: str | None = None
    recovered: bool = field(default=False, compare=False)  # state.json was unreadable: found from the folders

    def to_bytes(self) -> bytes:
        return (json.dumps({"current": self.current, "previous": self.previous}, indent=2) + "\n").encode("ascii")


def read_state(folder: Path | None = None) -> State:
    """The recorded state; a missing state.json means nothing is installed, an unreadable one is recovered from
    the pack folders present (see the module's notes). Never raises."""
    folder = folder or packs_dir()
    try:
        data = json.loads((folder / STATE).read_bytes())
    except FileNotFoundError:
        return State()
    except (OSError, ValueError, RecursionError):
        return recover(folder)
    names = [data.get(key) for key in ("current", "previous")] if isinstance(data, dict) else [0, 0]
    if not all(name is None or is_pack_folder(name) for name in names):
        return recover(folder)
    return State(*names)


def recover(folder: Path) -> State:
    """The state state.json should have said: the newest whole, verified pack current, the next one previous."""
    found = []
    try:
        children = [path for path in folder.iterdir() if is_pack_folder(path.name) and path.is_dir()]
    except OSError:
        children = []
    for path in children:
        installed = read_installed(path)
        if installed is not None and verified(installed):
            try:
                moment = (path / DATABASE).stat().st_mtime_ns
            except OSError:
                moment = 0
            found.append((version_key(installed.version), moment, path.name))
    found.sort(reverse=True)
    names: list[str | None] = [name for _, _, name in found[:2]]
    current, previous = (names + [None, None])[:2]
    return State(current, previous, recovered=True)


@dataclass(frozen=True)
class Installed:
    folder: Path
    manifest: Manifest

    @property
    def database(self) -> Path:
        return self.folder / DATABASE

    @property
    def name(self) -> str:
        return self.manifest.name

    @property
    def version(self) -> str:
        return self.manifest.version

    @property
    def label(self) -> str:
        return f"{self.manifest.name} {self.manifest.version}"

    @property
    def signer_id(self) -> str:
        """The id of the key that signed it (as its manifest names it; the signature was checked at install)."""
        import base64
        import binascii
        import hashlib

        try:
            return hashlib.sha256(base64.b64decode(self.manifest.signer, validate=True)).hexdigest()[:16]
        except (binascii.Error, ValueError):
            return ""


def read_installed(folder: Path) -> Installed | None:
    """An installed pack if it looks whole (manifest readable, database of the right size, a schema this fieldkit
    reads); None otherwise. Cheap: the database is not hashed here (`verified` and `fieldkit pack list` do)."""
    try:
        raw = (folder / "manifest.json").read_bytes()
        manifest = from_json(json.loads(raw))
        if (folder / DATABASE).stat().st_size != manifest.database.size:
            return None
    except (OSError, ValueError, RecursionError, PackError):
        return None
    if manifest.schema_version > SCHEMA_VERSION:
        return None
    return Installed(folder, manifest)


def _fingerprint(path: Path) -> dict | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return {"size": found.st_size, "inode": found.st_ino, "mtime_ns": found.st_mtime_ns, "ctime_ns": found.st_ctime_ns}


def verified(installed: Installed) -> bool:
    """True when the database matches the sha256 in its signed manifest (hashed once, then remembered)."""
    stamp, now = installed.folder / STAMP, _fingerprint(installed.database)
    if now is None:
        return False
    try:
        remembered = json.loads(stamp.read_bytes())
    except (OSError, ValueError, RecursionError):
        remembered = None
    if remembered == dict(now, sha256=installed.manifest.database.sha256):
        return True
    if hash_file(installed.database) != installed.manifest.database.sha256:
        return False
    remember(installed.folder, installed.manifest.database.sha256)
    return True


def stamp(database: Path, sha256: str) -> bytes | None:
    """What verified.json says for `database` as it is now, or None if it cannot be read."""
    now = _fingerprint(database)
    return None if now is None else json.dumps(dict(now, sha256=sha256)).encode("ascii")


def remember(folder: Path, sha256: str) -> None:
    """Write the stamp saying folder/fieldkit.db, as it is now, has this sha256. Best effort: it is a cache."""
    data = stamp(folder / DATABASE, sha256)
    if data is None:
        return
    temporary = folder / f".{STAMP}.{os.getpid()}.tmp"
    try:
        temporary.write_bytes(data)
        os.replace(temporary, folder / STAMP)
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass


def hash_file(path: Path) -> str | None:
    """The sha256 of a file, or None if it cannot be read."""
    import hashlib

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def layer_folder(manifest: Manifest) -> Path:
    """Where a pack's layer is installed: the base in packs_dir(), an overlay in its namespace's folder."""
    return overlay_packs_dir() / str(manifest.namespace) if manifest.is_overlay else packs_dir()


def overlay_folders() -> list[Path]:
    """The folder of every overlay namespace with something installed, by namespace."""
    root = overlay_packs_dir()
    try:
        return sorted(path for path in root.iterdir() if path.is_dir() and namespace_problem(path.name) is None) \
            if root.is_dir() else []
    except OSError:
        return []


def active_pack(folder: Path | None = None) -> Installed | None:
    """The pack fieldkit reads in a layer (default: the base): the current one, or the previous one if the current
    one is damaged. A pack of the wrong layer for its folder (moved by hand) is not read."""
    folder = folder or packs_dir()
    state = read_state(folder)
    revoked = None
    for name in (state.current, state.previous):
        if name:
            installed = read_installed(folder / name)
            if installed is None or layer_folder(installed.manifest) != folder:
                continue
            if revoked is None:
                from fieldkit.packs.keys import revoked_ids

                revoked = revoked_ids()
            if revoked and installed.signer_id in revoked:
                continue  # its key was revoked: what it signed is no longer read (fieldkit pack list says so)
            if verified(installed):
                return installed
    return None
