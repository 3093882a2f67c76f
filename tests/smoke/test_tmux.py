"""Smoke test in a real terminal: run the real `fieldkit` in tmux, type as a person would, read the screen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")

FIELDKIT = Path(sys.executable).with_name("fieldkit")


class Terminal:
    def __init__(self, command: str, env: dict[str, str], width: int = 100, height: int = 30):
        self.session = f"fieldkit-smoke-{uuid.uuid4().hex[:8]}"
        env_prefix = " ".join(f"{k}={v}" for k, v in env.items())
        # env -i: the tmux server inherits the test process's environment, where COLUMNS and LINES may be set
        # (they win over the real pane size in shutil.get_terminal_size, which Textual uses).
        shell = f"env -i {env_prefix} {command}; echo EXIT=$?; sleep 60"
        subprocess.run(["tmux", "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), shell],
                       check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.session], capture_output=True, text=True).stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.session, *(["-l"] if literal else []), *keys], check=True)

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.session], capture_output=True)


@pytest.fixture
def terminal_env(tmp_path, fixture_db):
    return {"FIELDKIT_DB": str(fixture_db), "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "TERM": "xterm-256color", "HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}


def test_search_open_read_and_quit(terminal_env):
    terminal = Terminal(str(FIELDKIT), terminal_env)
    try:
        terminal.wait_for("Topics")
        terminal.keys("/")
        terminal.wait_for("Type to search")
        terminal.keys("bihac", literal=True)
        terminal.wait_for("results for “bihac”")
        terminal.keys("Enter")
        screen = terminal.wait_for("Sources")
        assert "Bihać" in screen and "Facts as of" in screen
        assert "Traceback" not in screen
        terminal.keys("q")
        terminal.wait_for("EXIT=0")
    finally:
        terminal.close()


def test_tiny_terminal_then_quit(terminal_env):
    terminal = Terminal(str(FIELDKIT), terminal_env, width=60, height=18)
    try:
        terminal.wait_for("enlarge the terminal")
        terminal.keys("C-q")
        terminal.wait_for("EXIT=0")
    finally:
        terminal.close()


def test_presenter_view_follows_the_projector_in_a_second_terminal(terminal_env):
    """Two panes side by side: the projector (--present) and the trainer's notes (--notes). A slide change on the
    projector shows in the notes pane with that slide's notes; the projected pane never shows notes; ending the
    presentation returns to the shell."""
    command = f"{FIELDKIT} brief brief-rivers"
    terminal = Terminal(f"{command} --present", terminal_env, width=161, height=30)
    notes_pane = f"{terminal.session}:0.1"
    env_prefix = " ".join(f"{k}={v}" for k, v in terminal_env.items())
    subprocess.run(["tmux", "split-window", "-h", "-t", terminal.session,
                    f"env -i {env_prefix} {command} --notes; echo EXIT=$?; sleep 60"], check=True)
    projector_pane = f"{terminal.session}:0.0"

    def pane(target: str) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", target], capture_output=True, text=True).stdout

    def wait_in(target: str, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in (shown := pane(target)):
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared in {target}:\n{pane(target)}")

    try:
        wait_in(projector_pane, "Slide 1 of 3")
        notes = wait_in(notes_pane, "Ask the group")  # slide 1's notes, in the trainer's pane only
        assert "Slide 1 of 3" in notes
        assert "Ask the group" not in pane(projector_pane)
        subprocess.run(["tmux", "send-keys", "-t", projector_pane, "Right"], check=True)
        wait_in(projector_pane, "Slide 2 of 3")
        notes = wait_in(notes_pane, "Pause here for questions.")  # slide 2's notes
        assert "Slide 2 of 3" in notes and "Following the projector" in notes
        assert "Pause here" not in pane(projector_pane)
        subprocess.run(["tmux", "send-keys", "-t", projector_pane, "q"], check=True)
        wait_in(projector_pane, "EXIT=0")  # back to the shell, not to the app's Home
        wait_in(notes_pane, "The presentation has ended.")
        subprocess.run(["tmux", "send-keys", "-t", notes_pane, "q"], check=True)
        wait_in(notes_pane, "EXIT=0")
    finally:
        terminal.close()
