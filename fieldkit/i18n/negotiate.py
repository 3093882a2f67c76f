"""Which language to use: --lang, then FIELDKIT_LANG, then the system locale, then English."""

from __future__ import annotations

import os

from fieldkit.i18n.languages import is_language_code


def system_language(environ: dict[str, str] | os._Environ = os.environ) -> str | None:
    """The language of the POSIX locale (LC_ALL, LC_MESSAGES, LANG), e.g. "fa_IR.UTF-8" -> "fa-IR"."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        code = value.split(".")[0].split("@")[0]
        if code and code not in ("C", "POSIX"):
            return code.replace("_", "-")
    return None


def choose_language(requested: str | None, available: list[str], environ=os.environ) -> str:
    """The first of --lang, FIELDKIT_LANG and the system locale that fieldkit has, else English.

    A request for a region or script we lack falls back to its language (`fa-IR` -> `fa`).
    """
    for candidate in (requested, environ.get("FIELDKIT_LANG"), system_language(environ)):
        if not candidate or not is_language_code(candidate):
            continue
        for option in (candidate, candidate.split("-")[0]):
            if option in available:
                return option
    return "en"
