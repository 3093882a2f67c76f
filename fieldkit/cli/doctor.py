"""`fieldkit doctor`: what this fieldkit is, which content it uses, where it keeps data, and what the terminal can do.

Everything here is read from the process and its environment; nothing is sent anywhere. Exit code 1 when there is
no usable content database, else 0.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from fieldkit import __version__, paths
from fieldkit.cli.language import lang_option
from fieldkit.cli.output import bidi_choice, print_json, say
from fieldkit.core import env
from fieldkit.core.marker import N_
from fieldkit.i18n.catalog import _, explain, ngettext
from fieldkit.store.schema import SCHEMA_VERSION, STEMS_SCHEMA

# The JSON keeps these values in English; people read them in their language.
COLOURS = {"16 million": N_("16 million"), "none (NO_COLOR)": N_("none (NO_COLOR)"), "none (TERM)": N_("none (TERM)")}
RTL_SOURCES = {"FIELDKIT_RTL": N_("set by FIELDKIT_RTL"), "setting": N_("saved setting"), "default": N_("default")}


def add_parser(subparsers) -> None:
    doctor = subparsers.add_parser("doctor", parents=[lang_option()], help="check this installation and terminal",
                                   description="Print the version, the content and its age, where data is kept, and "
                                   "what the terminal supports (size, colour, Unicode, right-to-left text).")
    doctor.add_argument("--db", metavar="FILE", help="use this compiled content database (also FIELDKIT_DB)")
    doctor.add_argument("--json", action="store_true", help="print as JSON")
    doctor.set_defaults(handler=run_doctor)


def diagnose(db: str | None = None) -> dict:
    """Everything doctor reports, as the JSON it prints (and `_explained`, the content problem in words)."""
    from fieldkit.userdata import UserData

    frozen = bool(getattr(sys, "frozen", False))
    report: dict = {"version": __version__, "python": sys.version.split()[0], "frozen": frozen,
                    "executable": sys.executable if frozen else None}
    report["content"] = _content(db)
    userdata = UserData()
    try:
        report["user_data"] = {"folder": str(paths.data_dir()), "file": str(userdata.path), "notice": userdata.notice,
                               "config": str(paths.config_dir()), "cache": str(paths.cache_dir()),
                               "_explained": explain(userdata.problem) if userdata.problem else ""}
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
        return {"error": str(problem), "_explained": explain(problem)}
    try:
        meta = store.meta()
        date = meta.get("content_date")
        stats = store.stats()
        located = store.located  # open_store always says where the database came from
        from fieldkit.runtime.locate import expired_packs

        return {"database": str(located.path) if located else None, "origin": located.origin if located else None,
                "version": meta.get("content_version", ""), "date": date or "", "age": age_in_words(date),
                "stale": is_stale(date), "entries": stats["entries"], "schema": stats["schema_version"],
                "fast_search": store.search_tables,
                # who checked what (`date` is the day the editors last checked an entry against the sources)
                "checked": stats["newest_checked"], "reviewed_by_specialist": stats["reviewed_by_specialist"],
                "outdated_translations": stats["translations"]["outdated"], "past_review_by": stats["past_review_by"],
                "review_state": store.review_columns, "overlays": stats["overlays"],
                "expired": [{"pack": pack, "expires": day} for pack, day in
                            (expired_packs() if located and located.origin not in ("--db", "FIELDKIT_DB") else [])]}
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
    cli = bidi_choice()
    return {
        "size": f"{size.columns}x{size.lines}", "columns": size.columns, "lines": size.lines,
        "big_enough": size.columns >= 80 and size.lines >= 24, "is_terminal": sys.stdout.isatty(),
        "TERM": term, "COLORTERM": colorterm, "NO_COLOR": no_color, "colour": not no_color,
        "colours": _colours(term, colorterm, no_color),
        "encoding": encoding, "unicode": "utf" in encoding.lower().replace("-", ""),
        "locale": locale_value, "locale_from": locale_variable,
        "rtl": rtl, "rtl_from": rtl_from,
        "right_to_left": "laid out by fieldkit" if rtl == "app" else "left to the terminal",
        # What commands such as `fieldkit show` do with right-to-left text on this output (fieldkit/cli/bidi.py).
        "cli_bidi": {"visual": cli.visual, "reason": cli.reason.format(detail=cli.detail),
                     "VTE_VERSION": env.vte_version(), "KONSOLE_VERSION": env.konsole_version(),
                     "MLTERM": env.mlterm(), "multiplexer": env.multiplexer()},
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
    explained = report["content"].pop("_explained", None)
    notice = report["user_data"].pop("_explained")
    code = 1 if "error" in report["content"] else 0
    if args.json:
        print_json(report)
        return code
    content, terminal, data = report["content"], report["terminal"], report["user_data"]
    unknown = _("unknown")
    head = _("fieldkit {version}, Python {python}").format(version=report["version"], python=report["python"])
    if report["frozen"]:
        head += ", " + _("one-file executable: {path}").format(path=report["executable"])
    say(head)
    if "error" in content:
        say(_("content: PROBLEM: {problem}").format(problem=explained or content["error"]))
    else:
        age = _age(content["date"])
        if content["date"]:
            line = _("content: version {version}, checked against the sources {date}, {entries} entries").format(
                version=content["version"] or unknown, date=_date(content["date"]) + (f" ({age})" if age else ""),
                entries=content["entries"])
        else:
            line = _("content: version {version}, not yet checked against the sources, {entries} entries").format(
                version=content["version"] or unknown, entries=content["entries"])
        if content["stale"]:
            line += "  " + _("OLD: look for a content update")
        say(line)
        reviewed = content["reviewed_by_specialist"]
        say("  " + (_("Not yet reviewed by a specialist.") if not reviewed else
                    _("reviewed by a specialist: {count} of {total} entries").format(count=reviewed,
                                                                                      total=content["entries"])))
        if content["outdated_translations"]:
            say("  " + ngettext("{count} translation outdated: the English original changed after it",
                                "{count} translations outdated: the English original changed after them",
                                content["outdated_translations"]).format(count=content["outdated_translations"]))
        if content["past_review_by"]:
            say("  " + ngettext("{count} entry has facts from outside the sources past the day to check them again: "
                                "look for a content update",
                                "{count} entries have facts from outside the sources past the day to check them "
                                "again: look for a content update",
                                content["past_review_by"]).format(count=content["past_review_by"]))
        if content["origin"] == "bundled" and report["frozen"]:
            say("  " + _("from the copy inside this executable"))
        else:
            say("  " + _("from {origin}: {path}").format(origin=origin_in_words(content["origin"]),
                                                           path=content["database"]))
        for expired in content["expired"]:
            say("  " + _("warning: {pack} expired on {date}: its publisher meant to have replaced it by then; fieldkit "
                         "still uses it until a newer pack is installed").format(pack=expired["pack"],
                                                                               date=expired["expires"]))
        if content["schema"] < SCHEMA_VERSION:
            if content["schema"] < STEMS_SCHEMA:
                say("  " + _("content schema {found}, older than this fieldkit's {current}: it works, but searches "
                             "for common words are slower; install newer content (fieldkit pack install) or rebuild "
                             "it").format(found=content["schema"], current=SCHEMA_VERSION))
            else:
                say("  " + _("content schema {found}, older than this fieldkit's {current}: it works; install newer "
                             "content (fieldkit pack install) or rebuild it").format(
                    found=content["schema"], current=SCHEMA_VERSION))
        if not content["review_state"]:
            say("  " + _("it does not say who checked what: its dates are shown as the editors' checks against the "
                         "sources, and nothing in it as reviewed by a specialist"))
    user_data = _("user data: {file}").format(file=data["file"])
    say(user_data + (f"  ({notice})" if notice else ""))
    say("  " + _("settings and trusted keys: {config}; cache: {cache}").format(config=data["config"],
                                                                                 cache=data["cache"]))
    size = terminal["size"] if terminal["is_terminal"] else _("not a terminal")
    small = "" if terminal["big_enough"] or not terminal["is_terminal"] else " " + _("(the app needs 80x24: enlarge it)")
    unset = _("unset")
    say(_("terminal: {size}{small}, TERM={term}, COLORTERM={colorterm}, colours: {colours}").format(
        size=size, small=small, term=terminal["TERM"] or unset, colorterm=terminal["COLORTERM"] or unset,
        colours=_(COLOURS.get(terminal["colours"], terminal["colours"]))))
    locale = (f"{terminal['locale_from']}={terminal['locale']}" if terminal["locale_from"]
              else _("no LANG or LC_ALL"))
    unicode = _("yes") if terminal["unicode"] else _("NO: set a UTF-8 locale")
    say(_("unicode: {answer} (output encoding {encoding}, {locale})").format(
        answer=unicode, encoding=terminal["encoding"] or unknown, locale=locale))
    who = _("laid out by fieldkit") if terminal["rtl"] == "app" else _("left to the terminal")
    say(_("right-to-left text: {who} ({how}; change with Ctrl+P in the app, or FIELDKIT_RTL=app|terminal)").format(
        who=who, how=_(RTL_SOURCES[terminal["rtl_from"]])))
    cli = bidi_choice()
    how = _("laid out by fieldkit") if cli.visual else _("printed in logical order")
    say("  " + _("in commands such as 'fieldkit show': {how} ({why}; change with --bidi auto|visual|logical)").format(
        how=how, why=_(cli.reason).format(detail=cli.detail)))
    return code


def _age(text: str) -> str:
    from fieldkit.core.languages import language as row_of
    from fieldkit.i18n.catalog import language
    from fieldkit.i18n.dates import age_in_words

    row = row_of(language())
    return age_in_words(text, locale=row.locale if row else "en")


def _date(text: str) -> str:
    from fieldkit.i18n.dates import format_day

    return format_day(text)


def origin_in_words(origin: str) -> str:
    from fieldkit.i18n.origins import origin_in_words as words

    return words(origin)
