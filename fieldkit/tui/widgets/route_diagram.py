"""A journey drawn leg by leg: each place a node, each leg a selectable segment with its mode and risks."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fieldkit.i18n.catalog import _, display, language, ngettext
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.vocabulary import modes as mode_names
from fieldkit.store.routes import Leg
from fieldkit.text.sanitize import sanitize


class RouteDiagram(OptionList):
    """Posts `LegChosen` when a leg is highlighted, so the screen can show what lies along it."""

    class LegChosen(Message):
        def __init__(self, leg: Leg) -> None:
            super().__init__()
            self.leg = leg

    def show(self, legs: list[Leg], place_label) -> None:
        """`place_label(place_id) -> (title, country code)` names the nodes."""
        self.legs = {leg.id: leg for leg in legs}
        self.clear_options()
        for number, leg in enumerate(legs, start=1):
            title, code = place_label(leg.start)
            text = Text("● ", style="bold").append(sanitize(title), style="bold")
            text.append(f" · {display(country_name(code, language()))}\n", style="dim")
            leg_label = display(_("Leg {number}:").format(number=number))
            text.append("│ ", style="bold").append(leg_label + " ", style="dim").append(display(sanitize(leg.title)) + "\n")
            modes = mode_names(list(leg.mode))
            text.append("│ ", style="bold").append(display(f"{modes} · {sanitize(leg.terrain)}"), style="italic")
            if leg.risks:
                risks = ngettext("{count} risk", "{count} risks", len(leg.risks)).format(count=len(leg.risks))
                text.append(f"  ⚠ {display(risks)}", style="bold red")
            text.append("\n▼", style="bold")
            self.add_option(Option(text, id=leg.id))
        if legs:
            title, code = place_label(legs[-1].end)
            end = Text("● ", style="bold").append(sanitize(title), style="bold").append(f" · {display(country_name(code, language()))}", style="dim")
            self.add_option(Option(end, disabled=True))
        self.highlighted = 0 if legs else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        leg = self.legs.get(event.option.id or "")
        if leg is not None:
            self.post_message(self.LegChosen(leg))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        leg = self.legs.get(event.option.id or "")
        if leg is not None:
            from fieldkit.tui.messages import Navigate, ToEntry

            self.post_message(Navigate(ToEntry(leg.id)))
