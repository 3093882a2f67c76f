"""One function per CLI command: read arguments, call the store or compiler, print."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from fieldkit import paths
from fieldkit.cli.output import NotFound, UsageError, highlight, print_json, use_colour
from fieldkit.text.sanitize import sanitize

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


def _store(args: argparse.Namespace):
    from fieldkit.runtime.locate import open_store

    return open_store(args.db)


def _lang(value: str) -> str:
    from fieldkit.i18n.languages import is_language_code

    if not is_language_code(value):
        raise UsageError(f"unknown language code {value!r} (examples: en, fa, ar, fr, bs)")
    return value


def run_app(args: argparse.Namespace) -> int:
    """No command: open the terminal app (or explain why it cannot start)."""
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UsageError("the app needs a terminal; for scripts use a command, e.g. 'fieldkit search bihac' (see --help)")
    from fieldkit.i18n.catalog import UI_LANGUAGES
    from fieldkit.i18n.negotiate import choose_language
    from fieldkit.runtime.locate import open_store

    if args.app_lang:
        _lang(args.app_lang)
    from fieldkit.settings import Settings
    from fieldkit.userdata import UserData

    store = open_store(args.app_db)
    userdata = UserData()
    saved = Settings.load(userdata).language
    lang = choose_language(args.app_lang, sorted(set(UI_LANGUAGES) | set(store.stats()["languages"])), saved=saved)
    from fieldkit.tui.app import run

    return run(store, lang=lang, userdata=userdata)


def run_search(args: argparse.Namespace) -> int:
    lang = _lang(args.lang) if args.lang else None
    country = None
    if args.country:
        if not _COUNTRY.match(args.country):
            raise UsageError(f"--country takes a two-letter code such as BA or RS, not {args.country!r}")
        country = args.country.upper()
    text = " ".join(args.query)
    store = _store(args)
    hits = store.search(text, lang=lang, entry_type=args.type, country=country, limit=args.limit)
    if args.json:
        print_json([hit.to_json() for hit in hits])
        return 0 if hits else 1
    if not hits:
        raise NotFound(f"no results for {text!r}")
    colour = use_colour()
    from fieldkit.i18n.languages import country_name

    for number, hit in enumerate(hits, start=1):
        where = f" · {country_name(hit.country)}" if hit.country else ""
        marker = " · shown in English" if hit.fallback else ""
        title = highlight(hit.title, [], colour=colour)
        print(f"{number:>2}. {title}  ({hit.type}{where}{marker})  [{sanitize(hit.id)}]")
        print(f"    {highlight(hit.snippet, hit.highlights, colour=colour)}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    lang = _lang(args.lang)
    store = _store(args)
    entry = store.get(args.id, lang)
    if entry is None:
        close = difflib.get_close_matches(args.id, store.ids(), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else "; try 'fieldkit search'"
        raise NotFound(f"no entry with id {args.id!r}{hint}")
    if args.json:
        print_json(entry.to_json())
        return 0
    from fieldkit.cli.render import render_entry

    render_entry(entry, colour=use_colour())
    return 0


def run_stats(args: argparse.Namespace) -> int:
    store = _store(args)
    stats = store.stats()
    stats["database"] = str(store.located.path) if store.located else None
    if args.json:
        print_json(stats)
        return 0
    print(f"Content version {stats['content_version']} (schema {stats['schema_version']}), {stats['entries']} entries")
    print(f"  database: {stats['database']}")
    print("  by type: " + ", ".join(f"{t} {n}" for t, n in stats["types"].items()))
    for lang, counts in stats["languages"].items():
        parts = [f"{k} {counts[k]}" for k in ("original", "machine", "reviewed", "outdated") if counts.get(k)]
        print(f"  {lang}: {counts['total']} ({', '.join(parts)}), {counts['coverage']:.0%} of entries")
    print(f"  entries without sources: {stats['without_sources']}")
    for line in review_lines(stats):
        print(f"  {line}")
    return 0


def review_lines(stats: dict) -> list[str]:
    """Who checked what, in plain words (`fieldkit stats`)."""
    entries = stats["entries"]
    lines = [f"checked against the sources by the editors: {stats['checked']} of {entries} entries"
             + (f", from {stats['oldest_checked']} to {stats['newest_checked']}" if stats["checked"] else "")]
    reviewed = stats["reviewed_by_specialist"]
    lines.append("Not yet reviewed by a specialist." if not reviewed else
                 f"reviewed by a specialist: {reviewed} of {entries} entries, from {stats['oldest_reviewed']} to "
                 f"{stats['newest_reviewed']}")
    translations = stats["translations"]
    lines.append(f"translations: {translations['machine']} machine, {translations['reviewed']} reviewed by a person; "
                 f"{translations['outdated']} outdated (the English original changed after them)")
    if stats["outside_sources"]:
        lines.append(f"facts from outside the sources: in {stats['outside_sources']} entries, "
                     f"{stats['past_review_by']} of them past the day to check them again")
    return lines


def run_check(args: argparse.Namespace) -> int:
    from fieldkit.content.check import check
    from fieldkit.content.problems import errors

    root = paths.content_dir(args.content)
    sources = Path(args.sources) if args.sources else None
    if sources is not None and not sources.is_dir():
        raise UsageError(f"--sources: no such folder: {sources}")
    corpus, problems = check(root, sources)
    for problem in problems:
        print(sanitize(str(problem)))
    failing = problems if args.strict else errors(problems)
    warnings = len(problems) - len(errors(problems))
    warned = f", {warnings} warning(s)" if warnings else ""
    if failing:
        files = len({p.path for p in failing})
        print(f"{len(errors(problems))} problem(s){warned} in {files} file(s)", file=sys.stderr)
        return 1
    checked = " and every quote and claim against its document" if sources else ""
    print(f"content OK{checked}: {len(corpus.originals)} entries, {len(corpus.translations)} translations, "
          f"{len(corpus.sources)} sources{warned}", file=sys.stderr)
    return 0


def run_build(args: argparse.Namespace) -> int:
    from fieldkit.content.build import build
    from fieldkit.content.problems import ContentError

    root = paths.content_dir(args.content)
    out = Path(args.out)
    try:
        result = build(root, out)
    except ContentError as failure:
        for problem in failure.problems:
            print(sanitize(str(problem)))
        state = "is unchanged" if out.exists() else "was not written"
        print(f"build failed: {len(failure.problems)} problem(s); {out} {state}", file=sys.stderr)
        return 1
    except OSError as failure:
        print(f"build failed: {failure}; {out} is unchanged", file=sys.stderr)
        return 1
    print(f"built {result.path}: {result.entries} entries, {result.translations} documents, "
          f"content hash {result.content_hash[:16]}", file=sys.stderr)
    return 0
