"""Writing to the terminal: sanitised text, optional colour, JSON, errors."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from fieldkit.core import env
from fieldkit.text.sanitize import sanitize


class UsageError(Exception):
    """Bad arguments: exit code 2."""


class NotFound(Exception):
    """Nothing matched or no such entry: exit code 1."""


def use_colour(stream=None) -> bool:
    stream = stream or sys.stdout
    return stream.isatty() and not env.no_color() and not env.dumb_terminal()


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
    print(f"fieldkit: {sanitize(message)}", file=sys.stderr)


def write_text(path: Path, text: str) -> None:
    """Write a file atomically: an existing one is replaced whole or left as it was."""
    from fieldkit.packs.atomic import write_file

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, text.encode("utf-8"))
    except OSError as problem:
        raise NotFound(f"cannot write {path}: {problem.strerror}") from None  # exit 1, like a failed build
