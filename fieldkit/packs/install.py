"""Install a verified pack atomically, keep the one before it, roll back, and list what is installed.

An install unpacks into a hidden staging folder beside the installed packs, flushes every file, renames the
folder to its final name, and only then replaces state.json (atomically) to point at it: that replacement is the
moment the install happens. A failure or a kill before it leaves state.json, and so the content in use, as it
was; leftovers are removed by the next install or rollback. A failed install removes what it made.

Each layer has its own folder (fieldkit/packs/state.py: the base, and one per overlay namespace). `precommit`, if
given, runs after the new pack is in place and before state.json names it (fieldkit/packs/layers.py merges the
layers there): raising PackError refuses the install, and nothing changes.
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

from fieldkit.core.explained import os_reason
from fieldkit.core.marker import N_
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
    layer_folder,
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
Precommit = Callable[[Installed], None]  # the new pack, in place, before state.json names it (raise to refuse)


def _unknown() -> str | None:
    return None


def check_version(manifest: Manifest, in_use: Installed | None, allow_downgrade: bool,
                  shipped_version: ShippedVersion = _unknown) -> None:
    """PackError unless `manifest` is newer than the pack in use or, with none, not older than the shipped content
    (`shipped_version`: asked only when no pack is in use; the caller knows where the shipped content is)."""
    if allow_downgrade:
        return
    if in_use is None and manifest.is_overlay:
        return  # the first version of an overlay: nothing to compare it with
    if in_use is None:
        shipped = shipped_version()
        if shipped is not None and version_key(manifest.version) < version_key(shipped):
            raise PackError(N_("version {version} is older than the content shipped with fieldkit ({shipped}) (use "
                               "--allow-downgrade to install it anyway)"), version=manifest.version, shipped=shipped)
        return
    new, old = version_key(manifest.version), version_key(in_use.version)
    if new == old:
        raise PackError(N_("version {version} is already installed (use --allow-downgrade to install it again)"),
                        version=manifest.version)
    if new < old:
        raise PackError(N_("version {version} is older than the installed {installed} (use --allow-downgrade to go "
                           "back to it)"), version=manifest.version, installed=in_use.version)


def install(path: Path, *, allow_downgrade: bool = False, trusted: list[PublicKey] | None = None,
            shipped_version: ShippedVersion = _unknown, precommit: Precommit | None = None,
            checked: Callable[[Manifest], None] | None = None) -> Outcome:
    """Verify `path` and make it the content its layer reads. PackError (and nothing changed) on any problem.
    `checked(manifest)` runs once the pack is proven (raise PackError to refuse it); `precommit` see above."""
    with PackReader(path, trusted) as pack:
        folder = layer_folder(pack.manifest)
        check_version(pack.manifest, active_pack(folder), allow_downgrade, shipped_version)
        if checked is not None:
            checked(pack.manifest)
        made: list[Path] = []
        try:
            made = _make_folders(folder)
            with atomic.locked(folder):
                in_use = active_pack(folder)
                check_version(pack.manifest, in_use, allow_downgrade, shipped_version)
                _check_space(folder, pack.manifest.database.size)
                _sweep_locked(folder)
                # What is kept for rollback is the pack in use now, proven whole: never a damaged one.
                installed = _install_locked(pack, folder, in_use.folder.name if in_use else None, precommit)
        except OSError as error:
            _remove_empty(made)
            raise PackError(N_("cannot write to {folder}: {reason}; the installed content is unchanged"),
                            folder=folder, reason=os_reason(error)) from None
        except BaseException:
            _remove_empty(made)
            raise
    _sweep(folder)
    return Outcome(installed, in_use)


def _install_locked(pack: PackReader, folder: Path, keep: str | None, precommit: Precommit | None) -> Installed:
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
        if precommit is not None:
            placed = read_installed(final)
            if placed is None:
                raise PackError(N_("the unpacked pack cannot be read back"))
            precommit(placed)
        atomic.write_file(folder / STATE, State(final.name, keep).to_bytes())  # the commit
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if read_state(folder).current != final.name:
            shutil.rmtree(final, ignore_errors=True)
        raise
    installed = read_installed(final)
    assert installed is not None
    return installed


def rollback(folder: Path | None = None, precommit: Callable[[Installed | None], None] | None = None,
             ) -> tuple[str, Installed | None]:
    """Go back to the previous pack of a layer (default: the base; with none, to the content shipped with
    fieldkit; for an overlay, to none of it). `precommit(pack)` runs before state.json changes (raise to refuse).

    Returns the label of the pack rolled back from and the pack now in use (None: no pack of that layer).
    """
    folder = folder or packs_dir()
    if not read_state(folder).current:
        raise PackError(N_("no content pack is installed, so there is nothing to roll back"))
    try:
        with atomic.locked(folder):
            state = read_state(folder)
            if not state.current:
                raise PackError(N_("no content pack is installed, so there is nothing to roll back"))
            leaving = read_installed(folder / state.current)
            back = read_installed(folder / state.previous) if state.previous else None
            if back is not None and not verified(back):
                back = None  # a damaged previous pack is never gone back to
            if precommit is not None:
                precommit(back)
            atomic.write_file(folder / STATE, State(back.folder.name if back else None, None).to_bytes())
    except OSError as error:
        raise PackError(N_("cannot write to {folder}: {reason}; nothing was changed"),
                        folder=folder, reason=os_reason(error)) from None
    _sweep(folder)
    return (leaving.label if leaving else state.current), back


@dataclass(frozen=True)
class Listed:
    role: str  # "current" or "previous"
    folder: str
    installed: Installed | None
    problem: str | None  # None when whole (the database's sha256 checked)
    in_use: bool


def listing(folder: Path | None = None) -> list[Listed]:
    """The current and previous pack of a layer (default: the base), each checked in full (the database hashed
    against its manifest)."""
    folder = folder or packs_dir()
    state, in_use = read_state(folder), active_pack(folder)
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
        raise PackError(N_("not enough free space in {folder}: the pack needs {needed} and {free} is free; the "
                           "installed content is unchanged"),
                        folder=folder, needed=human(size + SPARE_BYTES), free=human(free))


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
    keep = {STATE, atomic.LOCK_FILE, state.current, state.previous}
    # A state.json that cannot be read names nothing for sure: installed packs are then left alone, not swept.
    for path in folder.iterdir():
        if path.name in keep or (state.recovered and not path.name.startswith(".")):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
