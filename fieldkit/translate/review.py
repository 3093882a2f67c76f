"""How a translation's state is written into its front matter: the one place that names those fields.

A translation a person made or approved is `translation: reviewed`, with the day and the person's name; anything
else is `translation: machine` and carries no reviewer (fieldkit never claims a person reviewed something).
"""

from __future__ import annotations

from typing import Any

MANAGED = ("translation", "reviewed", "translator")  # the fields review_fields() owns


def review_fields(*, reviewed: bool, translator: str | None, day: str) -> dict[str, Any]:
    """The front matter fields for a translation's state (they replace every field in MANAGED)."""
    if not reviewed:
        return {"translation": "machine"}
    return {"translation": "reviewed", "reviewed": day, "translator": translator}


def is_reviewed(front: dict[str, Any]) -> bool:
    return front.get("translation") == "reviewed"
