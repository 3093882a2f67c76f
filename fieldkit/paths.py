"""Every place on disk fieldkit reads or writes, in one module (platformdirs decides per operating system)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "fieldkit"
PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_DB = PACKAGE_DIR / "data" / "fieldkit.db"  # written by the wheel build hook or PyInstaller
SOURCE_CONTENT_DIR = PACKAGE_DIR.parent / "content"  # present in a source checkout only


def data_dir() -> Path:
    """Bookmarks, history and installed content packs."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Things fieldkit can rebuild: the content database compiled from a source checkout."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings and trusted pack keys."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
