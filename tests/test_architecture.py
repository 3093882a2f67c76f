"""The layout is the architecture: only the TUI imports textual, storage never imports UI, CLI stays thin."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "fieldkit"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules_importing(prefix: str, *, outside: str) -> list[str]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(outside):
            continue
        if any(name == prefix or name.startswith(prefix + ".") for name in imports_of(path)):
            found.append(relative)
    return found


def test_only_the_tui_imports_textual():
    assert modules_importing("textual", outside="tui/") == []


def test_store_content_and_text_never_import_ui_or_cli():
    for layer in ("store", "content", "text"):
        for path in (PACKAGE / layer).rglob("*.py"):
            bad = {n for n in imports_of(path) if n.startswith(("fieldkit.tui", "fieldkit.cli", "textual", "rich"))}
            assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_architecture_check_sees_imports(tmp_path):
    """The scanner itself finds an import, so the tests above can fail."""
    sample = tmp_path / "sample.py"
    sample.write_text("import textual.app\nfrom textual.widgets import Input\n")
    assert imports_of(sample) == {"textual.app", "textual.widgets"}


def test_interop_imports_no_ui_cli_or_test_only_libraries():
    """fieldkit/interop is used by the CLI, never the other way round; libhxl and geojson are for the tests only."""
    for path in (PACKAGE / "interop").rglob("*.py"):
        bad = {n for n in imports_of(path)
               if n.startswith(("fieldkit.tui", "fieldkit.cli", "textual", "rich", "hxl", "geojson"))}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"
