"""The spreadsheet formula guard, both ways: one rule for what the export guards and what the import unguards.

A spreadsheet runs a cell as a formula when it starts with `=`, `+`, `-` or `@` (and some also after a leading
tab or carriage return), however the rest goes on: `-1+cmd|' /C calc'!A0`, `+.5+HYPERLINK(...)`, `-(1)+...`.
So every such cell is written with a leading apostrophe, as spreadsheets expect, unless it is a plain number
(`-12.5`, `+3`, `-1e5`). A phone number such as `+387 37 000 100` is not a plain number: it is guarded too (a
spreadsheet would otherwise compute it, or fail to). The importer takes the apostrophe off again.
"""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_GUARDED = re.compile(r"^'(?=[=+\-@\t\r])")


def needs_guard(text: str) -> bool:
    return text.startswith(TRIGGERS) and not _PLAIN_NUMBER.match(text)


def guard(text: str) -> str:
    """`text` as a spreadsheet cell that is never run as a formula."""
    return "'" + text if needs_guard(text) else text


def unguard(text: str) -> str:
    """A cell as read from a sheet, without the apostrophe that kept it from being a formula."""
    return _GUARDED.sub("", text)
