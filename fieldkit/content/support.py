"""Front matter supported by what the entry says (placeholder; filled in below)."""

from __future__ import annotations

from fieldkit.content.corpus import Corpus
from fieldkit.content.problems import Problem


def check_support(corpus: Corpus) -> list[Problem]:
    return []
