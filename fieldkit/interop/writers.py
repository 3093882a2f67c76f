"""Records as text: HXL (a header row and a hashtag row), plain CSV (the header row only), or JSON.

Lists go in one cell separated by "; ". A cell that a spreadsheet would run as a formula is written with a
leading apostrophe (the rule is fieldkit.interop.formula's); the importer takes it off again.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fieldkit.interop.export import Export
from fieldkit.interop.formula import guard

LIST_SEPARATOR = "; "


def cell(value: Any) -> str:
    """One value as spreadsheet text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell(item) for item in value)
    return guard(str(value))


def to_table(export: Export, *, hashtags: bool) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.header for column in export.columns])
    if hashtags:
        writer.writerow([column.hashtag for column in export.columns])
    for record in export.records:
        writer.writerow([cell(record.get(column.key)) for column in export.columns])
    return out.getvalue()


def to_hxl(export: Export) -> str:
    return to_table(export, hashtags=True)


def to_csv(export: Export) -> str:
    return to_table(export, hashtags=False)


def to_json(export: Export) -> str:
    return json.dumps(export.records, ensure_ascii=False, indent=2) + "\n"
