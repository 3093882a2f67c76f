"""Ed25519 signatures: made with `cryptography` (a publisher's key pair and signatures, the only place it is
imported), checked in plain Python (packs/ed25519.py), so a field laptop's fieldkit needs no native library to
install a pack. The one-file executable leaves `cryptography` out: it installs packs but does not make them."""

from __future__ import annotations

from fieldkit.packs import ed25519
from fieldkit.packs.errors import PackError

SIGNATURE_BYTES = 64
KEY_BYTES = 32


def _private_key(secret: bytes | None = None):  # -> Ed25519PrivateKey
    try:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    except ImportError:
        raise PackError("making keys and signing packs needs the 'cryptography' library, which this fieldkit does "
                        "not have (the one-file executable installs packs but does not make them): publish packs "
                        "with fieldkit installed by pip") from None
    return Ed25519PrivateKey.generate() if secret is None else Ed25519PrivateKey.from_private_bytes(secret)


def new_secret() -> bytes:
    """A fresh 32-byte Ed25519 secret (seed) from the system's random source."""
    key = _private_key()
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def public_of(secret: bytes) -> bytes:
    key = _private_key(secret)
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def sign(secret: bytes, data: bytes) -> bytes:
    return _private_key(secret).sign(data)


def verify(public: bytes, signature: bytes, data: bytes) -> bool:
    """True when `signature` is `public`'s signature of exactly `data`; False for anything else."""
    if len(public) != KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    return ed25519.verify(public, signature, data)
