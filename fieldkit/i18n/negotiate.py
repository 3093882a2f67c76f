"""Which language to use: --lang, then FIELDKIT_LANG, then the system locale, then English."""

from __future__ import annotations

import os
import re

from fieldkit.core import env


def system_language(environ: env.Environ = os.environ) -> str | None:
    """The language of the POSIX locale (LC_ALL, LC_MESSAGES, LANG), e.g. "fa_IR.UTF-8" -> "fa-IR"."""
    found = env.system_locale(environ)
    return found[1].split(".")[0].split("@")[0].replace("_", "-") if found else None


def choose_language(requested: str | None, available: list[str], environ: env.Environ = os.environ,
                    saved: str = "") -> str:
    """The first of --lang, FIELDKIT_LANG, the language last chosen in the app (`saved`) and the system locale
    that fieldkit has, else English.

    A request for a region or script we lack falls back to its language (`fa-IR` -> `fa`, `fr-FR` -> `fr`) when
    its other parts have the shape of a script or a region: whether CLDR knows that region does not matter (the
    executable ships CLDR data for fieldkit's languages only, so Babel there knows no `fr-FR`: a French system
    would have got English), and Babel is not imported to ask.
    """
    for candidate in (requested, env.language(environ), saved, system_language(environ)):
        if not candidate:
            continue
        if candidate in available:
            return candidate
        language, _, rest = candidate.partition("-")
        if language in available and rest and all(map(_SUBTAG, rest.split("-"))):
            return language
    return "en"


# A script (Latn, Cyrl, Arab) or a region (FR, AF, 001) after the language.
_SUBTAG = re.compile(r"[A-Za-z]{4}|[A-Za-z]{2}|[0-9]{3}").fullmatch
