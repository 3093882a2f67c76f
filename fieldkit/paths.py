"""Every place on disk fieldkit reads or writes, in one module (platformdirs decides per operating system).

platformdirs is imported by the functions that ask it (a few ms): a run that needs none of fieldkit's own folders,
such as `fieldkit search --db FILE --lang LANG`, does not import it.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "fieldkit"
PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_DB = PACKAGE_DIR / "data" / "fieldkit.db"  # written by the wheel build hook or PyInstaller
SOURCE_CONTENT_DIR = PACKAGE_DIR.parent / "content"  # present in a source checkout only


def content_dir(given: str | None = None) -> Path:
    """The content folder a command works on: the one given, else ./content if there is one, else the checkout's
    (which the one-file executable does not have: the CLI then looks for an organisation's overlay folder)."""
    if given:
        return Path(given)
    here = Path("content")
    return here if here.is_dir() else SOURCE_CONTENT_DIR


def data_dir() -> Path:
    """Bookmarks, history and installed content packs."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def packs_dir() -> Path:
    """Installed content packs (fieldkit/packs): one folder each, and state.json saying which is current."""
    return data_dir() / "packs"


def overlays_dir() -> Path:
    """Organisations' own content, one folder per namespace (`fieldkit new ... --org ORG` writes there)."""
    return data_dir() / "overlays"


def overlay_packs_dir() -> Path:
    """Installed overlay packs: one folder per namespace, each laid out like packs_dir()."""
    return data_dir() / "overlay-packs"


def merged_dir() -> Path:
    """The content fieldkit reads when overlays are installed: the base and every overlay merged into one
    database, rebuilt from the installed packs whenever a layer changes (fieldkit/packs/layers.py)."""
    return data_dir() / "merged"


def cache_dir() -> Path:
    """Things fieldkit can rebuild: the content database compiled from a source checkout."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings and trusted pack keys."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def slips_dir() -> Path:
    """Where the app writes referral slips: a fieldkit folder in the user's documents, else in fieldkit's data."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents / APP_NAME if documents.is_dir() else data_dir() / "slips"


def prints_dir() -> Path:
    """Pages the app writes to print (p on an entry): beside the referral slips, in the user's documents."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents / APP_NAME if documents.is_dir() else data_dir() / "prints"


def runtime_dir() -> Path:
    """Files two fieldkits running at once share for a while (a presentation and its notes view): the user's
    runtime folder (on Linux XDG_RUNTIME_DIR, emptied at logout; the temporary folders of macOS and Windows),
    else the cache folder. A runtime folder is used only inside a folder that is the user's alone: never a
    folder in a shared /tmp that another user could have made first."""
    import os
    import warnings

    import platformdirs

    with warnings.catch_warnings():  # platformdirs warns where XDG_RUNTIME_DIR is unset; the fallback is ours
        warnings.simplefilter("ignore")
        runtime = Path(platformdirs.user_runtime_dir(APP_NAME, appauthor=False))
    if os.name != "posix":
        return runtime
    try:
        parent = runtime.parent.stat()
    except OSError:
        return cache_dir() / "run"
    private = parent.st_uid == os.getuid() and not parent.st_mode & 0o077
    return runtime if private else cache_dir() / "run"
