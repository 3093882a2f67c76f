"""`fieldkit pack`: make, sign, check, install and roll back content packs (see docs/content-updates.md).

Exit codes: 0 ok, 1 refused or failed (one line saying why; nothing installed or changed), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from fieldkit import paths
from fieldkit.cli.language import lang_option
from fieldkit.cli.output import UsageError, error, note, print_json, say
from fieldkit.core import env
from fieldkit.core.marker import N_
from fieldkit.i18n.catalog import _, explain
from fieldkit.text.sanitize import sanitize

_KEY_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def add_parser(subparsers) -> None:
    pack = subparsers.add_parser(
        "pack", help="signed content packs: build, verify, install, roll back",
        description="Content updates as signed pack files (.fkpack), shared by USB stick, chat or a synced folder. "
        "fieldkit never goes online: it installs a pack only if a trusted key signed it and every check passes.",
    )
    pack.set_defaults(handler=run_pack, pack_run=None)
    commands = pack.add_subparsers(dest="pack_command", metavar="PACK_COMMAND")

    keygen = commands.add_parser("keygen", parents=[lang_option()], help="make a publisher key pair",
                                 description="Make an Ed25519 key pair for an organisation that publishes packs: "
                                 "NAME.key (secret: keep it offline) and NAME.pub (give it to every laptop).")
    keygen.add_argument("--out", metavar="DIR", required=True, help="folder to write the two key files to")
    keygen.add_argument("--name", default="publisher", help="file names and comment (default publisher)")
    keygen.set_defaults(pack_run=_keygen)

    build = commands.add_parser("build", parents=[lang_option()], help="compile content into a signed pack",
                                description="Check and compile the content, then write it as one pack signed "
                                "with the secret key. The pack is read back and verified before this succeeds.")
    build.add_argument("--key", metavar="SECRET", required=True, help="the secret key file from 'pack keygen'")
    build.add_argument("--content", metavar="DIR", help="content folder (default ./content)")
    build.add_argument("--version", metavar="V", help="pack version, dotted numbers such as 2026.11.24.1 (default: "
                       "the date of the newest review in the content)")
    build.add_argument("--name", default="fieldkit", help="pack name (default fieldkit)")
    build.add_argument("-o", "--output", metavar="FILE", required=True, help="pack to write, e.g. fieldkit-2026.11.24.fkpack")
    build.set_defaults(pack_run=_build)

    verify = commands.add_parser("verify", parents=[lang_option()], help="check a pack without installing it",
                                 description="Check a pack's signature, key, manifest, hashes, schema and database, "
                                 "and say whether it would install over what is installed.")
    verify.add_argument("file", metavar="FILE", help="the .fkpack file")
    verify.add_argument("--json", action="store_true", help="print what was found as JSON")
    verify.set_defaults(pack_run=_verify)

    install = commands.add_parser("install", parents=[lang_option()], help="install a pack (or the newest in a folder)",
                                  description="Verify a pack and install it atomically; the pack it replaces is kept "
                                  "for 'fieldkit pack rollback'. An older or equal version is refused.")
    install.add_argument("file", metavar="FILE", nargs="?", help="the .fkpack file")
    install.add_argument("--from-dir", metavar="DIR", help="install the newest valid pack among DIR/*.fkpack "
                         "(a USB stick or a synced folder)")
    install.add_argument("--allow-downgrade", action="store_true",
                         help="install FILE even if it is older than (or the same as) the installed pack")
    install.set_defaults(pack_run=_install)

    rollback = commands.add_parser("rollback", parents=[lang_option()], help="go back to the previous pack",
                                   description="Go back to the pack installed before the current one; with none, to "
                                   "the content shipped with fieldkit.")
    rollback.set_defaults(pack_run=_rollback)

    listing = commands.add_parser("list", parents=[lang_option()], help="show the installed packs and trusted keys",
                                  description="Show the current and previous pack (each checked in full), which "
                                  "content fieldkit reads, and the trusted keys.")
    listing.add_argument("--json", action="store_true", help="print as JSON")
    listing.set_defaults(pack_run=_list)

    trust = commands.add_parser("trust", parents=[lang_option()], help="trust a publisher's public key",
                                description="Trust packs signed by this key from now on. PUBKEY is a .pub file "
                                "or the key's text. Check its id with the publisher by another channel first.")
    trust.add_argument("pubkey", metavar="PUBKEY", help="a .pub file from 'pack keygen', or the key text")
    trust.set_defaults(pack_run=_trust)


def run_pack(args: argparse.Namespace) -> int:
    from fieldkit.packs.errors import PackError

    if args.pack_run is None:
        raise UsageError(N_("choose a pack command: keygen, build, verify, install, rollback, list, trust "
                            "(see 'fieldkit pack --help')"))
    try:
        return args.pack_run(args)
    except PackError as problem:
        error(explain(problem))
        return 1


def _say(text: str) -> None:
    say(text)


def _name(path: Path) -> str:
    """A file's name for a message, shortened if it is absurdly long."""
    name = path.name
    return name if len(name) <= 80 else name[:38] + "..." + name[-38:]


def _keygen(args: argparse.Namespace) -> int:
    from fieldkit.packs.errors import PackError
    from fieldkit.packs.keys import write_key_pair

    if not _KEY_NAME.match(args.name):
        raise UsageError(N_("--name: letters, digits, '.', '_' and '-' only"))
    try:
        secret_path, public_path, secret = write_key_pair(Path(args.out), args.name, args.name)
    except OSError as problem:
        raise PackError(_("cannot write the key files to {folder}: {reason}").format(
            folder=args.out, reason=problem.strerror or problem)) from None
    _say(_("wrote {path}  SECRET: keep it offline and never share it; it signs packs").format(path=secret_path))
    _say(_("wrote {path}  public: give it to every laptop (fieldkit pack trust {name})").format(
        path=public_path, name=public_path.name))
    _say(_("key id {id}: read it out to the people who trust it, so they can check what they got").format(
        id=secret.public.id))
    return 0


def _build(args: argparse.Namespace) -> int:
    from fieldkit.content.problems import ContentError
    from fieldkit.packs.archive import human
    from fieldkit.packs.build import build_pack
    from fieldkit.packs.errors import PackError
    from fieldkit.packs.keys import load_secret

    secret = load_secret(Path(args.key))
    content, out = paths.content_dir(args.content), Path(args.output)
    if not content.is_dir():
        raise UsageError(N_("--content: no such folder: {path}"), path=content)
    try:
        manifest = build_pack(content, secret, out, version=args.version, name=args.name)
    except ContentError as failure:
        for problem in failure.problems:
            print(sanitize(str(problem)))
        error(_("pack not built: {count} problem(s) in the content; {path} was not written").format(
            count=len(failure.problems), path=out))
        return 1
    except OSError as failure:
        from fieldkit.core.atomic import explain as explain_write

        raise PackError(str(explain_write(failure, out))) from None
    _say(_("built {path}: {name} {version}, {entries} entries in {languages}, {size}, signed by key {key}").format(
        path=out, name=manifest.name, version=manifest.version, entries=manifest.counts.get("entries", 0),
        languages=", ".join(manifest.languages), size=human(out.stat().st_size), key=secret.public.describe()))
    if out.suffix != ".fkpack":
        note(_("note: 'fieldkit pack install --from-dir' only picks up files whose names end in .fkpack"))
    return 0


def _verify(args: argparse.Namespace) -> int:
    import tempfile

    from fieldkit.packs.errors import PackError
    from fieldkit.packs.install import check_version
    from fieldkit.packs.reader import PackReader
    from fieldkit.packs.state import active_pack
    from fieldkit.runtime.locate import shipped_version

    path = Path(args.file)
    try:
        with PackReader(path) as pack, tempfile.TemporaryDirectory(prefix="fieldkit-verify-") as work:
            pack.extract_database(Path(work) / "fieldkit.db")
            manifest, key = pack.manifest, pack.key
    except PackError as problem:
        raise PackError(_("refused: {name}: {reason}").format(name=_name(path), reason=explain(problem))) from None
    except OSError as problem:
        raise PackError(_("cannot check {name}: no room to unpack it ({reason})").format(
            name=_name(path), reason=problem.strerror or problem)) from None
    in_use = active_pack()
    try:
        check_version(manifest, in_use, allow_downgrade=False, shipped_version=shipped_version)
        would_install = True
        verdict = (_("it would install over {pack}").format(pack=in_use.label) if in_use else _("it would install"))
    except PackError as problem:
        would_install = False
        verdict = _("it would not install: {reason}").format(reason=explain(problem))
    if args.json:
        print_json({"file": str(path), "valid": True, "manifest": manifest.to_json(),
                    "key": {"id": key.id, "comment": key.comment, "trusted_because": key.origin},
                    "installed": in_use.label if in_use else None, "would_install": would_install})
        return 0
    from fieldkit.packs.archive import human

    _say(_("{file}: valid pack {name} {version}, created {created}, content schema {schema}").format(
        file=path.name, name=manifest.name, version=manifest.version, created=manifest.created,
        schema=manifest.schema_version))
    _say("  " + _("signed by key {key}, trusted: {why}").format(key=key.describe(), why=key.origin))
    _say("  " + _("{entries} entries in {languages}; content checked against the sources up to {date}; database "
                  "{size}").format(entries=manifest.counts.get("entries", "?"), languages=", ".join(manifest.languages),
                                   date=manifest.content_date or _("unknown"), size=human(manifest.database.size)))
    _say(f"  {verdict}")
    return 0


def _install(args: argparse.Namespace) -> int:
    from fieldkit.packs.errors import PackError
    from fieldkit.packs.install import Outcome, install, install_from_dir
    from fieldkit.runtime.locate import shipped_version

    if bool(args.file) == bool(args.from_dir):
        raise UsageError(N_("give either a pack FILE or --from-dir DIR"))
    if args.from_dir:
        if args.allow_downgrade:
            raise UsageError(N_("--allow-downgrade needs the FILE to go back to, not --from-dir"))
        folder = Path(args.from_dir)
        result = install_from_dir(
            folder, skipped=lambda path, reason: note(_("skipped {name}: {reason}").format(name=_name(path), reason=reason)),
            shipped_version=shipped_version)
        if isinstance(result, Outcome):
            _report_install(result)
        elif result is not None:
            _say(_("up to date: {pack} is installed and nothing in {folder} is newer").format(pack=result.label,
                                                                                             folder=folder))
        else:
            _say(_("up to date: the content shipped with fieldkit is newer than every pack in {folder}").format(
                folder=folder))
        return 0
    path = Path(args.file)
    try:
        outcome = install(path, allow_downgrade=args.allow_downgrade, shipped_version=shipped_version)
    except PackError as problem:
        raise PackError(_("not installed: {name}: {reason}").format(name=_name(path), reason=explain(problem))) from None
    _report_install(outcome)
    return 0


def _report_install(outcome) -> None:
    was = (_("{pack}, kept for 'fieldkit pack rollback'").format(pack=outcome.replaced.label) if outcome.replaced
           else _("the content shipped with fieldkit"))
    _say(_("installed {pack} (was {was})").format(pack=outcome.installed.label, was=was))
    _override_note()


def _override_note() -> None:
    if env.database():
        note(_("note: FIELDKIT_DB is set, so fieldkit reads that database, not the installed pack"))


def _rollback(args: argparse.Namespace) -> int:
    from fieldkit.packs.install import rollback

    left, now = rollback()
    _say(_("rolled back from {left}; now using {now}").format(
        left=left, now=now.label if now else _("the content shipped with fieldkit")))
    _override_note()
    return 0


def _list(args: argparse.Namespace) -> int:
    from fieldkit.packs.install import listing
    from fieldkit.packs.keys import trusted_keys
    from fieldkit.packs.state import read_state

    packs, keys, recovered = listing(), trusted_keys(), read_state().recovered
    if args.json:
        print_json({
            "state_recovered": recovered,
            "packs": [{"role": p.role, "folder": p.folder, "in_use": p.in_use, "problem": p.problem,
                       "name": p.installed.name if p.installed else None,
                       "version": p.installed.version if p.installed else None,
                       "created": p.installed.manifest.created if p.installed else None}
                      for p in packs],
            "in_use": next((f"pack {p.installed.label}" for p in packs if p.in_use and p.installed), "shipped content"),
            "trusted_keys": [{"id": k.id, "comment": k.comment, "origin": k.origin} for k in keys],
        })
        return 0
    if recovered:
        _say("note: state.json (which pack is current) could not be read; fieldkit uses the newest whole pack it "
             "found, and the next install writes state.json again")
    if not packs:
        _say(_("no content pack installed: fieldkit uses the content shipped with it"))
    roles = {"current": N_("current"), "previous": N_("previous")}
    for p in packs:
        label = p.installed.label if p.installed else p.folder
        created = ", " + _("created {date}").format(date=p.installed.manifest.created) if p.installed else ""
        state = _("ok") if p.problem is None else p.problem
        marker = ("  " + _("<- in use") if p.in_use else
                  "  " + _("('fieldkit pack rollback' returns to it)") if p.role == "previous" else "")
        _say(f"{_(roles.get(p.role, p.role)):<9}{label}{created}: {state}{marker}")
    _say(_("trusted keys: {keys}").format(keys="; ".join(f"{k.describe()}, {k.origin}" for k in keys)))
    _override_note()
    return 0


def _trust(args: argparse.Namespace) -> int:
    from fieldkit.packs.errors import PackError
    from fieldkit.packs.keys import ADDED, load_public, parse_public, trust

    candidate = Path(args.pubkey)
    try:
        is_file = candidate.is_file()
    except OSError:  # longer than a path may be: then it is key text, or nothing
        is_file = False
    if is_file:
        key = load_public(candidate, ADDED)
    else:
        try:
            key = parse_public(args.pubkey, ADDED)
        except PackError:
            if args.pubkey.endswith(".pub") or (os.sep in args.pubkey and " " not in args.pubkey.strip()):
                raise PackError(_("no such key file: {path}").format(path=args.pubkey)) from None
            raise
    path, new = trust(key)
    if new:
        _say(_("now trusting key {key}: packs it signs will install ({path})").format(key=key.describe(), path=path))
    else:
        _say(_("key {id} is already trusted").format(id=key.id))
    return 0
