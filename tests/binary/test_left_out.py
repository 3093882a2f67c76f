"""The modules build/fieldkit.spec leaves out of the executable (Textual widgets that no bundled code imports,
Pygments' formatters, Textual's Windows driver) are not needed: the app's own tests (tests/tui: every screen,
dialog and snapshot) pass when importing any of them fails, as it would inside the executable."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.binary.test_binary import BINARY
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not BINARY.is_file(), reason="no built executable (run build/build.sh)")


def test_the_app_needs_no_module_left_out():
    pytest.importorskip("PyInstaller.archive.readers")
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.binary.left_out_plugin", "-p", "no:cacheprovider",
                             "-q", "tests/tui"], cwd=ROOT, env={**os.environ, "FIELDKIT_LEFT_OUT_OF": str(BINARY)},
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "imports of modules the executable does not hold: []" in result.stdout, result.stdout[-3000:]
