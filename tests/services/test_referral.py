"""Referral slips: what the service does, who it is for, what to bring and how to reach it, in the person's language
with the worker's beside it; one A4 page, laid out right to left for Farsi and Arabic, in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from fieldkit.briefing.referral import ReferralError, referral_html
from fieldkit.content.build import build
from fieldkit.store.db import connect
from fieldkit.store.store import Store


def test_the_slip_says_what_who_what_to_bring_and_how(services_store):
    html = referral_html(services_store, "svc-clinic-bihac", "en")
    for text in ("Clinic for families in Bihać", "Example Clinic", "Medical care for families and children",
                 "families, children. Families with children under 18.",
                 "Any identity document, Medical records if there are any", "Place: Bihać",
                 "Phone: +387 37 000 200", "Email: clinic@example.org", "Mon–Fri <bdi dir=\"ltr\">08:00–12:00</bdi>",
                 "How to get in: by appointment, walk in", "Not yet reviewed by a specialist."):
        assert text in html, text
    assert "Moved to the new health centre" not in html  # an alert whose day has passed
    assert html.count("<section") == 1


def test_without_contacts_it_says_ask_the_organisation(services_store):
    html = referral_html(services_store, "svc-legal-aid-bihac", "en")
    assert "Not known: ask Test organisation." in html
    assert '<p class="unknown">not known</p>' in html  # who it is for, what to bring
    assert "Not yet reviewed by a specialist." in html  # checked by the editors, but no specialist reviewed it


def test_a_slip_of_a_service_a_specialist_reviewed_does_not_say_otherwise(services_content, tmp_path):
    service = services_content / "service" / "svc-legal-aid-bihac.en.md"
    text = service.read_text(encoding="utf-8")
    service.write_text(text.replace("checked: 2026-11-01", "checked: 2026-11-01\nreviewed: {by: Legal adviser, "
                                    "organisation: Test organisation, date: 2026-11-20}"), encoding="utf-8")
    build(services_content, tmp_path / "reviewed.db")
    store = Store(connect(tmp_path / "reviewed.db"))
    try:
        html = referral_html(store, "svc-legal-aid-bihac", "en")
    finally:
        store.close()
    assert "Not yet reviewed by a specialist." not in html


def test_the_persons_language_with_the_workers_beside_it(services_store):
    html = referral_html(services_store, "svc-clinic-bihac", "fa", "en")
    assert html.startswith('<!DOCTYPE html>\n<html lang="fa" dir="rtl">')
    sections = re.findall(r'<section lang="(\w+)" dir="(\w+)">', html)
    assert sections == [("fa", "rtl"), ("en", "ltr")]
    assert "درمانگاه خانواده‌ها در بیهاچ" in html and "Clinic for families in Bihać" in html


def test_a_name_is_printed_on_the_slip_and_nowhere_else(cli, services_db, tmp_path):
    slip = tmp_path / "slip.html"
    before = {path: path.stat().st_mtime for path in tmp_path.parent.rglob("*") if path.is_file()}
    result = cli("refer", "svc-clinic-bihac", "--lang", "ar", "--also", "en", "--name", "Amina Example",
                 "-o", slip, "--db", services_db)
    assert result.code == 0, result.err
    assert "Amina Example" in slip.read_text(encoding="utf-8")
    assert "Amina Example" not in result.err + result.out
    written = [path for path in tmp_path.parent.rglob("*") if path.is_file()
               and before.get(path) != path.stat().st_mtime and path != slip]
    assert not [path for path in written if b"Amina Example" in path.read_bytes()]
    blank = cli("refer", "svc-clinic-bihac", "--db", services_db).out
    assert '<span class="blank">&nbsp;</span>' in blank


@pytest.mark.parametrize(("args", "code", "message"), [
    (["no-such-service"], 1, "no entry with id 'no-such-service'"),
    (["bihac"], 1, "'bihac' is of type Place, not a service"),
    (["svc-clinic-bihac", "--lang", "xx"], 2, "unknown language code 'xx'"),
])
def test_bad_requests_get_a_clear_message(cli, services_db, args, code, message):
    result = cli("refer", *args, "--db", services_db)
    assert result.code == code and message in result.err and "Traceback" not in result.err


def test_referral_error_for_a_non_service(services_store):
    with pytest.raises(ReferralError):
        referral_html(services_store, "org-example", "en")


# In the page, after layout: each column's direction and alignment, and where its first line of text sits.
PROBE = """<script>
const rows = [];
for (const section of document.querySelectorAll('section')) {
  const style = getComputedStyle(section);
  const box = section.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(section.querySelector('.kind'));
  const text = range.getBoundingClientRect();
  rows.push([section.lang, style.direction, style.textAlign, box.left, box.right, text.left, text.right].join(','));
}
document.body.setAttribute('data-probe', rows.join(';'));
</script>
"""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_the_slip_prints_on_one_page_right_to_left(services_store, tmp_path, lang):
    html = referral_html(services_store, "svc-clinic-bihac", lang, "en", name="Test Name")
    page, probe = tmp_path / "slip.html", tmp_path / "probe.html"
    page.write_text(html, encoding="utf-8")
    probe.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={tmp_path / 'chrome'}"]
    pdf = tmp_path / "slip.pdf"
    subprocess.run(["chromium", *flags, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == 1  # one A4 page
    dom = subprocess.run(["chromium", *flags, "--window-size=1240,1754", "--dump-dom", probe.as_uri()],
                         capture_output=True, timeout=120, check=True, text=True).stdout
    rows = {}
    for row in re.search(r'data-probe="([^"]*)"', dom).group(1).split(";"):
        code, direction, align, *numbers = row.split(",")
        rows[code] = (direction, align, *map(float, numbers))
    direction, align, left, right, text_left, text_right = rows[lang]
    assert (direction, align) == ("rtl", "right")
    assert right - text_right < 30 and text_left - left > 100  # the line starts at the right edge
    en_direction, en_align, en_left, en_right, en_text_left, _ = rows["en"]
    assert (en_direction, en_align) == ("ltr", "left") and en_text_left - en_left < 30
    assert left > en_right  # the person's column reads first: on the right in a right-to-left page


def test_a_slip_says_when_the_english_changed_after_its_translation(services_content, tmp_path):
    from fieldkit.i18n.catalog import _, set_language

    clinic = services_content / "service" / "svc-clinic-bihac.en.md"
    text = clinic.read_text(encoding="utf-8")
    clinic.write_text(text.replace("\n---\n", "\n---\nOpening days may change.\n\n", 1), encoding="utf-8")
    build(services_content, tmp_path / "changed.db")
    store = Store(connect(tmp_path / "changed.db"))
    try:
        html = referral_html(store, "svc-clinic-bihac", "fa", "en")
    finally:
        store.close()
    set_language("fa")
    try:
        outdated = _("The English original changed after this translation.")
    finally:
        set_language("en")
    assert outdated in html and "Machine translation, not yet reviewed by a person." not in html
