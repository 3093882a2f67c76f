"""Which content folder a command works on (`check`, `build`, `import`, `pack build`, `new`, `translate`).

The one given (`--content DIR`, also `--dir DIR`); else an organisation's overlay folder in fieldkit's data folder
(`--org NAMESPACE`); else ./content; else a source checkout's content; else, where the user has exactly one
overlay folder (a team with only the one-file executable), that one. The executable has no content folder of its
own, so without any of these the command says how to start one instead of naming a temporary path.
"""

from __future__ import annotations

from pathlib import Path

from fieldkit import paths
from fieldkit.cli.output import UsageError
from fieldkit.core.layers import OVERLAY_FILE, namespace_problem
from fieldkit.core.marker import N_


def overlay_folder(namespace: str) -> Path:
    """The overlay folder of a namespace in the user's data folder (UsageError for a malformed namespace)."""
    problem = namespace_problem(namespace)
    if problem:
        raise UsageError(N_("--org: {problem}"), problem=problem)
    return paths.overlays_dir() / namespace


def content_folder(given: str | None, org: str | None = None) -> Path:
    if given:
        return Path(given)
    if org:
        folder = overlay_folder(org)
        if not folder.is_dir():
            raise UsageError(N_("no overlay folder for {org} in {folder}: start one with 'fieldkit new service --org "
                                "{org}'"), org=org, folder=paths.overlays_dir())
        return folder
    here = Path("content")
    if here.is_dir():
        return here
    if paths.SOURCE_CONTENT_DIR.is_dir():
        return paths.SOURCE_CONTENT_DIR
    overlays = user_overlays()
    if len(overlays) == 1:
        return overlays[0]
    if overlays:
        raise UsageError(N_("several overlay folders in {folder}: say which with --org ({names})"),
                         folder=paths.overlays_dir(), names=", ".join(path.name for path in overlays))
    raise UsageError(N_("no content folder here: give one with --content DIR, or start your organisation's own with "
                        "'fieldkit new service --org NAMESPACE' (it goes into {folder})"), folder=paths.overlays_dir())


def user_overlays() -> list[Path]:
    root = paths.overlays_dir()
    try:
        return sorted(path for path in root.iterdir() if (path / OVERLAY_FILE).is_file()) if root.is_dir() else []
    except OSError:
        return []
