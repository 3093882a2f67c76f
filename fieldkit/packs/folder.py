"""`fieldkit pack install --from-dir`: bring a laptop up to date from a folder of packs (a USB stick, a synced
folder), safe to run at every login.

1. A `catalog.json` signed by a trusted key (fieldkit/packs/catalog.py) is read first: its key rotations and
   revocations are applied, it says if it has expired (a warning), and it gives each pack's size and sha256.
2. Files still being written are skipped by name (Syncthing's `.syncthing.*.tmp`, `~` copies, downloads), and a
   listed pack whose size or hash differs from the catalogue's is skipped before anything is unpacked.
3. Every other `*.fkpack` is verified in full; the newest valid pack of each layer (the base, each overlay
   namespace) that is newer than the one installed is installed, the base first, then overlays by namespace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fieldkit.core.explained import os_reason
from fieldkit.core.marker import N_
from fieldkit.i18n.catalog import _, explain
from fieldkit.packs import catalog as catalogs
from fieldkit.packs.errors import PackError
from fieldkit.packs.install import Outcome, ShippedVersion
from fieldkit.packs.keys import find_trusted, revoke, trust, trusted_keys
from fieldkit.packs.layers import ShippedPath, install_layer
from fieldkit.packs.manifest import Manifest, version_key
from fieldkit.packs.reader import PackReader
from fieldkit.packs.state import Installed, active_pack, layer_folder

Say = Callable[[str], None]


@dataclass
class LayerResult:
    layer: str  # "base" or "overlay NAMESPACE"
    outcome: Outcome | None = None  # installed now
    in_use: Installed | None = None  # when nothing newer: what stays
    problem: str | None = None  # every candidate refused


@dataclass
class FolderResult:
    layers: list[LayerResult] = field(default_factory=list)
    catalog: catalogs.Catalog | None = None


def install_from_dir(source: Path, *, shipped: ShippedPath, shipped_version: ShippedVersion,
                     skipped: Callable[[Path, str], None] = lambda path, reason: None,
                     say: Say = lambda text: None) -> FolderResult:
    """Install the newest valid pack of each layer found in `source`. PackError if no file there is a valid pack
    (and no layer is up to date from it)."""
    if not source.is_dir():
        raise PackError(N_("{source} is not a folder"), source=source)
    result = FolderResult(catalog=_catalog(source, say))
    try:
        names = sorted(path.name for path in source.iterdir())
    except OSError as error:
        raise PackError(N_("cannot read the folder {source}: {reason}"),
                        source=source, reason=os_reason(error)) from None
    files = []
    for name in names:
        path = source / name
        why = catalogs.partial_reason(name)
        if why is not None:
            if ".fkpack" in name:
                skipped(path, why)
            continue
        if path.suffix.lower() == ".fkpack" and path.is_file():
            files.append(path)
    candidates: dict[str, list[tuple[tuple[int, ...], str, Path, Manifest]]] = {}
    for path in files:
        problem = _against_catalog(path, result.catalog)
        if problem:
            skipped(path, problem)
            continue
        try:
            with PackReader(path) as pack:
                manifest = pack.manifest
        except PackError as refused:
            skipped(path, explain(refused))
            continue
        candidates.setdefault(manifest.layer_key, []).append((version_key(manifest.version), path.name, path, manifest))
    if not candidates:
        raise PackError(N_("no valid pack in {source} ({count} .fkpack file(s) looked at)"),
                        source=source, count=len(files))
    for layer in sorted(candidates, key=lambda key: (key != "base", key)):  # the base first
        result.layers.append(_install_layer(layer, sorted(candidates[layer], reverse=True), shipped,
                                            shipped_version, skipped))
    if all(item.problem for item in result.layers):
        raise PackError(N_("no pack in {source} could be installed"), source=source)
    return result


def _install_layer(layer: str, candidates: list[tuple[tuple[int, ...], str, Path, Manifest]], shipped: ShippedPath,
                   shipped_version: ShippedVersion, skipped: Callable[[Path, str], None]) -> LayerResult:
    label = layer.replace(":", " ")
    in_use = active_pack(layer_folder(candidates[0][3]))
    shipped_now = shipped_version() if in_use is None and layer == "base" else None
    for key, _name, path, _manifest in candidates:
        if in_use is not None and key <= version_key(in_use.version):
            return LayerResult(label, in_use=in_use)
        if shipped_now is not None and key < version_key(shipped_now):
            return LayerResult(label)  # the shipped content is newer than anything here
        try:
            return LayerResult(label, outcome=install_layer(path, shipped=shipped, shipped_version=shipped_version))
        except PackError as problem:
            skipped(path, explain(problem))
    if in_use is not None:
        return LayerResult(label, in_use=in_use)
    if layer == "base":
        return LayerResult(label, problem=_("no base pack could be installed"))
    return LayerResult(label, problem=_("no pack of overlay {namespace} could be installed").format(
        namespace=layer.partition(":")[2]))


def _catalog(source: Path, say: Say) -> catalogs.Catalog | None:
    """The folder's catalogue when its signer is trusted (after its rotations), its statements applied."""
    path = source / catalogs.CATALOG
    if not path.is_file():
        return None
    try:
        catalog = catalogs.read(path)
    except PackError as problem:
        say(_("{catalog} ignored: {reason}; each pack is still checked on its own").format(
            catalog=catalogs.CATALOG, reason=explain(problem)))
        return None
    _apply_rotations(catalog, say)
    _apply_revocations(catalog, say)
    signer = find_trusted(catalog.signer.raw, trusted_keys())
    if signer is None:
        say(_("{catalog} ignored: signed by the untrusted key {key}; each pack is still checked on its own").format(
            catalog=catalogs.CATALOG, key=catalog.signer.id))
        return None
    if catalog.expired():
        say(_("note: {catalog} expired on {date}: its publisher has not refreshed it since; the packs are still "
              "checked and installed").format(catalog=catalogs.CATALOG, date=catalog.expires))
    return catalog


def _apply_rotations(catalog: catalogs.Catalog, say: Say) -> None:
    for rotation in catalog.rotations:
        old = next((key for key in trusted_keys() if key.id == rotation.replaces), None)
        if old is None or not rotation.valid_with(old):
            continue  # not a key this laptop trusts, or a forged statement: nothing to carry over
        added = False
        if old.base:
            added |= trust(rotation.new)[1]
        for namespace in old.namespaces:
            added |= trust(rotation.new, namespace)[1]
        if added:
            say(_("now trusting key {key} for {scope}: it replaces key {old}, which signed the change").format(
                key=rotation.new.describe(), scope=old.scope(), old=old.id))


def _apply_revocations(catalog: catalogs.Catalog, say: Say) -> None:
    for revocation in catalog.revocations:
        if revocation.valid(catalog.rotations) and revoke(revocation.key_id):
            say(_("key {key} is revoked: packs it signed are no longer installed or read").format(
                key=revocation.key_id))


def _against_catalog(path: Path, catalog: catalogs.Catalog | None) -> str | None:
    """Why a listed pack is not the one the catalogue lists (cheapest first: size, then hash)."""
    if catalog is None or path.name not in catalog.packs:
        return None
    listed = catalog.packs[path.name]
    try:
        size = path.stat().st_size
    except OSError as error:
        return _("cannot read it: {reason}").format(reason=_(os_reason(error)))
    if size != listed.size:
        return _("incomplete: {size} of {listed} bytes (still copying or syncing?)").format(size=size,
                                                                                           listed=listed.size)
    try:
        digest = catalogs.file_digest(path)
    except OSError as error:
        return _("cannot read it: {reason}").format(reason=_(os_reason(error)))
    if digest != listed.sha256:
        return _("does not match {catalog} (changed since it was listed, or still syncing?)").format(
            catalog=catalogs.CATALOG)
    return None
