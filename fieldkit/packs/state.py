"""Which packs are installed, and which one fieldkit reads. Light on purpose: every command asks this first.

    <data_dir>/packs/state.json           {"current": FOLDER or null, "previous": FOLDER or null}
    <data_dir>/packs/<name>-<version>-<random>/   manifest.json, manifest.sig, fieldkit.db

state.json is only ever replaced whole (atomically), and a pack folder is complete before state.json names it,
so whatever moment a process dies at, state.json names whole packs. Anything it does not name is a leftover
that the next install or rollback removes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from fieldkit.paths import packs_dir  # noqa: F401 (where the packs live; install.py and tests take it from here)
from fieldkit.packs.errors import PackError
from fieldkit.packs.manifest import DATABASE, Manifest, from_json, is_pack_folder
from fieldkit.store.schema import SCHEMA_VERSION

STATE = "state.json"


@dataclass(frozen=True)
class State:
    current: str | None = None
    previous: str | None = None

    def to_bytes(self) -> bytes:
        return (json.dumps({"current": self.current, "previous": self.previous}, indent=2) + "\n").encode("ascii")


def read_state(folder: Path | None = None) -> State:
    """The recorded state; a missing or unreadable state.json means nothing is installed. Never raises."""
    folder = folder or packs_dir()
    try:
        data = json.loads((folder / STATE).read_bytes())
    except (OSError, ValueError):
        return State()
    if not isinstance(data, dict):
        return State()

    def folder_name(value):
        return value if is_pack_folder(value) else None

    return State(folder_name(data.get("current")), folder_name(data.get("previous")))


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


def read_installed(folder: Path) -> Installed | None:
    """An installed pack if it looks whole (manifest readable, database of the right size, a schema this fieldkit
    reads); None otherwise. Cheap: the database is not hashed here (`fieldkit pack list` does that)."""
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


def active_pack() -> Installed | None:
    """The pack fieldkit reads: the current one, or the previous one if the current one is damaged."""
    folder = packs_dir()
    state = read_state(folder)
    for name in (state.current, state.previous):
        if name:
            installed = read_installed(folder / name)
            if installed is not None:
                return installed
    return None
