"""What a command imports, checked by name (never by time): `fieldkit --version` nothing beyond fieldkit's own three
modules, a `fieldkit search` (JSON, or text in English) none of the app's, the compiler's, Babel's or the type
machinery's modules.

Each program runs in a new interpreter with `-X importtime`, which names every module it imports, through the
launcher dev.py writes to .venv/bin/fieldkit (docs/performance.md, "CLI start-up"). A test here fails when someone
puts a heavy import back on one of these paths; it says which module came back.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import ROOT

# Never wanted by `fieldkit search --json`: the app, the content compiler, Markdown, Babel (fieldkit's own
# languages are known without it), and what dataclasses and typing bring (fieldkit/core/records.py says why).
NOT_IN_SEARCH = {"textual", "rich", "babel", "markdown_it", "yaml", "sqlite_utils", "dataclasses", "inspect", "ast",
                 "dis", "tokenize", "typing", "difflib"}


@pytest.fixture(scope="module")
def launcher(tmp_path_factory):
    """The launcher dev.py writes, made for this interpreter."""
    spec = importlib.util.spec_from_file_location("dev_for_tests", ROOT / "dev.py")
    assert spec and spec.loader
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    path = tmp_path_factory.mktemp("launcher") / "fieldkit"
    path.write_text(dev.LAUNCHER.format(shebang=dev._shebang(sys.executable)), encoding="utf-8")
    return path


def imported(*args: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The modules `python -X importtime ARGS` imports, and how it ended."""
    result = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True, cwd=ROOT)
    names = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines()
             if line.startswith("import time:") and "cumulative" not in line}
    return names, result


def test_version_imports_only_fieldkits_own_modules(launcher):
    interpreter, _ = imported("-c", "pass")
    names, result = imported(str(launcher), "--version")
    assert result.returncode == 0 and result.stdout == f"fieldkit {__import__('fieldkit').__version__}\n"
    assert names - interpreter <= {"fieldkit", "fieldkit.cli", "fieldkit.cli.main", "__future__"}
    assert "argparse" not in names and "re" not in names  # pip's console script imports re; the launcher does not


@pytest.mark.parametrize("args", [["bihac"], ["--lang", "fa", "bihac"], ["--literal", "--limit", "3", "beograd"],
                                  ["--explain", "sarajevo", "legal"], ["nothing-matches-this-word"]],
                         ids=" ".join)
def test_a_json_search_imports_nothing_heavy(launcher, fixture_db, args):
    names, result = imported(str(launcher), "search", "--db", str(fixture_db), "--json", *args)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert result.stdout.lstrip().startswith(("[", "{"))
    assert "sqlite3" in names and "fieldkit.store.store" in names  # it did search
    assert sorted(names & NOT_IN_SEARCH) == []


@pytest.mark.parametrize("args", [["bihac"], ["--explain", "legal", "aid"], ["--type", "service", "sarajevo"]],
                         ids=" ".join)
def test_an_english_search_for_people_imports_nothing_heavy_either(launcher, fixture_db, args):
    """Text output in English: country and language names from fieldkit's own tables, not from Babel's CLDR."""
    names, result = imported(str(launcher), "search", "--db", str(fixture_db), *args)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert "fieldkit.store.store" in names
    assert sorted(names & NOT_IN_SEARCH) == []


@pytest.mark.parametrize("args", [["bihac"], ["--literal", "nothing-matches-this-word"]], ids=" ".join)
def test_a_query_with_nothing_to_correct_loads_no_speller(launcher, fixture_db, args):
    names, _ = imported(str(launcher), "search", "--db", str(fixture_db), "--json", *args)
    assert "fieldkit.store.store" in names
    assert "fieldkit.store.spelling" not in names and "fieldkit.text.lang.sound" not in names


@pytest.mark.parametrize("args", [["--json", "bihac"], ["bihac"], ["--limit", "0", "bihac"], []], ids=" ".join)
def test_an_english_command_off_a_terminal_neither_measures_it_nor_asks_the_system_for_catalogs(launcher, fixture_db,
                                                                                               args):
    """argparse made a help formatter, and so imported shutil to measure the terminal, for every argument added,
    and asked the system's gettext (importing locale) for each of its messages (fieldkit/cli/parser.py). Results
    and errors alike (the last two end in a usage error)."""
    names, result = imported(str(launcher), "--lang", "en", "search", "--db", str(fixture_db), *args)
    assert result.returncode in (0, 1, 2), result.stderr[-2000:]
    assert "shutil" not in names and "locale" not in names


def test_a_search_with_lang_and_db_asks_for_no_folder_of_fieldkits(launcher, fixture_db):
    names, _ = imported(str(launcher), "search", "--db", str(fixture_db), "--json", "--lang", "fr", "bihac")
    assert "platformdirs" not in names  # --db and --lang given: neither a pack nor the app's saved language is read


def test_python_dash_m_runs_the_same_main(fixture_db):
    result = subprocess.run([sys.executable, "-m", "fieldkit", "search", "--db", str(fixture_db), "--json", "bihac"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and '"id": "bihac"' in result.stdout


def test_fieldkits_languages_are_all_language_codes_babel_knows():
    """is_language_code answers for fieldkit's own languages without asking Babel: Babel would say yes too."""
    from babel import Locale

    from fieldkit.core.languages import LANGUAGES
    from fieldkit.i18n.languages import is_language_code

    for language in LANGUAGES:
        assert Locale.parse(language.code, sep="-") is not None
        assert is_language_code(language.code)
    is_language_code.cache_clear()
    assert not is_language_code("xx-nonsense") and is_language_code("de-AT")


def test_a_language_with_a_region_is_judged_as_babel_judges_it():
    """A system locale such as en_US is answered from the generated list of CLDR's locales without importing Babel
    (fieldkit/i18n/cldr_locales.py): the same answer as Babel's for every region code of every fieldkit language,
    known or not."""
    from babel import Locale, UnknownLocaleError

    from fieldkit.core.languages import LANGUAGES
    from fieldkit.i18n.languages import is_language_code

    territories = sorted(Locale.parse("en").territories) + ["XX", "QQ"]
    for language in LANGUAGES:
        for region in territories:
            code = f"{language.code}-{region}"
            try:
                babel_knows = Locale.parse(code, sep="-") is not None
            except (UnknownLocaleError, ValueError):
                babel_knows = False
            assert is_language_code(code) == babel_knows, code


def test_a_system_locale_with_a_region_does_not_load_babel():
    code = "import sys; from fieldkit.i18n.negotiate import choose_language; " \
           "print(choose_language(None, ['en', 'fa'], {'LANG': 'fa_IR.UTF-8'}), 'babel' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.split() == ["fa", "False"]
