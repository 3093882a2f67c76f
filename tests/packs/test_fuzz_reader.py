"""The pack reader against random input: it never raises anything but PackError, and no changed byte gets through."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.packs.errors import PackError
from fieldkit.packs.reader import PackReader

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def read_fully(data: bytes, trusted) -> None:
    """Everything `pack verify` does to a file, in a throwaway folder."""
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "fuzz.fkpack"
        path.write_bytes(data)
        with PackReader(path, trusted) as pack:
            pack.extract_database(Path(work) / "fieldkit.db")


def refused(data: bytes, trusted) -> str:
    try:
        read_fully(data, trusted)
    except PackError as problem:
        assert "\n" not in str(problem)
        return str(problem)
    raise AssertionError("a changed pack was accepted")


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes(packs, data):
    refused(data, [packs.secret.public])


@FUZZ
@given(tail=st.binary(max_size=512), head=st.sampled_from([b"PK\x03\x04", b"PK\x05\x06", b"PK\x01\x02", b""]))
def test_random_bytes_that_look_like_a_zip(packs, head, tail):
    refused(head + tail + b"PK\x05\x06" + tail[:18], [packs.secret.public])


@FUZZ
@given(data=st.data())
def test_any_single_byte_changed(packs, data):
    blob = packs.v1.read_bytes()
    position = data.draw(st.integers(0, len(blob) - 1))
    change = data.draw(st.integers(1, 255))
    changed = bytearray(blob)
    changed[position] ^= change
    refused(bytes(changed), [packs.secret.public])


@FUZZ
@given(data=st.data())
def test_random_splices_and_cuts(packs, data):
    blob = packs.v1.read_bytes()
    start = data.draw(st.integers(0, len(blob) - 1))
    end = data.draw(st.integers(start, min(len(blob), start + 64)))
    insert = data.draw(st.binary(max_size=64))
    spliced = blob[:start] + insert + blob[end:]
    if spliced != blob:
        refused(spliced, [packs.secret.public])


def test_the_unchanged_pack_is_accepted(packs):
    read_fully(packs.v1.read_bytes(), [packs.secret.public])
