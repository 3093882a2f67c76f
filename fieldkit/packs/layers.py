"""The layers in use and the one database they make: the base and every organisation's overlay, merged.

With no overlay installed, fieldkit reads the base (the base pack in use, or the content shipped with fieldkit) as
it always did. With overlays, it reads one merged database (fieldkit/content/merge.py) in `merged/`, named by
what went into it (the base's identity, each overlay's signed hash, the merge and schema versions): the same
layers always name the same file, so the file is built once, atomically (fieldkit.core.atomic), and read as fast
as any content database. It is rebuilt when a layer is installed or rolled back (before state.json names the
change, so an overlay the merge refuses is never installed) and, should it be missing (fieldkit upgraded with new
shipped content, a cleaned folder), at the next start.

Installing a base pack leaves the overlays alone: they are merged onto the new base. An attachment to an entry the
new base no longer has is left out and said (`fieldkit pack list`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fieldkit import paths
from fieldkit.core.explained import os_reason
from fieldkit.core.layers import overlapping
from fieldkit.core.marker import N_
from fieldkit.packs import atomic
from fieldkit.packs.errors import PackError
from fieldkit.packs.install import Outcome, ShippedVersion, install, rollback
from fieldkit.packs.manifest import Manifest
from fieldkit.packs.state import Installed, active_pack, overlay_folders, packs_dir

MERGE_VERSION = 1  # bump when the merge writes something else for the same layers
REPORT = ".report.json"  # beside a merged database: what the merge left out
ShippedPath = Callable[[], "Path | None"]  # the content database shipped with fieldkit, when asked


@dataclass(frozen=True)
class InUse:
    """The content a run reads: its database and how to say where it comes from."""

    path: Path
    origin: str  # "pack fieldkit 2026.12.01", "pack ... + overlay org-xyz 2026.12.01", "bundled + overlay ..."
    base: Installed | None
    overlays: tuple[Installed, ...]
    left_out: tuple[str, ...] = ()  # what the merge could not add (an overlay's attachment to a removed entry)


def overlays_in_use() -> list[Installed]:
    """The overlay pack in use in each namespace, by namespace."""
    found = []
    for folder in overlay_folders():
        pack = active_pack(folder)
        if pack is not None:
            found.append(pack)
    return found


def content_in_use(shipped: ShippedPath) -> InUse | None:
    """What this run reads when no --db or FIELDKIT_DB says: None means the shipped content, on its own."""
    base = active_pack()
    overlays = overlays_in_use()
    if not overlays:
        return InUse(base.database, f"pack {base.label}", base, ()) if base else None
    base_path = base.database if base else shipped()
    if base_path is None:
        return None
    base_origin = f"pack {base.label}" if base else "bundled"
    origin = " + ".join([base_origin, *(f"overlay {pack.label}" for pack in overlays)])
    try:
        merged, left_out = merged_content(base_path, _identity(base, base_path), overlays)
    except (PackError, OSError) as problem:
        # The overlays cannot be merged now (a full disk): the base alone, saying so.
        return InUse(base_path, f"{base_origin} (overlays not merged: {problem})", base, ())
    return InUse(merged, origin, base, tuple(overlays), tuple(left_out))


def _identity(base: Installed | None, path: Path) -> str:
    """What names a base for the merged file: a pack's signed hash, else the shipped file's path, size and time."""
    if base is not None:
        return base.manifest.database.sha256
    try:
        found = path.stat()
    except OSError:
        return str(path)
    return f"{path.resolve()}:{found.st_size}:{found.st_mtime_ns}"


def merged_name(base_identity: str, overlays: list[Installed]) -> str:
    from fieldkit.store.schema import SCHEMA_VERSION

    digest = hashlib.sha256()
    for part in [f"merge{MERGE_VERSION}", f"schema{SCHEMA_VERSION}", base_identity,
                 *(f"{pack.manifest.namespace}:{pack.manifest.database.sha256}" for pack in overlays)]:
        digest.update(part.encode("utf-8") + b"\0")
    return f"content-{digest.hexdigest()[:20]}.db"


def merged_content(base_path: Path, base_identity: str, overlays: list[Installed], *,
                   refuse: str | None = None) -> tuple[Path, list[str]]:
    """The merged database for these layers, built if it is not there yet; and what the merge left out.
    PackError if the overlay `refuse` oversteps its namespace (see fieldkit/content/merge.py)."""
    folder = paths.merged_dir()
    target = folder / merged_name(base_identity, overlays)
    report = target.with_name(target.name + REPORT)
    if target.is_file() and refuse is None:
        return target, _read_report(report)
    from fieldkit.content.merge import Layer, MergeError, merge
    from fieldkit.store.db import StoreError

    layers = [Layer(pack.database, str(pack.manifest.namespace), pack.manifest.organisation, pack.label)
              for pack in overlays]
    folder.mkdir(parents=True, exist_ok=True)
    try:
        result = merge(base_path, layers, target, refuse=refuse)
    except MergeError as problem:
        from fieldkit.i18n.catalog import explain

        raise PackError(explain(problem)) from None
    except StoreError as problem:
        raise PackError(N_("cannot merge the overlays: {problem}"), problem=problem) from None
    with contextlib.suppress(OSError):
        atomic.write_file(report, json.dumps(result.left_out, ensure_ascii=False).encode("utf-8"))
    _forget_others(folder, keep=target.name)
    return target, result.left_out


def _read_report(path: Path) -> list[str]:
    try:
        value = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return []
    return [str(item) for item in value] if isinstance(value, list) else []


def _forget_others(folder: Path, keep: str) -> None:
    """Merged databases of layers no longer in use are only derived data: removed (best effort; on Windows one
    another fieldkit has open stays until later)."""
    for path in folder.glob("content-*.db*"):
        if not path.name.startswith(keep):
            with contextlib.suppress(OSError):
                path.unlink()


# --- installing and rolling back a layer ------------------------------------------------------------------------
def install_layer(path: Path, *, shipped: ShippedPath, shipped_version: ShippedVersion,
                  allow_downgrade: bool = False) -> Outcome:
    """Install a base or overlay pack and merge the layers with it before it counts as installed: an overlay
    stepping outside its namespace, onto published text, or onto another organisation's namespace is refused,
    and nothing changes."""

    def checked(manifest: Manifest) -> None:
        if manifest.is_overlay:
            _check_namespace_free(manifest)

    def precommit(new: Installed) -> None:
        base = new if not new.manifest.is_overlay else active_pack()
        overlays = [pack for pack in overlays_in_use() if pack.manifest.namespace != new.manifest.namespace]
        if new.manifest.is_overlay:
            overlays = sorted([*overlays, new], key=lambda pack: str(pack.manifest.namespace))
        if not overlays:
            return  # nothing to merge: the base is read as it is
        _merge_for(base, overlays, shipped, refuse=new.manifest.namespace if new.manifest.is_overlay else None)

    return install(path, allow_downgrade=allow_downgrade, shipped_version=shipped_version, precommit=precommit,
                   checked=checked)


def _check_namespace_free(manifest: Manifest) -> None:
    """An overlay whose namespace overlaps another installed overlay's (org-a and org-a-b) could claim its ids."""
    for pack in overlays_in_use():
        other = str(pack.manifest.namespace)
        if other != manifest.namespace and overlapping(other, str(manifest.namespace)):
            raise PackError(N_("its namespace {namespace} overlaps the installed overlay {other}: an id such as "
                               "{longer}-x could belong to either"),
                            namespace=manifest.namespace, other=other,
                            longer=max(other, str(manifest.namespace), key=len))


def _merge_for(base: Installed | None, overlays: list[Installed], shipped: ShippedPath, *,
               refuse: str | None = None) -> None:
    base_path = base.database if base else shipped()
    if base_path is None:
        raise PackError(N_("no published content to add the overlay to (this fieldkit ships none): install a base pack "
                           "first"))
    try:
        merged_content(base_path, _identity(base, base_path), overlays, refuse=refuse)
    except OSError as problem:
        raise PackError(N_("cannot write the merged content in {folder}: {reason}; the installed content is unchanged"),
                        folder=paths.merged_dir(), reason=os_reason(problem)) from None


def rollback_layer(namespace: str | None, *, shipped: ShippedPath) -> tuple[str, Installed | None]:
    """Roll back the base (namespace None) or one overlay, merging the layers as they will be first."""
    folder = paths.overlay_packs_dir() / namespace if namespace else packs_dir()
    if namespace and not folder.is_dir():
        raise PackError(N_("no overlay of namespace {namespace} is installed"), namespace=namespace)

    def precommit(back: Installed | None) -> None:
        if namespace is None:
            base, overlays = back, overlays_in_use()
        else:
            base = active_pack()
            overlays = [pack for pack in overlays_in_use() if pack.manifest.namespace != namespace]
            overlays = sorted([*overlays, *([back] if back else [])], key=lambda pack: str(pack.manifest.namespace))
        if overlays:
            _merge_for(base, overlays, shipped)

    return rollback(folder, precommit)


def expired(in_use: InUse | None, today: str | None = None) -> list[Installed]:
    """The packs in use past their expiry date: fieldkit warns, and still reads them (it never refuses content
    offline)."""
    if in_use is None:
        return []
    return [pack for pack in ([in_use.base] if in_use.base else []) + list(in_use.overlays)
            if pack.manifest.expired(today)]
