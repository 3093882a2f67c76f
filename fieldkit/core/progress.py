"""Long work says how far it has come: a loop in any layer wraps what it goes through in `track()`, and whoever
started the work (the CLI, fieldkit/cli/progress.py) decides whether and how to show it. With nobody listening,
`track()` only yields the items: nothing is drawn in tests, in scripts or in the app.

Standard library only: this is the bottom layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

# (what is being done, how many done, how many in all or None) -> None
Reporter = Callable[[str, int, "int | None"], None]
_listener: ContextVar[Reporter | None] = ContextVar("fieldkit_progress", default=None)
T = TypeVar("T")


@contextmanager
def reporting(reporter: Reporter) -> Iterator[None]:
    """Send the steps of the work done inside to `reporter`."""
    token = _listener.set(reporter)
    try:
        yield
    finally:
        _listener.reset(token)


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
