"""Every environment variable fieldkit reads, in one module: what each means and its default.

    FIELDKIT_DB     a content database to use instead of the installed or bundled one (like --db)
    FIELDKIT_LANG   the language of the interface and the content (like --lang)
    FIELDKIT_RTL    who lays out right-to-left text: "app" (fieldkit, the default) or "terminal"
    NO_COLOR        set (even empty): no colour anywhere (https://no-color.org)
    TERM            "dumb": no colour, no terminal control
    LC_ALL, LC_MESSAGES, LANG   the system locale: the language when neither --lang nor FIELDKIT_LANG says
    SOURCE_DATE_EPOCH  the build time recorded in a pack's manifest (reproducible builds)
    FIELDKIT_PACK_KEY  the text of a secret key for `pack build` and `pack catalog` without --key (a CI secret)
    COLUMNS         the width to lay out right-to-left text for when the output is not a terminal (--bidi visual)
    VTE_VERSION, KONSOLE_VERSION, MLTERM   set by terminals that reorder right-to-left text themselves
    TMUX, STY       set inside tmux and GNU screen, which pass cells through without reordering them
"""

from __future__ import annotations

import os
from collections.abc import Mapping

Environ = Mapping[str, str]


def database(environ: Environ = os.environ) -> str | None:
    return environ.get("FIELDKIT_DB") or None


def language(environ: Environ = os.environ) -> str | None:
    return environ.get("FIELDKIT_LANG") or None


def rtl_mode(environ: Environ = os.environ) -> str | None:
    """"app", "terminal", or None when the variable does not say."""
    value = environ.get("FIELDKIT_RTL")
    return value if value in ("app", "terminal") else None


def no_color(environ: Environ = os.environ) -> bool:
    return "NO_COLOR" in environ  # set at all, even empty, as Textual reads it


def dumb_terminal(environ: Environ = os.environ) -> bool:
    return environ.get("TERM") == "dumb"


def system_locale(environ: Environ = os.environ) -> tuple[str, str] | None:
    """(variable, value) of the first of LC_ALL, LC_MESSAGES, LANG that is set, as libc reads them; None when
    none is, or the one that is set is C or POSIX (LC_ALL=C.UTF-8 means untranslated, whatever LANG says)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if not value:
            continue
        return None if value.split(".")[0].split("@")[0] in ("C", "POSIX") else (variable, value)
    return None


def pack_key(environ: Environ = os.environ) -> str | None:
    return environ.get("FIELDKIT_PACK_KEY") or None


def source_date_epoch(environ: Environ = os.environ) -> str | None:
    return environ.get("SOURCE_DATE_EPOCH") or None


def term(environ: Environ = os.environ) -> str:
    return environ.get("TERM", "")


def colorterm(environ: Environ = os.environ) -> str:
    return environ.get("COLORTERM", "")


def terminal_locale(environ: Environ = os.environ) -> tuple[str, str] | None:
    """(variable, value) of the first of LC_ALL, LC_CTYPE, LANG that is set: the terminal's character set."""
    for variable in ("LC_ALL", "LC_CTYPE", "LANG"):
        if environ.get(variable):
            return variable, environ[variable]
    return None


def columns(environ: Environ = os.environ) -> int | None:
    value = environ.get("COLUMNS", "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def vte_version(environ: Environ = os.environ) -> int | None:
    """VTE's version as it sets it (0.76.1 -> 7601), or None outside a VTE terminal (GNOME Terminal, Tilix, ...)."""
    value = environ.get("VTE_VERSION", "")
    return int(value) if value.isdigit() else None


def konsole_version(environ: Environ = os.environ) -> str | None:
    return environ.get("KONSOLE_VERSION") or None


def mlterm(environ: Environ = os.environ) -> str | None:
    return environ.get("MLTERM") or None


def multiplexer(environ: Environ = os.environ) -> str | None:
    """"tmux" or "screen" when running inside one (the outer terminal's variables are inherited, not in charge)."""
    if environ.get("TMUX"):
        return "tmux"
    if environ.get("STY"):
        return "screen"
    return None
