"""`fieldkit brief`: a briefing deck, authored or generated from a route or a country, as a handout or presented."""

from __future__ import annotations

import argparse
import sys

from fieldkit.cli.language import bidi_option
from fieldkit.cli.output import NotFound, UsageError, error, note, say
from fieldkit.core.marker import N_
from fieldkit.core.vocabularies import AUDIENCES
from fieldkit.i18n.catalog import _, ngettext


def add_parser(subparsers) -> None:
    brief = subparsers.add_parser(
        "brief", parents=[bidi_option()], help="build a briefing: present it or write a handout",
        description="Build a briefing from an authored deck (ID) or from a route or country, then write it as "
        "Markdown or HTML, or present it in the terminal.",
    )
    brief.add_argument("deck", nargs="?", metavar="ID", help="an authored deck, e.g. brief-rivers (see --list)")
    source = brief.add_mutually_exclusive_group()
    source.add_argument("--route", metavar="CC..CC", help="countries in order, e.g. MK..RS..BA..HR")
    source.add_argument("--country", metavar="CC", help="one country, e.g. BA")
    source.add_argument("--list", action="store_true", help="list the authored decks")
    brief.add_argument("--audience", choices=AUDIENCES.values, default="staff", help="who it is for (default staff)")
    brief.add_argument("--lang", help="language (default: --lang before the command, FIELDKIT_LANG, the system's, "
                       "else en; English where untranslated, marked)")
    brief.add_argument("--format", choices=("md", "html"), default="md", help="handout format (default md)")
    brief.add_argument("--notes", action="store_true", help="include trainer notes in the handout")
    brief.add_argument("-o", "--output", metavar="FILE", help="write the handout here (default: standard output)")
    brief.add_argument("--present", action="store_true", help="present the deck full screen in the terminal")
    brief.add_argument("--db", metavar="FILE", help="use this compiled content database (also FIELDKIT_DB)")
    brief.set_defaults(handler=run_brief)


def run_brief(args: argparse.Namespace) -> int:
    from fieldkit.briefing.deck import BriefingError
    from fieldkit.i18n.catalog import explain
    from fieldkit.runtime.locate import open_store

    lang = args.language.content
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
    from fieldkit.briefing.handout import to_html, to_markdown

    text = to_html(deck, notes=args.notes) if args.format == "html" else to_markdown(deck, notes=args.notes)
    if args.output:
        from fieldkit.core.atomic import WriteError, write_text

        try:
            write_text(args.output, text)
        except WriteError as problem:
            error(str(problem))
            return 1
        slides = ngettext("{count} slide", "{count} slides", len(deck.slides)).format(count=len(deck.slides))
        note(_("wrote {path}: {what}").format(path=args.output, what=slides))
    else:
        sys.stdout.write(text)
    return 0


def _make_deck(args, store, lang):
    from fieldkit.briefing.authored import load_deck
    from fieldkit.briefing.generate import (
        generate_country_briefing,
        generate_route_briefing,
        parse_route,
    )

    if args.deck and (args.route or args.country):
        raise UsageError(N_("give a deck ID, or --route/--country, not both"))
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
    raise UsageError(N_("say which briefing: a deck ID (see --list), --route MK..RS..BA..HR or --country BA"))


def _present(store, deck, lang) -> int:
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UsageError(N_("presenting needs a terminal"))
    from fieldkit.tui.app import run

    return run(store, lang=lang, present=deck)


def _explain(problem: BaseException) -> str:
    from fieldkit.i18n.catalog import explain

    return explain(problem)
