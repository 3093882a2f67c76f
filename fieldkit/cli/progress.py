"""A progress bar for long work (build, check --sources, pack build and install, import, and the content a source
checkout compiles on first launch): drawn with Rich on standard error when it is a terminal, with counts and an
estimate of the time left; nothing at all when standard error is piped or redirected, so scripts and logs read
exactly as before.

The work reports its steps through fieldkit.core.progress; this module only draws them, each step's name in the
reader's language. Rich is imported at the first step reported: a command with nothing long to do costs nothing
here, so every command can run inside `shown()`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from fieldkit.cli.output import is_terminal
from fieldkit.core import env

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


def wanted() -> bool:
    return is_terminal(sys.stderr) and not env.dumb_terminal()


class _Bar:
    """One bar at a time, made at the first step and put away when a stage of work ends (or the command does)."""

    def __init__(self) -> None:
        self.progress: Progress | None = None
        self.tasks: dict[str, TaskID] = {}

    def report(self, what: str, done: int, total: int | None) -> None:
        if self.progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            # Rich sends what is printed while the bar is drawn through the bar's console (standard error), so the
            # lines show above the bar. Standard output only when it is that screen too: a report redirected to a
            # file goes to the file (it went to the screen, and the file stayed empty).
            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeRemainingColumn(), console=Console(file=sys.stderr, force_terminal=True),
                                     transient=True, redirect_stdout=is_terminal(sys.stdout))
            self.progress.start()
        task = self.tasks.get(what)
        if task is None:
            from fieldkit.cli.output import short_line
            from fieldkit.i18n.catalog import _

            for other in self.tasks.values():  # one step at a time: the one before is finished
                self.progress.update(other, visible=False)
            # Rich reads "[...]" as markup: a translated name is text, whatever brackets it holds.
            description = short_line(_(what), sys.stderr).replace("[", r"\[")
            task = self.tasks[what] = self.progress.add_task(description, total=total)
        self.progress.update(task, completed=done, total=total)

    def end(self) -> None:
        if self.progress is not None:
            self.progress.stop()
        self.progress, self.tasks = None, {}


@contextmanager
def shown() -> Iterator[None]:
    """Draw the progress of the work done inside, if standard error is a terminal."""
    if not wanted():  # piped or redirected: nothing to draw, nothing more imported
        yield
        return
    from fieldkit.core.progress import reporting

    bar = _Bar()
    try:
        with reporting(bar.report, ended=bar.end):
            yield
    finally:
        bar.end()
