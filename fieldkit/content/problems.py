"""A problem found in content, reported as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    warning: bool = False  # reported, but does not fail `fieldkit check` (unless --strict) nor stop a build

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that are not warnings."""
    return [problem for problem in problems if not problem.warning]


class ContentError(Exception):
    """Content has problems; carries all of them so every one can be reported at once."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in content")
        self.problems = sorted(problems)
