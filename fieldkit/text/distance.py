"""Edit distance for correcting typos: how many letters to insert, delete, change or swap."""

from __future__ import annotations


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of two neighbours is one edit), or `limit + 1` as soon as it is
    certain to exceed `limit` (most comparisons stop after a row or two)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= limit else limit + 1


def allowed_edits(word: str) -> int:
    """Edits allowed to correct a word of this length: none under 4 letters, 1 up to 6, else 2."""
    if len(word) < 4:
        return 0
    return 1 if len(word) <= 6 else 2
