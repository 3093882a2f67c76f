"""`fieldkit doctor`: what this fieldkit is, which content it uses, and what the terminal can do."""

from __future__ import annotations

import argparse
import os
import shutil
import sys

from fieldkit import __version__, paths
from fieldkit.cli.output import print_json


def add_parser(subparsers) -> None:
    doctor = subparsers.add_parser("doctor", help="check this installation and terminal",
                                   description="Print the version, content, data folders and terminal support.")
    doctor.add_argument("--db", metavar="FILE", help="use this compiled content database (also FIELDKIT_DB)")
    doctor.add_argument("--json", action="store_true", help="print as JSON")
    doctor.set_defaults(handler=run_doctor)


def diagnose(db: str | None = None) -> dict:
    from fieldkit.i18n.dates import age_in_words, is_stale
    from fieldkit.store.db import StoreError, open_store
    from fieldkit.userdata import UserData, rtl_mode

    report: dict = {"version": __version__, "frozen": bool(getattr(sys, "frozen", False)),
                    "python": sys.version.split()[0]}
    try:
        store = open_store(db)
        meta = store.meta()
        report["content"] = {
            "database": str(store.located.path), "origin": store.located.origin,
            "version": meta.get("content_version", ""), "date": meta.get("content_date", ""),
            "age": age_in_words(meta.get("content_date")), "stale": is_stale(meta.get("content_date")),
            "entries": store.stats()["entries"],
        }
    except StoreError as problem:
        report["content"] = {"error": str(problem)}
    userdata = UserData()

    report["user_data"] = {"folder": str(paths.data_dir()), "file": str(userdata.path), "notice": userdata.notice,
                           "config": str(paths.config_dir()), "cache": str(paths.cache_dir())}
    size = shutil.get_terminal_size(fallback=(0, 0))
    encoding = getattr(sys.stdout, "encoding", "") or ""
    report["terminal"] = {
        "size": f"{size.columns}x{size.lines}", "big_enough": size.columns >= 80 and size.lines >= 24,
        "is_terminal": sys.stdout.isatty(), "TERM": os.environ.get("TERM", ""),
        "COLORTERM": os.environ.get("COLORTERM", ""), "colour": "NO_COLOR" not in os.environ,
        "encoding": encoding, "unicode": "utf" in encoding.lower(),
        "locale": os.environ.get("LC_ALL") or os.environ.get("LANG", ""),
        "right_to_left": "laid out by fieldkit" if rtl_mode(userdata) == "app" else "left to the terminal",
    }
    userdata.close()
    return report


def run_doctor(args: argparse.Namespace) -> int:
    report = diagnose(args.db)
    if args.json:
        print_json(report)
        return 0 if "error" not in report["content"] else 1
    content, terminal, data = report["content"], report["terminal"], report["user_data"]
    print(f"fieldkit {report['version']}" + (" (one-file executable)" if report["frozen"] else "") +
          f", Python {report['python']}")
    if "error" in content:
        print(f"content: PROBLEM: {content['error']}")
    else:
        stale = "  OLD: look for a content update" if content["stale"] else ""
        print(f"content: version {content['version']}, reviewed {content['date']} ({content['age']}), "
              f"{content['entries']} entries{stale}")
        print(f"  from {content['origin']}: {content['database']}")
    print(f"user data: {data['file']}" + (f"  ({data['notice']})" if data["notice"] else ""))
    size = terminal["size"] if terminal["is_terminal"] else "not a terminal"
    print(f"terminal: {size}" + ("" if terminal["big_enough"] or not terminal["is_terminal"] else " (the app needs 80x24)") +
          f", TERM={terminal['TERM'] or 'unset'}, colour {'on' if terminal['colour'] else 'off (NO_COLOR)'}, "
          f"encoding {terminal['encoding'] or 'unknown'}" + ("" if terminal["unicode"] else " (not UTF-8!)"))
    print(f"right-to-left text: {terminal['right_to_left']} (change with Ctrl+P in the app, or FIELDKIT_RTL)")
    return 0 if "error" not in content else 1
