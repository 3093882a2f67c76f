"""`fieldkit export` and `fieldkit import services`: exchange service points and places with partners.

Exit codes: export 0 ok, 1 no content database, 2 usage error. Import 0 when every row was good (or bad rows were
skipped with --skip-bad), 1 when a bad row stopped the import or the file cannot be read as a HXL sheet,
2 usage error. See docs/interop.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldkit import paths
from fieldkit.cli.output import UsageError, error, print_json
from fieldkit.core.registry import REGISTRY
from fieldkit.text.sanitize import sanitize

FORMATS = ("hxl", "csv", "json", "geojson")


def add_parser(subparsers) -> None:
    export = subparsers.add_parser(
        "export", help="export services, places, risks or rights as HXL, CSV, JSON or GeoJSON",
        description="Write one type of entry as a table for partners: HXL (a header row and a row of HXL hashtags), "
        "plain CSV, JSON, or GeoJSON (RFC 7946, [longitude, latitude]) for QGIS and other map tools.",
    )
    export.add_argument("--type", dest="entry_type", choices=REGISTRY.exportable(),
                        help="what to export (required, except for geojson: places and services)")
    export.add_argument("--format", dest="export_format", choices=FORMATS, default="hxl", help="default hxl")
    export.add_argument("--lang", metavar="LANG", help="add names and summaries in this language only (default: in "
                        "every language there is); geojson also labels features in it")
    export.add_argument("-o", "--output", metavar="FILE", help="write here, atomically (default: standard output)")
    export.add_argument("--db", metavar="FILE", help="use this compiled content database (also FIELDKIT_DB)")
    export.set_defaults(handler=run_export)

    importing = subparsers.add_parser(
        "import", help="import a partner's HXL sheet of service points",
        description="Read data from partners into content files for review.",
    )
    importing.set_defaults(handler=_import_without_kind)
    kinds = importing.add_subparsers(dest="import_kind", metavar="KIND")
    services = kinds.add_parser(
        "services", help="a HXL-tagged CSV of service points",
        description="Read a partner's HXL-tagged CSV (columns are matched by hashtag, not header text), check every "
        "row, and write one Markdown file per new or changed service into the content folder, citing the sheet "
        "and with no 'checked' date (nobody has checked it against a source yet). With any bad row nothing is written, unless --skip-bad.",
    )
    services.add_argument("file", metavar="FILE.csv", help="the partner's sheet, saved as CSV (UTF-8)")
    services.add_argument("--content", metavar="DIR", help="content folder to write into (default ./content)")
    services.add_argument("--skip-bad", action="store_true", help="write the good rows even if some rows are bad")
    services.add_argument("--dry-run", action="store_true", help="check and report, but write nothing")
    services.add_argument("--json", action="store_true", help="print the report as JSON")
    services.set_defaults(handler=run_import_services)


def _import_without_kind(args: argparse.Namespace) -> int:
    raise UsageError("say what to import: 'fieldkit import services FILE.csv' (see 'fieldkit import --help')")


def run_export(args: argparse.Namespace) -> int:
    from fieldkit.cli.commands import _lang
    from fieldkit.interop.export import build_export
    from fieldkit.runtime.locate import open_store

    lang = _lang(args.lang) if args.lang else None
    if args.entry_type is None and args.export_format != "geojson":
        raise UsageError(f"--type is required for {args.export_format}: one of {', '.join(REGISTRY.exportable())}")
    chosen = REGISTRY[args.entry_type] if args.entry_type else None
    if chosen is not None and not chosen.locatable and args.export_format == "geojson":
        raise UsageError(f"{chosen.topic_title.lower()} hold for a whole country and have no coordinates: "
                         "export them as hxl, csv or json")
    types = [args.entry_type] if args.entry_type else [t.name for t in REGISTRY if t.on_map]
    store = open_store(args.db)
    try:
        exports = [build_export(store, entry_type, lang) for entry_type in types]
    finally:
        store.close()
    if args.export_format == "geojson":
        from fieldkit.interop.geojson import features, to_geojson

        text = to_geojson(exports, lang)
        counts = [(len(features(e, lang)), len(e.records), e.entry_type) for e in exports]
        summary = ", ".join(f"{_count(n, t)} with coordinates" + (f" (of {total})" if total != n else "")
                            for n, total, t in counts)
    else:
        from fieldkit.interop import writers

        text = {"hxl": writers.to_hxl, "csv": writers.to_csv, "json": writers.to_json}[args.export_format](exports[0])
        summary = _count(len(exports[0].records), exports[0].entry_type)
    if args.output:
        _write(Path(args.output), text)
        print(sanitize(f"wrote {args.output}: {summary} as {args.export_format}"), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _write(path: Path, text: str) -> None:
    from fieldkit.packs.atomic import write_file

    if path.is_dir():
        raise UsageError(f"-o: {path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise UsageError(f"-o: no such folder: {path.parent}")
    try:
        write_file(path, text.encode("utf-8"))
    except OSError as problem:
        raise UsageError(f"cannot write {path}: {problem.strerror or problem}") from None


def run_import_services(args: argparse.Namespace) -> int:
    from fieldkit.interop.importer import ImportFailure, import_services
    from fieldkit.interop.sheet import SheetError

    sheet = Path(args.file)
    if not sheet.exists():
        raise UsageError(f"no such file: {sheet}")
    content = paths.content_dir(args.content)
    if not content.is_dir():
        raise UsageError(f"--content: no such folder: {content}")
    try:
        report = import_services(sheet, content, skip_bad=args.skip_bad, dry_run=args.dry_run)
    except (SheetError, ImportFailure) as problem:
        error(str(problem))
        return 1
    except OSError as problem:
        where = f" ({problem.filename})" if getattr(problem, "filename", None) else ""
        error(f"import stopped: {problem.strerror or problem}{where}")
        return 1
    if args.json:
        print_json(report.to_json())
    else:
        _print_report(report)
    return 1 if report.blocked else 0


def _print_report(report) -> None:
    say = lambda text: print(sanitize(text))  # noqa: E731
    say(f"{report.sheet}: {len(report.rows)} rows; columns read by hashtag:")
    for name, column in report.columns.items():
        say(f"  {name:<17} {column}")
    if report.unused_columns:
        say(f"  not used: {', '.join(report.unused_columns)}")
    width = max((len(str(row.row)) for row in report.rows), default=1)
    for row in report.rows:
        label = f"row {row.row:>{width}}"
        if row.status == "bad":
            for problem in row.problems:
                say(f"{label}: BAD        {problem}")
        else:
            detail = f" ({', '.join(row.changes)})" if row.changes else ""
            say(f"{label}: {row.status:<10} {row.id}{detail}")
        for note in row.notes:
            say(f"{label}: note       {note}")
    counts = ", ".join(f"{report.count(s)} {s}" for s in ("new", "changed", "unchanged", "bad"))
    files = sum(len(row.files) for row in report.rows)
    if report.blocked:
        outcome = "nothing written: fix the bad rows, or write the good ones with --skip-bad"
    elif report.dry_run:
        outcome = f"dry run: would write {files} file(s)" + (
            f" and add source '{report.source}' to sources.yaml" if report.source_added else "")
    elif report.written:
        outcome = f"wrote {len(report.written)} file(s) under {report.content}" + (
            f", added source '{report.source}' to sources.yaml" if report.source_added else "")
        outcome += "; review them (git diff), then run 'fieldkit check'"
    else:
        outcome = "nothing to write"
    say(f"{counts}; {outcome}")
    for path in report.written:
        say(f"  wrote {path}")
