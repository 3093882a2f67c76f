"""A progress bar for long commands (build, check --sources, pack build and install, import): drawn with Rich on
standard error when it is a terminal, with counts and an estimate of the time left; nothing at all when standard
error is piped or redirected, so scripts and logs read exactly as before.

The work reports its steps through fieldkit.core.progress; this module only draws them. The steps are named in
English (they are not in the catalogs yet).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from fieldkit.core import env
from fieldkit.core.progress import reporting


def wanted() -> bool:
    try:
        return sys.stderr.isatty() and not env.dumb_terminal()
    except (AttributeError, ValueError):
        return False


@contextmanager
def shown() -> Iterator[None]:
    """Draw the progress of the work done inside, if standard error is a terminal."""
    if not wanted():
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(file=sys.stderr, force_terminal=True), transient=True)
    tasks: dict[str, object] = {}

    def report(what: str, done: int, total: int | None) -> None:
        task = tasks.get(what)
        if task is None:
            for other in tasks.values():  # one step at a time: the one before is finished
                bar.update(other, visible=False)  # type: ignore[arg-type]
            task = tasks[what] = bar.add_task(what, total=total)
        bar.update(task, completed=done, total=total)  # type: ignore[arg-type]

    with bar, reporting(report):
        yield
