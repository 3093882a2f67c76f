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
    country = None
    if args.country:
        if not _COUNTRY.match(args.country):
            raise UsageError(f"--country takes a two-letter code such as BA or RS, not {args.country!r}")
        country = args.country.upper()
    text = " ".join(args.query)
    store = _store(args)
    lang = _reader_language(args.lang, store)
    result = store.search_explained(text, lang=lang, entry_type=args.type, country=country, limit=args.limit,
                                    literal=args.literal)
    hits, understood = result.hits, result.understanding
    if args.json:
        results = [hit.to_json() for hit in hits]
        print_json({"explain": _explanation(understood, args.type, country), "results": results}
                   if args.explain else results)
        return 0 if hits else 1
    if args.explain:
        _print_explanation(understood, args.type, country)
    if understood.corrected_text and not args.literal:
        # The corrected query is shown with the way back to the words as typed.
        print(f"Showing results for “{sanitize(understood.corrected_text)}”; for “{sanitize(text)}” exactly, "
              "add --literal", file=sys.stderr)
    if not hits:
        raise NotFound(f"no results for {text!r}")
    colour = use_colour()
    from fieldkit.i18n.languages import country_name

    shown_partial = False
    for number, hit in enumerate(hits, start=1):
        if hit.partial and not shown_partial:
            shown_partial = True
            print("    — these match only some of the words —")
        where = f" · {country_name(hit.country)}" if hit.country else ""
        marker = " · shown in English" if hit.fallback else ""
        if hit.lang != lang and not hit.fallback:
            marker += f" · in {hit.lang}"
        title = highlight(hit.title, [], colour=colour)
        print(f"{number:>2}. {title}  ({hit.type}{where}{marker})  [{sanitize(hit.id)}]")
        print(f"    {highlight(hit.snippet, hit.highlights, colour=colour)}")
    return 0


def _reader_language(requested: str | None, store) -> str:
    """--lang, else what the app uses: FIELDKIT_LANG, the language saved in the app, the system locale, English."""
    if requested:
        return _lang(requested)
    from fieldkit.i18n.catalog import UI_LANGUAGES
    from fieldkit.i18n.negotiate import choose_language
    from fieldkit.settings import Settings
    from fieldkit.userdata import UserData

    saved = Settings.load(UserData()).language
    return choose_language(None, sorted(set(UI_LANGUAGES) | set(store.stats()["languages"])), saved=saved)


def _explanation(understood, entry_type: str | None, country: str | None) -> dict:
    data = understood.to_json()
    data["filters"] = {"type": entry_type, "country": country}
    return data


def _print_explanation(understood, entry_type: str | None, country: str | None) -> None:
    """How the query was read, before the results: what --explain adds to the text output."""
    data = _explanation(understood, entry_type, country)
    searched = ", ".join(data["searched_languages"]) or "all"
    lines = [
        f"language: {data['language']} (query looks like: {', '.join(data['query_languages']) or 'unknown'}; "
        f"searching documents in: {searched})",
        f"dropped words: {', '.join(data['dropped']) or 'none'}",
    ]
    if data["corrections"]:
        fixes = ", ".join(f"{c['typed']} → {c['corrected']}" for c in data["corrections"])
        lines.append(f"corrections: {fixes}" + (" (not applied: --literal)" if data["literal"] else ""))
    for group in data["groups"]:
        what = {"word": "word", "concept": "concept", "place": "place", "country": "country"}[group["kind"]]
        keys = f" = {', '.join(group['keys'])}" if group["keys"] else ""
        terms = ", ".join(group["terms"][:8]) + (" …" if len(group["terms"]) > 8 else "")
        prefix = f" (and words starting with {group['prefix']})" if group["prefix"] else ""
        lines.append(f"{what}: {group['typed']}{keys}: {terms}{prefix}")
    if data["prefers"]:
        lines.append("prefers: " + ", ".join(f"{p['what']} {p['value']}" for p in data["prefers"]))
    filters = [f"{k} {v}" for k, v in data["filters"].items() if v]
    lines.append(f"filters: {', '.join(filters) or 'none'}")
    for line in lines:
        print(sanitize(line))
    print()


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
        parts = [f"{k} {counts[k]}" for k in ("original", "machine", "reviewed") if counts[k]]
        print(f"  {lang}: {counts['total']} ({', '.join(parts)}), {counts['coverage']:.0%} of entries")
    print(f"  entries without sources: {stats['without_sources']}; never reviewed: {stats['unreviewed']}")
    print(f"  reviewed from {stats['oldest_reviewed']} to {stats['newest_reviewed']}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from fieldkit.content.check import check

    root = paths.content_dir(args.content)
    sources = Path(args.sources) if args.sources else None
    if sources is not None and not sources.is_dir():
        raise UsageError(f"--sources: no such folder: {sources}")
    corpus, problems = check(root, sources)
    for problem in problems:
        print(sanitize(str(problem)))
    if problems:
        files = len({p.path for p in problems})
        print(f"{len(problems)} problem(s) in {files} file(s)", file=sys.stderr)
        return 1
    checked = " and every quote in its document" if sources else ""
    print(f"content OK{checked}: {len(corpus.originals)} entries, {len(corpus.translations)} translations, "
          f"{len(corpus.sources)} sources", file=sys.stderr)
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
