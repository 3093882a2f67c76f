"""Python's cycle collector held back while the app starts (fieldkit/tui/launch.py says why)."""

from __future__ import annotations

import gc

_held = False  # whether this module turned the collector off (a caller's own gc.disable() is left alone)


def hold_collector() -> None:
    """Turn the cycle collector off until `release_collector`, if it is on."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_collector() -> None:
    """Freeze what start-up made and turn the collector back on; nothing if `hold_collector` did not turn it off.
    The app calls this after its first frame; `launch.run` calls it again when the app ends, whichever comes first."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()
