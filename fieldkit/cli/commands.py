"""One function per CLI command: read arguments, call the store or compiler, print."""

from __future__ import annotations

import argparse
import re
import sys

from fieldkit.cli.language import check_code
from fieldkit.cli.output import (
    NotFound,
    UsageError,
    highlight,
    lays_out,
    note,
    print_json,
    say,
    use_colour,
    write_output,
)
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
    from fieldkit.cli.progress import shown
    from fieldkit.settings import Settings
    from fieldkit.userdata import UserData

    with shown():  # a source checkout compiles its content on first launch: drawn here, gone before the app starts
        store = open_store(args.app_db)
    userdata = UserData()
    saved = Settings.load(userdata).language
    lang = choose_language(args.app_lang, sorted(set(UI_LANGUAGES) | set(store.stats()["languages"])), saved=saved)
    from fieldkit.tui.launch import run

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
        if hit.added_by:  # an organisation's own entry (an overlay), not part of the published content
            marker += " · " + _("added by {organisation}").format(organisation=hit.added_by)
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
        import difflib  # only for an id that is not found

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
    if args.format in ("html", "md"):
        return _print_entry(args, store, entry)
    if args.output:
        raise UsageError(N_("-o writes a page: add --format html or --format md"))
    from fieldkit.cli.render import render_entry

    render_entry(entry, colour=use_colour(), near=near)
    return 0


def _print_entry(args: argparse.Namespace, store, entry) -> int:
    """`show ID --format html|md`: the entry as one printable page."""
    from fieldkit.briefing.entry_print import entry_to_html, entry_to_markdown

    meta = store.meta()
    make = entry_to_html if args.format == "html" else entry_to_markdown
    text = make(entry, content_version=meta.get("content_version", ""), content_date=meta.get("content_date", ""))
    return write_output(args.output, text,
                        _("wrote {path}: {what}").format(path=args.output, what=f"{entry.id} ({entry.lang})"))


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
        parts = [f"{translation_state(k)} {counts[k]}" for k in ("original", "machine", "reviewed", "outdated")
                 if counts.get(k)]
        say("  " + _("{lang}: {total} ({parts}), {share} of entries").format(
            lang=lang, total=counts["total"], parts=separator().join(parts), share=_percent(counts["coverage"])))
    say("  " + _("entries without sources: {without}").format(without=stats["without_sources"]))
    for line in review_lines(stats):
        say("  " + line)
    return 0


def review_lines(stats: dict) -> list[str]:
    """Who checked what, in plain words (`fieldkit stats`)."""
    from fieldkit.i18n.catalog import ngettext

    entries = stats["entries"]
    lines = [_("checked against the sources by the editors: {count} of {total} entries").format(
        count=stats["checked"], total=entries)
        + (_(", from {oldest} to {newest}").format(oldest=_day(stats["oldest_checked"]),
                                                  newest=_day(stats["newest_checked"])) if stats["checked"] else "")]
    reviewed = stats["reviewed_by_specialist"]
    lines.append(_("Not yet reviewed by a specialist.") if not reviewed else
                 _("reviewed by a specialist: {count} of {total} entries, from {oldest} to {newest}").format(
                     count=reviewed, total=entries, oldest=_day(stats["oldest_reviewed"]),
                     newest=_day(stats["newest_reviewed"])))
    translations = stats["translations"]
    lines.append(_("translations: {machine} machine, {reviewed} reviewed by a person; {outdated} outdated (the "
                   "English original changed after them)").format(**translations))
    if stats["outside_sources"]:
        lines.append(ngettext("facts from outside the sources: in {count} entry, {past} of them past the day to "
                              "check them again",
                              "facts from outside the sources: in {count} entries, {past} of them past the day to "
                              "check them again", stats["outside_sources"]).format(
            count=stats["outside_sources"], past=stats["past_review_by"]))
    return lines


def _percent(share: float) -> str:
    from fieldkit.i18n.numbers import percent

    return percent(share)


def _day(text: str | None) -> str:
    from fieldkit.i18n.dates import format_day

    return format_day(text) or str(text)


def _published(args: argparse.Namespace):
    """The published content an overlay folder is checked against (fieldkit/content/overlay.py)."""
    from fieldkit.content.overlay import BaseContent
    from fieldkit.runtime.locate import base_located

    return BaseContent.read(base_located(args.base).path)


def run_check(args: argparse.Namespace) -> int:
    from fieldkit.cli.folders import content_folder
    from fieldkit.content.check import check
    from fieldkit.content.overlay import check_overlay, is_overlay
    from fieldkit.content.problems import errors

    root = content_folder(args.content, args.org)
    from pathlib import Path  # check and build only

    sources = Path(args.sources) if args.sources else None
    if sources is not None and not sources.is_dir():
        raise UsageError(N_("--sources: no such folder: {path}"), path=sources)
    if is_overlay(root):
        overlay, problems = check_overlay(root, _published(args), sources)
        for problem in problems:
            print(sanitize(str(problem)))
        failing = problems if args.strict else errors(problems)
        if failing:
            note(_("{problems} problem(s) in {files} file(s)").format(problems=len(failing),
                                                                      files=len({p.path for p in failing})))
            return 1
        note(_("overlay {namespace} OK: {entries} entries, {translations} translations, {attachments} attachment(s) "
               "to published entries, {sources} sources").format(
            namespace=overlay.namespace, entries=len(overlay.corpus.originals),
            translations=len(overlay.corpus.translations), attachments=len(overlay.attachments),
            sources=len(overlay.corpus.sources)))
        return 0
    corpus, problems = check(root, sources)
    for problem in problems:
        print(sanitize(str(problem)))
    failing = problems if args.strict else errors(problems)
    found, warnings = len(errors(problems)), len(problems) - len(errors(problems))
    if failing:
        files = len({p.path for p in failing})
        if warnings:
            note(_("{problems} problem(s), {warnings} warning(s) in {files} file(s)").format(
                problems=found, warnings=warnings, files=files))
        else:
            note(_("{problems} problem(s) in {files} file(s)").format(problems=found, files=files))
        return 1
    message = (_("content OK and every quote and claim against its document: {entries} entries, {translations} "
                 "translations, {sources} sources") if sources else
               _("content OK: {entries} entries, {translations} translations, {sources} sources"))
    warned = ", " + _("{warnings} warning(s)").format(warnings=warnings) if warnings else ""
    note(message.format(entries=len(corpus.originals), translations=len(corpus.translations),
                        sources=len(corpus.sources)) + warned)
    return 0


def run_build(args: argparse.Namespace) -> int:
    from pathlib import Path

    from fieldkit.cli.folders import content_folder
    from fieldkit.content.build import build
    from fieldkit.content.overlay import build_overlay, is_overlay
    from fieldkit.content.problems import ContentError

    root = content_folder(args.content, args.org)
    out = Path(args.out)
    try:
        result = build_overlay(root, _published(args), out) if is_overlay(root) else build(root, out)
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
