"""Text too long to lay out on a screen, cut to a length that can be laid out in time.

Laying out text (wrapping, Markdown) takes time that grows with its length, faster than linearly for some
Markdown: a crafted database with a 20 MB line kept `fieldkit show` busy for minutes. The longest body in the
content is under 5,000 characters, so these limits never cut real content; `--json` still prints everything.
"""

from __future__ import annotations

BODY = 20_000  # characters of an entry's Markdown body shown
LINE = 2_000  # characters of a title, a summary, a detail or a citation shown
MARK = "[…]"


def clip(text: str, limit: int = LINE) -> str:
    """`text`, or its first `limit` characters followed by a mark that says it was cut."""
    if len(text) <= limit:
        return text
    return text[:limit] + (f"\n\n{MARK}" if limit >= BODY else f" {MARK}")


def clip_body(text: str) -> str:
    return clip(text, BODY)
