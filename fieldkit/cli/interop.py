"""`fieldkit export` and `fieldkit import services`: exchange service points and places with partners.

Exit codes: export 0 ok, 1 no content database, 2 usage error. Import 0 when every row was good (or bad rows were
skipped with --skip-bad), 1 when a bad row stopped the import or the file cannot be read as a HXL sheet,
2 usage error. See docs/interop.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldkit.cli.language import lang_option
from fieldkit.cli.output import UsageError, error, note, print_json, say, write_output
from fieldkit.core.explained import os_reason
from fieldkit.core.marker import N_
from fieldkit.core.registry import REGISTRY
from fieldkit.i18n.catalog import _, explain, ngettext

FORMATS = ("hxl", "csv", "json", "geojson", "hsds", "zim")


def add_parser(subparsers) -> None:
    export = subparsers.add_parser(
        "export", help="export services, places, risks or rights as HXL, CSV, JSON, GeoJSON or HSDS",
        description="Write one type of entry as a table for partners: HXL (a header row and a row of HXL hashtags), "
        "plain CSV, JSON, or GeoJSON (RFC 7946, [longitude, latitude]) for QGIS and other map tools. HSDS writes "
        "services as Open Referral HSDS 3.0, one folder per language (-o DIR): a Tabular Data Package and HSDS JSON. "
        "ZIM writes every entry in one language (--lang) as a file Kiwix serves to phones (-o FILE.zim; needs "
        "python-libzim: pip install fieldkit[zim]).",
    )
    export.add_argument("--type", dest="entry_type", choices=REGISTRY.exportable(),
                        help="what to export (required, except for geojson: places and services)")
    export.add_argument("--format", dest="export_format", choices=FORMATS, default="hxl", help="default hxl")
    export.add_argument("--lang", metavar="LANG", help="add names and summaries in this language only (default: in "
                        "every language there is); geojson also labels features in it")
    export.add_argument("-o", "--output", metavar="FILE", help="write here, atomically (default: standard output); "
                        "for hsds a folder, which gets a folder per language")
    export.add_argument("--db", metavar="FILE", help="use this compiled content database (also FIELDKIT_DB)")
    export.set_defaults(handler=run_export)

    importing = subparsers.add_parser(
        "import", help="import a partner's HXL sheet of service points",
        description="Read data from partners into content files for review.",
    )
    importing.set_defaults(handler=_import_without_kind)
    kinds = importing.add_subparsers(dest="import_kind", metavar="KIND")
    services = kinds.add_parser(
        "services", parents=[lang_option()], help="a HXL-tagged CSV of service points",
        description="Read a partner's HXL-tagged CSV (columns are matched by hashtag, not header text), check every "
        "row, and write one Markdown file per new or changed service into the content folder, citing the sheet "
        "and with no 'checked' date (nobody has checked it against a source yet). With any bad row nothing is written, unless --skip-bad.",
    )
    services.add_argument("file", metavar="FILE.csv", help="the partner's sheet, saved as CSV (UTF-8), or an HSDS 3.0 "
                          "package: a folder with datapackage.json (or the folder fieldkit export --format hsds wrote)")
    services.add_argument("--content", "--dir", dest="content", metavar="DIR", help="content folder to write into "
                          "(default ./content, else your organisation's overlay folder)")
    services.add_argument("--org", metavar="NAMESPACE", help="your organisation's overlay folder (ids start with "
                          "NAMESPACE-)")
    services.add_argument("--skip-bad", action="store_true", help="write the good rows even if some rows are bad")
    services.add_argument("--dry-run", action="store_true", help="check and report, but write nothing")
    services.add_argument("--json", action="store_true", help="print the report as JSON")
    services.set_defaults(handler=run_import_services)


def _import_without_kind(args: argparse.Namespace) -> int:
    raise UsageError(N_("say what to import: 'fieldkit import services FILE.csv' (see 'fieldkit import --help')"))


def run_export(args: argparse.Namespace) -> int:
    from fieldkit.i18n.vocabulary import topic_title
    from fieldkit.interop.export import build_export
    from fieldkit.runtime.locate import open_store

    lang = args.language.requested  # --lang (or FIELDKIT_LANG): names and summaries in it only; else in every one
    if args.export_format == "hsds":
        return _export_hsds(args, lang)
    if args.export_format == "zim":
        return _export_zim(args, lang)
    if args.entry_type is None and args.export_format != "geojson":
        raise UsageError(N_("--type is required for {format}: one of {types}"), format=args.export_format,
                         types=", ".join(REGISTRY.exportable()))
    chosen = REGISTRY[args.entry_type] if args.entry_type else None
    if chosen is not None and not chosen.locatable and args.export_format == "geojson":
        raise UsageError(N_("{types} hold for a whole country and have no coordinates: export them as hxl, csv or json"),
                         types=topic_title(chosen.name).lower())
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
        summary = ", ".join(_("{count} with coordinates").format(count=_count(n, t)) +
                            (" " + _("(of {total})").format(total=total) if total != n else "")
                            for n, total, t in counts)
    else:
        from fieldkit.interop import writers

        text = {"hxl": writers.to_hxl, "csv": writers.to_csv, "json": writers.to_json}[args.export_format](exports[0])
        summary = _count(len(exports[0].records), exports[0].entry_type)
    return write_output(args.output, text, _("wrote {path}: {what} as {format}").format(
        path=args.output, what=summary, format=args.export_format))


def _export_hsds(args: argparse.Namespace, lang: str | None) -> int:
    from fieldkit.core.atomic import WriteError, write_text
    from fieldkit.interop.hsds import build_package, package_files
    from fieldkit.runtime.locate import open_store

    if args.entry_type not in (None, "service"):
        raise UsageError(N_("hsds holds service points only: leave out --type, or give --type service"))
    if not args.output:
        raise UsageError(N_("hsds writes a folder per language: give one with -o DIR"))
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(N_("-o: {folder} is a file; hsds needs a folder"), folder=str(folder))
    if not folder.parent.is_dir():
        raise UsageError(N_("-o: no such folder: {folder}"), folder=str(folder.parent))
    store = open_store(args.db)
    try:
        meta = store.meta()
        import json

        languages = [lang] if lang else json.loads(meta.get("languages") or '["en"]')
        packages = [build_package(store, code) for code in languages]
    finally:
        store.close()
    try:
        for package in packages:
            for name, text in package_files(package, meta).items():
                target = folder / package.lang / name
                target.parent.mkdir(parents=True, exist_ok=True)  # the language folders inside the one given
                write_text(target, text)
    except WriteError as problem:
        error(explain(problem))
        return 1
    except OSError as problem:
        error(_("cannot write {path}: {reason}").format(path=folder, reason=_(os_reason(problem))))
        return 1
    first = packages[0]
    note(_("wrote {path}: {what} as HSDS 3.0 in {languages}").format(
        path=folder, what=_count(len(first.services), "service"), languages=", ".join(p.lang for p in packages)))
    if first.left_out:
        note(ngettext("{count} service left out: HSDS needs a status, and the content does not give it",
                      "{count} services left out: HSDS needs a status, and the content does not give theirs",
                      len(first.left_out)).format(count=len(first.left_out)))
    return 0


def _export_zim(args: argparse.Namespace, lang: str | None) -> int:
    from fieldkit.core.atomic import WriteError
    from fieldkit.interop.zim import ZimUnavailable, default_language, libzim_writer, write_zim
    from fieldkit.runtime.locate import open_store

    if args.entry_type is not None:
        raise UsageError(N_("zim holds every entry of one language: leave out --type"))
    if not args.output:
        raise UsageError(N_("zim writes one file per language: give it with -o FILE.zim"))
    try:
        libzim_writer()  # before any work: a clear message and exit 1 where libzim is missing
    except ZimUnavailable as problem:
        error(explain(problem))
        return 1
    store = open_store(args.db)
    try:
        summary = write_zim(store, default_language(lang), Path(args.output))
    except WriteError as problem:
        error(explain(problem))
        return 1
    finally:
        store.close()
    from fieldkit.packs.archive import human

    note(_("wrote {path}: {pages} pages in {lang} with a full-text index, {size}").format(
        path=args.output, pages=summary.pages, lang=summary.lang, size=human(summary.size)))
    return 0


def _count(number: int, noun: str) -> str:
    """"3 services": a number of entries of a type, in the interface language (the type's own words)."""
    from fieldkit.i18n.vocabulary import counted

    return counted(noun, number)


def run_import_services(args: argparse.Namespace) -> int:
    from fieldkit.interop.importer import ImportFailure, import_services
    from fieldkit.interop.sheet import SheetError

    sheet = Path(args.file)
    if not sheet.exists():
        raise UsageError(N_("no such file: {path}"), path=sheet)
    from fieldkit.cli.folders import content_folder
    from fieldkit.content.overlay import BaseContent, is_overlay

    content = content_folder(args.content, args.org)
    if not content.is_dir():
        raise UsageError(N_("--content: no such folder: {path}"), path=content)
    base = None
    if is_overlay(content):  # the published places a partner's services are at
        from fieldkit.runtime.locate import base_located

        base = BaseContent.read(base_located().path)
    try:
        report = import_services(sheet, content, skip_bad=args.skip_bad, dry_run=args.dry_run, base=base)
    except (SheetError, ImportFailure) as problem:
        error(explain(problem))
        return 1
    except OSError as problem:
        where = f" ({problem.filename})" if getattr(problem, "filename", None) else ""
        error(_("import stopped: {reason}").format(reason=_(os_reason(problem))) + where)
        return 1
    if args.json:
        print_json(report.to_json())
    else:
        _print_report(report)
    return 1 if report.blocked else 0


# Row states as the report prints them (the JSON keeps the English values).
ROW_STATES = {"new": N_("new"), "changed": N_("changed"), "unchanged": N_("unchanged"), "bad": N_("bad")}


def _print_report(report) -> None:
    say(_("{sheet}: {rows} rows; columns read by hashtag:").format(sheet=report.sheet, rows=len(report.rows)))
    for name, column in report.columns.items():
        say(f"  {name:<17} {column}")
    if report.unused_columns:
        say("  " + _("not used: {columns}").format(columns=", ".join(report.unused_columns)))
    width = max((len(str(row.row)) for row in report.rows), default=1)
    for row in report.rows:
        label = _("row {number}").format(number=f"{row.row:>{width}}")
        if row.status == "bad":
            for problem in row.problems:
                say(f"{label}: {_('BAD'):<10} {problem}")
        else:
            detail = f" ({', '.join(row.changes)})" if row.changes else ""
            say(f"{label}: {_(ROW_STATES.get(row.status, row.status)):<10} {row.id}{detail}")
        for line in row.notes:
            say(f"{label}: {_('note'):<10} {line}")
    counts = ", ".join(f"{report.count(s)} {_(ROW_STATES[s])}" for s in ("new", "changed", "unchanged", "bad"))
    files = sum(len(row.files) for row in report.rows)
    if report.blocked:
        outcome = _("nothing written: fix the bad rows, or write the good ones with --skip-bad")
    elif report.dry_run:
        outcome = _("dry run: would write {count} file(s)").format(count=files)
        if report.source_added:
            outcome += " " + _("and add source '{source}' to sources.yaml").format(source=report.source)
    elif report.written:
        outcome = _("wrote {count} file(s) under {folder}").format(count=len(report.written), folder=report.content)
        if report.source_added:
            outcome += ", " + _("added source '{source}' to sources.yaml").format(source=report.source)
        outcome += "; " + _("review them (git diff), then run 'fieldkit check'")
    else:
        outcome = _("nothing to write")
    say(f"{counts}; {outcome}")
    for path in report.written:
        say("  " + _("wrote {path}").format(path=path))
