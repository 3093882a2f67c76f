"""Opening the app, the one way the CLI does it (the app, a presentation, a trainer's notes).

Python's cycle collector waits while the app starts. Starting creates about 85,000 objects that live as long as
the app does (Textual's and fieldkit's modules and classes, the stylesheet, the widgets) and very little garbage
(about 2,000 objects in cycles, 0.35 MB, measured at the first frame). With the collector running, those objects
are scanned again and again on the way to the first frame (113 young collections, about 20 ms of CPU) and then
once in full right after it (15-18 ms): about a tenth of the start-up, spent finding nothing. So the collector is
held back until the first frame is drawn; then everything alive is frozen (`gc.freeze`, Python's tool for exactly
this), so the collections while the app runs, as someone types, scan only what was made since. The cycles made
while starting stay frozen with it: 0.35 MB, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldkit.tui.collector import hold_collector, release_collector

if TYPE_CHECKING:
    from fieldkit.briefing.deck import Deck
    from fieldkit.store.store import Store
    from fieldkit.userdata import UserData


def run(store: Store, lang: str = "en", present: Deck | None = None, userdata: UserData | None = None,
        notes: Deck | None = None) -> int:
    """Run the app (see fieldkit.tui.app.run), Textual imported with the collector held."""
    hold_collector()
    try:
        from fieldkit.tui import app

        return app.run(store, lang=lang, present=present, userdata=userdata, notes=notes)
    finally:
        release_collector()
