"""`fieldkit translate export|import`: content out to translators as PO or XLIFF, their translations back in.

Exit codes: 0 ok, 1 the file or the content cannot be read (one line saying why), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from fieldkit import paths
from fieldkit.cli.language import bidi_option, check_code
from fieldkit.cli.output import UsageError, error, note, say
from fieldkit.core.explained import os_reason
from fieldkit.core.marker import N_
from fieldkit.i18n.catalog import _, explain


def add_parser(subparsers) -> None:
    translate = subparsers.add_parser(
        "translate", help="export content for translators (PO, XLIFF) and import their work",
        description="Export every entry's title, summary and body blocks as translation units for Weblate, Pootle "
        "or any CAT tool, and write the translations back as content/<type>/<id>.<lang>.md files.",
    )
    translate.set_defaults(handler=run_translate, translate_run=None)
    commands = translate.add_subparsers(dest="translate_command", metavar="TRANSLATE_COMMAND")
    export = commands.add_parser(
        "export", parents=[bidi_option()], help="write the units for one language as PO or XLIFF",
        description="One unit per title, summary and body block of every entry, with its context (entry id, field, "
        "block number) and the hash of the English; existing translations are filled in, machine ones marked "
        "fuzzy (PO) or needs-review-translation (XLIFF).")
    export.add_argument("--lang", required=True, help="the language to translate into, e.g. fa, bs, fa-AF")
    export.add_argument("--format", dest="file_format", choices=("po", "xliff"), default="po", help="default po")
    export.add_argument("--content", metavar="DIR", help="content folder (default ./content)")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    export.set_defaults(translate_run=_export)
    importing = commands.add_parser(
        "import", parents=[bidi_option()], help="write a PO or XLIFF file's translations into the content",
        description="Write each entry's translation as content/<type>/<id>.<lang>.md. Entries whose text and state "
        "did not change are left alone; a translation for English that changed since the export is skipped. Units "
        "a person approved (not fuzzy; XLIFF state final, translated or signed-off) make the entry "
        "'translation: reviewed' under the translator's name; anything else stays 'translation: machine'.")
    importing.add_argument("file", metavar="FILE", help="the .po or .xlf file from the translators")
    importing.add_argument("--content", metavar="DIR", help="content folder to write into (default ./content)")
    importing.add_argument("--translator", metavar="NAME", help="who translated or reviewed it (default: the PO "
                           "file's Last-Translator)")
    importing.add_argument("--date", metavar="YYYY-MM-DD", help="the review date to record (default today)")
    importing.add_argument("--dry-run", action="store_true", help="report what would be written, write nothing")
    importing.add_argument("--lang", help="language of the messages (the translations' own is in the file)")
    importing.set_defaults(translate_run=_import)


def run_translate(args: argparse.Namespace) -> int:
    from fieldkit.translate.formats import TranslationFileError
    from fieldkit.translate.workflow import TranslateError

    if args.translate_run is None:
        raise UsageError(N_("choose: 'fieldkit translate export --lang LANG' or 'fieldkit translate import FILE'"))
    try:
        return args.translate_run(args)
    except (TranslateError, TranslationFileError) as problem:
        error(explain(problem))
        return 1


def _export(args: argparse.Namespace) -> int:
    from fieldkit.translate.workflow import export

    lang = check_code(args.lang)
    data = export(paths.content_dir(args.content), lang, args.file_format)
    if args.output:
        _write(Path(args.output), data)
        note(_("wrote {path}: translation units for {lang} as {format}").format(
            path=args.output, lang=lang, format=args.file_format))
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _write(path: Path, data: bytes) -> None:
    from fieldkit.packs.atomic import write_file

    if path.is_dir():
        raise UsageError(N_("-o: {path} is a folder; give a file name"), path=path)
    if not path.parent.is_dir():
        raise UsageError(N_("-o: no such folder: {path}"), path=path.parent)
    try:
        write_file(path, data)
    except OSError as problem:
        raise UsageError(N_("cannot write {path}: {reason}"), path=path, reason=os_reason(problem)) from None


def _import(args: argparse.Namespace) -> int:
    from fieldkit.translate.workflow import import_file

    source = Path(args.file)
    if not source.is_file():
        raise UsageError(N_("no such file: {path}"), path=source)
    if args.date:
        try:
            dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(N_("--date takes a day such as 2026-12-01, not {value}"), value=repr(args.date)) from None
    try:
        data = source.read_bytes()
    except OSError as problem:
        raise UsageError(N_("cannot read {path}: {reason}"), path=source, reason=os_reason(problem)) from None
    report = import_file(data, paths.content_dir(args.content), translator=args.translator, day=args.date,
                         dry_run=args.dry_run)
    untranslated = 0
    for entry_id, reason, values in report.skipped:
        if "done" in values and values["done"] == 0:
            untranslated += 1  # not started: counted, not listed (an export holds every entry)
            continue
        say(_("skipped {id}: {reason}").format(id=entry_id, reason=_(reason).format(**values)))
    for path in report.written:
        say((_("would write {path}") if report.dry_run else _("wrote {path}")).format(path=path))
    say(_("{lang}: {written} file(s) written, {unchanged} unchanged, {skipped} skipped, {untranslated} not "
          "translated").format(lang=report.lang, written=0 if report.dry_run else len(report.written),
                               unchanged=report.unchanged, skipped=len(report.skipped) - untranslated,
                               untranslated=untranslated))
    if report.written and not report.dry_run:
        say(_("review them (git diff), then run 'fieldkit check'"))
    return 0
