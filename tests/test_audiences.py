"""Briefings that differ by audience: what each includes, in which words, and what never reaches people on the move."""

from __future__ import annotations

import re

import pytest

from fieldkit.briefing.generate import generate_country_briefing, generate_route_briefing
from fieldkit.briefing.handout import to_html, to_markdown
from fieldkit.briefing.voice import voice_for
from fieldkit.core.vocabularies import AUDIENCES

PERSONAL = ("people-on-the-move", "families", "unaccompanied-children")


def test_every_audience_has_a_voice_and_words():
    assert "authorities" in AUDIENCES
    for audience in AUDIENCES:
        voice = voice_for(audience)
        assert voice.audience == audience
        assert voice.personal == (audience in PERSONAL)
        assert voice.staff_advice == (audience in ("staff", "volunteers"))


def test_staff_and_people_on_the_move_differ_in_substance(store):
    staff = generate_route_briefing(store, ["RS", "BA"], audience="staff")
    people = generate_route_briefing(store, ["RS", "BA"], audience="people-on-the-move")
    staff_text, people_text = to_markdown(staff), to_markdown(people)
    # Staff get the legal basis, the leg's terrain, each risk with its summary (and, where the risk has a list of
    # what staff can do, that list: see test_no_staff_instruction_reaches_people_or_children).
    assert "Law on Asylum" in staff_text and "Terrain" in staff_text and "Main risks" in staff_text
    # People on the move get none of it: they are spoken to, and told where to get help.
    for staff_only in ("Law on Asylum", "Terrain", "Main risks", "People drown crossing"):
        assert staff_only not in people_text
    assert people.title.startswith("Safety on the way:") and staff.title.startswith("Briefing:")
    assert "This page is for you" in people_text and "Dangers reported here" in people_text
    assert "Where to get help" in people_text and "Your rights" in people_text
    # Not the same lines in other words: most lines of each are not in the other.
    staff_lines = {line for line in staff_text.splitlines() if len(line) > 20}
    people_lines = {line for line in people_text.splitlines() if len(line) > 20}
    assert len(staff_lines & people_lines) < min(len(staff_lines), len(people_lines)) / 2


def test_people_are_not_sent_to_public_institutions(content_store):
    """A referral body or a police unit is for staff to involve with the person, not where people are sent."""
    deck = generate_route_briefing(content_store, ["MK", "RS", "HR"], audience="people-on-the-move")
    text = to_markdown(deck)
    kinds = content_store.field_values("service", "kind")
    for service in content_store.list_entries(entry_type="service"):
        if '"institution"' in (kinds.get(service["id"]) or ""):
            assert service["title"] not in text, service["id"]


def test_emergency_slide_gives_ways_to_get_help(content_store):
    for audience in ("staff", "people-on-the-move", "unaccompanied-children"):
        deck = generate_route_briefing(content_store, ["MK", "RS", "HR"], audience=audience)
        emergency = next(slide for slide in deck.slides if slide.kind == "emergency")
        assert "local emergency number" in emergency.body
        assert "General advice, not from the sources" in emergency.body  # marked: no number is invented
        assert not re.search(r"\b1\d{2}\b", emergency.body)  # no emergency number (112, 192, ...) made up
        assert "Mine awareness" not in emergency.body and "mine-awareness" not in emergency.body
        assert "Mobile rescue teams" in emergency.body  # an emergency service the content has


def test_no_staff_instruction_reaches_people_or_children(content_store):
    """Every "What you can do" item of every risk (written for staff) and every legal basis stays out."""
    from fieldkit.briefing.generate import _what_to_do

    staff_lines = set()
    for risk in content_store.list_entries(entry_type="risk"):
        entry = content_store.get(risk["id"], "en")
        staff_lines.update(item[:60] for item in _what_to_do(content_store, entry))
    laws = {basis["law"] for right in content_store.list_entries(entry_type="right")
            for basis in content_store.get(right["id"]).details.get("legal_basis", [])}
    assert staff_lines and laws
    for route in (["MK", "RS", "HR"], ["GR", "AL", "ME", "BA"], ["RS", "HU"]):
        for audience in PERSONAL:
            text = to_markdown(generate_route_briefing(content_store, route, audience=audience))
            assert not [line for line in staff_lines if line in text], (route, audience)
            assert not [law for law in laws if law in text], (route, audience)
            for word in ("refer ", "referral", "consent", "protection assessment"):
                assert word not in text.lower(), (route, audience, word)


def test_children_get_the_simplest_version(content_store):
    people = generate_route_briefing(content_store, ["MK", "RS", "HR"], audience="people-on-the-move")
    children = generate_route_briefing(content_store, ["MK", "RS", "HR"], audience="unaccompanied-children")
    assert "under 18" in children.intro
    assert len(to_markdown(children)) < len(to_markdown(people))


def test_authorities_get_legal_basis_but_not_advice_to_field_staff(content_store):
    deck = generate_route_briefing(content_store, ["MK", "RS", "HR"], audience="authorities")
    text = to_markdown(deck)
    assert deck.title.startswith("Briefing for authorities:")
    assert "Law on Foreigners" in text
    assert "What to do" not in text


@pytest.mark.parametrize("lang", ["fa", "ar", "fr"])
def test_generated_words_are_in_the_deck_language(content_store, lang):
    deck = generate_route_briefing(content_store, ["MK", "RS", "HR"], audience="people-on-the-move", lang=lang)
    english = ("Safety on the way", "This page is for you", "Dangers reported here", "Where to get help",
               "Your rights", "In an emergency", "General advice")
    text = to_markdown(deck)
    assert not [words for words in english if words in text]


def test_country_risks_most_route_legs_first(content_store):
    from fieldkit.store.routes import risk_severity

    deck = generate_country_briefing(content_store, "BA", audience="staff")
    risks = next(slide for slide in deck.slides if slide.kind == "risks")
    titles = re.findall(r"^- \*\*(.+?)\*\*", risks.body, re.MULTILINE)
    severity = risk_severity(content_store)
    by_title = {r["title"]: r["id"] for r in content_store.list_entries(entry_type="risk")}
    counts = [severity.get(by_title[title.replace("\\", "")], 0) for title in titles]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0


def test_handout_html_is_one_a4_page_by_default_and_sources_an_appendix(content_store):
    deck = generate_route_briefing(content_store, ["MK", "RS", "HR"], audience="staff")
    page = to_html(deck)
    assert "@page { size: A4" in page
    assert 'class="appendix"' not in page and "“" not in page  # no quotes on the one page
    assert "Sources:" in page  # the documents are named at the foot
    with_sources = to_html(deck, with_sources=True)
    assert 'class="appendix"' in with_sources and "“" in with_sources


def test_quotes_print_as_plain_text(store):
    from fieldkit.store.models import Citation

    deck = generate_route_briefing(store, ["RS", "BA"], audience="staff")
    deck.sources = [Citation(doc="d", where="3. Collaboration with partners", title="Doc",
                             quote='**North Macedonia and Kosovo*** said <b>no</b> control."')]
    page = to_html(deck, with_sources=True)
    assert "3. Collaboration with partners" in page and "<ol" not in page.split('class="appendix"')[1]
    assert "**North Macedonia and Kosovo***" in page and "<strong>North" not in page
    assert "&lt;b&gt;no&lt;/b&gt; control.&quot;”" in page
    markdown = to_markdown(deck, with_sources=True)
    assert "3\\. Collaboration" in markdown and "\\*\\*North Macedonia and Kosovo\\*\\*\\*" in markdown


@pytest.mark.parametrize("lang,fonts", [("fa", "Vazirmatn"), ("ur", "Noto Nastaliq Urdu"), ("ar", "Noto Naskh Arabic"),
                                        ("ps", "Noto Naskh Arabic"), ("fr", "Noto Sans")])
def test_handout_fonts_have_the_glyphs_and_direction(store, lang, fonts):
    deck = generate_route_briefing(store, ["RS", "BA"], audience="people-on-the-move", lang=lang)
    page = to_html(deck)
    assert fonts in page and "DejaVu Sans" in page
    assert f'dir="{"ltr" if lang == "fr" else "rtl"}"' in page
    assert "@import" not in page and "url(" not in page and "<script" not in page  # local fonts only


@pytest.mark.parametrize("lang", ["ar", "fa", "ps", "ur", "tr", "fr"])
def test_a_handout_is_in_one_language_throughout(content_store, lang):
    """Route legs and places have titles and summaries in all six languages, so nothing is shown in English."""
    for route in (["MK", "RS", "HR"], ["GR", "AL", "ME", "BA", "HR"], ["RS", "HU"], ["AL", "XK", "RS"], ["MK", "XK", "RS"]):
        for audience in ("people-on-the-move", "staff"):
            deck = generate_route_briefing(content_store, route, audience=audience, lang=lang)
            assert not [s.title for s in deck.handout_slides if s.fallback], (route, audience)
    for kind in ("route", "place"):
        for entry in content_store.list_entries(entry_type=kind, lang=lang):
            assert entry["lang"] == lang, entry["id"]
