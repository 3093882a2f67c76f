"""Read a partner's HXL-tagged CSV: find the hashtag row, match columns to fields by hashtag, yield the rows.

The header text above the hashtags is only used in messages: partners name columns in any language and order,
and the hashtags say what they hold. Comma, semicolon or tab separated; UTF-8 (with or without a byte order mark).
Cell text is sanitised (control characters and escape sequences removed) as it is read.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from fieldkit.core.explained import Explained, os_reason
from fieldkit.core.marker import N_
from fieldkit.interop.formula import unguard
from fieldkit.interop.hxl import IMPORT_FIELDS, TRANSLATED_FIELDS, Hashtag, TagPattern
from fieldkit.text.sanitize import sanitize

SCAN_ROWS = 25  # the hashtag row must be among the first rows, as libhxl also expects
MAX_BYTES = 50 * 1024 * 1024


class SheetError(Explained):
    """The file cannot be read as a HXL sheet at all; the message says why and what to do."""


@dataclass(frozen=True)
class SheetColumn:
    index: int  # 0-based
    header: str
    hashtag: Hashtag
    text: str  # the hashtag cell as written

    def describe(self) -> str:
        return f"{self.text.strip()}" + (f" ({self.header})" if self.header else "")


@dataclass
class Row:
    number: int  # the row's number in a spreadsheet, counting the header and hashtag rows
    cells: list[str]
    raw: str = ""  # the text of the file this row was read from (its cells are quoted from it)


@dataclass
class Sheet:
    path: Path
    text: str  # the file as read, for quoting it
    columns: list[SheetColumn]
    rows: list[Row]
    fields: dict[str, SheetColumn] = field(default_factory=dict)  # field -> its column
    translated: dict[str, dict[str, SheetColumn]] = field(default_factory=dict)  # field -> lang -> column
    unused: list[SheetColumn] = field(default_factory=list)

    def value(self, row: Row, name: str) -> str:
        column = self.fields.get(name)
        return _cell(row.cells, column.index) if column else ""

    def translations(self, row: Row, name: str) -> dict[str, str]:
        found = {lang: _cell(row.cells, column.index) for lang, column in self.translated.get(name, {}).items()}
        return {lang: text for lang, text in found.items() if text}

    def has(self, name: str) -> bool:
        return name in self.fields


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def clean_cell(text: str, *, multiline: bool = False) -> str:
    text = unguard(sanitize(text).strip())  # the apostrophe of a formula guard is not part of the value
    if multiline:
        return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")).strip()
    return re.sub(r"\s+", " ", text)


def read_sheet(path: Path) -> Sheet:
    text = _read_text(path)
    delimiter = _delimiter(text)
    try:
        table, raws = _records(text, delimiter)
    except csv.Error as problem:
        raise SheetError(N_("{name} is not a readable CSV file: {reason}"), name=path.name, reason=problem) from None
    position = _hashtag_row(table)
    if position is None:
        raise SheetError(N_("{name} has no HXL hashtag row in its first {rows} rows: add a row of hashtags "
                            "such as #service+name, #org+name, #country+code under the headers (see docs/interop.md)"),
                         name=path.name, rows=SCAN_ROWS)
    headers = table[position - 1] if position > 0 else []
    columns = []
    for index, text_cell in enumerate(table[position]):
        hashtag = Hashtag.parse(text_cell)
        if hashtag is not None:
            header = clean_cell(headers[index]) if index < len(headers) else ""
            columns.append(SheetColumn(index, header, hashtag, text_cell))
    rows = []
    for offset, cells in enumerate(table[position + 1:], start=position + 2):
        cleaned = [clean_cell(value, multiline=True) for value in cells]
        if any(cleaned):
            rows.append(Row(offset, cleaned, raws[offset - 1]))
    sheet = Sheet(path=path, text=text, columns=columns, rows=rows)
    _match_fields(sheet)
    _require(sheet)
    return sheet


def _records(text: str, delimiter: str) -> tuple[list[list[str]], list[str]]:
    """The CSV records, and for each the text it was read from: a cell is quoted from its own row, so checking a
    quote costs the row's length, not the whole file's (a sheet of many rows stays linear)."""
    consumed: list[str] = []

    def lines():
        for line in io.StringIO(text, newline=""):
            consumed.append(line)
            yield line

    table, raws = [], []
    for record in csv.reader(lines(), delimiter=delimiter):  # reads no further than the record it returns
        table.append(record)
        raws.append("".join(consumed))
        consumed.clear()
    return table, raws


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SheetError(N_("{name} is {size} MB; a service sheet is at most 50 MB"), name=path.name,
                             size=size // (1024 * 1024))
        data = path.read_bytes()
    except IsADirectoryError:
        raise SheetError(N_("{path} is a folder, not a CSV file"), path=path) from None
    except OSError as problem:
        raise SheetError(N_("cannot read {path}: {reason}"), path=path, reason=os_reason(problem)) from None
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SheetError(N_("{name} is a spreadsheet workbook, not CSV: save it as 'CSV UTF-8' and import that"),
                         name=path.name)
    if b"\x00" in data[:4096]:
        raise SheetError(N_("{name} is not a text file (save the sheet as 'CSV UTF-8')"), name=path.name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        raise SheetError(N_("{name} is not UTF-8 text (byte {byte}): save it as 'CSV UTF-8'"), name=path.name,
                         byte=problem.start) from None


def _delimiter(text: str) -> str:
    """The separator under which the hashtag row has the most hashtags (spreadsheets save ',', ';' or tab)."""
    best, score = ",", 0
    for delimiter in (",", ";", "\t"):
        try:
            table = list(csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter))
        except csv.Error:
            continue
        position = _hashtag_row(table)
        tags = sum(1 for cell in table[position] if Hashtag.parse(cell)) if position is not None else 0
        if tags > score:
            best, score = delimiter, tags
    return best


def _hashtag_row(table: list[list[str]]) -> int | None:
    """The first row in which at least half the filled cells, and at least one, are hashtags."""
    for position, cells in enumerate(table[:SCAN_ROWS]):
        filled = [cell for cell in cells if cell.strip()]
        tags = [cell for cell in filled if Hashtag.parse(cell)]
        if tags and len(tags) * 2 >= len(filled):
            return position
    return None


def _match_fields(sheet: Sheet) -> None:
    used: set[int] = set()
    others = sorted({c.hashtag.lang for c in sheet.columns if c.hashtag.lang not in (None, "en")})
    for name, patterns in IMPORT_FIELDS.items():
        for text in patterns:
            chosen = _best(TagPattern.parse(text), [c for c in sheet.columns if c.hashtag.lang in (None, "en")])
            if chosen is not None:
                sheet.fields[name] = chosen
                used.add(chosen.index)
                break
        if name not in TRANSLATED_FIELDS:
            continue
        for lang in others:  # the same field in other languages, with or without a column in English
            for text in patterns:
                column = _best(TagPattern.parse(text), [c for c in sheet.columns if c.hashtag.lang == lang])
                if column is not None:
                    sheet.translated.setdefault(name, {})[lang] = column
                    used.add(column.index)
                    break
    sheet.unused = [column for column in sheet.columns if column.index not in used]


def _best(pattern: TagPattern, columns: list[SheetColumn]) -> SheetColumn | None:
    matching = [column for column in columns if pattern.matches(column.hashtag)]
    return min(matching, key=lambda c: (pattern.extra(c.hashtag), c.index)) if matching else None


def _require(sheet: Sheet) -> None:
    missing = []
    if not sheet.has("title") and not sheet.has("organisation"):
        missing.append("#service+name or #org+name")
    if not sheet.has("country"):
        missing.append("#country+code")
    if not sheet.has("kind") and not sheet.has("sector"):
        missing.append("#service+type or #sector")
    if missing:
        found = ", ".join(c.text.strip() for c in sheet.columns) or "none"
        raise SheetError(N_("{name} has no {columns} column (hashtags found: {found})"), name=sheet.path.name,
                         columns=" and no ".join(missing), found=found)
