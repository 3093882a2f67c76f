"""`fieldkit new TYPE --org NAMESPACE`: start an entry, or fields attached to a published one, in an organisation's
overlay folder (fieldkit/content/overlay.py), from a template written from the content-type registry.

The folder is `<user data folder>/overlays/NAMESPACE` unless `--dir DIR` says otherwise; its overlay.yaml and
sources.yaml are written the first time. Existing files are never overwritten. Exit codes: 0 written, 2 usage.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from fieldkit.cli.language import lang_option
from fieldkit.cli.output import UsageError, note, say
from fieldkit.core.layers import OVERLAY_FILE
from fieldkit.core.marker import N_
from fieldkit.core.registry import REGISTRY, type_name
from fieldkit.i18n.catalog import _

ATTACH = "attach"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def add_parser(subparsers) -> None:
    new = subparsers.add_parser(
        "new", parents=[lang_option()], help="start an entry in your organisation's own content (an overlay)",
        description="Write a template for a new entry (or, with 'attach --to ID', for fields such as contacts and "
        "hours attached to a published entry) into your organisation's overlay folder. Fill in every FILL IN, run "
        "'fieldkit check --org NAMESPACE', then 'fieldkit pack build --org NAMESPACE' to share it.")
    new.add_argument("kind", choices=[*REGISTRY.names(), ATTACH], metavar="TYPE",
                     help=f"one of {', '.join(REGISTRY.names())}, or {ATTACH}")
    new.add_argument("--org", metavar="NAMESPACE", help="your organisation's namespace, such as org-xyz: every id it "
                     "adds starts with it")
    new.add_argument("--dir", metavar="DIR", help="the overlay folder (default: NAMESPACE's folder in fieldkit's data "
                     "folder)")
    new.add_argument("--id", metavar="SLUG", help="the new entry's id after the namespace, such as legal-desk-bihac")
    new.add_argument("--to", metavar="ID", help="attach: the published entry the fields are attached to")
    new.add_argument("--organisation", metavar="NAME", help="your organisation's name as readers see it (written "
                     f"into {OVERLAY_FILE} the first time)")
    new.set_defaults(handler=run_new)


def run_new(args: argparse.Namespace) -> int:
    from fieldkit.cli.folders import overlay_folder
    from fieldkit.content.overlay import is_overlay, read_settings
    from fieldkit.content.template import overlay_file, sources_file

    if args.dir:
        folder = Path(args.dir)
        namespace = args.org
        if is_overlay(folder):
            found, _organisation, _problems = read_settings(folder)
            if namespace and found and namespace != found:
                raise UsageError(N_("{folder} is the overlay of {found}, not {org}"), folder=folder, found=found,
                                 org=namespace)
            namespace = namespace or found
        if not namespace:
            raise UsageError(N_("say whose content this is with --org NAMESPACE (such as org-xyz)"))
        overlay_folder(namespace)  # a malformed namespace is a usage error
    else:
        if not args.org:
            raise UsageError(N_("say whose content this is with --org NAMESPACE (such as org-xyz)"))
        folder, namespace = overlay_folder(args.org), args.org
    written: list[Path] = []
    if not (folder / OVERLAY_FILE).exists():
        folder.mkdir(parents=True, exist_ok=True)
        written.append(_write(folder / OVERLAY_FILE, overlay_file(namespace, args.organisation or "")))
    if not (folder / "sources.yaml").exists():
        written.append(_write(folder / "sources.yaml", sources_file(namespace)))
    target = _attachment(args, folder) if args.kind == ATTACH else _entry(args, folder, namespace)
    written.append(target)
    for path in written:
        say(_("wrote {path}").format(path=path))
    note(_("next: fill in every FILL IN (leave out what no source gives), then run 'fieldkit check --dir {folder}'")
         .format(folder=folder))
    return 0


def _entry(args: argparse.Namespace, folder: Path, namespace: str) -> Path:
    from fieldkit.content.template import entry_template

    if args.to:
        raise UsageError(N_("--to is for 'fieldkit new attach'"))
    slug = (args.id or f"new-{args.kind}").lower()
    if slug.startswith(namespace + "-"):
        slug = slug[len(namespace) + 1:]
    if not _SLUG.match(slug):
        raise UsageError(N_("--id: lower-case letters, digits and hyphens, such as legal-desk-bihac"))
    entry_id = f"{namespace}-{slug}"
    path = folder / REGISTRY[args.kind].folder_name / f"{entry_id}.en.md"
    if path.exists():
        raise UsageError(N_("{path} already exists; fieldkit never overwrites it (choose another --id)"), path=path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return _write(path, entry_template(args.kind, entry_id, sources=f"a source id from sources.yaml ({namespace}-...)"))


def _attachment(args: argparse.Namespace, folder: Path) -> Path:
    from fieldkit.content.overlay import BaseContent, read_settings
    from fieldkit.content.template import attachment_template
    from fieldkit.core.layers import ATTACH_FOLDER
    from fieldkit.runtime.locate import base_located

    if not args.to:
        raise UsageError(N_("say which published entry with --to ID (such as svc-legal-aid-bihac)"))
    published = BaseContent.read(base_located().path).entries.get(args.to)
    if published is None:
        raise UsageError(N_("{id} is not in the published content; 'fieldkit search' finds ids"), id=repr(args.to))
    content_type = REGISTRY.get(published.type)
    if content_type is None or not content_type.attachable:
        raise UsageError(N_("nothing can be attached to an entry of type {type}"), type=type_name(published.type))
    path = folder / ATTACH_FOLDER / f"{args.to}.yaml"
    if path.exists():
        raise UsageError(N_("{path} already exists; fieldkit never overwrites it: edit it"), path=path)
    path.parent.mkdir(parents=True, exist_ok=True)
    namespace, organisation, _problems = read_settings(folder)
    text = attachment_template(published.type, args.to, str(published.fields.get("title", args.to)),
                               organisation or namespace, sources=f"a source id from sources.yaml ({namespace}-...)")
    return _write(path, text)


def _write(path: Path, text: str) -> Path:
    from fieldkit.core.atomic import write_new_file

    try:
        write_new_file(path, text.encode("utf-8"))
    except FileExistsError:
        raise UsageError(N_("{path} already exists; fieldkit never overwrites it"), path=path) from None
    return path
