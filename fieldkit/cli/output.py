"""Writing to the terminal: sanitised text, optional colour, JSON, errors, right-to-left lines laid out.

Every line a command prints for people goes through `say()`: a line with right-to-left text is shaped, wrapped,
reordered and right-aligned when fieldkit lays it out (fieldkit/cli/bidi.py decides), else printed as it is.
"""

from __future__ import annotations

import json
import re
import sys

from fieldkit.cli.bidi import BidiChoice, decide
from fieldkit.core import env
from fieldkit.core.explained import Explained
from fieldkit.text.sanitize import sanitize

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a search imports no typing at all)
if TYPE_CHECKING:
    from typing import Any, TextIO


class UsageError(Explained):
    """Bad arguments: exit code 2."""


class NotFound(Explained):
    """Nothing matched or no such entry: exit code 1."""


# ECMA-48 BDSM: 8l asks a terminal that reorders bidi text itself to stop (fieldkit does it); 8h restores it.
BIDI_OFF, BIDI_ON = "\x1b[8l", "\x1b[8h"
_requested_bidi: str | None = None
_explicit_mode: list[TextIO] = []  # streams whose terminal was put in explicit mode, to restore at exit


def set_bidi(requested: str | None) -> None:
    """--bidi auto|visual|logical for this run (None: auto)."""
    global _requested_bidi
    _requested_bidi = requested


def bidi_choice(stream: TextIO | None = None) -> BidiChoice:
    stream = stream or sys.stdout
    return decide(_requested_bidi, is_terminal(stream))


def lays_out(stream: TextIO | None = None) -> bool:
    """Whether fieldkit puts right-to-left text on `stream` in visual order."""
    return bidi_choice(stream).visual


def width(stream: TextIO | None = None) -> int:
    """The width to lay out for: the terminal's, else COLUMNS, else 80."""
    stream = stream or sys.stdout
    if is_terminal(stream):
        import shutil  # only on a terminal: shutil imports bz2, lzma and fnmatch

        return max(shutil.get_terminal_size(fallback=(env.columns() or 80, 24)).columns, 20)
    return env.columns() or 80


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def has_rtl(text: str) -> bool:
    from fieldkit.text.bidi import has_rtl_letters

    return has_rtl_letters(text)


def layout(text: str, stream: TextIO | None = None, *, indent: int = 0) -> list[str]:
    """`text` (sanitised) as the lines to print on `stream`: in visual order, right-aligned, when it holds
    right-to-left letters and fieldkit lays them out; else as it is."""
    stream = stream or sys.stdout
    text = sanitize(text)
    if not has_rtl(text) or not lays_out(stream):
        return [" " * indent + line if line else line for line in text.split("\n")]
    from fieldkit.core.languages import is_rtl
    from fieldkit.i18n.catalog import language
    from fieldkit.text.bidi import visual_lines

    _explicit(stream)
    base = "R" if is_rtl(language()) else "auto"
    return visual_lines(text, width(stream) - indent, base=base)


def short_line(text: str, stream: TextIO | None = None) -> str:
    """A short text (a label beside a progress bar) for `stream`: sanitised, on one line, in visual order where
    fieldkit lays right-to-left text out, and not aligned (what is beside it stays where it is)."""
    stream = stream or sys.stdout
    text = " ".join(sanitize(text).split())
    if not has_rtl(text) or not lays_out(stream):
        return text
    from fieldkit.core.languages import is_rtl
    from fieldkit.i18n.catalog import language
    from fieldkit.text.bidi import visual_line

    _explicit(stream)
    return visual_line(text, base="R" if is_rtl(language()) else "auto")


def say(text: str = "", *, stream: TextIO | None = None, indent: int = 0) -> None:
    """Print a line (or paragraph) for people: sanitised, laid out right to left where it needs to be."""
    stream = stream or sys.stdout
    for line in layout(text, stream, indent=indent):
        print(line, file=stream)


def begin_visual(stream: TextIO | None = None) -> None:
    """Before printing lines fieldkit reordered itself (not through `say`): the terminal must not reorder them."""
    _explicit(stream or sys.stdout)


def _explicit(stream: TextIO) -> None:
    """Put the terminal in explicit mode (it must not reorder what fieldkit already reordered), once."""
    terminal = _terminal_file(stream)
    if terminal not in _explicit_mode and is_terminal(terminal):
        terminal.write(BIDI_OFF)
        _explicit_mode.append(terminal)


def _terminal_file(stream: TextIO) -> TextIO:
    """The file a control sequence must go to. While a progress bar is drawn (cli/progress.py) Rich puts a proxy in
    front of standard error that prints what it is given as text: "\x1b[8h" came out as "[8h" after a right-to-left
    error of `fieldkit pack`."""
    return getattr(stream, "rich_proxied_file", stream)


def restore_terminal() -> None:
    """Give each terminal put in explicit mode its implicit mode back: at the end of every command."""
    while _explicit_mode:
        stream = _explicit_mode.pop()
        try:
            stream.write(BIDI_ON)
            stream.flush()
        except (OSError, ValueError):
            pass


def use_colour(stream=None) -> bool:
    stream = stream or sys.stdout
    return is_terminal(stream) and not env.no_color() and not env.dumb_terminal()


def style(text: str, code: str, *, colour: bool) -> str:
    """Wrap already-sanitised text in an SGR code when colour is on."""
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def highlight(text: str, spans: list[tuple[int, int]], *, colour: bool) -> str:
    """Mark the spans of `text`: bold yellow with colour, [brackets] without. Sanitises each piece."""
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out.append(sanitize(text[last:start]))
        word = sanitize(text[start:end])
        out.append(style(word, "1;33", colour=True) if colour else f"[{word}]")
        last = end
    out.append(sanitize(text[last:]))
    return "".join(out)


# json escapes C0 controls itself; C1 controls and bidi overrides it would print raw, so escape those too.
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def print_json(value: Any) -> None:
    """JSON on stdout, readable in any script, with nothing a terminal would act on (the data stays exact)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    sys.stdout.write(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def error(message: str) -> None:
    """`fieldkit: message` on standard error, in the interface language's direction."""
    say(f"fieldkit: {message}", stream=sys.stderr)


def note(message: str) -> None:
    """A line for people on standard error (progress, what was written): stdout stays for data."""
    say(message, stream=sys.stderr)


def write_output(path: str | None, text: str, wrote: str) -> int:
    """A command's output: on standard output without `path`, else written atomically to `path` with `wrote` (what
    was written, for people) on standard error. An unwritable path is one line and exit code 1."""
    if not path:
        sys.stdout.write(text)
        return 0
    from fieldkit.core.atomic import WriteError, write_text  # only commands that write files need it

    try:
        write_text(path, text)
    except WriteError as problem:
        from fieldkit.i18n.catalog import explain

        error(explain(problem))
        return 1
    note(wrote)
    return 0

