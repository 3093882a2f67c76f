"""`fieldkit pack`: make, sign, check, install and roll back content packs (see docs/content-updates.md).

Exit codes: 0 ok, 1 refused or failed (one line saying why; nothing installed or changed), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from fieldkit import paths
from fieldkit.cli.output import UsageError, error, print_json
from fieldkit.core import env
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

    keygen = commands.add_parser("keygen", help="make a publisher key pair",
                                 description="Make an Ed25519 key pair for an organisation that publishes packs: "
                                 "NAME.key (secret: keep it offline) and NAME.pub (give it to every laptop).")
    keygen.add_argument("--out", metavar="DIR", required=True, help="folder to write the two key files to")
    keygen.add_argument("--name", default="publisher", help="file names and comment (default publisher)")
    keygen.set_defaults(pack_run=_keygen)

    build = commands.add_parser("build", help="compile content into a signed pack",
                                description="Check and compile the content, then write it as one pack signed "
                                "with the secret key. The pack is read back and verified before this succeeds.")
    build.add_argument("--key", metavar="SECRET", required=True, help="the secret key file from 'pack keygen'")
    build.add_argument("--content", metavar="DIR", help="content folder (default ./content)")
    build.add_argument("--version", metavar="V", help="pack version, dotted numbers such as 2026.11.24.1 (default: "
                       "the date of the newest review in the content)")
    build.add_argument("--name", default="fieldkit", help="pack name (default fieldkit)")
    build.add_argument("-o", "--output", metavar="FILE", required=True, help="pack to write, e.g. fieldkit-2026.11.24.fkpack")
    build.set_defaults(pack_run=_build)

    verify = commands.add_parser("verify", help="check a pack without installing it",
                                 description="Check a pack's signature, key, manifest, hashes, schema and database, "
                                 "and say whether it would install over what is installed.")
    verify.add_argument("file", metavar="FILE", help="the .fkpack file")
    verify.add_argument("--json", action="store_true", help="print what was found as JSON")
    verify.set_defaults(pack_run=_verify)

    install = commands.add_parser("install", help="install a pack (or the newest in a folder)",
                                  description="Verify a pack and install it atomically; the pack it replaces is kept "
                                  "for 'fieldkit pack rollback'. An older or equal version is refused.")
    install.add_argument("file", metavar="FILE", nargs="?", help="the .fkpack file")
    install.add_argument("--from-dir", metavar="DIR", help="install the newest valid pack among DIR/*.fkpack "
                         "(a USB stick or a synced folder)")
    install.add_argument("--allow-downgrade", action="store_true",
                         help="install FILE even if it is older than (or the same as) the installed pack")
    install.set_defaults(pack_run=_install)

    rollback = commands.add_parser("rollback", help="go back to the previous pack",
                                   description="Go back to the pack installed before the current one; with none, to "
                                   "the content shipped with fieldkit.")
    rollback.set_defaults(pack_run=_rollback)

    listing = commands.add_parser("list", help="show the installed packs and trusted keys",
                                  description="Show the current and previous pack (each checked in full), which "
                                  "content fieldkit reads, and the trusted keys.")
    listing.add_argument("--json", action="store_true", help="print as JSON")
    listing.set_defaults(pack_run=_list)

    trust = commands.add_parser("trust", help="trust a publisher's public key",
                                description="Trust packs signed by this key from now on. PUBKEY is a .pub file "
                                "or the key's text. Check its id with the publisher by another channel first.")
    trust.add_argument("pubkey", metavar="PUBKEY", help="a .pub file from 'pack keygen', or the key text")
    trust.set_defaults(pack_run=_trust)


def run_pack(args: argparse.Namespace) -> int:
    from fieldkit.packs.errors import PackError

    if args.pack_run is None:
        raise UsageError("choose a pack command: keygen, build, verify, install, rollback, list, trust "
                         "(see 'fieldkit pack --help')")
    try:
        return args.pack_run(args)
    except PackError as problem:
        error(str(problem))
        return 1


def _say(text: str) -> None:
    print(sanitize(text))


def _keygen(args: argparse.Namespace) -> int:
    from fieldkit.packs.errors import PackError
    from fieldkit.packs.keys import write_key_pair

    if not _KEY_NAME.match(args.name):
        raise UsageError("--name: letters, digits, '.', '_' and '-' only")
    try:
        secret_path, public_path, secret = write_key_pair(Path(args.out), args.name, args.name)
    except OSError as problem:
        raise PackError(f"cannot write the key files to {args.out}: {problem.strerror or problem}") from None
    _say(f"wrote {secret_path}  SECRET: keep it offline and never share it; it signs packs")
    _say(f"wrote {public_path}  public: give it to every laptop (fieldkit pack trust {public_path.name})")
    _say(f"key id {secret.public.id}: read it out to the people who trust it, so they can check what they got")
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
        raise UsageError(f"--content: no such folder: {content}")
    try:
        manifest = build_pack(content, secret, out, version=args.version, name=args.name)
    except ContentError as failure:
        for problem in failure.problems:
            print(sanitize(str(problem)))
        error(f"pack not built: {len(failure.problems)} problem(s) in the content; {out} was not written")
        return 1
    except OSError as failure:
        raise PackError(f"cannot write {out}: {failure.strerror or failure}") from None
    _say(f"built {out}: {manifest.name} {manifest.version}, {manifest.counts.get('entries', 0)} entries in "
         f"{', '.join(manifest.languages)}, {human(out.stat().st_size)}, signed by key {secret.public.describe()}")
    if out.suffix != ".fkpack":
        print("note: 'fieldkit pack install --from-dir' only picks up files whose names end in .fkpack", file=sys.stderr)
    return 0


def _verify(args: argparse.Namespace) -> int:
    import tempfile

    from fieldkit.packs.errors import PackError
    from fieldkit.packs.install import check_version
    from fieldkit.packs.reader import PackReader
    from fieldkit.packs.state import active_pack

    path = Path(args.file)
    try:
        with PackReader(path) as pack, tempfile.TemporaryDirectory(prefix="fieldkit-verify-") as work:
            pack.extract_database(Path(work) / "fieldkit.db")
            manifest, key = pack.manifest, pack.key
    except PackError as problem:
        raise PackError(f"refused: {path.name}: {problem}") from None
    except OSError as problem:
        raise PackError(f"cannot check {path.name}: no room to unpack it ({problem.strerror or problem})") from None
    in_use = active_pack()
    try:
        check_version(manifest, in_use, allow_downgrade=False)
        verdict = "it would install" + (f" over {in_use.label}" if in_use else "")
    except PackError as problem:
        verdict = f"it would not install: {problem}"
    if args.json:
        print_json({"file": str(path), "valid": True, "manifest": manifest.to_json(),
                    "key": {"id": key.id, "comment": key.comment, "trusted_because": key.origin},
                    "installed": in_use.label if in_use else None, "would_install": verdict.startswith("it would install")})
        return 0
    from fieldkit.packs.archive import human

    _say(f"{path.name}: valid pack {manifest.name} {manifest.version}, created {manifest.created}, content schema "
         f"{manifest.schema_version}")
    _say(f"  signed by key {key.describe()}, trusted: {key.origin}")
    _say(f"  {manifest.counts.get('entries', '?')} entries in {', '.join(manifest.languages)}; content checked against the sources up to "
         f"{manifest.content_date or 'unknown'}; database {human(manifest.database.size)}")
    _say(f"  {verdict}")
    return 0


def _install(args: argparse.Namespace) -> int:
    from fieldkit.packs.errors import PackError
    from fieldkit.packs.install import Outcome, install, install_from_dir

    if bool(args.file) == bool(args.from_dir):
        raise UsageError("give either a pack FILE or --from-dir DIR")
    if args.from_dir:
        if args.allow_downgrade:
            raise UsageError("--allow-downgrade needs the FILE to go back to, not --from-dir")
        folder = Path(args.from_dir)
        result = install_from_dir(
            folder, skipped=lambda path, reason: print(sanitize(f"skipped {path.name}: {reason}"), file=sys.stderr))
        if isinstance(result, Outcome):
            _report_install(result)
        elif result is not None:
            _say(f"up to date: {result.label} is installed and nothing in {folder} is newer")
        return 0
    path = Path(args.file)
    try:
        outcome = install(path, allow_downgrade=args.allow_downgrade)
    except PackError as problem:
        raise PackError(f"not installed: {path.name}: {problem}") from None
    _report_install(outcome)
    return 0


def _report_install(outcome) -> None:
    was = (f"{outcome.replaced.label}, kept for 'fieldkit pack rollback'" if outcome.replaced
           else "the content shipped with fieldkit")
    _say(f"installed {outcome.installed.label} (was {was})")
    _override_note()


def _override_note() -> None:
    if env.database():
        print("note: FIELDKIT_DB is set, so fieldkit reads that database, not the installed pack", file=sys.stderr)


def _rollback(args: argparse.Namespace) -> int:
    from fieldkit.packs.install import rollback

    left, now = rollback()
    _say(f"rolled back from {left}; now using " + (f"{now.label}" if now else "the content shipped with fieldkit"))
    _override_note()
    return 0


def _list(args: argparse.Namespace) -> int:
    from fieldkit.packs.install import listing
    from fieldkit.packs.keys import trusted_keys

    packs, keys = listing(), trusted_keys()
    if args.json:
        print_json({
            "packs": [{"role": p.role, "folder": p.folder, "in_use": p.in_use, "problem": p.problem,
                       "name": p.installed.name if p.installed else None,
                       "version": p.installed.version if p.installed else None,
                       "created": p.installed.manifest.created if p.installed else None}
                      for p in packs],
            "in_use": next((f"pack {p.installed.label}" for p in packs if p.in_use and p.installed), "shipped content"),
            "trusted_keys": [{"id": k.id, "comment": k.comment, "origin": k.origin} for k in keys],
        })
        return 0
    if not packs:
        _say("no content pack installed: fieldkit uses the content shipped with it")
    for p in packs:
        label = p.installed.label if p.installed else p.folder
        created = f", created {p.installed.manifest.created}" if p.installed else ""
        state = "ok" if p.problem is None else p.problem
        note = "  <- in use" if p.in_use else ("  ('fieldkit pack rollback' returns to it)" if p.role == "previous" else "")
        _say(f"{p.role:<9}{label}{created}: {state}{note}")
    _say("trusted keys: " + "; ".join(f"{k.describe()}, {k.origin}" for k in keys))
    _override_note()
    return 0


def _trust(args: argparse.Namespace) -> int:
    from fieldkit.packs.errors import PackError
    from fieldkit.packs.keys import ADDED, load_public, parse_public, trust

    candidate = Path(args.pubkey)
    if candidate.is_file():
        key = load_public(candidate, ADDED)
    else:
        try:
            key = parse_public(args.pubkey, ADDED)
        except PackError:
            if args.pubkey.endswith(".pub") or (os.sep in args.pubkey and " " not in args.pubkey.strip()):
                raise PackError(f"no such key file: {args.pubkey}") from None
            raise
    path, new = trust(key)
    if new:
        _say(f"now trusting key {key.describe()}: packs it signs will install ({path})")
    else:
        _say(f"key {key.id} is already trusted")
    return 0
