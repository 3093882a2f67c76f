"""How a translation's state is written into its front matter: the one place that names those fields.

A translation a person made or approved is `translation: reviewed`, with `reviewed: {by, date}` naming that person
and the day; anything else is `translation: machine` and carries no reviewer (fieldkit never claims a person
reviewed something). Either records `original_hash`, the hash of the English original it was made from
(fieldkit/content/review.py), so `fieldkit check` can tell when the original changes after it.
"""

from __future__ import annotations

from typing import Any

MANAGED = ("translation", "reviewed", "translator", "original_hash")  # the fields review_fields() owns


def review_fields(*, reviewed: bool, translator: str | None, day: str, original_hash: str) -> dict[str, Any]:
    """The front matter fields for a translation's state (they replace every field in MANAGED)."""
    if not reviewed:
        return {"translation": "machine", "original_hash": original_hash}
    return {"translation": "reviewed", "reviewed": {"by": translator, "date": day}, "original_hash": original_hash}


def is_reviewed(front: dict[str, Any]) -> bool:
    return front.get("translation") == "reviewed"


def is_outdated(front: dict[str, Any], original_hash: str) -> bool:
    """Whether the translation was made from another version of its English original."""
    recorded = front.get("original_hash")
    return bool(recorded) and str(recorded) != original_hash
