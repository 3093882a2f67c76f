"""Every place on disk fieldkit reads or writes, in one module (platformdirs decides per operating system)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "fieldkit"
PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_DB = PACKAGE_DIR / "data" / "fieldkit.db"  # written by the wheel build hook or PyInstaller
SOURCE_CONTENT_DIR = PACKAGE_DIR.parent / "content"  # present in a source checkout only


def content_dir(given: str | None = None) -> Path:
    """The content folder a command works on: the one given, else ./content if there is one, else the checkout's."""
    if given:
        return Path(given)
    here = Path("content")
    return here if here.is_dir() else SOURCE_CONTENT_DIR


def data_dir() -> Path:
    """Bookmarks, history and installed content packs."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def packs_dir() -> Path:
    """Installed content packs (fieldkit/packs): one folder each, and state.json saying which is current."""
    return data_dir() / "packs"


def cache_dir() -> Path:
    """Things fieldkit can rebuild: the content database compiled from a source checkout."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings and trusted pack keys."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def slips_dir() -> Path:
    """Where the app writes referral slips: a fieldkit folder in the user's documents, else in fieldkit's data."""
    documents = Path(platformdirs.user_documents_dir())
    return documents / APP_NAME if documents.is_dir() else data_dir() / "slips"
