"""`fieldkit doctor`: version, content and its age, user data, terminal, RTL mode."""

from __future__ import annotations

import json


def test_doctor_json(cli, fixture_db, monkeypatch):
    monkeypatch.setenv("FIELDKIT_RTL", "terminal")
    result = cli("doctor", "--json", "--db", fixture_db)
    assert result.code == 0
    report = json.loads(result.out)
    assert report["version"] == "0.1.0" and report["frozen"] is False
    assert report["content"]["origin"] == "--db" and report["content"]["entries"] == 9
    assert report["content"]["version"] == "2026.11.01"
    assert report["terminal"]["right_to_left"] == "left to the terminal"
    assert report["user_data"]["file"].endswith("userdata.db")


def test_doctor_text_and_missing_database(cli, tmp_path):
    result = cli("doctor", "--db", tmp_path / "missing.db")
    assert result.code == 1
    assert "content: PROBLEM: content database not found" in result.out
    assert "right-to-left text: laid out by fieldkit" in result.out
