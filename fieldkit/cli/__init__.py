"""The command line: argument parsing and output only; the work is done by the layers below."""

from fieldkit.cli.main import main

__all__ = ["main"]
