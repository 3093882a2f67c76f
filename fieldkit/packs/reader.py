"""Open a pack and prove it, cheapest checks first: structure, signature, trusted key, manifest, hashes, schema,
and (when unpacked) the database itself. Nothing here writes anywhere but the file it is asked to unpack to."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fieldkit.core.marker import N_
from fieldkit.core.progress import step
from fieldkit.packs import signing
from fieldkit.packs.archive import DATABASE, MANIFEST, SIGNATURE, PackArchive
from fieldkit.packs.errors import PackError
from fieldkit.packs.keys import (
    PublicKey,
    decode_key,
    find_trusted,
    key_id,
    trusted_keys,
)
from fieldkit.packs.manifest import Manifest, from_json, load_json
from fieldkit.store.schema import SCHEMA_VERSION

HASH_MISMATCH = N_("fieldkit.db does not match its sha256 in the signed manifest (changed after it was signed?)")


class PackReader:
    """`with PackReader(path) as pack:` checks everything but the database; `pack.extract_database(file)` the rest.

    Every problem is a PackError with a one-line reason; `trusted` defaults to the keys this fieldkit trusts.
    """

    def __init__(self, path: Path, trusted: list[PublicKey] | None = None):
        self.path = Path(path)
        self.trusted = trusted_keys() if trusted is None else trusted
        self.archive = PackArchive(self.path)
        self.manifest: Manifest
        self.manifest_bytes = b""
        self.signature = b""
        self.key: PublicKey

    def __enter__(self) -> PackReader:
        self.archive.__enter__()
        try:
            self._check()
        except BaseException:
            self.archive.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.archive.close()

    def _check(self) -> None:
        self.manifest_bytes = self.archive.read(MANIFEST)
        self.signature = self.archive.read(SIGNATURE)
        data = load_json(self.manifest_bytes)
        signer = data.get("signer")
        try:
            public = decode_key(signer) if isinstance(signer, str) else b""
        except PackError:
            public = b""
        if not public:
            raise PackError(N_("damaged: the manifest does not name the key that signed it"))
        # The signature is checked with the key the manifest names; only then is that key looked up. A changed
        # manifest fails here whatever key it names; a pack re-signed by someone else fails on trust below.
        if not signing.verify(public, self.signature, self.manifest_bytes):
            raise PackError(N_("bad signature: the pack was changed after it was signed"))
        key = find_trusted(public, self.trusted)
        if key is None:
            namespace = data.get("namespace") if data.get("layer") == "overlay" else None
            how = (f"'fieldkit pack trust KEYFILE.pub --namespace {namespace}'" if isinstance(namespace, str)
                   and len(namespace) <= 40 and namespace.replace("-", "").isalnum() else "'fieldkit pack trust KEYFILE.pub'")
            raise PackError(N_("signed by an untrusted key {key}; if you trust whoever published it, add their public "
                               "key with {how}"), key=key_id(public), how=how)
        self.key = key
        self.manifest = manifest = from_json(data)
        if not key.may_sign(manifest.layer, manifest.namespace):
            raise scope_refusal(key, manifest)
        if manifest.schema_version > SCHEMA_VERSION:
            raise PackError(N_("made for content schema {schema}, but this fieldkit reads schema {readable} or older: "
                               "update fieldkit first"), schema=manifest.schema_version, readable=SCHEMA_VERSION)
        entry, member = self.archive.entries[DATABASE], manifest.database
        if (entry.size, entry.stored_size) != (member.size, member.stored_size):
            raise PackError(HASH_MISMATCH)
        if self.archive.stored_sha256(DATABASE) != member.stored_sha256:
            raise PackError(HASH_MISMATCH)

    def extract_database(self, target: Path) -> None:
        """Unpack fieldkit.db to the new file `target` (flushed to disk) and prove it. OSError if writing fails."""
        step(N_("unpacking the content database"))
        size, sha256 = self.archive.extract(DATABASE, target)
        if (size, sha256) != (self.manifest.database.size, self.manifest.database.sha256):
            raise PackError(HASH_MISMATCH)
        step(N_("checking the content database"))
        check_database(target, self.manifest)


def scope_refusal(key: PublicKey, manifest: Manifest) -> PackError:
    """Why a trusted key may not sign this pack: the trust store says which layers each key may sign."""
    if manifest.is_overlay:
        return PackError(N_("signed by key {key}, which may sign {scope}, not namespace {namespace}; if this "
                            "organisation owns it: 'fieldkit pack trust KEYFILE.pub --namespace {namespace}'"),
                         key=key.describe(), scope=key.scope(), namespace=manifest.namespace)
    return PackError(N_("signed by key {key}, which may sign {scope}, not the base content; the base content is "
                        "signed by the fieldkit project's key or a key trusted with 'fieldkit pack trust "
                        "KEYFILE.pub'"), key=key.describe(), scope=key.scope())


def check_database(path: Path, manifest: Manifest) -> None:
    """The schema (tables only, the columns fieldkit reads: fieldkit.store.db.check_schema) before anything else
    runs, SQLite's own integrity check, then: a fieldkit database of the schema and content the manifest says."""
    from fieldkit.store.db import StoreError, check_schema, connect

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            check_schema(conn, path)
            rows = conn.execute("PRAGMA integrity_check(20)").fetchall()
        finally:
            conn.close()
    except StoreError as error:
        raise PackError(N_("its database is not fieldkit content: {reason}"),
                        reason=str(error).replace(str(path), 'fieldkit.db')) from None
    except sqlite3.Error as error:
        raise PackError(N_("its database fails SQLite's integrity check: {error}"), error=error) from None
    if rows != [("ok",)]:
        first = " ".join(str(row[0]) for row in rows[:2])[:120]
        raise PackError(N_("its database fails SQLite's integrity check: {first}"), first=first)

    try:
        conn = connect(path)
        try:
            meta = {row[0]: row[1] for row in conn.execute("SELECT key, value FROM meta")}
        finally:
            conn.close()
    except (StoreError, sqlite3.Error) as error:
        raise PackError(N_("its database is not fieldkit content: {reason}"),
                        reason=str(error).replace(str(path), 'fieldkit.db')) from None
    if meta.get("schema_version") != str(manifest.schema_version) or meta.get("content_hash") != manifest.content_hash:
        raise PackError(N_("its database is not the content its manifest describes"))
