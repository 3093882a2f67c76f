"""UI catalogs: complete, valid for msgfmt, compiled, with the right plural forms; language negotiation."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from fieldkit.core.languages import catalog_codes
from fieldkit.i18n import catalog
from fieldkit.i18n.languages import native_name
from fieldkit.i18n.negotiate import choose_language, system_language
from tests.conftest import ROOT

LANGUAGES = catalog_codes()  # from the one language table (fieldkit/core/languages.py)


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    catalog.set_language("en")


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed (.ci/run installs it)")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_po_passes_msgfmt_check(lang):
    po = ROOT / "locales" / lang / "LC_MESSAGES" / "fieldkit.po"
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_ui_string_untranslated_and_mo_up_to_date():
    """Lists every gap: a new UI string must be translated in every language (python3 dev.py i18n)."""
    result = subprocess.run([sys.executable, str(ROOT / "build" / "i18n.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", ["fa", "tr"])
def test_farsi_and_turkish_have_two_plural_forms(lang):
    po = (ROOT / "locales" / lang / "LC_MESSAGES" / "fieldkit.po").read_text(encoding="utf-8")
    assert "nplurals=2;" in po


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translation_is_served(lang):
    catalog.set_language(lang)
    assert catalog._("Search") != "Search"
    assert catalog._("not known") != "not known"
    assert "{count}" in catalog.ngettext("{count} leg", "{count} legs", 5)


def test_dari_reads_the_farsi_catalog():
    catalog.set_language("fa")
    farsi = catalog._("Search")
    catalog.set_language("fa-AF")
    assert catalog._("Search") == farsi
    assert native_name("fa-AF") == "دری"
    assert native_name("fa") == "فارسی"


def test_unknown_language_falls_back_to_english():
    catalog.set_language("de")
    assert catalog._("Search") == "Search"


def test_language_choice_order():
    available = ["en", "fa", "ar", "fr"]
    env = {"FIELDKIT_LANG": "ar", "LANG": "fr_FR.UTF-8"}
    assert choose_language("fa", available, env) == "fa"
    assert choose_language(None, available, env) == "ar"
    assert choose_language(None, available, {"LANG": "fr_FR.UTF-8"}) == "fr"
    assert choose_language(None, available, {"LANG": "fa_IR.UTF-8"}) == "fa"  # region falls back to language
    assert choose_language(None, available, {"LANG": "de_DE.UTF-8"}) == "en"
    assert choose_language(None, available, {"LANG": "C"}) == "en"
    assert choose_language("klingon", available, {}) == "en"
    # A region or script CLDR may not know (the executable keeps CLDR data for fieldkit's languages only) still
    # falls back to its language; what has no such shape does not.
    assert choose_language(None, available, {"LANG": "fr_ZZ.UTF-8"}) == "fr"
    assert choose_language(None, available, {"LANG": "fa_Arab_IR.UTF-8"}) == "fa"
    assert choose_language("fa-not-a-region", available, {}) == "en"
    assert choose_language(None, available, {"LANG": "fr_.UTF-8"}) == "en"
    assert system_language({"LC_ALL": "ps_AF.UTF-8", "LANG": "en_US"}) == "ps-AF"


def test_a_c_locale_in_lc_all_means_english_whatever_lang_says():
    """libc reads LC_ALL first: LC_ALL=C.UTF-8 (common in containers and CI) is the untranslated C locale."""
    available = ["en", "fa", "ar"]
    assert choose_language(None, available, {"LC_ALL": "C.UTF-8", "LANG": "fa_IR.UTF-8"}) == "en"
    assert choose_language(None, available, {"LC_MESSAGES": "ar_SA.UTF-8", "LANG": "C.UTF-8"}) == "ar"
