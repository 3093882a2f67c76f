"""What the screens use of the fieldkit app they run in, as a type.

The app (fieldkit/tui/app.py) opens the screens, so the screens cannot import it back without an import circle.
They reach it through `host_of()`, typed by `Host`; app.py has mypy check that FieldkitApp provides all of it.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol, cast

from textual.dom import DOMNode

from fieldkit.settings import Settings
from fieldkit.store.store import Store
from fieldkit.tui.messages import Destination
from fieldkit.userdata import UserData


class Host(Protocol):
    """The app's state and services that screens read (they change the app only through its methods)."""

    @property
    def store(self) -> Store: ...

    @property
    def userdata(self) -> UserData: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def lang(self) -> str: ...

    @property
    def today(self) -> dt.date | None: ...

    @property
    def rtl_in_app(self) -> bool: ...

    @property
    def source_label(self) -> str: ...

    def thread_store(self) -> Store: ...

    def navigate(self, destination: Destination) -> None: ...


def host_of(node: DOMNode) -> Host:
    """The fieldkit app that `node` runs in (Textual types `node.app` as any App)."""
    return cast(Host, node.app)
