"""Where a link leads, and the message widgets post upward to go there; the app decides which screen that is.

One message for every kind of link keeps widgets ignorant of screens: lists only say what was chosen. Each
destination has a `key`, readable and unique ("entry:bihac"), that lists use as the id of the item.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from textual.message import Message


@dataclass(frozen=True)
class ToEntry:
    entry_id: str

    @property
    def key(self) -> str:
        return f"entry:{self.entry_id}"


@dataclass(frozen=True)
class ToCountry:
    code: str

    @property
    def key(self) -> str:
        return f"country:{self.code}"


@dataclass(frozen=True)
class ToTopic:
    entry_type: str

    @property
    def key(self) -> str:
        return f"topic:{self.entry_type}"


@dataclass(frozen=True)
class ToJourney:
    leg_ids: tuple[str, ...]

    @property
    def key(self) -> str:
        return "journey:" + ",".join(self.leg_ids)


@dataclass(frozen=True)
class ToJourneyThrough:
    """The whole journey one route leg belongs to (back to where it starts, on to where it ends)."""

    leg_id: str

    @property
    def key(self) -> str:
        return f"journey-of:{self.leg_id}"


@dataclass(frozen=True)
class ToPresentation:
    deck_id: str

    @property
    def key(self) -> str:
        return f"present:{self.deck_id}"


Destination = ToEntry | ToCountry | ToTopic | ToJourney | ToJourneyThrough | ToPresentation


class Navigate(Message):
    """Open `destination`."""

    def __init__(self, destination: Destination) -> None:
        super().__init__()
        self.destination = destination


@runtime_checkable
class Reloadable(Protocol):
    """A screen that can fill itself again from the store, after a language or layout switch."""

    def reload(self) -> None: ...


@runtime_checkable
class ShowsEntry(Protocol):
    """A screen showing one entry: the palette offers its actions."""

    def action_bookmark(self) -> None: ...

    def action_country(self) -> None: ...

    def action_route(self) -> None: ...

    def action_referral(self) -> None: ...
