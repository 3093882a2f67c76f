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


def compile_bytecode(package: Path) -> None:
    """Write the package's cached bytecode wherever it is missing or older than its source.

    Python reads `__pycache__` even under PYTHONDONTWRITEBYTECODE=1 (set in many container images), but then never
    writes it: without this step every launch from a checkout compiled fieldkit's modules again, which doubled a cold
    `fieldkit search` (about 55 -> 120 ms). Up to date, the step only compares file times (a few ms). A checkout
    that cannot be written to is left as it is: fieldkit then compiles in memory, as before."""
    import compileall

    if _venv_version() != "{}.{}".format(*sys.version_info):
        # Another interpreter made .venv: the bytecode must carry its tag, so it compiles (a start more).
        subprocess.run([str(venv_bin("python")), "-m", "compileall", "-q", "-q", str(package)], cwd=ROOT, check=False)
        return
    compileall.compile_dir(package, quiet=2)


def _venv_version() -> str | None:
    """The major.minor version of the Python that made .venv, from its pyvenv.cfg."""
    try:
        config = (VENV / "pyvenv.cfg").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in config.splitlines():
        key, _, value = line.partition("=")
        if key.strip() in ("version", "version_info"):
            return ".".join(value.strip().split(".")[:2])
    return None


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
    compile_bytecode(ROOT / "fieldkit")
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
