"""What a manifest says about its layer: a base pack's manifest is what fieldkit always wrote; an overlay's is pack
format 2 with its namespace and organisation, so a fieldkit that knows no layers refuses it rather than installing
it as the whole content; an expiry date is a day."""

from __future__ import annotations

import json
import zipfile

import pytest

from fieldkit.packs import manifest as manifests
from fieldkit.packs.errors import PackError
from fieldkit.packs.manifest import from_json, load_json
from tests.overlays.conftest import NAMESPACE


def manifest_of(pack) -> dict:
    with zipfile.ZipFile(pack) as archive:
        return json.loads(archive.read("manifest.json"))


def test_base_manifest_has_no_layer_fields(layers):
    data = manifest_of(layers.base1)
    assert data["format_version"] == 1 and not {"layer", "namespace", "organisation", "expires"} & set(data)


def test_overlay_manifest_says_its_layer(layers):
    data = manifest_of(layers.overlay1)
    assert (data["format_version"], data["layer"], data["namespace"], data["organisation"]) == \
        (2, "overlay", NAMESPACE, "XYZ Legal Aid")
    parsed = from_json(data)
    assert parsed.is_overlay and parsed.layer_key == f"overlay:{NAMESPACE}"


def test_a_reader_without_layers_refuses_an_overlay(layers, monkeypatch):
    monkeypatch.setattr(manifests, "FORMAT_VERSION", 1)  # what a fieldkit before layers reads
    with pytest.raises(PackError, match="pack format 2; this fieldkit reads format 1: update fieldkit"):
        from_json(manifest_of(layers.overlay1))
    assert from_json(manifest_of(layers.base1)).name == "fieldkit"


@pytest.mark.parametrize("change, message", [
    ({"layer": "extra"}, "manifest field 'layer' is malformed"),
    ({"namespace": "Org XYZ"}, "is not a namespace"),
    ({"format_version": 1}, "an overlay's manifest must be pack format 2"),
    ({"expires": "2026-13-01"}, "is not an expiry date"),
    ({"organisation": 5}, "'organisation' is missing or malformed"),
])
def test_malformed_layer_fields(layers, change, message):
    data = manifest_of(layers.overlay1) | change
    with pytest.raises(PackError, match=message):
        from_json(load_json(json.dumps(data).encode()))
