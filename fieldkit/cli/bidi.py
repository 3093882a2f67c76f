"""Who lays out right-to-left text printed by the CLI: fieldkit (visual order) or the terminal (logical order).

Visual: fieldkit shapes the letters, wraps each paragraph to the terminal's width, reorders each line and aligns
it right (fieldkit/text/bidi.py), with the terminal asked to stop reordering (ECMA-48 BDSM, `ESC[8l`; `ESC[8h`
after). Logical: the text as stored, for pipes, files and terminals that do bidi themselves.
"""

from __future__ import annotations

import os

from fieldkit.core import env
from fieldkit.core.marker import N_
from fieldkit.core.records import dataclass  # not dataclasses: see records.py

MODES = ("auto", "visual", "logical")
# VTE reorders right-to-left text by itself from 0.76 on (VTE_VERSION 7600); older ones are left to fieldkit.
VTE_REORDERS_FROM = 7600


@dataclass(frozen=True)
class BidiChoice:
    visual: bool  # True: fieldkit lays the text out; False: printed in logical order
    reason: str  # why, in English (marked for the catalogs); `detail` fills its {detail}
    detail: str = ""


def decide(requested: str | None, is_terminal: bool, environ: env.Environ = os.environ) -> BidiChoice:
    """--bidi visual|logical as asked; with auto (the default): logical when the output is not a terminal or the
    terminal reorders by itself, else visual."""
    if requested == "visual":
        return BidiChoice(True, "--bidi visual")  # option names read the same in every language
    if requested == "logical":
        return BidiChoice(False, "--bidi logical")
    if not is_terminal:
        return BidiChoice(False, N_("not a terminal: logical order, for other programs"))
    if env.rtl_mode(environ) == "terminal":
        return BidiChoice(False, "FIELDKIT_RTL=terminal")
    if (outer := env.multiplexer(environ)) is not None:
        # Inside tmux or screen the outer terminal's variables are inherited, but the multiplexer draws the cells.
        return BidiChoice(True, N_("inside {detail}, which does not reorder"), outer)
    if (vte := env.vte_version(environ)) is not None and vte >= VTE_REORDERS_FROM:
        return BidiChoice(False, N_("{detail} reorders right-to-left text itself"), f"VTE {vte // 100 / 100:.2f}")
    if env.konsole_version(environ):
        return BidiChoice(False, N_("{detail} reorders right-to-left text itself"), "Konsole")
    if env.mlterm(environ):
        return BidiChoice(False, N_("{detail} reorders right-to-left text itself"), "mlterm")
    return BidiChoice(True, N_("a terminal that does not reorder right-to-left text"))
