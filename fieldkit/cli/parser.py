"""fieldkit's argument parser: argparse whose errors speak the reader's language and are printed like every other line.

- argparse's own error messages ("the following arguments are required: %s") are looked up in fieldkit's catalogs,
  in the language of the run. argparse asks the system's gettext instead, which has no catalog for them, so they
  came out in English whatever the reader's language, and each look-up searched the disk for one (fourteen of them
  on every command, with `locale` imported to spell the names to look for).
- An error goes through `output.say`: sanitised (argparse printed unrecognised arguments raw, escape sequences
  included) and laid out right to left where the message is Farsi or Arabic.
- The help's width is read from the terminal only when help or usage is printed. argparse made a formatter, and
  imported shutil to measure the terminal, for every argument added.

The usage line and `--help` stay in English: they spell the command line itself, and docs/cli.md is made from them.
"""

from __future__ import annotations

import argparse
import sys

from fieldkit.core.marker import N_, NP_
from fieldkit.i18n.catalog import _, ngettext

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a search imports no typing at all)
if TYPE_CHECKING:
    from typing import NoReturn

# argparse's messages (Python 3.11's argparse.py) that bad arguments produce, marked so that `dev.py i18n` puts
# them in the catalogs. They must be spelt exactly as argparse spells them: argparse looks them up by that text.
ARGPARSE_ERRORS = (
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
)
ARGPARSE_PLURALS = (NP_("expected %s argument", "expected %s arguments"),)


# argparse reads its messages through these two names of its own module (`from gettext import gettext as _`):
# pointed at fieldkit's catalogs, which translate into the language set when they are called, every parser of the
# process speaks the run's language.
argparse._ = _  # type: ignore[attr-defined]
argparse.ngettext = ngettext  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """The parser of every fieldkit command (sub-commands' parsers are made of the same class by argparse)."""

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse's formatter measures the terminal with shutil when it is made; made with the width it would
        # find, it does not, and off a terminal (a script, a pipe) shutil is never imported.
        from fieldkit.cli.output import width

        return self.formatter_class(prog=self.prog, width=width() - 2)  # type: ignore[call-arg]  # all of argparse's take it

    def error(self, message: str) -> NoReturn:  # argparse's exit code for bad arguments: 2
        from fieldkit.cli.output import restore_terminal, say

        self.print_usage(sys.stderr)
        say(_("{prog}: error: {message}").format(prog=self.prog, message=message), stream=sys.stderr)
        restore_terminal()
        sys.exit(2)
