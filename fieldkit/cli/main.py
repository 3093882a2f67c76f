"""`fieldkit` command: parse arguments, run one command, map failures to exit codes.

Exit codes: 0 ok, 1 not found or content check failed, 2 usage error. Heavy modules are imported inside the
commands so `fieldkit --version` and `--help` answer at once.
"""

from __future__ import annotations

import argparse
import os
import sys

from fieldkit import __version__
from fieldkit.cli.output import NotFound, UsageError, error
from fieldkit.core.registry import REGISTRY


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldkit",
        description="Offline field reference for the Western Balkans migration route: routes, risks, rights and "
        "service points. Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"fieldkit {__version__}")
    parser.add_argument("--db", dest="app_db", metavar="FILE", help="the app uses this content database (also FIELDKIT_DB)")
    parser.add_argument("--lang", dest="app_lang", metavar="LANG", help="the app's content language (default en)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="FILE", help="use this compiled content database (also FIELDKIT_DB)")

    search = commands.add_parser("search", parents=[db], help="search the content", description="Search entries. "
                                 "Any text is a valid query; the last word matches as a prefix.")
    search.add_argument("query", nargs="+", help="words to look for")
    search.add_argument("--lang", help="serve this language, falling back to English (default: search all languages)")
    search.add_argument("--type", choices=REGISTRY.names(), help="only entries of this type")
    search.add_argument("--country", metavar="CC", help="only entries about this country (ISO code, XK for Kosovo*)")
    search.add_argument("--limit", type=_positive_int, default=10, metavar="N", help="at most N results (default 10)")
    search.add_argument("--json", action="store_true", help="print results as JSON")

    show = commands.add_parser("show", parents=[db], help="show one entry", description="Show one entry by id.")
    show.add_argument("id", help="entry id, e.g. bihac")
    show.add_argument("--lang", default="en", help="language to serve, falling back to English (default en)")
    show.add_argument("--json", action="store_true", help="print the entry as JSON")

    stats = commands.add_parser("stats", parents=[db], help="counts and dates of the content",
                                description="Counts per type and language, sources and review dates.")
    stats.add_argument("--json", action="store_true", help="print as JSON")

    check = commands.add_parser("check", help="validate the content files",
                                description="Validate every content file and report every problem as path:line: "
                                "message. Warnings (an outdated translation, a fact from outside the sources past its "
                                "review_by date) are printed too, but fail the check only with --strict.")
    check.add_argument("--content", metavar="DIR", help="content folder (default ./content)")
    check.add_argument("--sources", metavar="DIR", help="also check every quote and claim against the documents in "
                       "DIR: each quote is in its document and names its section, and every number, date, price "
                       "and article in an entry is in one of its quotes")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too (exit 1)")

    build = commands.add_parser("build", help="compile the content into a database",
                                description="Check and compile the content into one SQLite file, atomically.")
    build.add_argument("--content", metavar="DIR", help="content folder (default ./content)")
    build.add_argument("--out", metavar="FILE", default="fieldkit.db", help="database to write (default fieldkit.db)")

    # Commands in modules of their own register themselves and set `handler`.
    from fieldkit.cli import brief, doctor, interop, pack

    brief.add_parser(commands)
    doctor.add_parser(commands)
    pack.add_parser(commands)
    interop.add_parser(commands)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError("must be from 1 to 1000")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from fieldkit.cli import commands
    from fieldkit.store.db import StoreError

    handler = getattr(args, "handler", None) or getattr(commands, f"run_{args.command or 'app'}")
    try:
        return handler(args)
    except UsageError as problem:
        error(str(problem))
        return 2
    except NotFound as problem:
        error(str(problem))
        return 1
    except StoreError as problem:
        error(str(problem))
        return 1
    except BrokenPipeError:
        # Output piped into `head` that stopped reading: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
