"""An output that cannot be written and a file that is not fieldkit's content are told in the reader's language,
the reason included ("the path is longer than this system allows"); `str()` of the error stays English."""

from __future__ import annotations

import sqlite3

import pytest

from fieldkit.core.atomic import WriteError, write_text
from fieldkit.core.explained import Explained, Reason
from fieldkit.core.languages import catalog_codes
from fieldkit.i18n.catalog import _, explain, set_language


def in_language(lang: str, template: str, **values: object) -> str:
    set_language(lang)
    try:
        return _(template).format(**values)
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", catalog_codes())
def test_a_missing_folder_for_the_output(cli, fixture_db, tmp_path, lang):
    target = tmp_path / "not-there" / "brief.md"
    result = cli("--lang", lang, "brief", "--country", "BA", "--format", "md", "-o", target, "--db", fixture_db)
    assert result.code == 1
    expected = in_language(lang, "no such folder: {folder} (fieldkit does not create it)", folder=str(target.parent))
    assert expected != f"no such folder: {target.parent} (fieldkit does not create it)"  # translated
    assert expected in result.err


@pytest.mark.parametrize("lang", ["fr", "fa"])
def test_the_reason_is_translated_with_the_message(cli, fixture_db, tmp_path, lang):
    target = tmp_path / ("x" * 300 + ".md")  # longer than a file name may be
    result = cli("--lang", lang, "brief", "--country", "BA", "--format", "md", "-o", target, "--db", fixture_db)
    assert result.code == 1
    reason = in_language(lang, "the path is longer than this system allows")
    assert reason != "the path is longer than this system allows" and reason in result.err
    assert in_language(lang, "cannot write {path}: {reason}", path="", reason="").strip(" :")[:6] in result.err


@pytest.mark.parametrize("lang", ["tr", "ar"])
def test_a_file_that_is_not_fieldkits_content(cli, tmp_path, lang):
    crafted = tmp_path / "crafted.db"
    with sqlite3.connect(crafted) as conn:
        conn.execute("CREATE TABLE meta (key, value)")
        conn.execute("CREATE VIEW v AS SELECT 1")
    conn.close()
    result = cli("--lang", lang, "stats", "--db", crafted)
    assert result.code == 1
    expected = in_language(lang, "{path} is not a fieldkit content database: it has a {kind} ({name}); fieldkit "
                                 "content holds tables only", path=str(crafted), kind="view", name="'v'")
    assert expected.split(str(crafted))[-1][:12] in result.err
    assert "is not a fieldkit content database" not in result.err


def test_english_stays_as_it_was(tmp_path):
    with pytest.raises(WriteError) as raised:
        write_text(tmp_path / "not-there" / "x.txt", "text")
    assert str(raised.value) == f"no such folder: {tmp_path / 'not-there'} (fieldkit does not create it)"
    assert raised.value.errno == 2 and isinstance(raised.value, OSError)


def test_reasons_and_nested_errors_are_explained_too():
    inner = Explained("permission denied")
    outer = Explained("cannot write {path}: {reason}", path="/x", reason=inner)
    picked = Explained("cannot write {path}: {reason}", path="/x", reason=Reason("the disk is full"))
    plain = Explained("cannot write {path}: {reason}", path="/x", reason="the disk is full")  # not marked: as given
    set_language("fr")
    try:
        assert explain(outer) == _("cannot write {path}: {reason}").format(path="/x", reason=_("permission denied"))
        assert _("the disk is full") in explain(picked)
        assert explain(plain).endswith("the disk is full")
    finally:
        set_language("en")
    assert str(picked) == "cannot write /x: the disk is full"


@pytest.mark.parametrize("lang", catalog_codes())
def test_a_refused_pack_says_why_in_the_readers_language(cli, tmp_path, lang):
    """A pack's reasons (fieldkit/packs: PackError templates) come in the reader's language, inside the CLI's
    own translated frame ("not installed: {name}: {reason}")."""
    garbage = tmp_path / "broken.fkpack"
    garbage.write_bytes(b"not a zip archive at all")
    result = cli("--lang", lang, "pack", "install", garbage)
    assert result.code == 1
    reason = in_language(lang, "truncated, or not a fieldkit pack (no readable pack archive)")
    assert reason != "truncated, or not a fieldkit pack (no readable pack archive)" and reason in result.err
    nothing = cli("--lang", lang, "pack", "rollback")
    assert nothing.code == 1
    assert in_language(lang, "no content pack is installed, so there is nothing to roll back") in nothing.err
    assert "nothing to roll back" not in nothing.err


def test_a_pack_error_with_values_is_translated_and_stays_one_line_in_english():
    from fieldkit.packs.errors import PackError

    problem = PackError("no overlay of namespace {namespace} is installed", namespace="org-x\n  y")
    assert str(problem) == "no overlay of namespace org-x y is installed"
    set_language("bs")
    try:
        assert explain(problem) == _("no overlay of namespace {namespace} is installed").format(namespace="org-x y")
        assert explain(problem) != str(problem)
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", ["fr", "ur"])
def test_installing_from_a_folder_says_what_it_skipped_in_the_readers_language(cli, tmp_path, lang):
    (tmp_path / "content.fkpack.part").write_bytes(b"")
    result = cli("--lang", lang, "pack", "install", "--from-dir", tmp_path)
    assert result.code == 1
    assert in_language(lang, "a download still in progress") in result.err
    assert in_language(lang, "no valid pack in {source} ({count} .fkpack file(s) looked at)", source=str(tmp_path),
                       count=0) in result.err
    assert "still in progress" not in result.err and "no valid pack" not in result.err


@pytest.mark.parametrize("lang", ["fr", "fa"])
def test_a_shared_list_file_that_cannot_be_read(cli, fixture_db, tmp_path, lang):
    broken = tmp_path / "shared.json"
    broken.write_text('{"format": "something else"}', encoding="utf-8")
    result = cli("--lang", lang, "list", "import", broken, "--db", fixture_db)
    assert result.code == 2
    expected = in_language(lang, 'not a fieldkit list (a JSON list file says "format": "{format}")',
                           format="fieldkit-list")
    assert expected.split("{")[0][:10] in result.err and "not a fieldkit list" not in result.err


@pytest.mark.parametrize("lang", ["tr", "ur", "fr"])
def test_a_referral_slip_for_something_that_is_no_service(cli, fixture_db, lang):
    result = cli("--lang", lang, "refer", "bihac", "--db", fixture_db)
    assert result.code == 1
    place = in_language(lang, "Place")  # the type is named in the reader's language too
    expected = in_language(lang, "{id!r} is of type {type}, not a service: a referral slip is for a service",
                           id="bihac", type=place)
    assert place != "Place" and expected in result.err and "not a service" not in result.err


@pytest.mark.parametrize("lang", ["bs", "ar"])
def test_an_hsds_package_that_cannot_be_read(cli, content, tmp_path, lang):
    package = tmp_path / "hsds"
    package.mkdir()
    (package / "datapackage.json").write_text("{not json", encoding="utf-8")
    result = cli("--lang", lang, "import", "services", package / "datapackage.json", "--content", content,
                 "--dry-run")
    assert result.code != 0
    readable = in_language(lang, "{path} is not readable JSON: {problem}", path="", problem="").strip(" :")
    assert readable[:8] in result.err and "is not readable JSON" not in result.err


def test_a_pack_error_keeps_what_the_old_message_said_for_any_value():
    """The templates replaced f-strings: a value that is not text keeps its repr (`{text!r}` of None is None, as the
    f-string gave), and an explained error inside one is still explained in the reader's language."""
    from fieldkit.packs.errors import PackError
    from fieldkit.store.db import StoreError

    assert str(PackError("{text!r} is not a pack version", text=None)) == "None is not a pack version"
    assert str(PackError("{text!r} is not a pack version", text="x\ny")) == "'x y' is not a pack version"
    inner = StoreError("content database not found: {path}", path="/x.db")
    outer = PackError("cannot merge the overlays: {problem}", problem=inner)
    assert str(outer) == "cannot merge the overlays: content database not found: /x.db"
    set_language("fr")
    try:
        assert _("content database not found: {path}").format(path="/x.db") in explain(outer)
    finally:
        set_language("en")
