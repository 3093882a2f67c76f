"""Entry ids written in prose ("see risk-pushbacks") become the entry's title where people read them.

Authors name other entries by id because ids do not change with a translation; readers need the name. The build
replaces each id in a body (and in a free-text detail such as a service's access line) by the title in the
document's language, English where there is no translation, in italics in Markdown. Only known ids with a hyphen
count as ids: a place id such as `bar` or `sid` is also a word. Text inside code spans and links is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from fieldkit.text.markdown_plain import escape_markdown

# Code spans and link targets are kept as they are; the id pattern is tried only outside them.
_PROTECTED = r"`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]*>|https?://\S+"


def reference_pattern(ids: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern matching any of the hyphenated `ids` standing alone, or None when there are none."""
    hyphenated = sorted((i for i in ids if "-" in i), key=len, reverse=True)  # longest first: route-a before route
    if not hyphenated:
        return None
    alternatives = "|".join(re.escape(i) for i in hyphenated)
    return re.compile(rf"({_PROTECTED})|(?<![\w/#.-])({alternatives})(?![\w/-])")


def name_references(text: str, pattern: re.Pattern[str] | None, title: Callable[[str], str | None], *,
                    markdown: bool = True) -> str:
    """`text` with each id `pattern` finds replaced by `title(id)` (an id without a title stays)."""
    if pattern is None or not text:
        return text

    def replace(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1)
        name = title(match.group(2))
        if not name:
            return match.group(2)
        return f"*{escape_markdown(name)}*" if markdown else name

    return pattern.sub(replace, text)
