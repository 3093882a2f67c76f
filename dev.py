#!/usr/bin/env python3
"""Set up and run fieldkit, or its tests, with nothing but Python 3.11 and pip.

    python3 dev.py run [ARGS...]    create .venv if needed, install fieldkit into it, run `fieldkit ARGS...`
    python3 dev.py test [ARGS...]   the same set-up, then the whole test suite (`pytest ARGS...`)
    python3 dev.py i18n [--check]   extract UI strings, update every catalog, compile them (build/i18n.py)

The virtual environment is reinstalled whenever pyproject.toml changes. On Linux and macOS `.venv/bin/fieldkit` is
then fieldkit's own launcher (`write_launcher`), not pip's console script.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".fieldkit-installed"


def venv_bin(name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / f"{name}{suffix}"


def ensure_environment() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"fieldkit needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted and venv_bin("python").exists():
        write_launcher()  # a .venv made before dev.py wrote its own launcher gets it too
        return
    if not venv_bin("python").exists():
        print("dev.py: creating .venv", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    print("dev.py: installing fieldkit and its test tools into .venv", file=sys.stderr)
    pip = [str(venv_bin("python")), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--editable", f"{ROOT}[test]"], check=True, cwd=ROOT)
    write_launcher()
    STAMP.write_text(wanted)


# pip's console script runs `import re` (and with it enum, functools and collections: about 5 ms, a third of what
# `fieldkit --version` costs) only to strip a Windows suffix from sys.argv[0]; fieldkit's parser never reads argv[0]
# (its name is fixed: prog="fieldkit"). This launcher runs the same main() with nothing else imported.
# docs/performance.md ("CLI start-up") has the measurements.
LAUNCHER = """{shebang}
# fieldkit's launcher, written by dev.py in place of pip's console script (the same fieldkit.cli.main:main,
# without pip's `import re`). `python -m fieldkit` runs the same function.
import sys

from fieldkit.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
"""


def write_launcher() -> None:
    """Put fieldkit's launcher at .venv/bin/fieldkit (POSIX only: on Windows pip's fieldkit.exe stays)."""
    if os.name == "nt":
        return
    launcher = venv_bin("fieldkit")
    text = LAUNCHER.format(shebang=_shebang(str(venv_bin("python"))))
    if launcher.exists() and launcher.read_text(encoding="utf-8") == text:
        return
    partial = launcher.with_name(f".{launcher.name}.{os.getpid()}.part")
    partial.write_text(text, encoding="utf-8")
    partial.chmod(0o755)
    os.replace(partial, launcher)


def _shebang(python: str) -> str:
    """`#!python`, or (a path with spaces, or longer than a kernel reads) what pip writes then: a line `sh` runs
    that starts the same Python on the same file."""
    if " " not in python and len(python) <= 125:
        return f"#!{python}"
    return "#!/bin/sh\n'''exec' \"" + python + "\" \"$0\" \"$@\"\n' '''"


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "i18n"):
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_environment()
    if command == "run":
        return subprocess.call([str(venv_bin("fieldkit")), *rest], cwd=ROOT)
    if command == "i18n":
        return subprocess.call([str(venv_bin("python")), str(ROOT / "build" / "i18n.py"), *rest], cwd=ROOT)
    return subprocess.call([str(venv_bin("python")), "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as error:
        sys.exit(f"dev.py: set-up failed ({error}); see the messages above")
    except KeyboardInterrupt:
        sys.exit(130)
