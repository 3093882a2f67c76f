"""Which language to use: --lang, then FIELDKIT_LANG, then the system locale, then English."""

from __future__ import annotations

import os

from fieldkit.core import env
from fieldkit.i18n.languages import is_language_code


def system_language(environ: env.Environ = os.environ) -> str | None:
    """The language of the POSIX locale (LC_ALL, LC_MESSAGES, LANG), e.g. "fa_IR.UTF-8" -> "fa-IR"."""
    found = env.system_locale(environ)
    return found[1].split(".")[0].split("@")[0].replace("_", "-") if found else None


def choose_language(requested: str | None, available: list[str], environ: env.Environ = os.environ,
                    saved: str = "") -> str:
    """The first of --lang, FIELDKIT_LANG, the language last chosen in the app (`saved`) and the system locale
    that fieldkit has, else English.

    A request for a region or script we lack falls back to its language (`fa-IR` -> `fa`).
    """
    for candidate in (requested, env.language(environ), saved, system_language(environ)):
        if not candidate or not is_language_code(candidate):
            continue
        for option in (candidate, candidate.split("-")[0]):
            if option in available:
                return option
    return "en"
