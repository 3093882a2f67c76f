"""Hatch build hook: compile content/ into the database shipped inside the wheel.

An installed fieldkit then works with no other step. Editable installs skip this: in a source checkout fieldkit
compiles content/ into its cache folder on first use instead (see fieldkit/runtime/locate.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ContentDatabaseHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root))
        try:
            from fieldkit.content.build import build
            from fieldkit.content.problems import ContentError
        finally:
            sys.path.pop(0)
        self._workdir = tempfile.TemporaryDirectory(prefix="fieldkit-build-")
        database = Path(self._workdir.name) / "fieldkit.db"
        try:
            build(root / "content", database)
        except ContentError as error:
            shown = "\n".join(str(p) for p in error.problems[:20])
            raise RuntimeError(f"content has problems; run 'fieldkit check':\n{shown}") from None
        build_data["force_include"][str(database)] = "fieldkit/data/fieldkit.db"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if getattr(self, "_workdir", None):
            self._workdir.cleanup()
