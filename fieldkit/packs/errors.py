"""The one error the pack code raises: a pack refused, or an install that could not be done."""

from __future__ import annotations


class PackError(Exception):
    """A one-line reason, written for the person at the keyboard (the CLI prints it after the file's name).

    Whatever goes wrong while reading an untrusted pack file ends as a PackError, never as another exception.
    """

    def __init__(self, reason: str):
        super().__init__(" ".join(reason.split()))  # one line, whatever went into it

    @property
    def reason(self) -> str:
        return str(self)
