"""Ed25519 signatures: a publisher's key pair and signatures made with `cryptography` where it is installed
(constant-time native code), else in plain Python (packs/ed25519.py: the one-file executable leaves `cryptography`
out, and an organisation still makes its keys and overlay packs with it); checked in plain Python either way.
Ed25519 signatures are deterministic, so both make the same bytes."""

from __future__ import annotations

import os

from fieldkit.packs import ed25519

SIGNATURE_BYTES = 64
KEY_BYTES = 32


def _private_key(secret: bytes):  # -> Ed25519PrivateKey, or None without `cryptography`
    try:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    except ImportError:
        return None
    return Ed25519PrivateKey.from_private_bytes(secret)


def new_secret() -> bytes:
    """A fresh 32-byte Ed25519 secret (seed) from the system's random source."""
    return os.urandom(KEY_BYTES)


def public_of(secret: bytes) -> bytes:
    key = _private_key(secret)
    if key is None:
        return ed25519.public_key(secret)
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def sign(secret: bytes, data: bytes) -> bytes:
    key = _private_key(secret)
    return ed25519.sign(secret, data) if key is None else key.sign(data)


def verify(public: bytes, signature: bytes, data: bytes) -> bool:
    """True when `signature` is `public`'s signature of exactly `data`; False for anything else."""
    if len(public) != KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    return ed25519.verify(public, signature, data)
