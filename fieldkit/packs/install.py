"""Install a verified pack atomically, keep the one before it, roll back, and list what is installed.

An install unpacks into a hidden staging folder beside the installed packs, flushes every file, renames the
folder to its final name, and only then replaces state.json (atomically) to point at it: that replacement is the
moment the install happens. A failure or a kill before it leaves state.json, and so the content in use, as it
was; leftovers are removed by the next install or rollback. A failed install removes what it made.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fieldkit.packs import atomic
from fieldkit.packs.archive import DATABASE, MANIFEST, SIGNATURE, human
from fieldkit.packs.errors import PackError
from fieldkit.packs.keys import PublicKey
from fieldkit.packs.manifest import Manifest, folder_name, version_key
from fieldkit.packs.reader import PackReader
from fieldkit.packs.state import (
    STAMP,
    STATE,
    Installed,
    State,
    active_pack,
    hash_file,
    packs_dir,
    read_installed,
    read_state,
    stamp,
    verified,
)

SPARE_BYTES = 1 << 20  # room left over after unpacking, for the state file and the system


@dataclass(frozen=True)
class Outcome:
    installed: Installed
    replaced: Installed | None  # what was in use before (now kept as the previous pack)


ShippedVersion = Callable[[], "str | None"]  # the version of the content shipped with fieldkit, when asked


def _unknown() -> str | None:
    return None


def check_version(manifest: Manifest, in_use: Installed | None, allow_downgrade: bool,
                  shipped_version: ShippedVersion = _unknown) -> None:
    """PackError unless `manifest` is newer than the pack in use or, with none, not older than the shipped content
    (`shipped_version`: asked only when no pack is in use; the caller knows where the shipped content is)."""
    if allow_downgrade:
        return
    if in_use is None:
        shipped = shipped_version()
        if shipped is not None and version_key(manifest.version) < version_key(shipped):
            raise PackError(f"version {manifest.version} is older than the content shipped with fieldkit ({shipped}) "
                            "(use --allow-downgrade to install it anyway)")
        return
    new, old = version_key(manifest.version), version_key(in_use.version)
    if new == old:
        raise PackError(f"version {manifest.version} is already installed (use --allow-downgrade to install it again)")
    if new < old:
        raise PackError(f"version {manifest.version} is older than the installed {in_use.version} "
                        "(use --allow-downgrade to go back to it)")


def install(path: Path, *, allow_downgrade: bool = False, trusted: list[PublicKey] | None = None,
            shipped_version: ShippedVersion = _unknown) -> Outcome:
    """Verify `path` and make it the content fieldkit reads. PackError (and nothing changed) on any problem."""
    folder = packs_dir()
    with PackReader(path, trusted) as pack:
        check_version(pack.manifest, active_pack(), allow_downgrade, shipped_version)
        made: list[Path] = []
        try:
            made = _make_folders(folder)
            with atomic.locked(folder):
                in_use = active_pack()
                check_version(pack.manifest, in_use, allow_downgrade, shipped_version)
                _check_space(folder, pack.manifest.database.size)
                _sweep_locked(folder)
                # What is kept for rollback is the pack in use now, proven whole: never a damaged one.
                installed = _install_locked(pack, folder, in_use.folder.name if in_use else None)
        except OSError as error:
            _remove_empty(made)
            raise PackError(f"cannot write to {folder}: {error.strerror or error}; the installed content is unchanged") from None
        except BaseException:
            _remove_empty(made)
            raise
    _sweep(folder)
    return Outcome(installed, in_use)


def _install_locked(pack: PackReader, folder: Path, keep: str | None) -> Installed:
    final = folder / folder_name(pack.manifest.name, pack.manifest.version, secrets.token_hex(4))
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=folder))
    try:
        pack.extract_database(staging / DATABASE)
        proof = stamp(staging / DATABASE, pack.manifest.database.sha256)
        if proof is not None:  # a cache (see state.verified): not flushed, so a lost one is only hashed again
            (staging / STAMP).write_bytes(proof)
        atomic.write_new_file(staging / MANIFEST, pack.manifest_bytes)
        atomic.write_new_file(staging / SIGNATURE, pack.signature)
        atomic.fsync_dir(staging)
        os.rename(staging, final)
        atomic.fsync_dir(folder)
        atomic.write_file(folder / STATE, State(final.name, keep).to_bytes())  # the commit
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if read_state(folder).current != final.name:
            shutil.rmtree(final, ignore_errors=True)
        raise
    installed = read_installed(final)
    assert installed is not None
    return installed


def install_from_dir(source: Path, *, trusted: list[PublicKey] | None = None,
                     skipped: Callable[[Path, str], None] = lambda path, reason: None,
                     shipped_version: ShippedVersion = _unknown) -> Outcome | Installed | None:
    """Install the newest valid pack among the *.fkpack files in `source`.

    Returns the Outcome of the install; or, when nothing there is newer than what is installed, the pack in use
    (None if that is the content shipped with fieldkit and no pack was found newer). `skipped(file, reason)`
    hears about each file refused on the way. PackError if no file in `source` is a valid pack.
    """
    if not source.is_dir():
        raise PackError(f"{source} is not a folder")
    try:
        files = sorted(p for p in source.iterdir() if p.suffix.lower() == ".fkpack" and p.is_file())
    except OSError as error:
        raise PackError(f"cannot read the folder {source}: {error.strerror or error}") from None
    candidates = []
    for path in files:
        try:
            with PackReader(path, trusted) as pack:
                candidates.append((version_key(pack.manifest.version), path.name, path))
        except PackError as problem:
            skipped(path, problem.reason)
    candidates.sort(reverse=True)
    in_use = active_pack()
    shipped = shipped_version() if in_use is None else None
    for key, _, path in candidates:
        if in_use is not None and key <= version_key(in_use.version):
            return in_use
        if shipped is not None and key < version_key(shipped):
            return None  # the shipped content is newer than anything here
        try:
            return install(path, trusted=trusted, shipped_version=shipped_version)
        except PackError as problem:
            skipped(path, problem.reason)
    if not candidates:
        raise PackError(f"no valid pack in {source} ({len(files)} .fkpack file(s) looked at)")
    if in_use is None:
        raise PackError(f"no pack in {source} could be installed")
    return in_use


def rollback() -> tuple[str, Installed | None]:
    """Go back to the previous pack (or, if there is none, to the content shipped with fieldkit).

    Returns the label of the pack rolled back from and the pack now in use (None: the shipped content).
    """
    folder = packs_dir()
    if not read_state(folder).current:
        raise PackError("no content pack is installed, so there is nothing to roll back")
    try:
        with atomic.locked(folder):
            state = read_state(folder)
            if not state.current:
                raise PackError("no content pack is installed, so there is nothing to roll back")
            leaving = read_installed(folder / state.current)
            back = read_installed(folder / state.previous) if state.previous else None
            if back is not None and not verified(back):
                back = None  # a damaged previous pack is never gone back to
            atomic.write_file(folder / STATE, State(back.folder.name if back else None, None).to_bytes())
    except OSError as error:
        raise PackError(f"cannot write to {folder}: {error.strerror or error}; nothing was changed") from None
    _sweep(folder)
    return (leaving.label if leaving else state.current), back


@dataclass(frozen=True)
class Listed:
    role: str  # "current" or "previous"
    folder: str
    installed: Installed | None
    problem: str | None  # None when whole (the database's sha256 checked)
    in_use: bool


def listing() -> list[Listed]:
    """The current and previous pack, each checked in full (the database hashed against its manifest)."""
    folder = packs_dir()
    state, in_use = read_state(folder), active_pack()
    result = []
    for role, name in (("current", state.current), ("previous", state.previous)):
        if not name:
            continue
        installed, problem = read_installed(folder / name), None
        if installed is None:
            problem = "damaged or unreadable (its manifest or database is missing, or the database has the wrong size)"
        else:
            digest = hash_file(installed.database)
            if digest is None:
                problem = "cannot read its database"
            elif digest != installed.manifest.database.sha256:
                problem = "damaged: its database does not match its manifest"
        result.append(Listed(role, name, installed, problem,
                             in_use is not None and installed is not None and in_use.folder == installed.folder))
    return result


# --- housekeeping -------------------------------------------------------------------------------------------
def _make_folders(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents; returns the ones created, so a failure can take them away.
    OSError if one cannot be made (the ones made before it are taken away again)."""
    made = []
    for path in reversed([folder, *folder.parents]):
        if not path.exists():
            made.append(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        _remove_empty([path for path in made if path.is_dir()])
        raise
    return made


def _remove_empty(made: list[Path]) -> None:
    for path in reversed(made):
        with contextlib.suppress(OSError):
            path.rmdir()


def _check_space(folder: Path, size: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < size + SPARE_BYTES:
        raise PackError(f"not enough free space in {folder}: the pack needs {human(size + SPARE_BYTES)} and "
                        f"{human(free)} is free; the installed content is unchanged")


def _sweep(folder: Path) -> None:
    """Remove leftovers (see `_sweep_locked`) unless another fieldkit is busy in `folder`."""
    if not folder.is_dir():
        return
    try:
        with atomic.locked(folder):
            _sweep_locked(folder)
    except (PackError, OSError):
        return


def _sweep_locked(folder: Path) -> None:
    """Remove what state.json does not name: staging folders and temporary files left by a killed process, and
    packs older than the previous one. Best effort: a file another fieldkit still has open is left for later."""
    state = read_state(folder)
    keep = {STATE, state.current, state.previous}
    # A state.json that cannot be read names nothing for sure: installed packs are then left alone, not swept.
    for path in folder.iterdir():
        if path.name in keep or (state.recovered and not path.name.startswith(".")):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
