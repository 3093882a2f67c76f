"""Keep the UI catalogs in step with the code: extract, update, check and compile (`python3 dev.py i18n`).

    locales/fieldkit.pot                        every UI string, extracted from fieldkit/
    locales/<lang>/LC_MESSAGES/fieldkit.po      its translations (edit these)
    fieldkit/i18n/locales/<lang>/.../fieldkit.mo  compiled, shipped in the package and the executable
    fieldkit/i18n/country_names.py              CLDR's names of the content's countries in each language, written
                                                from Babel so the app's first frame needs no Babel (generated)
    fieldkit/i18n/age_words.py                  CLDR's words for an age ("3 months ago") in each language, so the
                                                app's first frame needs no Babel (generated)
    fieldkit/i18n/cldr_locales.py               every locale code CLDR has, so a code is known where Babel's data
                                                for it is not shipped (the one-file executable) (generated)

`--check` compiles into a temporary folder and fails if the committed .mo files differ or a string is untranslated,
or if country_names.py, age_words.py or cldr_locales.py is not what Babel's CLDR data gives.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from fieldkit.core.countries import COUNTRIES  # noqa: E402
from fieldkit.core.languages import BY_CODE, ENGLISH, catalog_codes  # noqa: E402  (the one language table)

POT = ROOT / "locales" / "fieldkit.pot"
SOURCES = ROOT / "locales"
COMPILED = ROOT / "fieldkit" / "i18n" / "locales"
COUNTRY_NAMES = ROOT / "fieldkit" / "i18n" / "country_names.py"
CLDR_LOCALES = ROOT / "fieldkit" / "i18n" / "cldr_locales.py"
AGE_WORDS = ROOT / "fieldkit" / "i18n" / "age_words.py"
LANGUAGES = catalog_codes()
# Where Babel's table does not fit UI text (it gives fa and tr a single form; both say "1 leg", "2 legs").
PLURAL_FORMS = {code: BY_CODE[code].plural for code in LANGUAGES if BY_CODE[code].plural}


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def unchanged_but_dated(path: Path, before: str | None) -> None:
    """Put `before` back when the new file differs only in its creation date, so a catalog run on unchanged strings
    (or adding one language) leaves every other file as it was."""
    if before is None or not path.exists():
        return
    def undated(text: str) -> list[str]:
        return [line for line in text.split("\n") if not line.startswith('"POT-Creation-Date:')]
    if undated(path.read_text(encoding="utf-8")) == undated(before):
        path.write_text(before, encoding="utf-8")


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


def extract() -> None:
    before = _read(POT)
    _extract()
    unchanged_but_dated(POT, before)


def _extract() -> None:
    pybabel("extract", "--no-location", "--sort-output", "--project=fieldkit", "-k", "N_", "-k", "ui", "-k", "ngettext:1,2", "-k", "NP_:1,2",
            "--copyright-holder=fieldkit", "-o", str(POT), "fieldkit")


def update() -> None:
    for lang in LANGUAGES:
        po = SOURCES / lang / "LC_MESSAGES" / "fieldkit.po"
        before = _read(po)
        if po.exists():
            pybabel("update", "--no-fuzzy-matching", "--ignore-obsolete", "-i", str(POT), "-o", str(po), "-l", lang)
        else:
            pybabel("init", "-i", str(POT), "-o", str(po), "-l", lang)
        fix_plural_forms(po, lang)
        unchanged_but_dated(po, before)


def fix_plural_forms(po: Path, lang: str) -> None:
    if lang not in PLURAL_FORMS:
        return
    text = po.read_text(encoding="utf-8")
    lines = [f'"Plural-Forms: {PLURAL_FORMS[lang]}\\n"' if line.startswith('"Plural-Forms:') else line
             for line in text.split("\n")]
    po.write_text("\n".join(lines), encoding="utf-8")


def compile_to(target: Path) -> dict[str, list[str]]:
    """Compile every .po into `target`; returns the untranslated msgids per language."""
    gaps: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        po = SOURCES / lang / "LC_MESSAGES" / "fieldkit.po"
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        if lang in PLURAL_FORMS:  # read_po takes the plural rule from Babel's table, not from the header
            catalog._num_plurals, catalog._plural_expr = 2, PLURAL_FORMS[lang].split("plural=")[1].rstrip(";")
        gaps[lang] = [m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id and not _translated(m)]
        out = target / lang / "LC_MESSAGES" / "fieldkit.mo"
        out.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        if not out.exists() or _messages(out) != _messages_of(buffer.getvalue()):  # unchanged: leave the file
            out.write_bytes(buffer.getvalue())
    return gaps


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return all(strings) and not message.fuzzy


def _messages(mo: Path) -> dict:
    """A compiled catalog's messages and headers, without the Babel version that wrote it."""
    if not mo.exists():
        return {}
    return _messages_of(mo.read_bytes())


def _messages_of(data: bytes) -> dict:
    import gettext

    catalog = dict(gettext.GNUTranslations(io.BytesIO(data))._catalog)
    catalog[""] = "\n".join(line for line in catalog.get("", "").split("\n") if not line.startswith("Generated-By:"))
    return catalog


def country_names_source() -> str:
    """fieldkit/i18n/country_names.py as Babel's CLDR data gives it: for each of fieldkit's languages but English
    (whose names are fieldkit's own, core/countries.py), the name of each country of core/countries.py, asked exactly
    as `territory_name` asks Babel; then, for their regional and script variants, the names that differ."""
    import babel

    lines = [
        '"""CLDR\'s names of the content\'s countries in each of fieldkit\'s languages (English\'s are core/countries.py).',
        "",
        f"Generated by `python3 dev.py i18n` (build/i18n.py) from Babel {babel.__version__}'s CLDR data: do not edit.",
        "`territory_name` reads it, so the app's first frame (Home names countries) needs no Babel, and the one-file",
        "executable, which ships CLDR's files for fieldkit's own languages only, names them in a variant too (fr-CA).",
        'A name not here is asked of Babel. tests/i18n/test_country_names.py checks it against Babel."""',
        "",
        "NAMES: dict[str, dict[str, str]] = {",
    ]
    for language in BY_CODE.values():  # the table's order
        if language.code == ENGLISH:
            continue
        lines += _names_block(language.code, _country_names(language.code))
    lines += ["}", "", "# Regional and script variants of those languages (\"sr-Latn-BA\", \"bs-Cyrl\"): only the names that differ",
              "# from the code they extend. `territory_name` looks a variant up here, then each shorter code in turn.",
              "VARIANTS: dict[str, dict[str, str]] = {"]
    for variant, parent in regional_variants():
        own, inherited = _country_names(variant), _country_names(parent)
        differ = {code: name for code, name in own.items() if inherited.get(code) != name}
        if differ or set(own) != set(inherited):
            lines += _names_block(variant, differ)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _country_names(code: str) -> dict[str, str]:
    """CLDR's names of core/countries.py's countries in a locale, asked exactly as `territory_name` asks Babel."""
    from babel import Locale

    territories = Locale.parse(code, sep="-").territories
    return {country: territories[country] for country in sorted(COUNTRIES) if country in territories}


def _names_block(code: str, names: dict[str, str]) -> list[str]:
    return [f"    {code!r}: {{", *(f"        {country!r}: {name!r}," for country, name in names.items()), "    },"]


def cldr_codes() -> list[str]:
    """Every locale Babel has CLDR data for, written as fieldkit writes language codes ("fr-CA")."""
    from babel import localedata

    return sorted(code.replace("_", "-") for code in localedata.locale_identifiers() if code != "root")


def regional_variants() -> list[tuple[str, str]]:
    """(variant, parent) for each CLDR locale that is a regional or script variant of one of fieldkit's languages
    but English (whose names are fieldkit's own), parents first: the parent is the longest code it extends among
    fieldkit's languages and the variants ("bs-Cyrl" for "bs-Cyrl-BA", "fr" for "fr-CA"), as `territory_name` walks."""
    variants = [code for code in cldr_codes()
                if code not in BY_CODE and any(code.startswith(known + "-") for known in BY_CODE if known != ENGLISH)]
    parents = set(variants) | (set(BY_CODE) - {ENGLISH})
    found = []
    for code in sorted(variants, key=lambda code: (code.count("-"), code)):
        head = code.rpartition("-")[0]
        while head not in parents:
            head = head.rpartition("-")[0]
        found.append((code, head))
    return found


def cldr_locales_source() -> str:
    """fieldkit/i18n/cldr_locales.py: every locale code Babel's CLDR data has."""
    import babel

    codes = cldr_codes()
    lines = [
        '"""Every locale CLDR has data for, as fieldkit writes language codes ("fr-CA", "sr-Latn-BA").',
        "",
        f"Generated by `python3 dev.py i18n` (build/i18n.py) from Babel {babel.__version__}'s CLDR data: do not edit.",
        "`is_language_code` reads it: the one-file executable ships CLDR's files for fieldkit's own languages only, and",
        'a code is no less a language for its file being left out. tests/i18n/test_cldr_locales.py checks it."""',
        "",
        "LOCALES = frozenset(\"\"\"",
    ]
    line = ""
    for code in codes:
        if len(line) + len(code) + 1 > 116:
            lines.append(line.rstrip())
            line = ""
        line += code + " "
    lines += [line.rstrip(), '""".split())']
    return "\n".join(lines) + "\n"


def age_words_source() -> str:
    """fieldkit/i18n/age_words.py: for the locale of each of fieldkit's languages, the plural category CLDR gives
    each whole number up to AGE_NUMBERS, and the pattern Babel's `format_timedelta(..., add_direction=True)` takes
    for each direction, unit and category (the relative pattern, else the duration's, as Babel looks them up)."""
    import babel
    from babel import Locale

    from fieldkit.i18n.dates import AGE_NUMBERS, AGE_UNITS, PLURAL_LETTERS

    letters = {category: letter for letter, category in PLURAL_LETTERS.items()}
    lines = [
        '"""CLDR\'s words for an age ("3 months ago", "in 2 weeks") in each of fieldkit\'s languages.',
        "",
        f"Generated by `python3 dev.py i18n` (build/i18n.py) from Babel {babel.__version__}'s CLDR data: do not edit.",
        "`age_in_words` reads it, so the app's first frame (Home says how long ago the content was checked) imports",
        "no Babel and loads no locale data. A locale not here, or a number past the table, is asked of Babel.",
        'tests/i18n/test_age_words.py checks it against Babel."""',
        "",
        "# Locale -> the plural category of 0, 1, 2, ... (one letter each: dates.PLURAL_LETTERS).",
        "PLURALS: dict[str, str] = {",
    ]
    locales = list(dict.fromkeys(language.locale for language in BY_CODE.values()))
    for code in locales:
        rule = Locale.parse(code).plural_form
        categories = "".join(letters[rule(n)] for n in range(AGE_NUMBERS))
        lines += [f"    {code!r}: (", *(f"        {categories[at:at + 100]!r}" for at in range(0, AGE_NUMBERS, 100)),
                  "    ),"]
    lines += ["}", "", "# Locale -> past or future -> unit -> plural category -> pattern.",
              "PATTERNS: dict[str, dict[str, dict[str, dict[str, str]]]] = {"]
    for code in locales:
        locale = Locale.parse(code)
        categories = sorted(locale.plural_form.tags | {"other"})
        lines.append(f"    {code!r}: {{")
        for direction in ("past", "future"):
            lines.append(f"        {direction!r}: {{")
            for unit, _seconds in AGE_UNITS:
                relative = locale._data["date_fields"].get(f"{unit}-long") or locale._data["date_fields"].get(unit) or {}
                sources = [relative[direction], locale._data["unit_patterns"].get(f"duration-{unit}", {}).get("long")]
                words = {category: next((found for patterns in sources if patterns is not None
                                         for found in [patterns.get(category) or patterns.get("other")] if found), "")
                         for category in categories}
                lines.append(f"            {unit!r}: {words!r},")
            lines.append("        },")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


GENERATED = ((COUNTRY_NAMES, country_names_source), (CLDR_LOCALES, cldr_locales_source), (AGE_WORDS, age_words_source))


def write_generated() -> None:
    for path, source in GENERATED:
        text = source()
        if _read(path) != text:
            path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="verify, change nothing")
    args = parser.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as folder:
            gaps = compile_to(Path(folder))
            stale = [str(p.relative_to(folder)) for p in Path(folder).rglob("*.mo")
                     if _messages(COMPILED / p.relative_to(folder)) != _messages(p)]
        problems = [f"{lang}: untranslated: {msgid!r}" for lang, ids in gaps.items() for msgid in ids]
        problems += [f"{path} is out of date: run 'python3 dev.py i18n'" for path in stale]
        problems += [f"{path.relative_to(ROOT)} is out of date: run 'python3 dev.py i18n'"
                     for path, source in GENERATED if _read(path) != source()]
        print("\n".join(problems) or "catalogs complete and compiled", file=sys.stderr)
        return 1 if problems else 0
    extract()
    update()
    gaps = compile_to(COMPILED)
    write_generated()
    for lang, ids in gaps.items():
        if ids:
            print(f"{lang}: {len(ids)} untranslated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
