"""The one-file executable, run as a field worker gets it: alone in an empty folder, read-only, no Python, no
environment. Skipped unless dist/fieldkit exists (build it with build/build.sh) or FIELDKIT_BINARY names one."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import ROOT

BINARY = Path(os.environ.get("FIELDKIT_BINARY", ROOT / "dist" / "fieldkit"))
pytestmark = pytest.mark.skipif(not BINARY.is_file(), reason="no built executable (run build/build.sh)")


@pytest.fixture(scope="module")
def lonely(tmp_path_factory):
    """A read-only copy of the binary in an empty folder, and an empty HOME."""
    folder = tmp_path_factory.mktemp("usb")
    copy = folder / "fieldkit"
    shutil.copy(BINARY, copy)
    copy.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    home = tmp_path_factory.mktemp("home")
    return copy, home


def run(lonely, *args: str) -> subprocess.CompletedProcess:
    binary, home = lonely
    return subprocess.run(["env", "-i", f"HOME={home}", "PATH=/usr/bin:/bin", str(binary), *args],
                          cwd=binary.parent, capture_output=True, text=True, timeout=120)


def test_version(lonely):
    result = run(lonely, "--version")
    assert result.returncode == 0 and result.stdout.strip() == "fieldkit 0.1.0"


def test_search_show_stats_doctor(lonely):
    hits = json.loads(run(lonely, "search", "bihac", "--json").stdout)
    assert hits[0]["title"] == "Bihać"
    farsi = json.loads(run(lonely, "show", "risk-drowning", "--lang", "fa", "--json").stdout)
    assert (farsi["lang"], farsi["fallback"]) == ("fa", False)
    stats = run(lonely, "stats")
    assert stats.returncode == 0 and "entries" in stats.stdout
    doctor = json.loads(run(lonely, "doctor", "--json").stdout)
    assert doctor["frozen"] is True and doctor["content"]["origin"] == "bundled"


def test_briefing_handout(lonely, tmp_path):
    out = tmp_path / "handout.html"
    result = run(lonely, "brief", "--route", "MK..RS..BA..HR", "--lang", "ar", "--audience", "people-on-the-move",
                 "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert 'dir="rtl"' in out.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_app_in_a_real_terminal(lonely):
    binary, home = lonely
    session = f"fk-bin-{uuid.uuid4().hex[:8]}"
    shell = f"env -i HOME={home} PATH=/usr/bin:/bin {binary}; echo EXIT=$?; sleep 30"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", shell], check=True)

    def wait_for(text: str) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared:\n{screen}")

    try:
        wait_for("Topics")
        subprocess.run(["tmux", "send-keys", "-t", session, "/"], check=True)
        wait_for("Type to search")
        subprocess.run(["tmux", "send-keys", "-t", session, "-l", "drina"], check=True)
        wait_for("results for “drina”")
        subprocess.run(["tmux", "send-keys", "-t", session, "Escape"], check=True)
        wait_for("Routes across the region")  # back on Home; a q straight after Esc would read as Alt+q
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
        wait_for("EXIT=0")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
