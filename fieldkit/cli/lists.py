"""`fieldkit list`: named lists of entries and personal notes, kept in the user data; exported and imported as a
small file to share, and made into a handout with `fieldkit brief --saved-list NAME` or `--list-file FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldkit.cli.language import lang_option
from fieldkit.cli.output import NotFound, UsageError, error, note, print_json, say, write_output
from fieldkit.cli.parser import Parser
from fieldkit.core.explained import os_reason
from fieldkit.core.marker import N_
from fieldkit.i18n.catalog import _, explain, ngettext

EPILOG = """examples:
  fieldkit list add "Bihać week" bihac svc-vasa-prava-bih     make a list (or add to it)
  fieldkit list note bihac "ask about the night bus"          a note on an entry, kept with your lists
  fieldkit list export "Bihać week" -o bihac.json              share it (--format md: Markdown)
  fieldkit list import bihac.json                              a list someone shared
  fieldkit brief --saved-list "Bihać week" --format html -o bihac.html    a one-page handout
The bookmarks you make with b in the app are the list named "bookmarks"."""


def add_parser(subparsers) -> None:
    lists = subparsers.add_parser(
        "list", parents=[lang_option()], help="your lists of entries and notes: show, edit, export, import",
        description="Named lists of entries, each entry with an optional personal note, kept on this computer. "
        "Export a list as a small JSON or Markdown file to share it; import one someone shared.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lists.set_defaults(handler=run_list, list_command="ls")
    commands = lists.add_subparsers(dest="list_command", metavar="ACTION")

    db = Parser(add_help=False)
    db.add_argument("--db", metavar="FILE", help="use this compiled content database (also FIELDKIT_DB)")

    commands.add_parser("ls", parents=[lang_option()], help="your lists and how many entries each has (the default)")
    show = commands.add_parser("show", parents=[db, lang_option()], help="the entries of one list, with your notes")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--json", action="store_true", help="print as JSON")
    add = commands.add_parser("add", parents=[db, lang_option()], help="add entries to a list (made if new)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("ids", nargs="+", metavar="ID", help="entry ids, e.g. bihac")
    remove = commands.add_parser("remove", parents=[lang_option()], help="remove entries from a list")
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("ids", nargs="+", metavar="ID")
    delete = commands.add_parser("delete", parents=[lang_option()], help="delete a list (your notes stay)")
    delete.add_argument("name", metavar="NAME")
    noted = commands.add_parser("note", parents=[db, lang_option()], help="show, set or clear your note on an entry")
    noted.add_argument("id", metavar="ID")
    noted.add_argument("text", nargs="*", metavar="TEXT", help="the note (up to 500 characters); none: show it")
    noted.add_argument("--clear", action="store_true", help="delete the note")
    export = commands.add_parser("export", parents=[db, lang_option()], help="write a list to a file, with your notes")
    export.add_argument("name", metavar="NAME")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    export.add_argument("--format", choices=("json", "md"), default="json", help="json (default) or md (Markdown)")
    read = commands.add_parser("import", parents=[db, lang_option()], help="read a list file (JSON or Markdown) into your lists")
    read.add_argument("file", metavar="FILE")
    read.add_argument("--as", dest="as_name", metavar="NAME", help="save it under this name (default: its own)")


def run_list(args: argparse.Namespace) -> int:
    from fieldkit.userdata import UserData

    userdata = UserData()
    try:
        if userdata.problem:
            error(explain(userdata.problem))
        return _ACTIONS[args.list_command or "ls"](args, userdata)
    finally:
        userdata.close()


def _store(args: argparse.Namespace):
    from fieldkit.runtime.locate import open_store

    return open_store(getattr(args, "db", None))


def _name(name: str) -> str:
    from fieldkit.briefing.lists import ListFileError, check_name

    try:
        return check_name(name)
    except ListFileError as problem:
        raise UsageError("{problem}", problem=problem) from None


def _known_list(userdata, name: str) -> str:
    name = _name(name)
    if not userdata.has_list(name):
        known = ", ".join(n for n, _count in userdata.lists())
        raise NotFound(N_("no list named {name} (your lists: {lists})"), name=repr(name), lists=known)
    return name


def _ls(args: argparse.Namespace, userdata) -> int:
    for name, count in userdata.lists():
        say(f"{name}  ({count})")
    return 0


def _show(args: argparse.Namespace, userdata) -> int:
    lang = args.language.content
    name = _known_list(userdata, args.name)
    shared = shared_list(userdata, _store(args), name, lang)
    if args.json:
        print_json({"name": shared.name, "entries": [vars(item) for item in shared.items]})
        return 0
    for item in shared.items:
        say(f"{item.title}  [{item.id}]")
        if item.note:
            say(item.note, indent=4)
    return 0


def _add(args: argparse.Namespace, userdata) -> int:
    from fieldkit.userdata import BOOKMARKS

    name = _name(args.name)
    store = _store(args)
    _check_ids(store, args.ids)
    added = userdata.add_to_list(name, args.ids)
    total = len(userdata.list_entries(name))
    note(_("{count} added to {list}").format(count=added, list=_("your bookmarks") if name == BOOKMARKS else repr(name))
        + " " + ngettext("({count} entry)", "({count} entries)", total).format(count=total))
    return _saved(userdata)


def _remove(args: argparse.Namespace, userdata) -> int:
    name = _known_list(userdata, args.name)
    removed = userdata.remove_from_list(name, args.ids)
    note(_("{count} removed from {list}").format(count=removed, list=repr(name)))
    return _saved(userdata)


def _delete(args: argparse.Namespace, userdata) -> int:
    from fieldkit.userdata import BOOKMARKS

    name = _known_list(userdata, args.name)
    if name == BOOKMARKS:
        raise UsageError(N_("the bookmarks cannot be deleted; remove entries from them instead"))
    userdata.delete_list(name)
    note(_("deleted list {list}").format(list=repr(name)))
    return _saved(userdata)


def _note(args: argparse.Namespace, userdata) -> int:
    _check_ids(_store(args), [args.id])
    if args.clear:
        userdata.set_note(args.id, "")
        return _saved(userdata)
    if not args.text:
        kept = userdata.note(args.id)
        if not kept:
            raise NotFound(N_("no note on {id}"), id=repr(args.id))
        say(kept)
        return 0
    from fieldkit.userdata import NOTE_MAX

    text = " ".join(args.text)
    if len(text) > NOTE_MAX:
        raise UsageError(N_("a note has at most {most} characters; this one has {count}"), most=NOTE_MAX,
                         count=len(text))
    userdata.set_note(args.id, text)
    return _saved(userdata)


def _export(args: argparse.Namespace, userdata) -> int:
    from fieldkit.briefing import lists

    lang = args.language.content
    name = _known_list(userdata, args.name)
    store = _store(args)
    shared = shared_list(userdata, store, name, lang)
    if args.format == "md":
        text = lists.to_markdown(shared)
    else:
        text = lists.to_json(shared, content_version=store.meta().get("content_version", ""))
    entries = ngettext("{count} entry", "{count} entries", len(shared.items)).format(count=len(shared.items))
    return write_output(args.output, text, _("wrote {path}: {what}").format(path=args.output, what=entries))


def _import(args: argparse.Namespace, userdata) -> int:
    from fieldkit.briefing.lists import ListFileError

    try:
        shared = read_list_file(Path(args.file))
    except ListFileError as problem:
        raise UsageError("{file}: {problem}", file=args.file, problem=problem) from None
    name = _name(args.as_name) if args.as_name else shared.name
    store = _store(args)
    known = set(store.ids())
    usable = [item for item in shared.items if item.id in known]
    missing = [item.id for item in shared.items if item.id not in known]
    if missing:
        note(_("not in this content, left out: {ids}").format(ids=", ".join(missing)))
    if not usable:
        raise NotFound(N_("{file}: none of its entries is in this content"), file=args.file)
    added = userdata.add_to_list(name, [item.id for item in usable])
    kept = 0
    for item in usable:
        if item.note and userdata.note(item.id) and userdata.note(item.id) != item.note:
            kept += 1  # your own note on the entry stays
        elif item.note:
            userdata.set_note(item.id, item.note)
    imported = ngettext("imported {count} entry into list {list}", "imported {count} entries into list {list}",
                        added).format(count=added, list=repr(name))
    own = "; " + _("kept your own note on {count}").format(count=kept) if kept else ""
    note(imported + own)
    return _saved(userdata)


def _saved(userdata) -> int:
    """0, or 1 with the reason when the user data could not be written."""
    if userdata.problem:
        error(explain(userdata.problem))
        return 1
    return 0


def _check_ids(store, ids: list[str]) -> None:
    import difflib

    known = store.ids()
    for entry_id in ids:
        if entry_id not in known:
            close = difflib.get_close_matches(entry_id, known, n=3, cutoff=0.6)
            if close:
                raise NotFound(N_("no entry with id {id}; did you mean {ids}?"), id=repr(entry_id), ids=", ".join(close))
            raise NotFound(N_("no entry with id {id}; try 'fieldkit search'"), id=repr(entry_id))


def shared_list(userdata, store, name: str, lang: str):
    """A saved list as the list file has it: ids, titles in `lang` and notes."""
    from fieldkit.briefing.lists import ListItem, SharedList

    items = []
    for entry_id in userdata.list_entries(name):
        title, entry_type = store.title_of(entry_id, lang)
        items.append(ListItem(entry_id, title if entry_type else "", userdata.note(entry_id)))
    return SharedList(name, items)


def read_list_file(path: Path):
    from fieldkit.briefing.lists import ListFileError, parse

    try:
        data = path.read_bytes()
    except OSError as problem:
        raise ListFileError(N_("cannot read it ({reason})"), reason=os_reason(problem)) from None
    return parse(data)


_ACTIONS = {"ls": _ls, "show": _show, "add": _add, "remove": _remove, "delete": _delete, "note": _note,
            "export": _export, "import": _import}
