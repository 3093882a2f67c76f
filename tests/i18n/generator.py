"""build/i18n.py, which writes fieldkit/i18n's generated modules from Babel, for the tests that compare them."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_i18n", ROOT / "build" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def is_generated_now(name: str) -> bool:
    """Whether fieldkit/i18n/<name>.py is what the generator writes now (its `<name>_source()`)."""
    written = (ROOT / "fieldkit" / "i18n" / f"{name}.py").read_text(encoding="utf-8")
    return written == getattr(generator(), f"{name}_source")()
