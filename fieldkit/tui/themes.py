"""The app's themes: Textual's default, and high contrast for projectors and bright sunlight."""

from __future__ import annotations

from textual.theme import Theme

DEFAULT_THEME = "textual-dark"
HIGH_CONTRAST = Theme(
    name="fieldkit-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    warning="#ffff00",
    error="#ff6060",
    success="#00ff00",
    dark=True,
)
