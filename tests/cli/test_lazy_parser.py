"""A run builds the parser of its own command only; what it parses and prints is what the whole parser gives."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fieldkit.cli.main import COMMANDS, build_parser, commands_named
from tests.conftest import ROOT

SAMPLES = [
    ["search", "bihac", "--lang", "fa", "--limit", "3", "--json"],
    ["--lang", "fr", "search", "--type", "service", "legal", "aid"],
    ["--db", "x.db", "show", "bihac"],
    ["--db=x.db", "--bidi", "logical", "stats", "--json"],
    ["check", "--content", "content"],
    ["build", "--out", "out.db"],
    ["brief", "--country", "BA"],
    ["doctor", "--json"],
    ["pack", "install", "a.fkpack"],
    ["export", "--type", "place", "--format", "geojson"],
    ["import", "services", "sheet.csv", "--dry-run"],
    ["refer", "svc-x", "--lang", "fa"],
    ["translate", "export", "--lang", "fa"],
    ["--db", "search", "search", "x"],  # --db takes the first "search" as its value
    [],
]


@pytest.mark.parametrize("argv", SAMPLES, ids=" ".join)
def test_a_command_alone_parses_as_the_whole_parser(argv):
    whole = vars(build_parser().parse_args(argv))
    alone = vars(build_parser(commands_named(argv)).parse_args(argv))
    assert alone == whole


def test_what_needs_the_whole_parser():
    assert commands_named(["--help"]) is None
    assert commands_named(["--la", "fr", "search", "x"]) is None  # an abbreviation: argparse decides
    assert commands_named(["nonsense"]) is None  # the error lists every command
    assert commands_named(["--db"]) is None  # a value is missing: argparse says so
    assert commands_named(["--lang", "fa"]) == frozenset()  # the app: no command at all
    assert commands_named(["search", "pack"]) == frozenset({"search"})


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        build_parser(commands_named(["--help"])).parse_args(["--help"])
    listed = capsys.readouterr().out
    assert all(f"    {name} " in listed for name in COMMANDS)


def test_version_alone_imports_no_parser():
    code = ("import sys; from fieldkit.cli import main; code = main(['--version']); "
            "print(sorted(m for m in sys.modules if m.startswith(('argparse', 'fieldkit.'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.splitlines() == [f"fieldkit {__import__('fieldkit').__version__}", "['fieldkit.cli', 'fieldkit.cli.main']"]
