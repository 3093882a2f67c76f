"""What fieldkit remembers between runs, as one typed object: read once at start, saved when one changes.

Stored in the user data file's settings table (fieldkit/userdata.py). An empty value means "not chosen": the
app's default applies (a theme, English or the system locale, fieldkit laying out right-to-left text).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from fieldkit.core import env

if TYPE_CHECKING:
    from fieldkit.userdata import UserData


@dataclass(frozen=True)
class Settings:
    theme: str = ""  # the app's theme
    present_theme: str = ""  # the theme presentations use ("" : high contrast, for projectors)
    language: str = ""  # the language last chosen in the app (`l`)
    rtl: str = ""  # who lays out right-to-left text: "app" (fieldkit) or "terminal"

    @classmethod
    def load(cls, userdata: UserData) -> Settings:
        return cls(**{f.name: userdata.setting(f.name, "") for f in fields(cls)})

    def save(self, userdata: UserData, **changes: str) -> Settings:
        """A copy with `changes`, each written to the user data file."""
        for name, value in changes.items():
            userdata.set_setting(name, value)
        return replace(self, **changes)

    @property
    def rtl_mode(self) -> str:
        """"app" (fieldkit shapes and reorders right-to-left text) or "terminal": FIELDKIT_RTL, else the saved one."""
        return "terminal" if (env.rtl_mode() or self.rtl) == "terminal" else "app"

    @property
    def rtl_from(self) -> str:
        """What decided `rtl_mode`: "FIELDKIT_RTL", "setting" or "default"."""
        return "FIELDKIT_RTL" if env.rtl_mode() else "setting" if self.rtl else "default"
