"""Layers of content: the published base and organisations' overlays. The rules every layer reads.

An overlay owns a namespace: the prefix of every id it adds (`org-xyz` owns `org-xyz-legal-aid-bihac`). It may add
entries and sources in its namespace and attach some fields (a type's `attachable` fields: contacts, hours, ...)
to a published entry, never change published text. The compiler checks an overlay folder against these rules
(fieldkit/content/overlay.py), the merge checks an overlay pack again before anything changes
(fieldkit/content/merge.py), and the trust store says which namespaces a key may sign (fieldkit/packs/keys.py).

Standard library only: this is the bottom layer.
"""

from __future__ import annotations

import re

BASE = "base"
OVERLAY = "overlay"
NAMESPACE_MAX = 40
_NAMESPACE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

OVERLAY_FILE = "overlay.yaml"  # an overlay folder's own file: its namespace and organisation
ATTACH_FOLDER = "attach"  # attach/<published id>.yaml: fields attached to a published entry
ATTACHMENT_FIELDS = ("sources", "checked", "reviewed")  # besides the attached fields: where they come from, who checked


def namespace_problem(text: object) -> str | None:
    """Why `text` is not a namespace, or None when it is one."""
    if not isinstance(text, str) or len(text) > NAMESPACE_MAX or not _NAMESPACE.match(text):
        shown = repr(text) if len(repr(text)) <= 60 else repr(text)[:57] + "..."
        return (f"{shown} is not a namespace: lower-case letters and digits in parts joined by '-' "
                f"(such as org-xyz), at most {NAMESPACE_MAX}")
    return None


def in_namespace(entry_id: str, namespace: str) -> bool:
    """Whether an id belongs to a namespace: it starts with the namespace and a hyphen."""
    return entry_id.startswith(namespace + "-") and len(entry_id) > len(namespace) + 1


def overlapping(first: str, second: str) -> bool:
    """Whether two namespaces could claim the same id (one is the other, or the other's prefix with a hyphen)."""
    return first == second or first.startswith(second + "-") or second.startswith(first + "-")
