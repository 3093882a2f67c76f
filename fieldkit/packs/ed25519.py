"""Ed25519 (RFC 8032) in plain Python: what a field laptop needs to check a content pack, and to make keys and
sign an organisation's own packs, without a native cryptography library in the one-file executable.

Verification (section 5.1.7) works on public data only. Signing (section 5.1.6) is deterministic, so it needs no
random number per signature, only the key's 32 random bytes. Where `cryptography` is installed (a publisher's
pip-installed fieldkit), packs/signing.py signs with it instead: its arithmetic runs in constant time, which plain
Python's integers do not. Here the secret scalars are multiplied with a fixed sequence of additions (every bit
costs an addition and a doubling, whatever its value), which removes the gross timing differences but not every
one; a signature is made on the organisation's own computer, where no one else times it. Both are checked against
RFC 8032's test vectors and against `cryptography` itself (tests/packs/test_ed25519.py).

The check is the one OpenSSL and libsodium make: S below the group order L, the public key a valid point in its
canonical encoding, and the encoding of [S]B - [k]A equal to the signature's R, byte for byte.
"""

from __future__ import annotations

import hashlib

P = 2**255 - 19  # the field
L = 2**252 + 27742317777372353535851937790883648493  # the order of the base point
_D = -121665 * pow(121666, P - 2, P) % P  # the curve constant d = -121665/121666
_SQRT_M1 = pow(2, (P - 1) // 4, P)  # a square root of -1

Point = tuple[int, int, int, int]  # extended coordinates (X, Y, Z, T): x = X/Z, y = Y/Z, x*y = T/Z
_ZERO: Point = (0, 1, 1, 0)


def _add(p: Point, q: Point) -> Point:
    """p + q (the unified addition formula of RFC 8032, section 5.1.4; also doubles)."""
    x1, y1, z1, t1 = p
    x2, y2, z2, t2 = q
    a = (y1 - x1) * (y2 - x2) % P
    b = (y1 + x1) * (y2 + x2) % P
    c = 2 * t1 * t2 * _D % P
    d = 2 * z1 * z2 % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return e * f % P, g * h % P, f * g % P, e * h % P


def _times(scalar: int, point: Point) -> Point:
    found = _ZERO
    while scalar:
        if scalar & 1:
            found = _add(found, point)
        point = _add(point, point)
        scalar >>= 1
    return found


def _times_secret(scalar: int, point: Point) -> Point:
    """[scalar]point for a secret scalar below 2**256: an addition and a doubling for every bit, set or not."""
    found = _ZERO
    for bit in range(255, -1, -1):
        found = _add(found, found)
        added = _add(found, point)
        found = (found, added)[(scalar >> bit) & 1]
    return found


def _encode(point: Point) -> bytes:
    x, y, z, _ = point
    inverse = pow(z, P - 2, P)
    x, y = x * inverse % P, y * inverse % P
    return (y | (x & 1) << 255).to_bytes(32, "little")


def _decode(data: bytes) -> Point | None:
    """The point a 32-byte encoding names, or None when it names none (or not canonically: y >= p)."""
    if len(data) != 32:
        return None
    y = int.from_bytes(data, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    if y >= P:
        return None
    square = (y * y - 1) * pow(_D * y * y + 1, P - 2, P) % P  # x^2
    if square == 0:
        if sign:
            return None
        return 0, y, 1, 0
    x = pow(square, (P + 3) // 8, P)
    if (x * x - square) % P:
        x = x * _SQRT_M1 % P
    if (x * x - square) % P:
        return None
    if x & 1 != sign:
        x = P - x
    return x, y, 1, x * y % P


_BASE = _decode((4 * pow(5, P - 2, P) % P).to_bytes(32, "little"))  # y = 4/5, x even


def _expand(secret: bytes) -> tuple[int, bytes]:
    """The secret scalar (clamped) and the prefix that makes each signature's nonce, from a 32-byte secret."""
    digest = hashlib.sha512(secret).digest()
    scalar = int.from_bytes(digest[:32], "little") & ((1 << 254) - 8) | (1 << 254)
    return scalar, digest[32:]


def public_key(secret: bytes) -> bytes:
    """The 32-byte public key of a 32-byte secret (seed)."""
    if len(secret) != 32 or _BASE is None:
        raise ValueError("an Ed25519 secret is 32 bytes")
    return _encode(_times_secret(_expand(secret)[0], _BASE))


def sign(secret: bytes, message: bytes) -> bytes:
    """The 64-byte signature of `message` by a 32-byte secret (seed): the same bytes `cryptography` makes."""
    if len(secret) != 32 or _BASE is None:
        raise ValueError("an Ed25519 secret is 32 bytes")
    scalar, prefix = _expand(secret)
    public = _encode(_times_secret(scalar, _BASE))
    nonce = int.from_bytes(hashlib.sha512(prefix + message).digest(), "little") % L
    r = _encode(_times_secret(nonce, _BASE))
    k = int.from_bytes(hashlib.sha512(r + public + message).digest(), "little") % L
    return r + ((nonce + k * scalar) % L).to_bytes(32, "little")


def verify(public: bytes, signature: bytes, message: bytes) -> bool:
    """True when `signature` is a valid Ed25519 signature of `message` by `public`; False for anything else."""
    if len(public) != 32 or len(signature) != 64 or _BASE is None:
        return False
    key = _decode(public)
    if key is None:
        return False
    r, s = signature[:32], int.from_bytes(signature[32:], "little")
    if s >= L:
        return False
    k = int.from_bytes(hashlib.sha512(r + public + message).digest(), "little") % L
    minus_key = (P - key[0]) % P, key[1], key[2], (P - key[3]) % P
    return _encode(_add(_times(s, _BASE), _times(k, minus_key))) == r
