"""Words as written, before folding: what stemmers read (they need a language's own letters)."""

from __future__ import annotations

import re

# A word as a reader sees it: letters and digits with any combining marks (harakat, accents) and joiners inside.
WORD = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d])+"
)


def written_words(text: str) -> list[str]:
    """The words of `text` as written (case and marks kept), in order."""
    return WORD.findall(text)
