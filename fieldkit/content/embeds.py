"""`{{embed ID}}` in a briefing deck: a line replaced, at build time, by that entry's title and summary.

Resolving at build time keeps every deck in step with the entries it shows: rebuild, and the slides change.
"""

from __future__ import annotations

import re
from collections.abc import Callable

EMBED = re.compile(r"^[ \t]*\{\{\s*embed\s+([^\s}]+)\s*\}\}[ \t]*$", re.MULTILINE)


def find_embeds(body: str) -> list[tuple[int, str]]:
    """(line offset within the body, id) of every embed."""
    return [(body.count("\n", 0, match.start()), match.group(1)) for match in EMBED.finditer(body)]


def resolve_embeds(body: str, lookup: Callable[[str], tuple[str, str, bool] | None]) -> str:
    """Replace each embed with a quote block of the entry's title and summary.

    `lookup(id)` gives (title, summary, in_english_for_want_of_a_translation); such text is marked "[EN]".
    """

    def replace(match: re.Match[str]) -> str:
        found = lookup(match.group(1))
        if found is None:
            return match.group(0)
        title, summary, fallback = found
        marker = " [EN]" if fallback else ""
        return f"> **{title}**{marker}\n>\n> {summary}"

    return EMBED.sub(replace, body)
