"""`fieldkit brief`: a briefing deck, authored or generated from a route or a country, as a handout or presented."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldkit.cli.language import bidi_option
from fieldkit.cli.output import NotFound, UsageError, say, write_output
from fieldkit.core.marker import N_
from fieldkit.core.vocabularies import AUDIENCES
from fieldkit.i18n.catalog import _, ngettext


def add_parser(subparsers) -> None:
    brief = subparsers.add_parser(
        "brief", parents=[bidi_option()], help="build a briefing: present it or write a handout",
        description="Build a briefing from an authored deck (ID), from a route or country, or from a list of "
        "entries, then write it as a one-page handout (Markdown or HTML for A4) or present it in the terminal. "
        "Presenting: run --present on the projector's terminal and --notes in a second terminal; the notes view "
        "follows the projected slide, with the trainer notes and a timer.",
    )
    brief.add_argument("deck", nargs="?", metavar="ID", help="an authored deck (see --list for their ids)")
    source = brief.add_mutually_exclusive_group()
    source.add_argument("--route", metavar="CC..CC", help="countries in order, e.g. MK..RS..BA..HR")
    source.add_argument("--country", metavar="CC", help="one country, e.g. BA")
    source.add_argument("--list", action="store_true", help="list the authored decks")
    source.add_argument("--list-file", metavar="FILE",
                        help="a handout of the entries in a list file ('fieldkit list export' writes one)")
    source.add_argument("--saved-list", metavar="NAME", help="a handout of one of your saved lists (fieldkit list)")
    brief.add_argument("--audience", choices=AUDIENCES.values, default="staff", help="who it is for (default staff)")
    brief.add_argument("--lang", help="language (default: --lang before the command, FIELDKIT_LANG, the system's, "
                       "else en; English where untranslated, marked)")
    brief.add_argument("--format", choices=("md", "html"), default=None, help="handout format (default md)")
    brief.add_argument("-o", "--output", metavar="FILE", help="write the handout here (default: standard output)")
    brief.add_argument("--with-sources", action="store_true",
                       help="add every source and quote to the handout, on pages after the first")
    brief.add_argument("--with-notes", action="store_true", help="include trainer notes (and list notes) in the handout")
    brief.add_argument("--present", action="store_true",
                       help="present the deck full screen in this terminal (for the projector)")
    brief.add_argument("--notes", action="store_true",
                       help="the trainer's view, in a second terminal: follows the slide --present shows, with its "
                       "notes and a timer (with -o or --format, or not in a terminal: as --with-notes)")
    brief.add_argument("--db", metavar="FILE", help="use this compiled content database (also FIELDKIT_DB)")
    brief.set_defaults(handler=run_brief)


def run_brief(args: argparse.Namespace) -> int:
    from fieldkit.briefing.deck import BriefingError
    from fieldkit.i18n.catalog import explain
    from fieldkit.runtime.locate import open_store

    lang = args.language.content
    if args.present and args.notes:
        raise UsageError(N_("--present and --notes run in two terminals: one for the projector, one for the trainer"))
    store = open_store(args.db)
    if args.list:
        from fieldkit.briefing.authored import list_decks

        for deck in list_decks(store, lang):
            say(f"{deck['id']}  {deck['title']}")
        return 0
    try:
        deck = _make_deck(args, store, lang)
    except BriefingError as problem:
        raise NotFound("{problem}", problem=explain(problem)) from None
    if args.present:
        return _present(store, deck, lang)
    # `--notes` was "notes in the handout" before the notes view: a script writing a file keeps that meaning.
    notes_view = args.notes and args.output is None and args.format is None
    if notes_view and sys.stdin.isatty() and sys.stdout.isatty():
        return _notes_view(store, deck, lang)
    from fieldkit.briefing.handout import to_html, to_markdown

    with_notes = args.with_notes or args.notes
    if args.format == "html":
        text = to_html(deck, notes=with_notes, with_sources=args.with_sources)
    else:
        text = to_markdown(deck, notes=with_notes, with_sources=args.with_sources)
    slides = ngettext("{count} slide", "{count} slides", len(deck.slides)).format(count=len(deck.slides))
    return write_output(args.output, text, _("wrote {path}: {what}").format(path=args.output, what=slides))


def _make_deck(args, store, lang):
    from fieldkit.briefing.authored import load_deck
    from fieldkit.briefing.generate import (
        generate_country_briefing,
        generate_route_briefing,
        parse_route,
    )

    if args.deck and (args.route or args.country or args.list_file or args.saved_list):
        raise UsageError(N_("give a deck ID, or --route/--country/--list-file/--saved-list, not both"))
    if args.list_file or args.saved_list:
        return _list_deck(args, store, lang)
    if args.deck:
        return load_deck(store, args.deck, lang)
    if args.route:
        try:
            countries = parse_route(args.route)
        except ValueError as problem:
            raise UsageError("{problem}", problem=_explain(problem)) from None
        return generate_route_briefing(store, countries, audience=args.audience, lang=lang)
    if args.country:
        return generate_country_briefing(store, args.country.upper(), audience=args.audience, lang=lang)
    raise UsageError(N_("say which briefing: a deck ID (see --list), --route MK..RS..BA..HR, --country BA, "
                        "--saved-list NAME or --list-file FILE"))


def _list_deck(args, store, lang):
    from fieldkit.briefing.lists import ListFileError, list_deck
    from fieldkit.cli.lists import read_list_file, shared_list

    if args.list_file:
        try:
            shared = read_list_file(Path(args.list_file))
        except ListFileError as problem:
            raise UsageError("{file}: {problem}", file=args.list_file, problem=problem) from None
    else:
        from fieldkit.userdata import UserData

        userdata = UserData()
        try:
            if not userdata.has_list(args.saved_list):
                known = ", ".join(name for name, _count in userdata.lists())
                raise NotFound(N_("no list named {name} (your lists: {lists})"), name=repr(args.saved_list),
                               lists=known)
            shared = shared_list(userdata, store, args.saved_list, lang)
        finally:
            userdata.close()
    deck = list_deck(store, shared, lang=lang, audience=args.audience)
    if not deck.slides:
        raise NotFound(N_("none of the entries of list {name} is in this content"), name=repr(shared.name))
    return deck


def _present(store, deck, lang) -> int:
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UsageError(N_("presenting needs a terminal"))
    from fieldkit.tui.launch import run

    return run(store, lang=lang, present=deck)


def _notes_view(store, deck, lang) -> int:
    from fieldkit.tui.launch import run

    return run(store, lang=lang, notes=deck)


def _explain(problem: BaseException) -> str:
    from fieldkit.i18n.catalog import explain

    return explain(problem)
