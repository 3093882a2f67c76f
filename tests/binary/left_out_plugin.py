"""pytest plugin (tests/binary/test_left_out.py): an import of a module that build/fieldkit.spec leaves out of the
executable (Textual widgets no bundled code imports, Pygments' formatters, Textual's Windows driver) fails here as
it would inside the executable, and is recorded."""

from __future__ import annotations

import os
import sys

from PyInstaller.archive.readers import CArchiveReader

WATCHED = ("textual.widgets.", "textual.drivers.", "textual._win", "pygments.formatters")
BUNDLED = set(CArchiveReader(os.environ["FIELDKIT_LEFT_OUT_OF"]).open_embedded_archive("PYZ.pyz").toc)
BLOCKED: list[str] = []


class LeftOut:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.startswith(WATCHED) and name not in BUNDLED:
            BLOCKED.append(name)
            raise ImportError(f"{name} is not in the executable (build/fieldkit.spec)")
        return None


sys.meta_path.insert(0, LeftOut)


def pytest_sessionfinish(session, exitstatus):
    print(f"\nimports of modules the executable does not hold: {sorted(set(BLOCKED))}")
