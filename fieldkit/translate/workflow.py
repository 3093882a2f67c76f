"""Export the content for translators, and bring their translations back as translation files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from fieldkit.core.explained import Explained
from fieldkit.core.languages import is_english
from fieldkit.core.marker import N_
from fieldkit.translate.entries import Entry, new_front, read_entries, render_translation, units_of
from fieldkit.translate.formats import Exchange, read_exchange, to_po, to_xliff
from fieldkit.translate.review import is_reviewed
from fieldkit.translate.units import Unit, blocks


class TranslateError(Explained):
    """The export or import cannot be done (no content folder, an English-only request, ...)."""


def export_units(content: Path, lang: str) -> list[Unit]:
    if is_english(lang):
        raise TranslateError(N_("English is the language translations are made from: choose another --lang"))
    if not content.is_dir():
        raise TranslateError(N_("no such content folder: {path}"), path=content)
    return [unit for entry in read_entries(content, lang) for unit in units_of(entry)]


def export(content: Path, lang: str, file_format: str) -> bytes:
    units = export_units(content, lang)
    return to_po(lang, units) if file_format == "po" else to_xliff(lang, units)


@dataclass
class ImportReport:
    lang: str
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[tuple[str, str, dict[str, object]]] = field(default_factory=list)  # (entry id, reason, values)
    dry_run: bool = False


def import_file(data: bytes, content: Path, *, translator: str | None = None, day: str | None = None,
                dry_run: bool = False) -> ImportReport:
    """Write the translations in `data` (PO or XLIFF) into `content` as `<id>.<lang>.md` files.

    An entry whose text and state are as its file already has is left alone, so an export imported untouched
    changes nothing. A translation made for English that has changed since (its hash differs) is skipped.
    A translation a person made or approved (not fuzzy, or an approved XLIFF state) is written as reviewed, with
    the translator's name, which must be known (--translator, or the PO's Last-Translator)."""
    exchange = read_exchange(data)
    if not content.is_dir():
        raise TranslateError(N_("no such content folder: {path}"), path=content)
    translator = translator or exchange.translator
    day = day or dt.date.today().isoformat()
    report = ImportReport(exchange.lang, dry_run=dry_run)
    given: dict[str, dict[str, Unit]] = {}
    for unit in exchange.units:
        given.setdefault(unit.entry, {})[unit.context] = unit
    for entry in read_entries(content, exchange.lang):
        if entry.id in given:
            _import_entry(entry, given.pop(entry.id), exchange, translator, day, report)
    for entry_id in given:
        report.skipped.append((entry_id, N_("no English original with this id in the content folder"), {}))
    return report


def _import_entry(entry: Entry, units: dict[str, Unit], exchange: Exchange, translator: str | None, day: str,
                  report: ImportReport) -> None:
    current = {unit.context: unit for unit in units_of(entry)}
    hashes = exchange.hashes or {}
    changed = [context for context, unit in current.items()
               if context in hashes and hashes[context] != unit.source_hash]
    if changed or any(context not in current for context in units):
        report.skipped.append((entry.id, N_("the English original has changed since the export: export again"), {}))
        return
    ordered = [units.get(context) for context in current]
    targets = [unit.target.strip() if unit else "" for unit in ordered]
    title, summary, body = targets[0], targets[1], [t for t in targets[2:] if t]
    if not title or not summary or (entry.translation is None and len(body) < len(entry.source["body"])):
        done = sum(1 for target in targets if target)
        report.skipped.append((entry.id, N_("not translated yet ({done} of {total} units)"),
                               {"done": done, "total": len(targets)}))
        return
    reviewed = all(unit is not None and not unit.needs_review for unit, target in zip(ordered, targets) if target)
    if entry.translation is not None and _same(entry, title, summary, body, reviewed):
        report.unchanged += 1
        return
    if reviewed and not translator:
        raise TranslateError(N_("{id}: a translation approved by a person needs their name: give --translator NAME"),
                             id=entry.id)
    front = new_front(entry, title, summary, reviewed=reviewed, translator=translator, day=day)
    path = entry.translation_path(exchange.lang)
    if not report.dry_run:
        from fieldkit.packs.atomic import write_file

        write_file(path, render_translation(entry, front, body).encode("utf-8"))
    report.written.append(path)


def _same(entry: Entry, title: str, summary: str, body: list[str], reviewed: bool) -> bool:
    theirs = entry.translation or {}
    return (str(theirs.get("title", "")).strip() == title and str(theirs.get("summary", "")).strip() == summary
            and blocks("\n\n".join(body)) == entry.translated_blocks and is_reviewed(theirs) == reviewed)
