"""Briefings: authored decks with embedded entries, generated route briefings, handouts, presentation."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from fieldkit.briefing.authored import load_deck
from fieldkit.briefing.deck import BriefingError, parse_slides
from fieldkit.briefing.generate import generate_route_briefing, parse_route
from fieldkit.briefing.handout import to_html, to_markdown
from tests.content.test_check import edit, problems_of


def test_slides_and_notes_are_split():
    slides = parse_slides("# One\n\nText\n\n???\nSay hello\n\n---\n\n# Two\n\nMore\n")
    assert [(s.title, s.body, s.notes) for s in slides] == [("One", "Text", "Say hello"), ("Two", "More", "")]


def test_authored_deck_embeds_entries_and_their_sources(store):
    deck = load_deck(store, "brief-rivers")
    assert (deck.title, deck.audience, deck.duration, len(deck.slides)) == ("Staying safe: rivers", "volunteers", 10, 3)
    assert "**Drowning in river crossings**" in deck.slides[1].body  # the embed, resolved at build time
    assert deck.slides[0].notes.startswith("Ask the group")
    quotes = {c.quote for c in deck.sources}
    assert {"Many people cross the Drina river", "cross the Drina river between Serbia and Bosnia and Herzegovina, and some drown", "Free legal aid is offered in Bihać."} <= quotes


def test_embedded_entry_missing_in_the_deck_language_is_marked(store):
    deck = load_deck(store, "brief-rivers", "ar")
    assert deck.lang == "ar" and deck.rtl
    assert "**Drowning in river crossings** [EN]" in deck.slides[1].body


def test_embed_of_unknown_entry_is_a_check_error(content):
    path = content / "briefings/brief-rivers.en.md"
    edit(path, "{{embed risk-drowning}}", "{{embed risk-nothing}}")
    assert any("embeds 'risk-nothing', which does not exist" in p for p in problems_of(content))


def test_unknown_deck(store):
    with pytest.raises(BriefingError, match="no briefing deck 'nope'"):
        load_deck(store, "nope")


def test_route_briefing_covers_legs_rights_services_and_sources(store):
    deck = generate_route_briefing(store, ["RS", "BA"], audience="staff")
    titles = [s.title for s in deck.slides]
    assert titles[0] == "Briefing: Serbia → Bosnia and Herzegovina"
    assert titles[1].startswith("Leg 1: Serbia to Bosnia and Herzegovina across the Drina")
    assert "Rights in Bosnia and Herzegovina" in titles
    assert "Service points along the way" in titles and "In an emergency" in titles
    assert titles[-1] == "Sources"
    assert "Drowning in river crossings" in deck.slides[1].body
    # Every entry whose text is on a slide has its quotes on the closing slide.
    for quote in ("Many people cross the Drina river", "cross the Drina river between Serbia and Bosnia and Herzegovina, and some drown", "express the intention to seek asylum"):
        assert quote in deck.slides[-1].body
    assert "2026-11-01" in deck.slides[-1].body  # the content date


def test_route_that_does_not_exist(store):
    with pytest.raises(BriefingError, match="no route in the content goes"):
        generate_route_briefing(store, ["MK", "HR"])


def test_route_spec():
    assert parse_route("mk..rs..ba..hr") == ["MK", "RS", "BA", "HR"]
    for bad in ("MK", "MK..ZZ", "MK-HR"):
        with pytest.raises(ValueError):
            parse_route(bad)


def test_markdown_and_html_handouts(store):
    deck = load_deck(store, "brief-rivers", "ar")
    page = to_html(deck, notes=False)
    assert '<html lang="ar" dir="rtl">' in page
    assert "<script" not in page and not re.search(r"(src|href)\s*=\s*[\"']?https?:", page)  # standalone
    assert "@media print" in page
    assert "Ask the group" not in page  # notes left out unless asked for
    assert "2026-11-01" in page and "محتوى" in page  # the content date, said in the deck's language
    markdown = to_markdown(load_deck(store, "brief-rivers"), notes=True)
    assert markdown.startswith("# Staying safe: rivers")
    assert "Trainer notes" in markdown and "Ask the group" in markdown


def test_html_escapes_content(store):
    deck = load_deck(store, "brief-rivers")
    deck.slides[0].body = "<script>alert(1)</script> and <b>bold</b>"
    deck.slides[0].title = "<img src=x onerror=alert(1)>"
    page = to_html(deck)
    assert "<script>" not in page and "<img" not in page


def test_cli_brief_writes_handout_atomically(cli, fixture_db, tmp_path):
    out = tmp_path / "handout.html"
    result = cli("brief", "--route", "RS..BA", "--audience", "people-on-the-move", "--lang", "ar", "--format", "html",
                 "-o", out, "--db", fixture_db)
    assert result.code == 0, result.err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["handout.html"]


def test_cli_brief_errors(cli, fixture_db):
    assert cli("brief", "--db", fixture_db).code == 2
    assert cli("brief", "--route", "XX", "--db", fixture_db).code == 2
    result = cli("brief", "--route", "MK..HR", "--db", fixture_db)
    assert result.code == 1 and "no route in the content goes" in result.err
    assert cli("brief", "nope", "--db", fixture_db).code == 1
    listing = cli("brief", "--list", "--db", fixture_db)
    assert listing.code == 0 and "brief-rivers" in listing.out


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
def test_html_handout_renders_in_a_real_browser(store, tmp_path):
    """Headless Chromium prints the handout to PDF and takes a screenshot: both non-empty."""
    deck = generate_route_briefing(store, ["RS", "BA"], audience="people-on-the-move", lang="ar")
    page = tmp_path / "handout.html"
    page.write_text(to_html(deck), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={tmp_path / 'chrome'}"]
    pdf, png = tmp_path / "handout.pdf", tmp_path / "handout.png"
    subprocess.run(["chromium", *flags, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    subprocess.run(["chromium", *flags, f"--screenshot={png}", "--window-size=1000,1400", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 5000
