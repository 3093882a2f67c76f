"""One language for a whole CLI run, chosen as the app chooses it: `--lang` (before or after the command), then
FIELDKIT_LANG, then the system locale (LC_ALL, LC_MESSAGES, LANG), then English.

The CLI does not read the language last chosen in the app: a script should print the same wherever it runs.
"""

from __future__ import annotations

import argparse
import os

from fieldkit.cli.output import UsageError
from fieldkit.cli.parser import Parser
from fieldkit.core import env
from fieldkit.core.marker import N_
from fieldkit.core.records import dataclass  # not dataclasses: see records.py


@dataclass(frozen=True)
class CliLanguage:
    interface: str  # labels, messages and errors: a language fieldkit has a catalog for (or English)
    requested: str | None  # what --lang or FIELDKIT_LANG asked for, as given: content in it, English where missing

    @property
    def content(self) -> str:
        """The language to serve content in when a command always serves one (show, brief)."""
        return self.requested or self.interface


def check_code(value: str) -> str:
    from fieldkit.i18n.languages import is_language_code

    if not is_language_code(value):
        raise UsageError(N_("unknown language code {code} (examples: en, fa, ar, fr, bs)"), code=repr(value))
    return value


def resolve(args: argparse.Namespace, environ: env.Environ = os.environ) -> CliLanguage:
    """The run's language from the command's --lang, else the global one, else the environment."""
    from fieldkit.i18n.catalog import UI_LANGUAGES
    from fieldkit.i18n.languages import is_language_code
    from fieldkit.i18n.negotiate import choose_language

    given = getattr(args, "lang", None) or getattr(args, "app_lang", None)
    if given:
        check_code(given)
    from_environment = env.language(environ)
    requested = given or (from_environment if from_environment and is_language_code(from_environment) else None)
    return CliLanguage(choose_language(requested, list(UI_LANGUAGES), environ), requested)


def lang_option() -> argparse.ArgumentParser:
    """A parent parser giving a command `--lang` (for commands that serve no content: the messages' language)
    and `--bidi`."""
    parent = bidi_option()
    parent.add_argument("--lang", metavar="LANG",
                        help="language of the messages (also before the command, or FIELDKIT_LANG; default: the system's)")
    return parent


def bidi_option() -> argparse.ArgumentParser:
    """A parent parser giving a command `--bidi`, as it can be given before the command."""
    from fieldkit.cli.bidi import MODES

    parent = Parser(add_help=False)
    parent.add_argument("--bidi", dest="command_bidi", choices=MODES,
                        help="right-to-left text laid out by fieldkit (visual) or in logical order (default auto)")
    return parent
