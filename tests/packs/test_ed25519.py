"""The plain-Python Ed25519 check (fieldkit/packs/ed25519.py) against RFC 8032's test vectors and against the
`cryptography` library that publishers sign with."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.packs import ed25519, signing

# RFC 8032, section 7.1: TEST 1, TEST 2, TEST 3 (secret key, public key, message, signature; hex).
RFC8032 = [
    ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
    ("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    ("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
]


@pytest.mark.parametrize(("secret", "public", "message", "signature"), RFC8032)
def test_rfc8032_vectors(secret, public, message, signature):
    public, message, signature = bytes.fromhex(public), bytes.fromhex(message), bytes.fromhex(signature)
    assert signing.public_of(bytes.fromhex(secret)) == public  # the vectors are what cryptography makes
    assert signing.sign(bytes.fromhex(secret), message) == signature
    assert ed25519.verify(public, signature, message)
    assert not ed25519.verify(public, signature, message + b"\0")
    for position in (0, 31, 32, 63):  # R and S each changed in one bit
        changed = bytearray(signature)
        changed[position] ^= 0x01
        assert not ed25519.verify(public, bytes(changed), message)


@settings(max_examples=25, deadline=None)
@given(st.binary(min_size=32, max_size=32), st.binary(max_size=300), st.binary(max_size=300))
def test_agrees_with_cryptography(secret, message, other):
    public = signing.public_of(secret)
    signature = signing.sign(secret, message)
    assert ed25519.verify(public, signature, message)
    assert ed25519.verify(public, signature, other) == (other == message)
    assert not ed25519.verify(signing.public_of(bytes(reversed(secret))), signature, message) or secret == bytes(
        reversed(secret))


def test_malformed_keys_and_signatures_are_refused():
    secret, public, message, signature = (bytes.fromhex(part) for part in RFC8032[0])
    s = int.from_bytes(signature[32:], "little")
    assert not ed25519.verify(public, signature[:32] + (s + ed25519.L).to_bytes(32, "little"), message)  # S >= L
    assert not ed25519.verify(public[:31], signature, message)
    assert not ed25519.verify(public, signature[:63], message)
    not_canonical = (int.from_bytes(public, "little") % (1 << 255) + ed25519.P).to_bytes(32, "little")
    assert not ed25519.verify(not_canonical, signature, message)  # y >= p
    assert not ed25519.verify(bytes(32), bytes(64), message)
    assert not ed25519.verify((2).to_bytes(32, "little"), signature, message)  # y = 2 is on no point of the curve


@pytest.mark.parametrize(("secret", "public", "message", "signature"), RFC8032)
def test_plain_python_signs_as_rfc8032_says(secret, public, message, signature):
    secret, message = bytes.fromhex(secret), bytes.fromhex(message)
    assert ed25519.public_key(secret) == bytes.fromhex(public)
    assert ed25519.sign(secret, message) == bytes.fromhex(signature)


@settings(max_examples=15, deadline=None)
@given(st.binary(min_size=32, max_size=32), st.binary(max_size=300))
def test_plain_python_signs_as_cryptography_does(secret, message):
    assert ed25519.public_key(secret) == signing.public_of(secret)
    assert ed25519.sign(secret, message) == signing.sign(secret, message)  # deterministic: the same bytes


def test_a_secret_of_the_wrong_length_is_refused():
    for secret in (b"", bytes(31), bytes(33)):
        with pytest.raises(ValueError):
            ed25519.sign(secret, b"")


def test_without_cryptography_keys_are_made_and_packs_signed_in_plain_python():
    code = ("import sys; sys.modules['cryptography'] = None\n"
            "from fieldkit.packs import signing\n"
            f"secret = bytes.fromhex('{RFC8032[0][0]}')\n"
            "print(signing.public_of(secret).hex()); print(signing.sign(secret, b'').hex())\n"
            "fresh = signing.new_secret()\n"
            "print(signing.verify(signing.public_of(fresh), signing.sign(fresh, b'x'), b'x'))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert result.stdout.splitlines() == [RFC8032[0][1], RFC8032[0][3], "True"], result.stderr
