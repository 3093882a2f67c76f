"""Why the system refused (a full disk, a path through a file, a damaged bookmarks file) is told in the reader's
language: the operating system and SQLite say it in English whatever the language, so fieldkit says the usual
reasons in its own words (fieldkit/core/explained.py OS_REASONS) and shows the bookmarks file's problems through the
catalogs (fieldkit/userdata.py Notice)."""

from __future__ import annotations

import errno

import pytest

from fieldkit.core.explained import OS_REASONS, Reason, os_reason
from fieldkit.i18n.catalog import _, explain, set_language
from fieldkit.userdata import UserData

CATALOG_LANGUAGES = ("fr", "bs", "tr", "ar", "fa", "ps", "ur")


@pytest.fixture
def language():
    """Switch the catalogs to a language for one test, and back to English after it."""
    yield set_language
    set_language("en")


def test_the_usual_reasons_are_the_catalogs_own_words_and_the_rest_the_systems():
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"
    assert isinstance(os_reason(OSError(errno.ENOTDIR, "Not a directory")), Reason)
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "Invalid cross-device link"
    assert os_reason(ValueError("odd")) == "odd"


@pytest.mark.parametrize("lang", CATALOG_LANGUAGES)
def test_every_reason_is_translated_in_every_catalog(language, lang):
    language(lang)
    for reason in OS_REASONS.values():
        assert _(reason) != reason, (lang, reason)


@pytest.mark.parametrize("lang", ["fr", "tr", "fa"])
def test_a_pack_that_cannot_be_read_says_why_in_the_readers_language(cli, language, lang, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = cli("--lang", lang, "pack", "install", blocker / "x.fkpack")
    assert result.code != 0 and "Traceback" not in result.err
    assert "Not a directory" not in result.err and "a part of the path is a file" not in result.err
    language(lang)
    assert _("a part of the path is a file, not a folder") in result.err


def test_a_full_disk_under_standard_output_is_told_in_the_readers_language(language):
    from fieldkit.cli.main import describe

    language("fr")
    told = describe(OSError(errno.ENOSPC, "No space left on device"))
    assert told == _("cannot write the output: {reason}").format(reason=_("the disk is full"))
    assert "No space" not in told and told != "cannot write the output: the disk is full"


@pytest.mark.parametrize("lang", CATALOG_LANGUAGES)
def test_bookmarks_that_cannot_be_saved_are_told_in_the_readers_language(language, tmp_path, lang):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    data = UserData(blocker / "fieldkit" / "userdata.db")
    assert data.problem is not None and "cannot be saved" in data.notice  # English for logs and doctor --json
    language(lang)
    told = explain(data.problem)
    assert "cannot be saved" not in told and str(blocker) in told and "Not a directory" not in told


def test_a_damaged_bookmarks_file_is_told_in_the_readers_language(language, tmp_path):
    path = tmp_path / "userdata.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    data = UserData(path)
    language("tr")
    told = explain(data.problem)
    assert "damaged" not in told and ".corrupt-" in told


async def test_the_app_tells_a_bookmarks_problem_in_its_language(tmp_path, monkeypatch, fixture_db):
    from fieldkit.store.db import Located, connect
    from fieldkit.store.store import Store
    from fieldkit.tui.app import FieldkitApp
    from tests.tui.conftest import TODAY, settle

    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    app = FieldkitApp(Store(connect(fixture_db), Located(fixture_db, "--db")), lang="fr",
                      userdata=UserData(blocker / "fieldkit" / "userdata.db"), today=TODAY)
    notices: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: notices.append(str(message)))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
    finally:
        set_language("en")
    warned = [notice for notice in notices if str(blocker) in notice]
    assert warned and "cannot be saved" not in warned[0]


@pytest.mark.parametrize(("layer", "english"), [("base", "no base pack could be installed"),
                                               ("overlay:acme", "no pack of overlay acme could be installed")])
def test_a_layer_none_of_whose_files_installs_is_named_in_the_readers_language(language, monkeypatch, layer, english):
    """The layer was put into the message untranslated ("aucun paquet base n'a pu être installé")."""
    from fieldkit.packs import folder
    from fieldkit.packs.errors import PackError

    def refused(path, **_):
        raise PackError("refused")

    monkeypatch.setattr(folder, "install_layer", refused)
    monkeypatch.setattr(folder, "active_pack", lambda _folder: None)
    monkeypatch.setattr(folder, "layer_folder", lambda manifest: manifest)
    skipped: list[str] = []
    candidates = [((2026, 12, 1), "x.fkpack", None, None)]
    english_result = folder._install_layer(layer, candidates, lambda: None, lambda: None,
                                           lambda path, why: skipped.append(why))
    assert english_result.problem == english and skipped == ["refused"]
    language("fr")
    french = folder._install_layer(layer, candidates, lambda: None, lambda: None, lambda path, why: None)
    assert french.problem == _(english.replace("acme", "{namespace}")).format(namespace="acme") != english
