"""bench/search_quality.py loaded as a module (bench/ is not a package), for the search quality tests."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT

_NAME = "fieldkit_bench_search_quality"


def load():
    if _NAME not in sys.modules:
        spec = importlib.util.spec_from_file_location(_NAME, ROOT / "bench" / "search_quality.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[_NAME] = module  # dataclasses look their module up while the file runs
        spec.loader.exec_module(module)
    return sys.modules[_NAME]
