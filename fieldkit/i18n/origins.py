"""Where the content came from (fieldkit/runtime/locate.py: "--db", "FIELDKIT_DB", "pack NAME VERSION", "bundled",
"source checkout"), in the interface language. Option and variable names stay as they are typed."""

from __future__ import annotations

from fieldkit.core.marker import N_
from fieldkit.i18n.catalog import _

_WORDS = {"bundled": N_("bundled"), "source checkout": N_("source checkout")}
_PACK = N_("pack {name_and_version}")
_OVERLAY = N_("overlay {name_and_version}")


def origin_in_words(origin: str) -> str:
    """One origin, or a base and its overlays ("pack fieldkit 2026.12.01 + overlay org-xyz 2026.12.01")."""
    if " + " in origin:
        return " + ".join(_one(part) for part in origin.split(" + "))
    return _one(origin)


def _one(origin: str) -> str:
    if origin.startswith("overlay "):
        return _(_OVERLAY).format(name_and_version=origin.removeprefix("overlay "))
    if origin in _WORDS:
        return _(_WORDS[origin])
    if origin.startswith("pack "):
        return _(_PACK).format(name_and_version=origin.removeprefix("pack "))
    return origin
