"""Make a pack: compile the content, describe it in a manifest, sign the manifest, write the archive atomically.

The new file is read back with the signer's key before this returns, so a pack that leaves the publisher's
machine has passed the same checks a field laptop will run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from pathlib import Path
from typing import Any

from fieldkit.core import env
from fieldkit.core.atomic import write_bytes
from fieldkit.core.layers import BASE, OVERLAY
from fieldkit.core.marker import N_
from fieldkit.core.progress import step
from fieldkit.packs import signing
from fieldkit.packs.archive import DATABASE, MANIFEST, SIGNATURE, deflated, render, stored
from fieldkit.packs.errors import PackError
from fieldkit.packs.keys import PublicKey, SecretKey
from fieldkit.packs.manifest import (
    BASE_FORMAT,
    FORMAT_VERSION,
    Manifest,
    Member,
    check_day,
    check_name,
    check_namespace,
    check_version,
)
from fieldkit.packs.reader import PackReader

DEFAULT_NAME = "fieldkit"


def created_now() -> str:
    """Now in UTC, or SOURCE_DATE_EPOCH for a reproducible pack."""
    epoch = env.source_date_epoch()
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch and epoch.isdigit() else dt.datetime.now(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def seal(database: bytes, secret: SecretKey, *, name: str, version: str, schema_version: int, content_hash: str,
         content_date: str, languages: list[str], counts: dict[str, Any], created: str | None = None,
         namespace: str | None = None, organisation: str = "", expires: str | None = None) -> tuple[Manifest, bytes]:
    """The manifest and the bytes of a signed pack holding `database` (the compiled SQLite file's bytes): the base
    content, or with `namespace` an organisation's overlay."""
    entry, packed = deflated(DATABASE, database)
    is_overlay = namespace is not None
    manifest = Manifest(
        name=check_name(name), version=check_version(version), created=created or created_now(),
        schema_version=schema_version, content_hash=content_hash, content_date=content_date,
        languages=sorted(languages), counts=counts, signer=secret.public.b64,
        members={DATABASE: Member(size=len(database), sha256=hashlib.sha256(database).hexdigest(),
                                  stored_size=len(packed), stored_sha256=hashlib.sha256(packed).hexdigest())},
        expires=check_day(expires) if expires else None, layer=OVERLAY if is_overlay else BASE,
        namespace=check_namespace(namespace) if namespace is not None else None,
        organisation=organisation if is_overlay else "", format_version=FORMAT_VERSION if is_overlay else BASE_FORMAT,
    )
    manifest_bytes = manifest.to_bytes()
    signature = signing.sign(secret.raw, manifest_bytes)
    return manifest, render([stored(MANIFEST, manifest_bytes), stored(SIGNATURE, signature), (entry, packed)])


def describe(db_path: Path) -> dict[str, Any]:
    """What the manifest says about a compiled database: versions, languages and counts."""
    from fieldkit.store.db import connect
    from fieldkit.store.store import Store

    store = Store(connect(db_path))
    try:
        stats = store.stats()
    finally:
        store.close()
    return {
        "version": stats["content_version"] or "0", "schema_version": stats["schema_version"],
        "content_hash": stats["content_hash"], "content_date": stats["content_date"],
        "languages": sorted(stats["languages"]),
        "counts": {"entries": stats["entries"], "types": stats["types"], "sources": stats["sources"],
                   "documents": sum(counts["total"] for counts in stats["languages"].values())},
    }


def _overlay_meta(db_path: Path) -> dict[str, Any]:
    """An overlay database's namespace and organisation, as its build wrote them."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('namespace', 'organisation')").fetchall())
    finally:
        conn.close()
    return {"namespace": meta["namespace"], "organisation": meta.get("organisation", "")}


def build_pack(content_dir: Path, secret: SecretKey, out: Path, *, version: str | None = None,
               name: str | None = None, expires: str | None = None, base: Path | None = None) -> Manifest:
    """Compile `content_dir` and write a pack signed with `secret` to `out`: the base content, or, for an
    organisation's overlay folder (it has overlay.yaml), an overlay checked against the published content in the
    database `base`. Raises ContentError for content problems, PackError for a bad name, version or date,
    StoreError if `base` cannot be read, OSError if `out` cannot be written (then it is unchanged)."""
    from fieldkit.content.build import build
    from fieldkit.content.overlay import BaseContent, build_overlay, is_overlay

    if name is not None:
        check_name(name)
    if version is not None:
        check_version(version)
    if expires is not None:
        check_day(expires)
    layer: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="fieldkit-pack-") as work:
        db_path = Path(work) / DATABASE
        if is_overlay(content_dir):
            if base is None:
                raise PackError(N_("an overlay is checked against the published content: no base content to check it "
                                   "with"))
            build_overlay(content_dir, BaseContent.read(base), db_path)
            layer = _overlay_meta(db_path)
        else:
            build(content_dir, db_path)
        facts = describe(db_path)
        database = db_path.read_bytes()
    facts["version"] = version or facts["version"]
    name = name or layer.get("namespace") or DEFAULT_NAME
    step(N_("signing and writing the pack"))
    manifest, blob = seal(database, secret, name=name, expires=expires, **facts, **layer)
    write_bytes(out, blob)  # a file the publisher named: no folder made, modes kept (fieldkit.core.atomic)
    signer = PublicKey(secret.public.raw, secret.comment, namespaces=(manifest.namespace,) if manifest.namespace else ())
    with PackReader(out, [signer]) as pack, tempfile.TemporaryDirectory(prefix="fieldkit-pack-") as work:
        pack.extract_database(Path(work) / DATABASE)
    return manifest
