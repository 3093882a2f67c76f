"""The pack commands never touch the network either (the same audit-hook guard as tests/test_offline.py)."""

from __future__ import annotations

from tests.conftest import FIXTURE_CONTENT
from tests.test_offline import run_guarded


def test_pack_commands_stay_offline(tmp_path):
    keys, stick = tmp_path / "keys", tmp_path / "stick"
    pack = stick / "fieldkit.fkpack"
    stick.mkdir()  # fieldkit writes into a folder that exists; it makes none (fieldkit.core.atomic)
    commands = [
        ("pack", "keygen", "--out", str(keys)),
        ("pack", "build", "--key", str(keys / "publisher.key"), "--content", str(FIXTURE_CONTENT), "-o", str(pack),
         "--version", "2100.1.1"),  # newer than the content shipped with fieldkit
        ("pack", "trust", str(keys / "publisher.pub")),
        ("pack", "verify", str(pack)),
        ("pack", "install", "--from-dir", str(stick)),
        ("pack", "list"),
        ("search", "bihac"),
        ("pack", "rollback"),
    ]
    for command in commands:
        result = run_guarded(*command, tmp_path=tmp_path)
        assert "NETWORK" not in result.stderr, (command, result.stderr)
        assert result.returncode == 0, (command, result.stderr)


def test_starting_fieldkit_does_not_load_the_crypto_library(tmp_path):
    """Choosing the database reads state.json only; Ed25519 is loaded when a pack is checked."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import sys; from fieldkit.runtime.locate import locate; from fieldkit.cli.main import build_parser; "
            "build_parser(); locate('x.db'); import fieldkit.packs.state as s; s.active_pack(); "
            "print(any(m.startswith('cryptography') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)})
    assert out.stdout.strip() == "False", out.stderr
