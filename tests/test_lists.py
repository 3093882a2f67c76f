"""Lists to share: named lists and personal notes in the user data, exported and imported as JSON or Markdown,
and made into a handout in one command; and the brief command's help."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

from fieldkit.briefing.lists import ListFileError, ListItem, SharedList, parse, to_json, to_markdown
from fieldkit.userdata import BOOKMARKS, UserData


def test_an_older_user_data_file_keeps_its_bookmarks_and_gains_lists(tmp_path):
    path = tmp_path / "userdata.db"
    old = sqlite3.connect(path)  # a file as the fieldkit before lists wrote it
    old.executescript("CREATE TABLE bookmarks (id TEXT PRIMARY KEY, added TEXT NOT NULL);"
                      "CREATE TABLE history (id TEXT PRIMARY KEY, viewed TEXT NOT NULL);"
                      "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                      "INSERT INTO bookmarks VALUES ('bihac', '2026-01-01T00:00:00');")
    old.commit()
    old.close()
    data = UserData(path)
    assert data.notice == "" and data.bookmarks() == ["bihac"]
    assert data.add_to_list("week", ["risk-drowning", "bihac", "risk-drowning"]) == 2
    data.set_note("bihac", "  ask about   the night bus ")
    data.close()
    again = UserData(path)
    assert again.bookmarks() == ["bihac"]
    assert again.lists() == [(BOOKMARKS, 1), ("week", 2)]
    assert again.list_entries("week") == ["risk-drowning", "bihac"]
    assert again.note("bihac") == "ask about the night bus"
    assert again.conn.execute("PRAGMA user_version").fetchone()[0] == 1
    again.set_note("bihac", "")
    assert again.note("bihac") == ""
    assert again.delete_list("week") and not again.has_list("week")
    assert not again.delete_list(BOOKMARKS)


def test_list_file_round_trips_as_json_and_markdown():
    shared = SharedList("Bihać *week*", [ListItem("bihac", "Bihać", "ask about the bus"), ListItem("risk-drowning")])
    for text in (to_json(shared, content_version="1"), to_markdown(shared)):
        back = parse(text.encode("utf-8"))
        assert back.name == "Bihać *week*"
        assert [(i.id, i.note) for i in back.items] == [("bihac", "ask about the bus"), ("risk-drowning", "")]


@pytest.mark.parametrize("data,message", [
    (b"{not json", "not valid JSON"),
    (b'{"format": "other"}', "not a fieldkit list"),
    (b'{"format": "fieldkit-list", "version": 9, "name": "x", "entries": []}', "version 9"),
    (b'{"format": "fieldkit-list", "version": 1, "name": "x", "entries": [{"id": "../etc"}]}', "not an entry id"),
    (b'{"format": "fieldkit-list", "version": 1, "name": "", "entries": []}', "list name"),
    (b"\xff\xfe", "UTF-8"),
    (b"# A list\n\nno entries here\n", "no entries found"),
    (b"x" * 1_000_001, "at most"),
])
def test_bad_list_files_get_one_clear_message(data, message):
    with pytest.raises(ListFileError, match=message):
        parse(data)


def test_lists_export_import_and_become_a_handout(cli, fixture_db, tmp_path):
    db = ("--db", fixture_db)
    assert cli("list", "add", "Bihać week", "bihac", "svc-legal-aid-bihac", *db).code == 0
    assert cli("list", "note", "bihac", "ask about the night bus", *db).code == 0
    assert cli("list", "add", "Bihać week", "nope", *db).code == 1  # unknown ids are refused
    listing = cli("list")
    assert listing.code == 0 and "Bihać week  (2)" in listing.out and "bookmarks  (0)" in listing.out

    exported = tmp_path / "week.json"
    assert cli("list", "export", "Bihać week", "-o", exported, *db).code == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "fieldkit-list" and data["name"] == "Bihać week"
    assert data["entries"][0] == {"id": "bihac", "title": "Bihać", "note": "ask about the night bus"}
    markdown = cli("list", "export", "Bihać week", "--format", "md", *db)
    assert "- Bihać (`bihac`) — ask about the night bus" in markdown.out

    # Someone else imports it (here: under another name) and makes a handout from it in one command.
    shared_md = tmp_path / "week.md"
    shared_md.write_text(markdown.out, encoding="utf-8")
    imported = cli("list", "import", shared_md, "--as", "From Amra", *db)
    assert imported.code == 0 and "imported 2 entries" in imported.err
    assert cli("list", "show", "From Amra", "--json", *db).out.count('"id"') == 2
    handout = tmp_path / "handout.html"
    result = cli("brief", "--saved-list", "From Amra", "--format", "html", "--with-notes", "-o", handout, *db)
    assert result.code == 0, result.err
    page = handout.read_text(encoding="utf-8")
    assert "Bihać" in page and "Free legal aid in Bihać" in page and "ask about the night bus" in page
    from_file = cli("brief", "--list-file", exported, "--lang", "fa", *db)
    assert from_file.code == 0 and from_file.out.startswith("# Bihać week")
    assert "ask about the night bus" not in from_file.out  # notes only when asked for


def test_list_command_errors(cli, fixture_db, tmp_path):
    assert cli("list", "show", "nothing").code == 1
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = cli("list", "import", bad, "--db", fixture_db)
    assert result.code == 2 and "not valid JSON" in result.err and "Traceback" not in result.err
    assert cli("brief", "--list-file", tmp_path / "missing.json", "--db", fixture_db).code == 2
    assert cli("list", "delete", "bookmarks").code == 2


def test_brief_help_names_only_decks_that_exist(cli, content_store):
    help_text = cli("brief", "--help").out
    decks = {deck["id"] for deck in content_store.list_entries(entry_type="briefing")}
    named = set(re.findall(r"\bbrief-[a-z0-9-]+", help_text))
    assert named <= decks, named - decks
    assert "--notes" in help_text and "--present" in help_text and "--with-sources" in help_text
    assert "--list-file" in help_text and "--saved-list" in help_text
