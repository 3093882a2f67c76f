"""catalog.json: a signed list of the packs in a folder, and the publishers' key rotations and revocations.

    {"catalog": {"format": "fieldkit-catalog", "format_version": 1, "created": "...Z", "expires": "YYYY-MM-DD",
                 "signer": BASE64 PUBLIC KEY,
                 "packs": [{"file", "name", "layer", "namespace", "version", "size", "sha256", "expires"}, ...],
                 "keys": [{"key": PUBLIC KEY LINE, "replaces": OLD ID, "signature": BASE64}, ...],
                 "revoked": [{"key_id": ID, "signed_by": BASE64 PUBLIC KEY, "signature": BASE64}, ...]},
     "signature": BASE64}

The signature is the signer's Ed25519 signature of the canonical JSON of "catalog" (keys sorted, no spaces), so
the file stays one readable file that a synced folder replaces whole. A catalogue lets `pack install --from-dir`
tell a complete pack from one still being copied or synced (its size and sha256, before any unpacking), says when
its publisher means to have refreshed it (`expires`: after it fieldkit warns, and still installs), and carries:

- a **rotation**: a new key, signed by the old one it replaces. A laptop that trusts the old key then trusts the
  new one for the same layers (the base, or the same namespaces);
- a **revocation**: a key id, signed by that key itself or by the key that replaced it. A laptop then trusts the
  key no more, and stops reading what it signed.

Each statement carries its own signature, so it holds whatever else is in the file; packs are still verified in
full on their own (a catalogue never makes a pack trusted).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldkit.core.explained import os_reason
from fieldkit.core.marker import N_
from fieldkit.i18n.catalog import _, explain
from fieldkit.packs import signing
from fieldkit.packs.errors import PackError
from fieldkit.packs.keys import PublicKey, SecretKey, decode_key, key_id, parse_public
from fieldkit.packs.manifest import check_day

CATALOG = "catalog.json"
FORMAT = "fieldkit-catalog"
FORMAT_VERSION = 1
MAX_BYTES = 1 << 20
ROTATION = "fieldkit-key-rotation"
REVOCATION = "fieldkit-key-revocation"


def canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def rotation_bytes(old_id: str, new_public_b64: str) -> bytes:
    return f"{ROTATION}\n{old_id}\n{new_public_b64}\n".encode("ascii")


def revocation_bytes(revoked_id: str) -> bytes:
    return f"{REVOCATION}\n{revoked_id}\n".encode("ascii")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: object) -> bytes:
    try:
        return base64.b64decode(str(text).encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return b""


@dataclass(frozen=True)
class Listed:
    file: str
    size: int
    sha256: str
    name: str
    layer: str
    namespace: str | None
    version: str
    expires: str | None


@dataclass(frozen=True)
class Rotation:
    new: PublicKey
    replaces: str  # the old key's id
    signature: bytes

    def valid_with(self, old: PublicKey) -> bool:
        return old.id == self.replaces and signing.verify(old.raw, self.signature,
                                                          rotation_bytes(self.replaces, self.new.b64))


@dataclass(frozen=True)
class Revocation:
    key_id: str
    signed_by: bytes  # the public key that signed it
    signature: bytes

    def valid(self, rotations: list[Rotation]) -> bool:
        """Signed by the revoked key itself, or by a key a rotation says replaced it."""
        signer = key_id(self.signed_by)
        allowed = signer == self.key_id or any(r.new.raw == self.signed_by and r.replaces == self.key_id
                                               for r in rotations)
        return allowed and signing.verify(self.signed_by, self.signature, revocation_bytes(self.key_id))


@dataclass
class Catalog:
    signer: PublicKey
    created: str
    expires: str | None
    packs: dict[str, Listed] = field(default_factory=dict)  # by file name
    rotations: list[Rotation] = field(default_factory=list)
    revocations: list[Revocation] = field(default_factory=list)

    def expired(self, today: str | None = None) -> bool:
        return bool(self.expires) and (today or dt.date.today().isoformat()) > str(self.expires)


def read(path: Path) -> Catalog:
    """Read and check a catalogue's own signature (not yet whether its signer is trusted). PackError if it is
    cut short, malformed or its signature fails."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise PackError(N_("{catalog} is larger than a catalogue may be"), catalog=CATALOG)
        data = json.loads(path.read_bytes())
    except OSError as error:
        raise PackError(N_("cannot read {catalog}: {reason}"),
                        catalog=CATALOG, reason=os_reason(error)) from None
    except (ValueError, RecursionError):
        raise PackError(N_("{catalog} is not valid JSON (cut short, or still syncing?)"), catalog=CATALOG) from None
    if not isinstance(data, dict) or not isinstance(data.get("catalog"), dict):
        raise PackError(N_("{catalog} is not a fieldkit catalogue"), catalog=CATALOG)
    body = data["catalog"]
    if body.get("format") != FORMAT or not isinstance(body.get("format_version"), int):
        raise PackError(N_("{catalog} is not a fieldkit catalogue"), catalog=CATALOG)
    if body["format_version"] > FORMAT_VERSION:
        raise PackError(N_("{catalog} is catalogue format {format}; update fieldkit to read it"),
                        catalog=CATALOG, format=body['format_version'])
    signer_raw = decode_key(body.get("signer")) if isinstance(body.get("signer"), str) else b""
    if not signing.verify(signer_raw, _unb64(data.get("signature")), canonical(body)):
        raise PackError(N_("bad signature: {catalog} was changed after it was signed"), catalog=CATALOG)
    catalog = Catalog(PublicKey(signer_raw), str(body.get("created", "")),
                      check_day(body["expires"]) if body.get("expires") else None)
    for item in _list(body, "packs"):
        listed = _listed(item)
        catalog.packs[listed.file] = listed
    for item in _list(body, "keys"):
        try:
            new = parse_public(str(item.get("key", "")))
        except PackError:
            continue
        catalog.rotations.append(Rotation(new, str(item.get("replaces", "")), _unb64(item.get("signature"))))
    for item in _list(body, "revoked"):
        catalog.revocations.append(Revocation(str(item.get("key_id", "")), _unb64(item.get("signed_by")),
                                              _unb64(item.get("signature"))))
    return catalog


def _list(body: dict[str, Any], name: str) -> list[dict[str, Any]]:
    value = body.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise PackError(N_("{catalog}: '{name}' is malformed"), catalog=CATALOG, name=name)
    return value


def _listed(item: dict[str, Any]) -> Listed:
    try:
        file, size, sha256 = item["file"], item["size"], item["sha256"]
        if not (isinstance(file, str) and "/" not in file and "\\" not in file and isinstance(size, int)
                and isinstance(sha256, str) and len(sha256) == 64):
            raise ValueError
        return Listed(file, size, sha256, str(item.get("name", "")), str(item.get("layer", "base")),
                      item.get("namespace") if isinstance(item.get("namespace"), str) else None,
                      str(item.get("version", "")), item.get("expires") if isinstance(item.get("expires"), str) else None)
    except (KeyError, ValueError):
        raise PackError(N_("{catalog}: a pack entry is malformed"), catalog=CATALOG) from None


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- writing ----------------------------------------------------------------------------------------------------
def make(folder: Path, secret: SecretKey, *, expires: str | None = None, rotated_from: SecretKey | None = None,
         revoke: list[SecretKey] | None = None, revoke_ids: list[str] | None = None,
         skipped: Any = lambda name, reason: None) -> dict[str, Any]:
    """The signed catalogue of every *.fkpack in `folder` (sizes, hashes, what each manifest says), keeping the
    rotations and revocations of the catalogue already there, plus: the new key `secret` replacing
    `rotated_from`; revocations signed by each key in `revoke` (a key revoking itself) and, for `revoke_ids`,
    by `secret` (a key revoking the one it replaced: say so with `rotated_from` now or in an earlier catalogue)."""
    from fieldkit.packs.archive import PackArchive
    from fieldkit.packs.manifest import from_json, load_json

    if expires:
        check_day(expires)
    packs = []
    for path in sorted(folder.glob("*.fkpack")):
        if partial_reason(path.name):
            continue
        try:
            with PackArchive(path) as archive:
                manifest = from_json(load_json(archive.read("manifest.json")))
        except PackError as problem:
            skipped(path.name, explain(problem))
            continue
        packs.append({"file": path.name, "size": path.stat().st_size, "sha256": file_digest(path),
                      "name": manifest.name, "layer": manifest.layer, "namespace": manifest.namespace,
                      "version": manifest.version, "expires": manifest.expires})
    keys, revoked = _kept_statements(folder / CATALOG)
    public = secret.public
    if rotated_from is not None:
        old = rotated_from.public
        if old.raw == public.raw:
            raise PackError(N_("--rotated-from names the same key as --key"))
        keys = [item for item in keys if item.get("replaces") != old.id] + [
            {"key": public.line().strip(), "replaces": old.id,
             "signature": _b64(signing.sign(rotated_from.raw, rotation_bytes(old.id, public.b64)))}]
    for key in revoke or []:
        revoked.append({"key_id": key.public.id, "signed_by": key.public.b64,
                        "signature": _b64(signing.sign(key.raw, revocation_bytes(key.public.id)))})
    for revoked_id in revoke_ids or []:
        revoked.append({"key_id": revoked_id, "signed_by": public.b64,
                        "signature": _b64(signing.sign(secret.raw, revocation_bytes(revoked_id)))})
    unique = {item["key_id"] + item["signed_by"]: item for item in revoked}
    body = {"format": FORMAT, "format_version": FORMAT_VERSION, "created": _now(), "signer": public.b64,
            "packs": packs, "keys": keys, "revoked": [unique[k] for k in sorted(unique)]}
    if expires:
        body["expires"] = expires
    return {"catalog": body, "signature": _b64(signing.sign(secret.raw, canonical(body)))}


def _kept_statements(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rotations and revocations of the catalogue already in the folder: a new catalogue carries them on."""
    if not path.is_file():
        return [], []
    try:
        old = read(path)
    except PackError:
        return [], []
    keys = [{"key": r.new.line().strip(), "replaces": r.replaces, "signature": _b64(r.signature)}
            for r in old.rotations]
    revoked = [{"key_id": r.key_id, "signed_by": _b64(r.signed_by), "signature": _b64(r.signature)}
               for r in old.revocations]
    return keys, revoked


def _now() -> str:
    from fieldkit.packs.build import created_now

    return created_now()


# --- partial files --------------------------------------------------------------------------------------------
def partial_reason(name: str) -> str | None:
    """Why a file is a copy still being written (by Syncthing, a browser, an editor), or None."""
    if name.startswith(".syncthing.") or name.endswith(".tmp"):
        return _("a file Syncthing is still writing")
    if name.endswith("~") or name.startswith("~"):
        return _("a temporary or backup copy (~)")
    if name.endswith((".part", ".partial", ".crdownload", ".download")):
        return _("a download still in progress")
    if name.startswith("."):
        return _("a hidden file")
    return None
