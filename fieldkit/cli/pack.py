"""`fieldkit pack`: make, sign, check, install and roll back content packs (see docs/content-updates.md).

Exit codes: 0 ok, 1 refused or failed (one line saying why; nothing installed or changed), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from fieldkit.cli.language import lang_option
from fieldkit.cli.output import UsageError, error, note, print_json, say
from fieldkit.core import env
from fieldkit.core.explained import os_reason
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
    build.add_argument("--key", metavar="SECRET", help="the secret key file from 'pack keygen' (default: the key "
                       "text in FIELDKIT_PACK_KEY, as a CI system passes a secret)")
    build.add_argument("--content", "--dir", dest="content", metavar="DIR", help="content folder (default ./content); "
                       "an organisation's overlay folder (it has overlay.yaml) makes an overlay pack")
    build.add_argument("--org", metavar="NAMESPACE", help="the overlay folder of this namespace in fieldkit's data "
                       "folder (what 'fieldkit new --org' writes)")
    build.add_argument("--version", metavar="V", help="pack version, dotted numbers such as 2026.11.24.1 (default: "
                       "the date of the newest review in the content)")
    build.add_argument("--name", help="pack name (default fieldkit; an overlay: its namespace)")
    build.add_argument("--expires", metavar="YYYY-MM-DD", help="after this day fieldkit warns that the content is "
                       "old (it still reads it)")
    build.add_argument("--base", metavar="DB", help="an overlay: check it against this content database (default: "
                       "the published content in use)")
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
                                   "the content shipped with fieldkit. With --overlay, the same for one "
                                   "organisation's overlay only (from its only version: the overlay is removed).")
    rollback.add_argument("--overlay", metavar="NAMESPACE", help="roll back this overlay, not the base content")
    rollback.set_defaults(pack_run=_rollback)

    catalog = commands.add_parser("catalog", parents=[lang_option()], help="sign a catalogue of a folder of packs",
                                  description="Write DIR/catalog.json: every pack in DIR with its size and sha256, "
                                  "signed, so laptops tell a complete pack from one still syncing; it can also carry "
                                  "a key rotation (--rotated-from) and revocations.")
    catalog.add_argument("folder", metavar="DIR", help="the folder of packs (what is shared or synced)")
    catalog.add_argument("--key", metavar="SECRET", help="the secret key that signs it (default: FIELDKIT_PACK_KEY)")
    catalog.add_argument("--expires", metavar="YYYY-MM-DD", help="when you will have published a new catalogue by; "
                         "after it laptops warn (and still install)")
    catalog.add_argument("--rotated-from", metavar="OLD_SECRET", help="announce that --key replaces this older key "
                         "(signed by it): laptops that trust the old key trust the new one")
    catalog.add_argument("--revoke", metavar="SECRET", action="append", default=[],
                         help="revoke this key (signed by itself); may be given more than once")
    catalog.add_argument("--revoke-id", metavar="ID", action="append", default=[],
                         help="revoke the key with this id, signed by --key (the key that replaced it)")
    catalog.set_defaults(pack_run=_catalog)

    listing = commands.add_parser("list", parents=[lang_option()], help="show the installed packs and trusted keys",
                                  description="Show the current and previous pack (each checked in full), which "
                                  "content fieldkit reads, and the trusted keys.")
    listing.add_argument("--json", action="store_true", help="print as JSON")
    listing.set_defaults(pack_run=_list)

    trust = commands.add_parser("trust", parents=[lang_option()], help="trust a publisher's public key",
                                description="Trust packs signed by this key from now on. PUBKEY is a .pub file "
                                "or the key's text. Check its id with the publisher by another channel first.")
    trust.add_argument("pubkey", metavar="PUBKEY", help="a .pub file from 'pack keygen', or the key text")
    trust.add_argument("--namespace", metavar="NAMESPACE", help="trust it for this organisation's overlays only "
                       "(their entries' ids start with NAMESPACE-), not for the base content")
    trust.set_defaults(pack_run=_trust)


def run_pack(args: argparse.Namespace) -> int:
    from fieldkit.packs.errors import PackError

    if args.pack_run is None:
        raise UsageError(N_("choose a pack command: keygen, build, verify, install, rollback, list, trust, catalog "
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
            folder=args.out, reason=_(os_reason(problem)))) from None
    _say(_("wrote {path}  SECRET: keep it offline and never share it; it signs packs").format(path=secret_path))
    _say(_("wrote {path}  public: give it to every laptop (fieldkit pack trust {name})").format(
        path=public_path, name=public_path.name))
    _say(_("key id {id}: read it out to the people who trust it, so they can check what they got").format(
        id=secret.public.id))
    return 0


def _secret(given: str | None):
    """The signing key: the file given, else the key text in FIELDKIT_PACK_KEY (a CI system's secret)."""
    from fieldkit.packs.keys import load_secret, parse_secret

    if given:
        return load_secret(Path(given))
    if env.pack_key():
        return parse_secret(env.pack_key() or "")
    raise UsageError(N_("give the secret key with --key FILE, or its text in FIELDKIT_PACK_KEY"))


def _build(args: argparse.Namespace) -> int:
    from fieldkit.cli.folders import content_folder
    from fieldkit.content.overlay import is_overlay
    from fieldkit.content.problems import ContentError
    from fieldkit.packs.archive import human
    from fieldkit.packs.build import build_pack
    from fieldkit.packs.errors import PackError

    secret = _secret(args.key)
    content, out = content_folder(args.content, args.org), Path(args.output)
    if not content.is_dir():
        raise UsageError(N_("--content: no such folder: {path}"), path=content)
    base = None
    if is_overlay(content):
        from fieldkit.runtime.locate import base_located

        base = base_located(args.base).path
    try:
        manifest = build_pack(content, secret, out, version=args.version, name=args.name, expires=args.expires,
                              base=base)
    except ContentError as failure:
        for problem in failure.problems:
            print(sanitize(str(problem)))
        error(_("pack not built: {count} problem(s) in the content; {path} was not written").format(
            count=len(failure.problems), path=out))
        return 1
    except OSError as failure:
        from fieldkit.core.atomic import explain as explain_write

        raise PackError(explain(explain_write(failure, out))) from None
    _say(_("built {path}: {name} {version}, {entries} entries in {languages}, {size}, signed by key {key}").format(
        path=out, name=manifest.name, version=manifest.version, entries=manifest.counts.get("entries", 0),
        languages=", ".join(manifest.languages), size=human(out.stat().st_size), key=secret.public.describe()))
    if manifest.is_overlay:
        _say(_("an overlay of namespace {namespace} by {organisation}: laptops trust it with 'fieldkit pack trust "
               "KEY.pub --namespace {namespace}'").format(namespace=manifest.namespace,
                                                         organisation=manifest.organisation))
    if out.suffix != ".fkpack":
        note(_("note: 'fieldkit pack install --from-dir' only picks up files whose names end in .fkpack"))
    return 0


def _verify(args: argparse.Namespace) -> int:
    import tempfile

    from fieldkit.packs.errors import PackError
    from fieldkit.packs.install import check_version
    from fieldkit.packs.reader import PackReader
    from fieldkit.packs.state import active_pack, layer_folder
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
            name=_name(path), reason=_(os_reason(problem)))) from None
    in_use = active_pack(layer_folder(manifest))
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
    if manifest.is_overlay:
        _say("  " + _("an overlay of namespace {namespace}, added by {organisation}, not part of the published "
                      "content").format(namespace=manifest.namespace, organisation=manifest.organisation))
    if manifest.expires:
        expiry = _("expired on {date}: fieldkit warns, and still reads it") if manifest.expired() else _("expires on {date}")
        _say("  " + expiry.format(date=manifest.expires))
    _say("  " + _("signed by key {key}, trusted: {why}").format(key=key.describe(), why=key.origin))
    _say("  " + _("{entries} entries in {languages}; content checked against the sources up to {date}; database "
                  "{size}").format(entries=manifest.counts.get("entries", "?"), languages=", ".join(manifest.languages),
                                   date=manifest.content_date or _("unknown"), size=human(manifest.database.size)))
    _say(f"  {verdict}")
    return 0


def _install(args: argparse.Namespace) -> int:
    from fieldkit.packs.errors import PackError
    from fieldkit.packs.folder import install_from_dir
    from fieldkit.packs.layers import install_layer
    from fieldkit.runtime.locate import shipped_path, shipped_version

    if bool(args.file) == bool(args.from_dir):
        raise UsageError(N_("give either a pack FILE or --from-dir DIR"))
    if args.from_dir:
        if args.allow_downgrade:
            raise UsageError(N_("--allow-downgrade needs the FILE to go back to, not --from-dir"))
        folder = Path(args.from_dir)
        result = install_from_dir(
            folder, skipped=lambda path, reason: note(_("skipped {name}: {reason}").format(name=_name(path), reason=reason)),
            shipped=shipped_path, shipped_version=shipped_version, say=note)
        for layer in result.layers:
            if layer.outcome is not None:
                _report_install(layer.outcome)
            elif layer.in_use is not None:
                _say(_("up to date: {pack} is installed and nothing in {folder} is newer").format(
                    pack=layer.in_use.label, folder=folder))
            elif layer.problem is None:
                _say(_("up to date: the content shipped with fieldkit is newer than every pack in {folder}").format(
                    folder=folder))
            else:  # every file of this layer was skipped (each said why); the other layers were installed
                note(layer.problem)
        _expiry_notes()
        return 0
    path = Path(args.file)
    try:
        outcome = install_layer(path, allow_downgrade=args.allow_downgrade, shipped=shipped_path,
                                shipped_version=shipped_version)
    except PackError as problem:
        raise PackError(_("not installed: {name}: {reason}").format(name=_name(path), reason=explain(problem))) from None
    _report_install(outcome)
    _expiry_notes()
    return 0


def _report_install(outcome) -> None:
    manifest = outcome.installed.manifest
    if manifest.is_overlay:
        was = (_("{pack}, kept for 'fieldkit pack rollback --overlay {namespace}'").format(
            pack=outcome.replaced.label, namespace=manifest.namespace) if outcome.replaced else _("not installed"))
        _say(_("installed the overlay {pack} by {organisation} (was {was})").format(
            pack=outcome.installed.label, organisation=manifest.organisation, was=was))
    else:
        was = (_("{pack}, kept for 'fieldkit pack rollback'").format(pack=outcome.replaced.label) if outcome.replaced
               else _("the content shipped with fieldkit"))
        _say(_("installed {pack} (was {was})").format(pack=outcome.installed.label, was=was))
    _override_note()


def _expiry_notes() -> None:
    """A warning for each pack in use past its expiry date: fieldkit still reads it (it never refuses content)."""
    from fieldkit.packs.layers import expired
    from fieldkit.runtime.locate import in_use

    for pack in expired(in_use()):
        note(_("warning: {pack} expired on {date}: its publisher meant to have replaced it by then; fieldkit still "
               "uses it until a newer pack is installed").format(pack=pack.label, date=pack.manifest.expires))


def _override_note() -> None:
    if env.database():
        note(_("note: FIELDKIT_DB is set, so fieldkit reads that database, not the installed pack"))


def _rollback(args: argparse.Namespace) -> int:
    from fieldkit.packs.layers import rollback_layer
    from fieldkit.runtime.locate import shipped_path

    if args.overlay:
        from fieldkit.cli.folders import overlay_folder

        overlay_folder(args.overlay)  # a malformed namespace is a usage error
    left, now = rollback_layer(args.overlay, shipped=shipped_path)
    if args.overlay:
        _say(_("rolled back the overlay {namespace} from {left}; now using {now}").format(
            namespace=args.overlay, left=left, now=now.label if now else _("none of it")))
    else:
        _say(_("rolled back from {left}; now using {now}").format(
            left=left, now=now.label if now else _("the content shipped with fieldkit")))
    _override_note()
    return 0


def _list(args: argparse.Namespace) -> int:
    from fieldkit.packs.install import listing
    from fieldkit.packs.keys import revoked_ids, trusted_keys
    from fieldkit.packs.layers import expired
    from fieldkit.packs.state import overlay_folders, read_state
    from fieldkit.runtime.locate import in_use as layers_in_use

    packs, keys, recovered = listing(), trusted_keys(), read_state().recovered
    overlays = [(folder.name, listing(folder)) for folder in overlay_folders()]
    overlays = [(namespace, listed) for namespace, listed in overlays if listed]
    using = layers_in_use()
    old = expired(using)
    if args.json:
        print_json({
            "state_recovered": recovered,
            "packs": [_listed_json(p) for p in packs],
            "in_use": next((f"pack {p.installed.label}" for p in packs if p.in_use and p.installed), "shipped content"),
            "overlays": [{"namespace": namespace, "packs": [_listed_json(p) for p in listed]}
                         for namespace, listed in overlays],
            "content_in_use": using.origin if using else "shipped content",
            "left_out": list(using.left_out) if using else [],
            "expired": [{"pack": pack.label, "expires": pack.manifest.expires} for pack in old],
            "trusted_keys": [{"id": k.id, "comment": k.comment, "origin": k.origin, "base": k.base,
                              "namespaces": list(k.namespaces)} for k in keys],
            "revoked_keys": sorted(revoked_ids()),
        })
        return 0
    if recovered:
        _say(_("note: state.json (which pack is current) could not be read; fieldkit uses the newest whole pack it "
               "found, and the next install writes state.json again"))
    if not packs:
        _say(_("no content pack installed: fieldkit uses the content shipped with it"))
    for p in packs:
        _say(_listed_line(p, None))
    for namespace, listed in overlays:
        organisation = next((p.installed.manifest.organisation for p in listed if p.installed), namespace)
        _say(_("overlay {namespace}, added by {organisation}, not part of the published content:").format(
            namespace=namespace, organisation=organisation))
        for p in listed:
            _say("  " + _listed_line(p, namespace))
    if using and using.overlays:
        _say(_("fieldkit reads: {origin}").format(origin=using.origin))
    for reason in using.left_out if using else ():
        _say(_("left out: {reason}").format(reason=reason))
    for pack in old:
        _say(_("warning: {pack} expired on {date}: its publisher meant to have replaced it by then; fieldkit still "
               "uses it until a newer pack is installed").format(pack=pack.label, date=pack.manifest.expires))
    _say(_("trusted keys: {keys}").format(keys="; ".join(
        f"{k.describe()}, {k.origin}, " + _("may sign {what}").format(what=k.scope()) for k in keys)))
    if revoked_ids():
        _say(_("revoked keys: {keys}").format(keys=", ".join(sorted(revoked_ids()))))
    _override_note()
    return 0


def _listed_json(p) -> dict:
    return {"role": p.role, "folder": p.folder, "in_use": p.in_use, "problem": p.problem,
            "name": p.installed.name if p.installed else None,
            "version": p.installed.version if p.installed else None,
            "created": p.installed.manifest.created if p.installed else None,
            "expires": p.installed.manifest.expires if p.installed else None}


def _listed_line(p, overlay: str | None) -> str:
    roles = {"current": N_("current"), "previous": N_("previous")}
    label = p.installed.label if p.installed else p.folder
    created = ", " + _("created {date}").format(date=p.installed.manifest.created) if p.installed else ""
    state = _("ok") if p.problem is None else p.problem
    back = (_("('fieldkit pack rollback --overlay {namespace}' returns to it)").format(namespace=overlay) if overlay
            else _("('fieldkit pack rollback' returns to it)"))
    marker = "  " + _("<- in use") if p.in_use else "  " + back if p.role == "previous" else ""
    return f"{_(roles.get(p.role, p.role)):<9}{label}{created}: {state}{marker}"


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
    if args.namespace:
        from fieldkit.cli.folders import overlay_folder

        overlay_folder(args.namespace)  # a malformed namespace is a usage error
    path, new = trust(key, args.namespace)
    if new and args.namespace:
        _say(_("now trusting key {key} for the overlays of namespace {namespace} only ({path})").format(
            key=key.describe(), namespace=args.namespace, path=path))
    elif new:
        _say(_("now trusting key {key}: packs it signs will install ({path})").format(key=key.describe(), path=path))
    else:
        _say(_("key {id} is already trusted").format(id=key.id))
    return 0


def _catalog(args: argparse.Namespace) -> int:
    from fieldkit.core.atomic import WriteError, write_bytes
    from fieldkit.packs.catalog import CATALOG, make
    from fieldkit.packs.keys import load_secret

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(N_("no such folder: {path}"), path=folder)
    secret = _secret(args.key)
    data = make(folder, secret, expires=args.expires,
                rotated_from=load_secret(Path(args.rotated_from)) if args.rotated_from else None,
                revoke=[load_secret(Path(path)) for path in args.revoke], revoke_ids=list(args.revoke_id),
                skipped=lambda name, reason: note(_("skipped {name}: {reason}").format(name=name, reason=reason)))
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"  # read back canonically (catalog.py)
    try:
        write_bytes(folder / CATALOG, text.encode("utf-8"))
    except WriteError as problem:
        error(explain(problem))
        return 1
    body = data["catalog"]
    _say(_("wrote {path}: {packs} pack(s), {keys} key rotation(s), {revoked} revocation(s), signed by key {key}").format(
        path=folder / CATALOG, packs=len(body["packs"]), keys=len(body["keys"]), revoked=len(body["revoked"]),
        key=secret.public.describe()))
    return 0
