"""Messages widgets post upward; the app decides where they lead."""

from __future__ import annotations

from textual.message import Message


class Navigate(Message):
    """Open something. `target` is "entry:<id>", "country:<CC>", "topic:<type>" or "journey:<leg>,<leg>,...".

    One message for every kind of link keeps widgets ignorant of screens: lists only say what was chosen.
    """

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target
