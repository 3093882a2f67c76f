"""One function per CLI command: read arguments, call the store or compiler, print."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from fieldkit import paths
from fieldkit.cli.language import check_code
from fieldkit.cli.output import NotFound, UsageError, highlight, lays_out, note, print_json, say, use_colour
from fieldkit.core.marker import N_
from fieldkit.i18n.catalog import _
from fieldkit.text.sanitize import sanitize

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


def _store(args: argparse.Namespace):
    from fieldkit.runtime.locate import open_store

    return open_store(args.db)


def _lang(value: str) -> str:
    return check_code(value)


def run_app(args: argparse.Namespace) -> int:
    """No command: open the terminal app (or explain why it cannot start)."""
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UsageError(N_("the app needs a terminal; for scripts use a command, e.g. 'fieldkit search bihac' (see --help)"))
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
            raise UsageError(N_("--country takes a two-letter code such as BA or RS, not {value}"),
                             value=repr(args.country))
        country = args.country.upper()
    text = " ".join(args.query)
    store = _store(args)
    lang = _reader_language(args.language.requested, store)
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
        note(_("Showing results for “{corrected}”; for “{typed}” exactly, add --literal").format(
            corrected=understood.corrected_text, typed=text))
    if not hits:
        raise NotFound(N_("no results for {query}"), query=repr(text))
    colour = use_colour()
    from fieldkit.i18n.catalog import language
    from fieldkit.i18n.languages import country_name, native_name
    from fieldkit.i18n.vocabulary import type_label

    laid_out = lays_out()
    shown_partial = False
    for number, hit in enumerate(hits, start=1):
        if hit.partial and not shown_partial:
            shown_partial = True
            say("— " + _("these match only some of the words") + " —", indent=4)
        where = f" · {country_name(hit.country, language())}" if hit.country else ""
        marker = " · " + _("shown in English") if hit.fallback else ""
        if hit.lang != lang and not hit.fallback:
            marker += " · " + _("in {language}").format(language=native_name(hit.lang))
        # Right-to-left lines are reordered whole: colour codes inside them would be moved about too.
        plain = laid_out and _has_rtl(hit.title + hit.snippet)
        title = sanitize(hit.title) if plain else highlight(hit.title, [], colour=colour)
        say(f"{number:>2}. {title}  ({type_label(hit.type)}{where}{marker})  [{sanitize(hit.id)}]")
        snippet = sanitize(hit.snippet) if plain else highlight(hit.snippet, hit.highlights, colour=colour)
        say(snippet, indent=4)
    return 0


def _has_rtl(text: str) -> bool:
    from fieldkit.text.bidi import has_rtl_letters

    return has_rtl_letters(text)
def _reader_language(requested: str | None, store) -> str:
    """--lang, else what the app uses: FIELDKIT_LANG, the language saved in the app, the system locale, English."""
    if requested:
        return _lang(requested)
    from fieldkit.i18n.catalog import UI_LANGUAGES
    from fieldkit.i18n.negotiate import choose_language
    from fieldkit.userdata import saved_setting

    saved = saved_setting("language")  # read only: a search changes nothing in the user's files
    return choose_language(None, sorted(set(UI_LANGUAGES) | set(store.languages())), saved=saved)


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
        say(line)
    say("")


def run_show(args: argparse.Namespace) -> int:
    lang = args.language.content
    store = _store(args)
    entry = store.get(args.id, lang)
    if entry is None:
        close = difflib.get_close_matches(args.id, store.ids(), n=3, cutoff=0.6)
        if close:
            raise NotFound(N_("no entry with id {id}; did you mean {ids}?"), id=repr(args.id), ids=", ".join(close))
        raise NotFound(N_("no entry with id {id}; try 'fieldkit search'"), id=repr(args.id))
    from fieldkit.i18n.near import services_near

    near = services_near(store, entry.id, lang) if entry.type == "place" else None
    if args.json:
        data = entry.to_json()
        if near is not None:  # a place: the services covering it, nearest first
            data["services_near"] = [service.to_json() for service in near]
        print_json(data)
        return 0
    from fieldkit.cli.render import render_entry

    render_entry(entry, colour=use_colour(), near=near)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    store = _store(args)
    stats = store.stats()
    stats["database"] = str(store.located.path) if store.located else None
    if args.json:
        print_json(stats)
        return 0
    from fieldkit.i18n.vocabulary import separator, topic_title

    say(_("Content version {version} (schema {schema}), {count} entries").format(
        version=stats["content_version"], schema=stats["schema_version"], count=stats["entries"]))
    say("  " + _("database: {path}").format(path=stats["database"]))
    say("  " + _("by type: {counts}").format(counts=separator().join(f"{topic_title(t)} {n}"
                                                              for t, n in stats["types"].items())))
    from fieldkit.cli.render import translation_state

    for lang, counts in stats["languages"].items():
        parts = [f"{translation_state(k)} {counts[k]}" for k in ("original", "machine", "reviewed") if counts[k]]
        say("  " + _("{lang}: {total} ({parts}), {share} of entries").format(
            lang=lang, total=counts["total"], parts=separator().join(parts), share=_percent(counts["coverage"])))
    say("  " + _("entries without sources: {without}; never reviewed: {never}").format(
        without=stats["without_sources"], never=stats["unreviewed"]))
    say("  " + _("reviewed from {oldest} to {newest}").format(oldest=_day(stats["oldest_reviewed"]),
                                                               newest=_day(stats["newest_reviewed"])))
    return 0


def _percent(share: float) -> str:
    from fieldkit.i18n.numbers import percent

    return percent(share)


def _day(text: str | None) -> str:
    from fieldkit.i18n.dates import format_day

    return format_day(text) or str(text)


def run_check(args: argparse.Namespace) -> int:
    from fieldkit.content.check import check

    root = paths.content_dir(args.content)
    sources = Path(args.sources) if args.sources else None
    if sources is not None and not sources.is_dir():
        raise UsageError(N_("--sources: no such folder: {path}"), path=sources)
    corpus, problems = check(root, sources)
    for problem in problems:
        print(sanitize(str(problem)))
    if problems:
        files = len({p.path for p in problems})
        note(_("{problems} problem(s) in {files} file(s)").format(problems=len(problems), files=files))
        return 1
    message = (_("content OK and every quote in its document: {entries} entries, {translations} translations, "
                 "{sources} sources") if sources else
               _("content OK: {entries} entries, {translations} translations, {sources} sources"))
    note(message.format(entries=len(corpus.originals), translations=len(corpus.translations),
                        sources=len(corpus.sources)))
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
        state = (_("build failed: {count} problem(s); {path} is unchanged") if out.exists()
                 else _("build failed: {count} problem(s); {path} was not written"))
        note(state.format(count=len(failure.problems), path=out))
        return 1
    except OSError as failure:  # the same one line as export -o and brief -o
        from fieldkit.cli.output import error
        from fieldkit.core.atomic import explain

        error(str(explain(failure, out)))
        return 1
    note(_("built {path}: {entries} entries, {documents} documents, content hash {hash}").format(
        path=result.path, entries=result.entries, documents=result.translations, hash=result.content_hash[:16]))
    return 0
