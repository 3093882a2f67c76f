"""The manifest: what a pack holds, signed byte for byte. Also how pack versions are compared.

A version is dotted whole numbers, compared number by number: 2026.11.24 < 2026.11.24.1 < 2026.12.1.
Trailing zeros do not count (2026.11.1 and 2026.11.01.0 are the same version).

A pack is a layer: the base content (`layer` absent or "base"), or an organisation's overlay ("overlay", with its
`namespace`, the id prefix its entries own, and the `organisation` shown beside them). Overlays are pack format 2,
so a fieldkit that does not know layers refuses them instead of installing one as the whole content. Either may
say when it `expires` (YYYY-MM-DD): after that day fieldkit warns, and still reads it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from fieldkit.core.explained import Reason
from fieldkit.core.layers import BASE, OVERLAY, namespace_problem
from fieldkit.core.marker import N_
from fieldkit.packs.errors import PackError

FORMAT = "fieldkit-pack"
FORMAT_VERSION = 2  # bump when a reader of today's packs could not read the new layout
BASE_FORMAT = 1  # base packs keep format 1: every fieldkit since packs began reads them
DATABASE = "fieldkit.db"

_VERSION_RULE = r"[0-9]{1,9}(?:\.[0-9]{1,9}){0,5}"
_NAME_RULE = r"(?!.*\.\.)[a-z0-9][a-z0-9._-]{0,63}"  # no '..' anywhere: a name is also part of a folder name
_VERSION = re.compile(rf"^{_VERSION_RULE}$")
_NAME = re.compile(rf"^{_NAME_RULE}$")
# The folder an install makes: NAME-VERSION-8 random hex digits. state.json may name only such folders, so every
# name and version a pack may have gives a folder that state.json accepts (one rule for build, verify, install).
_FOLDER = re.compile(rf"^{_NAME_RULE}-{_VERSION_RULE}-[0-9a-f]{{8}}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_version(text: str) -> str:
    if not isinstance(text, str) or not _VERSION.match(text):
        raise PackError(N_("{text!r} is not a pack version: use dotted whole numbers such as 2026.11.24 or "
                           "2026.11.24.1"), text=text)
    return text


def version_key(text: str) -> tuple[int, ...]:
    """A sortable key for a version; trailing zeros dropped so 2026.11.1 equals 2026.11.1.0."""
    parts = [int(part) for part in check_version(text).split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def check_name(text: str) -> str:
    """The one rule for pack names, applied when a pack is built, verified and installed."""
    if not isinstance(text, str) or not _NAME.match(text):
        shown = repr(text) if len(repr(text)) <= 80 else repr(text)[:77] + "..."
        raise PackError(N_("{shown} is not a pack name: lower-case letters, digits, '.', '_' and '-', at most 64, "
                           "starting with a letter or digit, no '..'"), shown=shown)
    return text


def check_namespace(text: str) -> str:
    """An overlay's namespace: the prefix of its entries' ids (org-xyz owns org-xyz-...); fieldkit/core/layers.py."""
    problem = namespace_problem(text)
    if problem:
        raise PackError(problem)
    return text


def check_day(text: str, what: str = Reason(N_("expiry date"))) -> str:
    import datetime as dt

    try:
        if isinstance(text, str) and _DAY.match(text):
            dt.date.fromisoformat(text)
            return text
    except ValueError:
        pass
    raise PackError(N_("{text!r} is not an {what}: use YYYY-MM-DD"), text=text, what=what)


def folder_name(name: str, version: str, token: str) -> str:
    """The folder a pack is installed in; PackError if the name or version breaks the rules."""
    folder = f"{check_name(name)}-{check_version(version)}-{token}"
    if not is_pack_folder(folder):
        raise PackError(N_("cannot make an install folder for {name} {version}"), name=name, version=version)
    return folder


def is_pack_folder(text: object) -> bool:
    """True for a folder name an install makes (what state.json may name)."""
    return isinstance(text, str) and bool(_FOLDER.match(text))


@dataclass(frozen=True)
class Member:
    """One file in the pack as the manifest describes it: unpacked size and sha256, and the bytes as stored."""

    size: int
    sha256: str
    stored_size: int
    stored_sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"size": self.size, "sha256": self.sha256, "stored_size": self.stored_size,
                "stored_sha256": self.stored_sha256}


@dataclass(frozen=True)
class Manifest:
    name: str
    version: str
    created: str  # UTC, ISO 8601, e.g. 2026-11-25T09:30:00Z
    schema_version: int
    content_hash: str
    content_date: str
    languages: list[str]
    counts: dict[str, Any]
    signer: str  # base64 Ed25519 public key of the signing key
    members: dict[str, Member] = field(default_factory=dict)
    format_version: int = BASE_FORMAT
    layer: str = BASE
    namespace: str | None = None  # overlays: the id prefix the overlay owns
    organisation: str = ""  # overlays: who adds it, as shown beside its entries
    expires: str | None = None  # YYYY-MM-DD: after it, fieldkit warns (and still reads the pack)

    def to_json(self) -> dict[str, Any]:
        data = {
            "format": FORMAT, "format_version": self.format_version, "name": self.name, "version": self.version,
            "created": self.created, "schema_version": self.schema_version, "content_hash": self.content_hash,
            "content_date": self.content_date, "languages": self.languages, "counts": self.counts,
            "signer": self.signer, "members": {name: m.to_json() for name, m in sorted(self.members.items())},
        }
        if self.layer != BASE:  # a base pack without these fields is byte for byte what fieldkit always wrote
            data.update(layer=self.layer, namespace=self.namespace, organisation=self.organisation)
        if self.expires:
            data["expires"] = self.expires
        return data

    @property
    def is_overlay(self) -> bool:
        return self.layer == OVERLAY

    @property
    def layer_key(self) -> str:
        """"base", or "overlay:NAMESPACE": one of each is in use at a time."""
        return f"{OVERLAY}:{self.namespace}" if self.is_overlay else BASE

    @property
    def layer_label(self) -> str:
        return f"overlay {self.namespace}" if self.is_overlay else "base"

    def expired(self, today: str | None = None) -> bool:
        """True after the day the manifest says it expires (never refused for it: fieldkit warns)."""
        import datetime as dt

        return bool(self.expires) and (today or dt.date.today().isoformat()) > str(self.expires)

    def to_bytes(self) -> bytes:
        """The exact bytes that are signed and stored as manifest.json."""
        return (json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")

    @property
    def database(self) -> Member:
        return self.members[DATABASE]


def load_json(data: bytes) -> dict[str, Any]:
    """Parse manifest bytes that are not yet known to be authentic; anything odd is a PackError."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackError(N_("damaged: manifest.json is not valid JSON")) from None
    if not isinstance(value, dict):
        raise PackError(N_("damaged: manifest.json is not a JSON object"))
    return value


def from_json(data: dict[str, Any]) -> Manifest:
    """Check every field of a (signed) manifest; a missing or malformed field is a PackError."""
    if data.get("format") != FORMAT:
        raise PackError(N_("manifest.json is not a fieldkit pack manifest"))
    format_version = _field(data, "format_version", int)
    if format_version > FORMAT_VERSION:
        raise PackError(N_("the pack uses pack format {format_version}; this fieldkit reads format {format}: update "
                           "fieldkit"), format_version=format_version, format=FORMAT_VERSION)
    languages = _field(data, "languages", list)
    if not all(isinstance(lang, str) and _LANG.match(lang) for lang in languages):
        raise PackError(N_("manifest field 'languages' is malformed"))
    members = {}
    for name, value in _field(data, "members", dict).items():
        if not isinstance(value, dict):
            raise PackError(N_("manifest entry for {name!r} is malformed"), name=name)
        member = Member(size=_field(value, "size", int), sha256=_field(value, "sha256", str),
                        stored_size=_field(value, "stored_size", int), stored_sha256=_field(value, "stored_sha256", str))
        if min(member.size, member.stored_size) < 0 or not (_HEX64.match(member.sha256) and _HEX64.match(member.stored_sha256)):
            raise PackError(N_("manifest entry for {name!r} is malformed"), name=name)
        members[name] = member
    if set(members) != {DATABASE}:
        raise PackError(N_("the manifest must list exactly {database}, not {members}"),
                        database=DATABASE, members=', '.join(sorted(members)) or 'nothing')
    created = _field(data, "created", str)
    if not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", created):
        raise PackError(N_("manifest field 'created' is malformed"))
    layer = data.get("layer", BASE)
    namespace, organisation = None, ""
    if layer == OVERLAY:
        if format_version < FORMAT_VERSION:
            raise PackError(N_("an overlay's manifest must be pack format {format}"), format=FORMAT_VERSION)
        namespace = check_namespace(_field(data, "namespace", str))
        organisation = _field(data, "organisation", str)[:120]
    elif layer != BASE:
        raise PackError(N_("manifest field 'layer' is malformed"))
    expires = data.get("expires")
    if expires is not None:
        expires = check_day(expires)
    return Manifest(
        name=check_name(_field(data, "name", str)), version=check_version(_field(data, "version", str)),
        created=created, schema_version=_field(data, "schema_version", int),
        content_hash=_field(data, "content_hash", str), content_date=_field(data, "content_date", str),
        languages=languages, counts=_field(data, "counts", dict), signer=_field(data, "signer", str),
        members=members, format_version=format_version, layer=layer, namespace=namespace,
        organisation=organisation, expires=expires,
    )


def _field(data: dict[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise PackError(N_("manifest field {name!r} is missing or malformed"), name=name)
    return value
