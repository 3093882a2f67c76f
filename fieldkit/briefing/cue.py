"""The presenter view's cue: which slide the projector shows, in a small file both terminals read.

`fieldkit brief DECK --present` writes the cue whenever the slide changes; `fieldkit brief DECK --notes`, in a
second terminal, reads it several times a second and shows that slide's notes, the next slide and the time. The
file lives in the user's runtime folder (fieldkit/paths.py), is written atomically (a reader never sees half of
it) and holds nothing but the deck's key, the slide number and the start time: nothing leaves the machine.
Either end may move the presentation on; the other follows.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from fieldkit import paths
from fieldkit.briefing.deck import Deck
from fieldkit.core.atomic import write_file


@dataclass(frozen=True)
class Cue:
    deck: str  # the deck's presentation key (Deck.presentation_key)
    slide: int  # 0-based
    total: int
    started: float  # seconds since the epoch: the same clock in both terminals
    ended: bool = False


def cue_path(deck: Deck, folder: Path | None = None) -> Path:
    """Where the cue for this deck lives: one file per deck, so two presentations do not disturb each other."""
    digest = hashlib.sha256(deck.presentation_key.encode("utf-8")).hexdigest()[:16]
    return (folder or paths.runtime_dir()) / f"presenting-{digest}.json"


def write_cue(path: Path, cue: Cue) -> int:
    """Write the cue atomically; returns the file's modification time (ns), so a reader can skip its own write."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_file(path, json.dumps(asdict(cue)).encode("utf-8"), mode=0o600)
    return path.stat().st_mtime_ns


class CueReader:
    """Reads the cue file when it has changed since the last look (a stat per look, a read per change)."""

    def __init__(self, path: Path, deck_key: str) -> None:
        self.path, self.deck_key = path, deck_key
        self.seen = -1

    def skip(self, mtime_ns: int) -> None:
        """A write of our own: not news."""
        self.seen = mtime_ns

    def changed(self) -> Cue | None:
        """The cue if the file changed since the last call and is for our deck; else None."""
        try:
            mtime = self.path.stat().st_mtime_ns
        except OSError:
            return None
        if mtime == self.seen:
            return None
        self.seen = mtime
        return read_cue(self.path, self.deck_key)


def read_cue(path: Path, deck_key: str) -> Cue | None:
    """The cue in `path` if it is a cue for `deck_key`; None if missing, unreadable, or for another deck."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        cue = Cue(deck=str(data["deck"]), slide=int(data["slide"]), total=int(data["total"]),
                  started=float(data["started"]), ended=bool(data.get("ended", False)))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return cue if cue.deck == deck_key else None


def end_cue(path: Path, cue: Cue) -> None:
    """Mark the presentation ended, so the notes view says so instead of waiting on the last slide."""
    with contextlib.suppress(OSError):
        write_cue(path, Cue(cue.deck, cue.slide, cue.total, cue.started, ended=True))


def now() -> float:
    return time.time()


def notes_command(deck: Deck) -> str:
    """The command that opens this deck's notes view in another terminal (shown on the projector's `n`)."""
    kind, _, rest = deck.key.partition(":")
    if kind in ("route", "country"):
        where, _, audience = rest.rpartition(":")
        return f"fieldkit brief --{kind} {where} --audience {audience} --notes"
    if deck.id:
        return f"fieldkit brief {deck.id} --notes"
    return "fieldkit brief … --notes"

