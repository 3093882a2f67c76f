"""Ed25519 signatures, through `cryptography` (the only module here that imports it)."""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

SIGNATURE_BYTES = 64
KEY_BYTES = 32


def new_secret() -> bytes:
    """A fresh 32-byte Ed25519 secret (seed) from the system's random source."""
    return Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def public_of(secret: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(secret).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def sign(secret: bytes, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(secret).sign(data)


def verify(public: bytes, signature: bytes, data: bytes) -> bool:
    """True when `signature` is `public`'s signature of exactly `data`; False for anything else."""
    if len(public) != KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True
