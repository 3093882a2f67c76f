"""Publisher keys: their text format, a new key pair, and the keys this fieldkit trusts.

A key is one line of text, easy to paste into a chat or print on paper:

    fieldkit-ed25519-public <base64 of the 32-byte Ed25519 public key> <comment>
    fieldkit-ed25519-secret <base64 of the 32-byte Ed25519 seed> <comment>

A key is named by its id: the first 16 hex digits of the sha256 of the public key. fieldkit trusts the fieldkit
project's key (`trusted.py`, shipped in the package) and every key added with `fieldkit pack trust`, kept as one
file per key in the user's config folder.

What a key may sign is its scope: the base content, or overlays of named namespaces only.

    trusted-keys/<id>.pub               the base content (the shipped key, and `fieldkit pack trust KEY`)
    trusted-keys/namespaces/<id>.pub    overlays only: the key line, then one `namespace NAME` line each
                                        (`fieldkit pack trust KEY --namespace NAME`)
    trusted-keys/revoked/<id>.revoked   never trusted again, shipped or not (a revocation read from a catalogue)

Namespace-only keys live in a folder of their own so that an older fieldkit, which knows no scopes, does not
read them at all (rather than trusting them for the base).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from fieldkit import paths
from fieldkit.core.explained import os_reason
from fieldkit.core.marker import N_
from fieldkit.packs import atomic
from fieldkit.packs.errors import PackError

PUBLIC_TAG = "fieldkit-ed25519-public"
SECRET_TAG = "fieldkit-ed25519-secret"
SHIPPED = "shipped with fieldkit"
ADDED = "added with 'fieldkit pack trust'"
_COMMENT = re.compile(r"[^\w .@()+,:/-]+")


def key_id(public: bytes) -> str:
    return hashlib.sha256(public).hexdigest()[:16]


def clean_comment(text: str) -> str:
    return _COMMENT.sub("", text).strip()[:80]


@dataclass(frozen=True)
class PublicKey:
    raw: bytes
    comment: str = ""
    origin: str = ""
    base: bool = True  # may sign the base content
    namespaces: tuple[str, ...] = ()  # overlays it may sign

    def may_sign(self, layer: str, namespace: str | None) -> bool:
        return self.base if layer == "base" else namespace in self.namespaces

    def scope(self) -> str:
        """What it may sign, in words."""
        from fieldkit.i18n.catalog import _

        parts = ([_("the base content")] if self.base else []) + [_("namespace {name}").format(name=name)
                                                                  for name in self.namespaces]
        return ", ".join(parts) or _("nothing")

    @property
    def id(self) -> str:
        return key_id(self.raw)

    @property
    def b64(self) -> str:
        return base64.b64encode(self.raw).decode("ascii")

    def line(self) -> str:
        return f"{PUBLIC_TAG} {self.b64} {self.comment}".rstrip() + "\n"

    def describe(self) -> str:
        label = f" ({self.comment})" if self.comment else ""
        return f"{self.id}{label}"


@dataclass(frozen=True)
class SecretKey:
    raw: bytes
    comment: str = ""

    @property
    def public(self) -> PublicKey:
        from fieldkit.packs import signing

        return PublicKey(signing.public_of(self.raw), self.comment)

    def line(self) -> str:
        return f"{SECRET_TAG} {base64.b64encode(self.raw).decode('ascii')} {self.comment}".rstrip() + "\n"


def generate(comment: str) -> SecretKey:
    from fieldkit.packs import signing

    return SecretKey(signing.new_secret(), clean_comment(comment))


def decode_key(text: str) -> bytes:
    """The 32 bytes of a base64 key, strictly (no stray characters, exactly one canonical spelling)."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise PackError(N_("not a fieldkit key: the key is not valid base64")) from None
    if len(raw) != 32 or base64.b64encode(raw).decode("ascii") != text:
        raise PackError(N_("not a fieldkit key: an Ed25519 key is 32 bytes"))
    return raw


def _split(text: str) -> tuple[str, str, str]:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    parts = line.split(maxsplit=2)
    if len(parts) == 1:
        return "", parts[0], ""  # a bare base64 key, as pasted
    if len(parts) < 2:
        raise PackError(N_("not a fieldkit key: the text is empty"))
    return parts[0], parts[1], clean_comment(parts[2]) if len(parts) > 2 else ""


def parse_public(text: str, origin: str = "") -> PublicKey:
    tag, body, comment = _split(text)
    if tag == SECRET_TAG:
        raise PackError(N_("that is a SECRET key: keep it with the publisher and give out the .pub file instead"))
    if tag not in ("", PUBLIC_TAG):
        raise PackError(N_("not a fieldkit public key (a key file starts with '{tag}')"), tag=PUBLIC_TAG)
    return PublicKey(decode_key(body), comment, origin)


def parse_secret(text: str) -> SecretKey:
    tag, body, comment = _split(text)
    if tag == PUBLIC_TAG:
        raise PackError(N_("that is a public key: signing needs the secret key made by 'fieldkit pack keygen' (.key)"))
    if tag != SECRET_TAG:
        raise PackError(N_("not a fieldkit secret key (a secret key file starts with '{tag}')"), tag=SECRET_TAG)
    return SecretKey(decode_key(body), comment)


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > 4096:
            raise PackError(N_("{path} is too large to be a fieldkit key"), path=path)
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise PackError(N_("cannot read {path}: {reason}"), path=path, reason=os_reason(error)) from None
    except UnicodeDecodeError:
        raise PackError(N_("{path} is not a fieldkit key (not text)"), path=path) from None


def load_public(path: Path, origin: str = "") -> PublicKey:
    return parse_public(_read_text(path), origin)


def load_secret(path: Path) -> SecretKey:
    return parse_secret(_read_text(path))


def write_key_pair(folder: Path, name: str, comment: str) -> tuple[Path, Path, SecretKey]:
    """Write NAME.key (readable by its owner only) and NAME.pub into `folder`; never overwrite a key."""
    secret_path, public_path = folder / f"{name}.key", folder / f"{name}.pub"
    for path in (secret_path, public_path):
        if path.exists():
            raise PackError(N_("{path} already exists; fieldkit never overwrites a key (choose another --out or "
                               "--name)"), path=path)
    folder.mkdir(parents=True, exist_ok=True)
    secret = generate(comment)
    try:
        atomic.write_new_file(secret_path, secret.line().encode("ascii"), mode=0o600)
        atomic.write_new_file(public_path, secret.public.line().encode("ascii"))
    except FileExistsError as error:
        raise PackError(N_("{path} already exists; fieldkit never overwrites a key"), path=error.filename) from None
    return secret_path, public_path, secret


# --- trusted keys -------------------------------------------------------------------------------------------
NAMESPACE_LINE = "namespace"


def trusted_dir() -> Path:
    return paths.config_dir() / "trusted-keys"


def namespaces_dir() -> Path:
    return trusted_dir() / "namespaces"


def revoked_dir() -> Path:
    return trusted_dir() / "revoked"


def revoked_ids() -> set[str]:
    """Ids of the keys revoked on this laptop (fieldkit/packs/catalog.py records them)."""
    folder = revoked_dir()
    try:
        return {path.name.removesuffix(".revoked") for path in folder.glob("*.revoked")} if folder.is_dir() else set()
    except OSError:
        return set()


def _scoped(path: Path) -> PublicKey:
    """A namespace key file: the key line, then `namespace NAME` lines (anything else is skipped)."""
    from fieldkit.packs.manifest import check_namespace

    text = _read_text(path)
    key = parse_public(text, ADDED)
    names = []
    for line in text.splitlines()[1:]:
        parts = line.split()
        if len(parts) == 2 and parts[0] == NAMESPACE_LINE:
            try:
                names.append(check_namespace(parts[1]))
            except PackError:
                continue
    return PublicKey(key.raw, key.comment, ADDED, base=False, namespaces=tuple(sorted(set(names))))


def shipped_keys() -> list[PublicKey]:
    from fieldkit.packs.trusted import SHIPPED_KEYS

    return [parse_public(line, SHIPPED) for line in SHIPPED_KEYS]


def trusted_keys() -> list[PublicKey]:
    """The shipped keys, then every well-formed key in the trusted-keys folders (a malformed file is skipped),
    each with its scope; a revoked key is left out."""
    keys = shipped_keys()
    folder = trusted_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.pub")):
            try:
                keys.append(load_public(path, ADDED))
            except PackError:
                continue
        if namespaces_dir().is_dir():
            for path in sorted(namespaces_dir().glob("*.pub")):
                try:
                    keys.append(_scoped(path))
                except PackError:
                    continue
    revoked = revoked_ids()
    first: dict[bytes, PublicKey] = {}  # a key listed twice counts once, where it comes first, with both scopes
    for key in keys:
        if key.id in revoked:
            continue
        seen = first.get(key.raw)
        if seen is None:
            first[key.raw] = key
        else:
            first[key.raw] = PublicKey(seen.raw, seen.comment, seen.origin, base=seen.base or key.base,
                                       namespaces=tuple(sorted(set(seen.namespaces) | set(key.namespaces))))
    return list(first.values())


def find_trusted(raw: bytes, trusted: list[PublicKey]) -> PublicKey | None:
    return next((key for key in trusted if key.raw == raw), None)


def trust(key: PublicKey, namespace: str | None = None) -> tuple[Path | None, bool]:
    """Trust `key` for the base content or, with `namespace`, for that namespace's overlays only. Returns (its
    file, whether it was new); shipped keys need no file. A revoked key is refused."""
    if key.id in revoked_ids():
        raise PackError(N_("key {key} was revoked (see {folder}); it cannot be trusted again"),
                        key=key.id, folder=revoked_dir())
    existing = find_trusted(key.raw, trusted_keys())
    if namespace is not None:
        return _trust_namespace(key, namespace, existing)
    if existing is not None and existing.base:
        path = trusted_dir() / f"{key.id}.pub"
        return (path if existing.origin == ADDED else None), False
    folder = trusted_dir()
    path = folder / f"{key.id}.pub"
    _save(folder, path, key.line())
    return path, True


def _trust_namespace(key: PublicKey, namespace: str, existing: PublicKey | None) -> tuple[Path | None, bool]:
    from fieldkit.packs.manifest import check_namespace

    check_namespace(namespace)
    if existing is not None and namespace in existing.namespaces:
        return namespaces_dir() / f"{key.id}.pub", False
    names = sorted({*(existing.namespaces if existing else ()), namespace})
    text = key.line() + "".join(f"{NAMESPACE_LINE} {name}\n" for name in names)
    path = namespaces_dir() / f"{key.id}.pub"
    _save(namespaces_dir(), path, text)
    return path, True


def _save(folder: Path, path: Path, text: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic.write_file(path, text.encode("ascii"))
    except OSError as error:  # a read-only config folder, say
        raise PackError(N_("cannot save the trusted key in {folder}: {reason}; nothing was changed"),
                        folder=folder, reason=os_reason(error)) from None


def revoke(key_id: str) -> bool:
    """Record that the key with this id is revoked; True if it was not before. Its trust files stay (so a
    revocation is visible), but trusted_keys() leaves it out from now on."""
    if not re.fullmatch(r"[0-9a-f]{16}", key_id):
        raise PackError(N_("{key!r} is not a key id (16 hex digits)"), key=key_id[:40])
    if key_id in revoked_ids():
        return False
    _save(revoked_dir(), revoked_dir() / f"{key_id}.revoked", key_id + "\n")
    return True
