"""Printed pages checked in a real browser: headless Chromium prints each page to PDF (pages counted) and loads a
copy with a measuring script (the page itself has none) that reports overflow and text direction."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fieldkit.briefing.entry_print import entry_to_html
from fieldkit.briefing.generate import generate_route_briefing
from fieldkit.briefing.handout import to_html, to_markdown
from fieldkit.i18n.dates import format_day

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")

A4_CSS_PIXELS = (794, 1123)  # 210 x 297 mm at 96 px per inch
# Reports, in the page title: elements wider than the page or their box, and the direction of the text.
MEASURE = """<script>
addEventListener("load", () => {
  const page = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")].filter(e => {
    const r = e.getBoundingClientRect();
    return r.right > page + 1 || r.left < -1 || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible" && e.clientWidth > 0 && !["TR","TBODY","THEAD"].includes(e.tagName));
  }).map(e => e.tagName + ":" + (e.textContent || "").slice(0, 40));
  document.title = JSON.stringify({wide, direction: getComputedStyle(document.body).direction,
                                   lang: document.documentElement.lang});
});
</script>"""


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={tmp_path / 'chrome'}"]
    return subprocess.run(["chromium", *flags, *args], capture_output=True, text=True, timeout=120, check=True)


def print_pages(html: str, tmp_path: Path, name: str = "page") -> int:
    """How many A4 pages Chromium prints the page on."""
    page, pdf = tmp_path / f"{name}.html", tmp_path / f"{name}.pdf"
    page.write_text(html, encoding="utf-8")
    _chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


def measure(html: str, tmp_path: Path, name: str = "measured") -> dict:
    """Overflowing elements and text direction, as Chromium lays the page out at the width of A4."""
    page = tmp_path / f"{name}.html"
    page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", "--virtual-time-budget=3000",
                    f"--window-size={A4_CSS_PIXELS[0]},{A4_CSS_PIXELS[1]}", page.as_uri()).stdout
    title = re.search(r"<title>(.*?)</title>", dom, re.DOTALL)
    assert title, dom[:500]
    import html as html_module

    return json.loads(html_module.unescape(title.group(1)))


def test_farsi_people_on_the_move_handout_one_page_all_farsi(content_store, tmp_path):
    """The issue's test: North Macedonia to Croatia, for people on the move, in Farsi."""
    deck = generate_route_briefing(content_store, ["MK", "RS", "HR"], audience="people-on-the-move", lang="fa")
    assert not [slide.title for slide in deck.handout_slides if slide.fallback]  # nothing shown in English
    page = to_html(deck)
    assert print_pages(page, tmp_path) == 1
    measured = measure(page, tmp_path)
    assert measured["wide"] == [] and measured["direction"] == "rtl" and measured["lang"] == "fa"
    # Entirely in Farsi: Latin letters only in names of organisations and documents (BCHR, IOM, ...).
    text = re.sub(r"<[^>]+>|&\w+;", " ", page.split("<body>")[1].split("<footer>")[0])
    latin = len(re.findall(r"[A-Za-z]", text))
    arabic_script = len(re.findall(r"[\u0600-\u06FF]", text))
    assert latin < 0.06 * arabic_script, (latin, arabic_script)
    for english in ("Shown in English", "For:", "Part ", "Dangers", "Where to get help", "Your rights"):
        assert english not in text


def test_farsi_handouts_for_staff_and_people_differ(content_store):
    people = to_markdown(generate_route_briefing(content_store, ["MK", "RS", "HR"], audience="people-on-the-move",
                                                 lang="fa"))
    staff = to_markdown(generate_route_briefing(content_store, ["MK", "RS", "HR"], audience="staff", lang="fa"))
    staff_lines = {line for line in staff.splitlines() if len(line) > 20}
    people_lines = {line for line in people.splitlines() if len(line) > 20}
    assert len(staff_lines - people_lines) > 10 and len(people_lines - staff_lines) > 5


@pytest.mark.parametrize("audience", ["staff", "authorities", "people-on-the-move", "unaccompanied-children"])
@pytest.mark.parametrize("lang", ["en", "fa", "ur"])
def test_route_handouts_print_on_one_page(content_store, tmp_path, audience, lang):
    for route in (["MK", "RS", "HR"], ["GR", "AL", "ME", "BA", "HR"]):
        deck = generate_route_briefing(content_store, route, audience=audience, lang=lang)
        page = to_html(deck)
        assert print_pages(page, tmp_path, "-".join(route)) == 1, (route, audience, lang)


def test_sources_appendix_on_pages_of_its_own(content_store, tmp_path):
    deck = generate_route_briefing(content_store, ["MK", "RS", "HR"], audience="staff")
    assert print_pages(to_html(deck, with_sources=True), tmp_path) > 1


@pytest.mark.parametrize("entry_id,lang", [("route-mk-rs-lojane", "fa"), ("bihac", "en"), ("svc-vasa-prava-bih", "ar"),
                                           ("right-rs-smuggled-migrants", "en"), ("risk-kidnapping-extortion", "ur")])
def test_one_entry_prints_on_one_page(content_store, tmp_path, entry_id, lang):
    entry = content_store.get(entry_id, lang)
    page = entry_to_html(entry, content_version="v", content_date="2026-12-01")
    assert print_pages(page, tmp_path) == 1
    measured = measure(page, tmp_path)
    assert measured["wide"] == []
    assert measured["direction"] == ("rtl" if lang != "en" and not entry.fallback else "ltr")
    for citation in entry.sources:  # every source with its quote, as plain text
        assert (citation.quote or "")[:30].replace("&", "&amp;").replace('"', "&quot;").replace("'", "&#x27;") in page
    assert format_day(entry.as_of, lang) in page  # written for the language, as show and the app write it


def test_show_writes_a_page(cli, content_db, tmp_path):
    out = tmp_path / "bihac.html"
    result = cli("show", "bihac", "--format", "html", "-o", out, "--db", content_db)
    assert result.code == 0, result.err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    markdown = cli("show", "bihac", "--format", "md", "--lang", "fa", "--db", content_db)
    assert markdown.code == 0 and markdown.out.startswith("# ")
    assert cli("show", "bihac", "-o", out, "--db", content_db).code == 2  # -o needs a page format


def test_a_printed_entry_says_who_checked_what(content_store):
    from fieldkit.briefing.entry_print import entry_to_markdown

    entry = content_store.get("bihac", "en")
    page = entry_to_markdown(entry, content_version="v", content_date="2026-12-01")
    assert f"checked against the sources {entry.checked}" in page and "Not yet reviewed by a specialist." in page
    from fieldkit.i18n.catalog import _, speaking

    farsi = content_store.get("risk-drowning", "fa")
    assert farsi.translation_state == "machine"
    with speaking("fa"):
        machine = _("Machine translation, not yet reviewed by a person.")
    assert machine != "Machine translation, not yet reviewed by a person." and machine in entry_to_markdown(farsi)
