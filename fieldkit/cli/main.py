"""`fieldkit` command: parse arguments, run one command, map failures to exit codes.

Exit codes: 0 ok, 1 not found or content check failed, 2 usage error. Heavy modules are imported inside the
commands so `fieldkit --version` and `--help` answer at once: `--version` alone imports nothing, and a command
builds the argument parser of that command only (`build_parser(only=...)`).
"""

from __future__ import annotations

import sys

from fieldkit import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads any name TYPE_CHECKING so)
if TYPE_CHECKING:
    import argparse

# Every command, in the order --help lists them, and the module whose add_parser() registers it (None: here).
COMMANDS = {"search": None, "show": None, "stats": None, "check": None, "build": None,
            "new": "new", "brief": "brief", "list": "lists", "doctor": "doctor", "pack": "pack", "export": "interop", "import": "interop",
            "refer": "refer", "translate": "translate"}
# Options before the command that take a value (`--db FILE`); `commands_named` reads past them.
_GLOBAL_VALUES = ("--db", "--lang", "--bidi")


def build_parser(only: frozenset[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (`only`) the top level with just these commands: a run needs the parser of its own
    command only, and building every command imports every command's module."""
    from fieldkit.cli.bidi import MODES as BIDI_MODES
    from fieldkit.cli.parser import Parser

    parser = Parser(
        prog="fieldkit",
        description="Offline field reference for the Western Balkans migration route: routes, risks, rights and "
        "service points. Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"fieldkit {__version__}")
    parser.add_argument("--db", dest="app_db", metavar="FILE", help="the app uses this content database (also FIELDKIT_DB)")
    parser.add_argument("--lang", dest="app_lang", metavar="LANG",
                        help="language of the app and of every command (also FIELDKIT_LANG; default: the system's)")
    parser.add_argument("--bidi", choices=BIDI_MODES, help="right-to-left text: laid out by fieldkit (visual), left "
                        "in logical order, or auto: visual on a terminal that does not reorder itself (default auto)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = [name for name in COMMANDS if only is None or name in only]
    if any(COMMANDS[name] is None for name in wanted):
        _add_content_commands(commands, [name for name in wanted if COMMANDS[name] is None])
    # Commands in modules of their own register themselves and set `handler`.
    import importlib

    for module in dict.fromkeys(COMMANDS[name] for name in wanted if COMMANDS[name]):
        importlib.import_module(f"fieldkit.cli.{module}").add_parser(commands)
    return parser


def commands_named(argv: list[str]) -> frozenset[str] | None:
    """The command `argv` runs, as the one command to build a parser for; an empty set when it runs none (the
    app); None (build every command) when that cannot be told for sure without the whole parser: help, an
    abbreviated or unknown option, a word that is not a command."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token in _GLOBAL_VALUES:
            i += 2
        elif token.startswith(tuple(f"{name}=" for name in _GLOBAL_VALUES)) or token == "--version":
            i += 1
        else:
            return frozenset([token]) if token in COMMANDS else None
    return frozenset() if i == len(argv) else None


def _add_content_commands(commands, names: list[str]) -> None:
    """search, show, stats, check and build: the commands of this module."""

    from fieldkit.cli.language import bidi_option, lang_option
    from fieldkit.cli.parser import Parser
    from fieldkit.core.registry import REGISTRY

    db = Parser(add_help=False)
    db.add_argument("--db", metavar="FILE", help="use this compiled content database (also FIELDKIT_DB)")

    if "search" in names:
        search = commands.add_parser("search", parents=[db, bidi_option()], help="search the content", description="Search entries. "
                                     "Any text is a valid query; the last word matches as a prefix.")
        search.add_argument("query", nargs="+", help="words to look for")
        search.add_argument("--lang", help="serve this language, falling back to English (default: FIELDKIT_LANG, the app's "
                            "saved language, the system locale, else English)")
        search.add_argument("--type", choices=REGISTRY.names(), help="only entries of this type")
        search.add_argument("--country", metavar="CC", help="only entries about this country (ISO code, XK for Kosovo*)")
        search.add_argument("--limit", type=_positive_int, default=10, metavar="N", help="at most N results (default 10)")
        search.add_argument("--json", action="store_true", help="print results as JSON")
        search.add_argument("--explain", action="store_true", help="also say how the query was understood: languages, "
                            "dropped words, corrections, places, concepts, filters (with --json: an object with "
                            "'explain' and 'results')")
        search.add_argument("--literal", action="store_true", help="search the words exactly as typed: no spelling "
                            "correction")

    if "show" in names:
        show = commands.add_parser("show", parents=[db, bidi_option()], help="show one entry", description="Show one entry by id.")
        show.add_argument("id", help="entry id, e.g. bihac")
        show.add_argument("--lang", help="language to serve, falling back to English (default: --lang before the "
                          "command, FIELDKIT_LANG, the system's, else en)")
        show.add_argument("--json", action="store_true", help="print the entry as JSON")
        show.add_argument("--format", choices=("text", "html", "md"), default="text",
                          help="text (default); html: one A4 page to print, with sources and dates; md: Markdown")
        show.add_argument("-o", "--output", metavar="FILE", help="write the html or md page here (default: standard output)")

    if "stats" in names:
        stats = commands.add_parser("stats", parents=[db, lang_option()], help="counts and dates of the content",
                                    description="Counts per type and language, sources and review dates.")
        stats.add_argument("--json", action="store_true", help="print as JSON")

    folder = Parser(add_help=False)
    folder.add_argument("--content", "--dir", dest="content", metavar="DIR", help="content folder (default ./content, "
                        "else your organisation's overlay folder); an overlay folder has overlay.yaml")
    folder.add_argument("--org", metavar="NAMESPACE", help="your organisation's overlay folder in fieldkit's data "
                        "folder (what 'fieldkit new ... --org NAMESPACE' writes)")
    folder.add_argument("--base", metavar="DB", help="an overlay is checked against this published content database "
                        "(default: the published content in use)")

    if "check" in names:
        check = commands.add_parser("check", parents=[folder, lang_option()], help="validate the content files",
                                    description="Validate every content file and report every problem as path:line: "
                                    "message. Warnings (an outdated translation, a fact from outside the sources past "
                                    "its review_by date) are printed too, but fail the check only with --strict. An "
                                    "organisation's overlay folder is checked against the published content.")
        check.add_argument("--sources", metavar="DIR", help="also check every quote and claim against the documents "
                           "in DIR: each quote is in its document and names its section, and every number, date, "
                           "price and article in an entry is in one of its quotes")
        check.add_argument("--strict", action="store_true", help="warnings fail the check too (exit 1)")

    if "build" in names:
        build = commands.add_parser("build", parents=[folder, lang_option()], help="compile the content into a database",
                                    description="Check and compile the content into one SQLite file, atomically.")
        build.add_argument("--out", metavar="FILE", default="fieldkit.db", help="database to write (default fieldkit.db)")


def _positive_int(text: str) -> int:
    import argparse

    from fieldkit.core.marker import N_

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_translated(N_("not a whole number: {text}"), text=repr(text))) from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(_translated(N_("must be from 1 to 1000")))
    return value


def _translated(template: str, **values: object) -> str:
    from fieldkit.i18n.catalog import _

    return _(template).format(**values)


def _set_language(argv: list[str] | None) -> None:
    """Translate messages from the start, before argparse has read the arguments (its own errors use them), and
    lay them out as --bidi asks."""
    import argparse

    from fieldkit.cli.bidi import MODES
    from fieldkit.cli.language import resolve
    from fieldkit.cli.output import UsageError, set_bidi
    from fieldkit.cli.parser import Parser
    from fieldkit.i18n.catalog import set_language

    early = Parser(add_help=False, exit_on_error=False)
    early.add_argument("--lang", dest="app_lang")
    early.add_argument("--bidi", dest="early_bidi")
    try:
        known, _rest = early.parse_known_args(argv)
        set_bidi(known.early_bidi if known.early_bidi in MODES else None)
        set_language(resolve(known).interface, visual_rtl=False)
    except (UsageError, argparse.ArgumentError, SystemExit):
        pass  # reported once the arguments are parsed


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments == ["--version"]:  # what argparse would print, without importing it or anything else
        print(f"fieldkit {__version__}")
        return 0
    _set_language(argv)
    parser = build_parser(commands_named(arguments))
    args = parser.parse_args(argv)
    import sqlite3

    from fieldkit.cli import commands
    from fieldkit.cli.language import resolve
    from fieldkit.cli.output import NotFound, UsageError, error, restore_terminal, set_bidi
    from fieldkit.i18n.catalog import _, explain, set_language
    from fieldkit.store.db import StoreError

    handler = getattr(args, "handler", None) or getattr(commands, f"run_{args.command or 'app'}")
    set_bidi(getattr(args, "command_bidi", None) or args.bidi)
    try:
        _global_db(args)
        args.language = resolve(args)
        set_language(args.language.interface, visual_rtl=False)  # the CLI lays out lines itself (output.say)
        if args.command is None:  # the app draws the progress of what it prepares before it starts (run_app)
            code = handler(args)
        else:
            from fieldkit.cli.progress import shown

            with shown():
                code = handler(args)
        sys.stdout.flush()  # a full disk on standard output shows here, not as a traceback at exit
        return code
    except UsageError as problem:
        error(explain(problem))
        return 2
    except NotFound as problem:
        error(explain(problem))
        return 1
    except StoreError as problem:
        error(explain(problem))
        return 1
    except sqlite3.DatabaseError as problem:
        # Damage found only while reading (a pack's damage is caught before use; see fieldkit/packs/state.py).
        error(_("the content database cannot be read ({problem}): it is damaged or not fieldkit content; 'fieldkit "
                "doctor' says which database is in use, 'fieldkit pack list' checks installed packs").format(
                    problem=problem))
        return 1
    except BrokenPipeError:
        # Output piped into `head` that stopped reading: not an error worth a traceback.
        _drop_stdout()
        return 0
    except OSError as problem:
        # Whatever the system refused (a full disk under standard output, a path longer than it allows, a folder
        # it will not let fieldkit read): one line, exit 1. Commands say more where they know more.
        _drop_stdout()
        error(describe(problem))
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        restore_terminal()


def _global_db(args: argparse.Namespace) -> None:
    """`fieldkit --db FILE COMMAND`: the command reads FILE too, unless it was given its own --db; a command that
    reads no content database says so instead of ignoring it."""
    from fieldkit.cli.output import UsageError
    from fieldkit.core.marker import N_

    if not args.app_db or args.command is None:
        return
    if not hasattr(args, "db"):
        raise UsageError(N_("--db is for the commands that read content; 'fieldkit {command}' does not use it"),
                         command=args.command)
    if args.db is None:
        args.db = args.app_db


def _drop_stdout() -> None:
    """Send what is still buffered for standard output nowhere, so it does not fail again when Python exits."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (a test's capture, say)
        pass


def describe(problem: OSError) -> str:
    """An OSError as one line in the reader's language: why, and about which file (shortened)."""
    import errno
    import os

    from fieldkit.core.explained import os_reason
    from fieldkit.i18n.catalog import _

    reason = _(os_reason(problem))
    if problem.filename is None:
        if problem.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
            return _("cannot write the output: {reason}").format(reason=reason)
        return reason
    name = os.fsdecode(problem.filename) if isinstance(problem.filename, bytes) else str(problem.filename)
    if len(name) > 120:
        name = name[:50] + "..." + name[-50:]
    return f"{reason}: {name}"
