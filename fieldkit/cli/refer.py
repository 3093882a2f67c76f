"""`fieldkit refer`: a printable referral slip for one service, in the person's language and the worker's."""

from __future__ import annotations

import argparse
from typing import Any

from fieldkit.cli.output import NotFound, write_output


def add_parser(subparsers: Any) -> None:
    refer = subparsers.add_parser(
        "refer", help="write a referral slip for a service (one A4 page of HTML)",
        description="Write one printable A4 page about a service for the person you refer: what it does, who it is "
        "for, what to bring and how to reach it, in their language (--lang) with yours beside it (--also). Nothing "
        "about the person is stored; a --name is printed on the slip and kept nowhere else.",
    )
    refer.add_argument("service", metavar="SERVICE", help="the service's id, e.g. svc-iom-mobile-rescue-teams")
    # No default here: a --lang given before the command (the interface's language) must not be overridden by one.
    refer.add_argument("--lang", help="the person's language (default en)")
    refer.add_argument("--also", metavar="LANG", help="your language, printed beside it (default: none)")
    refer.add_argument("--name", default="", help="the person's name, printed on the slip only (default: a blank "
                       "line to write it by hand)")
    refer.add_argument("-o", "--output", metavar="FILE", help="write the slip here (default: standard output)")
    refer.add_argument("--db", metavar="FILE", help="use this compiled content database (also FIELDKIT_DB)")
    refer.set_defaults(handler=run_refer)


def run_refer(args: argparse.Namespace) -> int:
    from fieldkit.briefing.referral import ReferralError, referral_html
    from fieldkit.cli.commands import _lang
    from fieldkit.i18n.catalog import _
    from fieldkit.runtime.locate import open_store

    lang = _lang(args.lang or "en")
    also = _lang(args.also) if args.also else None
    store = open_store(args.db)
    try:
        text = referral_html(store, args.service, lang, also, name=args.name.strip())
    except ReferralError as problem:
        raise NotFound("{problem}", problem=problem) from None
    finally:
        store.close()
    wrote = (_("wrote {path}: referral slip for {id} in {lang} and {also}") if also else
             _("wrote {path}: referral slip for {id} in {lang}"))
    return write_output(args.output, text, wrote.format(path=args.output, id=args.service, lang=lang, also=also))
