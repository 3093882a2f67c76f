"""Long work says how far it has come: a loop in any layer wraps what it goes through in `track()`, and whoever
started the work (the CLI, fieldkit/cli/progress.py) decides whether and how to show it. With nobody listening,
`track()` only yields the items: nothing is drawn in tests, in scripts or in the app.

Step names are marked with `N_` where the work names them; whoever draws them translates them.

Standard library only: this is the bottom layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: every command passes here (cli/progress.py)
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

# (what is being done, how many done, how many in all or None) -> None
Reporter = Callable[[str, int, "int | None"], None]
_listener: ContextVar[Reporter | None] = ContextVar("fieldkit_progress", default=None)
_ended: ContextVar[Callable[[], None] | None] = ContextVar("fieldkit_progress_ended", default=None)


@contextmanager
def reporting(reporter: Reporter, ended: Callable[[], None] | None = None) -> Iterator[None]:
    """Send the steps of the work done inside to `reporter`, and the end of each `stage` to `ended`."""
    token, ended_token = _listener.set(reporter), _ended.set(ended)
    try:
        yield
    finally:
        _ended.reset(ended_token)
        _listener.reset(token)


@contextmanager
def stage() -> Iterator[None]:
    """Long work that is over when this block ends, though the run goes on (the content a checkout compiles on
    first launch): the listener stops drawing then, before the command prints or the app takes the screen."""
    try:
        yield
    finally:
        ended = _ended.get()
        if ended is not None:
            ended()


def track(items: Iterable[T], what: str, total: int | None = None) -> Iterator[T]:
    """Yield `items`, reporting each step as `what` (a short lower-case phrase: "reading content files")."""
    reporter = _listener.get()
    if reporter is None:
        yield from items
        return
    if total is None and isinstance(items, Sized):
        total = len(items)
    reporter(what, 0, total)
    done = 0
    for item in items:
        yield item
        done += 1
        reporter(what, done, total)


def step(what: str) -> None:
    """A piece of work that cannot be counted (writing the index): shown by name."""
    reporter = _listener.get()
    if reporter is not None:
        reporter(what, 0, None)
