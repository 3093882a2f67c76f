"""Who checked what: the hash a translation keeps of its English original, and the states shown to readers.

A translation records `original_hash`, the hash of the English title, summary and body it was made from. When the
original changes, the hashes differ and the translation is *outdated*: `fieldkit check` warns, and the app says
"The English original changed after this translation". Whitespace is folded first, so rewrapping a paragraph
does not outdate its translations; any change of words does.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

HASH_LENGTH = 16  # hex digits: enough to tell versions of one text apart, short enough to read in a diff

# What a reader is told about a document in one language (the `translation_state` of `fieldkit show --json`).
ORIGINAL, MACHINE, REVIEWED, OUTDATED = "original", "machine", "reviewed", "outdated"
TRANSLATION_STATES = (ORIGINAL, MACHINE, REVIEWED, OUTDATED)


def original_hash(title: str, summary: str, body: str) -> str:
    """The hash of an English original's text, as its translations record it."""
    parts = [re.sub(r"\s+", " ", part).strip() for part in (title, summary, body)]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def hash_of_entry(fields: dict[str, Any], body: str) -> str:
    """original_hash() of an entry file's validated fields and body."""
    return original_hash(str(fields.get("title") or ""), str(fields.get("summary") or ""), body)


def translation_state(status: str, recorded_hash: str | None, current_hash: str | None) -> str:
    """original, machine or reviewed, or outdated when the original no longer has the hash the translation keeps."""
    if status == ORIGINAL:
        return ORIGINAL
    if recorded_hash and current_hash and recorded_hash != current_hash:
        return OUTDATED
    return status
