"""The one error the pack code raises: a pack refused, or an install that could not be done."""

from __future__ import annotations

from pathlib import PurePath

from fieldkit.core.explained import Explained, Reason


class PackError(Explained):
    """A one-line reason, written for the person at the keyboard (the CLI prints it after the file's name): an
    English template marked with `N_()` and its values, so the CLI and the app can tell it in the reader's language
    (`fieldkit.i18n.catalog.explain`); `str()` is the English, on one line whatever went into it.

    Whatever goes wrong while reading an untrusted pack file ends as a PackError, never as another exception.
    """

    def __init__(self, template: str, **values: object):
        # Text (a path, an error's words) goes on one line; other values (a number, None) keep their repr for `!r`.
        super().__init__(template, **{name: " ".join(str(value).split())
                                      if isinstance(value, (str, BaseException, PurePath)) and not isinstance(
                                          value, (Reason, Explained)) else value for name, value in values.items()})
        self.args = (" ".join(str(self.args[0]).split()),)

    @property
    def reason(self) -> str:
        return str(self)
