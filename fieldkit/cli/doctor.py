"""`fieldkit doctor`: what this fieldkit is, which content it uses, where it keeps data, and what the terminal can do.

Everything here is read from the process and its environment; nothing is sent anywhere. Exit code 1 when there is
no usable content database, else 0.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from fieldkit import __version__, paths
from fieldkit.cli.output import print_json
from fieldkit.core import env
from fieldkit.store.schema import SCHEMA_VERSION


def add_parser(subparsers) -> None:
    doctor = subparsers.add_parser("doctor", help="check this installation and terminal",
                                   description="Print the version, the content and its age, where data is kept, and "
                                   "what the terminal supports (size, colour, Unicode, right-to-left text).")
    doctor.add_argument("--db", metavar="FILE", help="use this compiled content database (also FIELDKIT_DB)")
    doctor.add_argument("--json", action="store_true", help="print as JSON")
    doctor.set_defaults(handler=run_doctor)


def diagnose(db: str | None = None) -> dict:
    from fieldkit.userdata import UserData

    frozen = bool(getattr(sys, "frozen", False))
    report: dict = {"version": __version__, "python": sys.version.split()[0], "frozen": frozen,
                    "executable": sys.executable if frozen else None}
    report["content"] = _content(db)
    userdata = UserData()
    try:
        report["user_data"] = {"folder": str(paths.data_dir()), "file": str(userdata.path), "notice": userdata.notice,
                               "config": str(paths.config_dir()), "cache": str(paths.cache_dir())}
        report["terminal"] = _terminal(userdata)
    finally:
        userdata.close()
    return report


def _content(db: str | None) -> dict:
    from fieldkit.i18n.dates import age_in_words, is_stale
    from fieldkit.runtime.locate import open_store
    from fieldkit.store.db import StoreError

    try:
        store = open_store(db)
    except StoreError as problem:
        return {"error": str(problem)}
    try:
        meta = store.meta()
        date = meta.get("content_date")
        stats = store.stats()
        located = store.located  # open_store always says where the database came from
        return {"database": str(located.path) if located else None, "origin": located.origin if located else None,
                "version": meta.get("content_version", ""), "date": date or "", "age": age_in_words(date),
                "stale": is_stale(date), "entries": stats["entries"], "schema": stats["schema_version"],
                "fast_search": store.search_tables,
                # who checked what (`date` is the day the editors last checked an entry against the sources)
                "checked": stats["newest_checked"], "reviewed_by_specialist": stats["reviewed_by_specialist"],
                "outdated_translations": stats["translations"]["outdated"], "past_review_by": stats["past_review_by"],
                "review_state": store.review_columns}
    finally:
        store.close()


def _terminal(userdata) -> dict:
    from fieldkit.settings import Settings

    size = shutil.get_terminal_size(fallback=(0, 0))
    term, colorterm = env.term(), env.colorterm()
    no_color = env.no_color()  # Textual turns colour off when it is set at all, even empty
    encoding = getattr(sys.stdout, "encoding", "") or ""
    locale_variable, locale_value = env.terminal_locale() or ("", "")
    settings = Settings.load(userdata)
    rtl, rtl_from = settings.rtl_mode, settings.rtl_from
    return {
        "size": f"{size.columns}x{size.lines}", "columns": size.columns, "lines": size.lines,
        "big_enough": size.columns >= 80 and size.lines >= 24, "is_terminal": sys.stdout.isatty(),
        "TERM": term, "COLORTERM": colorterm, "NO_COLOR": no_color, "colour": not no_color,
        "colours": _colours(term, colorterm, no_color),
        "encoding": encoding, "unicode": "utf" in encoding.lower().replace("-", ""),
        "locale": locale_value, "locale_from": locale_variable,
        "rtl": rtl, "rtl_from": rtl_from,
        "right_to_left": "laid out by fieldkit" if rtl == "app" else "left to the terminal",
    }


def _colours(term: str, colorterm: str, no_color: bool) -> str:
    """What the app will use, decided as Rich (under Textual) decides it."""
    if no_color:
        return "none (NO_COLOR)"
    if term.lower() in ("dumb", "unknown"):
        return "none (TERM)"
    if colorterm.strip().lower() in ("truecolor", "24bit"):
        return "16 million"
    if term.endswith("256color"):
        return "256"
    return "16"


def run_doctor(args: argparse.Namespace) -> int:
    report = diagnose(args.db)
    code = 1 if "error" in report["content"] else 0
    if args.json:
        print_json(report)
        return code
    content, terminal, data = report["content"], report["terminal"], report["user_data"]
    print(f"fieldkit {report['version']}, Python {report['python']}" +
          (f", one-file executable: {report['executable']}" if report["frozen"] else ""))
    if "error" in content:
        print(f"content: PROBLEM: {content['error']}")
    else:
        stale = "  OLD: look for a content update" if content["stale"] else ""
        age = f" ({content['age']})" if content["age"] else ""
        checked = f"checked against the sources {content['date']}{age}" if content["date"] else \
            "not yet checked against the sources"
        print(f"content: version {content['version'] or 'unknown'}, {checked}, {content['entries']} entries{stale}")
        reviewed = content["reviewed_by_specialist"]
        print("  Not yet reviewed by a specialist." if not reviewed else
              f"  reviewed by a specialist: {reviewed} of {content['entries']} entries")
        if content["outdated_translations"]:
            print(f"  {content['outdated_translations']} translation(s) outdated: the English original changed after them")
        if content["past_review_by"]:
            print(f"  {content['past_review_by']} entries have facts from outside the sources past the day to check "
                  "them again: look for a content update")
        if content["origin"] == "bundled" and report["frozen"]:
            print("  from the copy inside this executable")
        else:
            print(f"  from {content['origin']}: {content['database']}")
        if content["schema"] < SCHEMA_VERSION:
            print(f"  content schema {content['schema']}, older than this fieldkit's {SCHEMA_VERSION}: it works, but "
                  + ("searches for common words are slower, and " if not content["fast_search"] else "")
                  + "it does not say who checked what (its dates are shown as the editors' checks); install newer "
                  "content (fieldkit pack install) or rebuild it")
    print(f"user data: {data['file']}" + (f"  ({data['notice']})" if data["notice"] else ""))
    print(f"  settings and trusted keys: {data['config']}; cache: {data['cache']}")
    size = terminal["size"] if terminal["is_terminal"] else "not a terminal"
    small = "" if terminal["big_enough"] or not terminal["is_terminal"] else " (the app needs 80x24: enlarge it)"
    print(f"terminal: {size}{small}, TERM={terminal['TERM'] or 'unset'}, COLORTERM={terminal['COLORTERM'] or 'unset'}, "
          f"colours: {terminal['colours']}")
    locale = f"{terminal['locale_from']}={terminal['locale']}" if terminal["locale_from"] else "no LANG or LC_ALL"
    print(f"unicode: {'yes' if terminal['unicode'] else 'NO: set a UTF-8 locale'} "
          f"(output encoding {terminal['encoding'] or 'unknown'}, {locale})")
    how = {"FIELDKIT_RTL": "set by FIELDKIT_RTL", "setting": "saved setting", "default": "default"}[terminal["rtl_from"]]
    print(f"right-to-left text: {terminal['right_to_left']} ({how}; change with Ctrl+P in the app, or "
          f"FIELDKIT_RTL=app|terminal)")
    return code
