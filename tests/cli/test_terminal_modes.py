"""The terminal's bidi mode switches (ECMA-48 BDSM) reach the terminal itself, also while a progress bar is drawn:
Rich then puts a proxy in front of standard error that prints what it is given as text, and "\\x1b[8h" showed as
"[8h" after a right-to-left error of `fieldkit pack`."""

from __future__ import annotations

import io

from rich.console import Console
from rich.file_proxy import FileProxy

from fieldkit.cli import output


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_mode_switches_go_past_a_progress_bars_proxy(monkeypatch):
    terminal = Terminal()
    proxy = FileProxy(Console(file=terminal, force_terminal=True), terminal)
    monkeypatch.setattr(output, "_explicit_mode", [])
    output._explicit(proxy)
    output._explicit(terminal)  # the same terminal: switched once
    output.restore_terminal()
    assert terminal.getvalue() == output.BIDI_OFF + output.BIDI_ON


def test_a_stream_that_is_no_terminal_gets_no_switch(monkeypatch):
    piped = io.StringIO()
    monkeypatch.setattr(output, "_explicit_mode", [])
    output._explicit(piped)
    output.restore_terminal()
    assert piped.getvalue() == ""
