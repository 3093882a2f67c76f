"""`check --sources` checks claims, not only that quotes exist (issue 15, section 2).

An invented entry, like the one the issue describes, passed with exit 0 before: an invented phone number, "Article
99, paragraph 7", a fake web address, and quotes "Article", "a" and "very safe there" (the document says "it's
not very safe there"). Every one of those is now reported with its file and line.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from fieldkit.content.check import check
from fieldkit.content.claims import carried, claims_in, evidence, number_value
from fieldkit.content.headings import Section, where_matches
from tests.content.test_check import edit, line_of

DOCUMENT = """Report on the border

Method
We interviewed 12 people in May 2024 for this report.

Findings
Article 61 of the Law on Foreigners gives a residence permit on humanitarian grounds.
People told us it's not very safe there at night, and the river is deep.
Smugglers charge between 1,500 and 2,000 euros for the crossing to the next country.
Photo: the river at dawn
"""

INVENTED = """---
id: risk-invented
type: risk
title: An invented risk
summary: Call +387 61 123 456 for help; 400 people crossed the river in 2024.
countries: [BA]
exposed: [everyone]
sources:
  - doc: report
    where: Findings
    quote: "Article"
  - doc: report
    where: Findings
    quote: "a"
  - doc: report
    where: Findings
    quote: "very safe there"
  - doc: report
    where: Method
    quote: "the river is deep"
  - doc: report
    where: Findings
    quote: "Photo: the river at dawn"
  - doc: report
    where: Method
    quote: "We interviewed 12 people in May 2024"
as_of: 2024
---
The river is very safe there.

Article 99, paragraph 7 of the Law on Foreigners gives everyone a permit; see https://help.example-fake.org/permits.

Smugglers charge 2,500 EUR for the crossing.

Carry water and tell someone where you go (general advice, not from the sources). It takes 3 days.
"""


@pytest.fixture
def invented(content, tmp_path) -> tuple[Path, Path]:
    """The fixture content with the invented entry and the document it cites, outlined in headings.yaml."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "report.txt").write_text(DOCUMENT, encoding="utf-8")
    with (content / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: report\n  title: A report\n  published: 2023-10\n  file: report.txt\n")
    sha = hashlib.sha256(DOCUMENT.encode()).hexdigest()
    with (content / "headings.yaml").open("a", encoding="utf-8") as out:
        out.write(f"- doc: report\n  sha256: {sha}\n  sections:\n    - {{line: 1, title: Report on the border}}\n"
                  "    - {line: 3, title: Method, method: true}\n    - {line: 6, title: Findings}\n  labels: [10]\n")
    for path in (Path(__file__).parent.parent / "fixtures" / "sources").iterdir():
        (sources / path.name).write_bytes(path.read_bytes())
    entry = content / "risk" / "risk-invented.en.md"
    entry.write_text(INVENTED, encoding="utf-8")
    return entry, sources


def test_the_invented_entry_is_caught_problem_by_problem(cli, invented):
    entry, sources = invented
    result = cli("check", "--content", entry.parent.parent, "--sources", sources)
    assert result.code == 1

    def at(needle: str, message: str) -> None:
        expected = f"{entry}:{line_of(entry, needle)}: "
        assert any(line.startswith(expected) and message in line for line in result.out.splitlines()), \
            f"no '{message}' at {expected}\n{result.out}"

    at("summary:", "phone number '+387 61 123 456' is in none of the entry's quotes")
    at("summary:", "'400' is in none of the entry's quotes")
    at("Article 99", "'Article 99' is in none of the entry's quotes")
    at("Article 99", "'paragraph 7' is in none of the entry's quotes")
    at("Article 99", "web address 'https://help.example-fake.org/permits' is neither in one of the entry's quotes")
    at("2,500 EUR", "the price '2,500 EUR' is in none of the entry's quotes")
    at("It takes 3 days", "'3' is in none of the entry's quotes")
    at('quote: "Article"', 'quote "Article" is 1 word(s): quote at least 5 words')
    at('quote: "a"', 'quote "a" is 1 word(s)')
    at('quote: "very safe there"', 'quote "very safe there" is 3 word(s)')
    at('quote: "Photo: the river at dawn"', "is only a heading, caption or label in 'report'")
    at('quote: "We interviewed 12 people', "is from the method text of 'report'")
    at('where: Method', "'where' says \"Method\", but the quote is under \"Findings\" in 'report' (line 8)")
    # The year 2024 is in a quote, even if that quote is refused for other reasons; the general advice is not checked.
    assert f"{entry}:{line_of(entry, 'summary:')}: '2024'" not in result.out
    assert "Carry water" not in result.out


def test_a_correct_entry_passes(invented, cli):
    entry, sources = invented
    head = INVENTED.split("sources:")[0].replace("Call +387 61 123 456 for help; 400 people crossed the river in 2024.",
                                                 "It is not safe at night in Bosnia and Herzegovina.")
    entry.write_text(head + """sources:
  - doc: report
    where: "Findings"
    quote: "Article 61 of the Law on Foreigners gives a residence permit on humanitarian grounds."
  - doc: report
    where: 6. Findings
    quote: "Smugglers charge between 1,500 and 2,000 euros for the crossing"
  - doc: report
    where: lines 8-8
    quote: "it's not very safe there at night"
as_of: 2024
---
It is not very safe there at night (A report 2023). Article 61 gives a residence permit on humanitarian grounds.

Smugglers charge €1.500 to 2000 EUR (A report 2023); in 2023 that was the price.
""", encoding="utf-8")
    result = cli("check", "--content", entry.parent.parent, "--sources", sources)
    assert [line for line in result.out.splitlines() if "risk-invented" in line] == []


@pytest.mark.parametrize(("written", "values"), [
    ("1,500", ["1500", "1.5"]), ("1500", ["1500"]), ("1.500", ["1500", "1.5"]), ("27 429", ["27429"]),
    ("1.7", ["1.7"]), ("007", ["7"]),
])
def test_numbers_are_read_however_they_are_written(written, values):
    assert number_value(written) == values


@pytest.mark.parametrize(("claim", "quote"), [
    ("It costs €1,500.", "the cost is around 1,500 euros per person"),
    ("It costs 1500 EUR.", "costs between 1.500 and 2.000 euros"),
    ("On 7 June 2024 they left.", "from 7th June to 24th July 2024"),
    ("In June 2024 they left.", "June 2024 Deal signed by the European Union"),
    ("19% had been abused.", "A total of 19 percent of 1,350 migrants interviewed"),
    ("Under Article 61(1) of the law.", "in accordance with Article 61, paragraph 1 of the Law"),
    ("There are 5 camps.", "only five are still operating"),
    ("Call +381 11 123 4567.", "the hotline +381 (0)11 123-4567"),
])
def test_a_claim_is_carried_by_a_quote_that_says_it_another_way(claim, quote):
    found = evidence([quote])
    assert all(carried(c, found) for c in claims_in(claim)), [c for c in claims_in(claim) if not carried(c, found)]


@pytest.mark.parametrize(("claim", "quote"), [
    ("It costs €1,500.", "the cost is around 1,500 dollars"),
    ("19% had been abused.", "19 migrants had been abused"),
    ("Under Article 16.", "Article 61 of the law and 16 people"),
    ("In August 2024.", "In 2024 people drowned"),
    ("Call +387 61 123 456.", "Call the police"),
])
def test_a_claim_a_quote_does_not_carry_is_caught(claim, quote):
    found = evidence([quote])
    assert not all(carried(c, found) for c in claims_in(claim))


def test_references_to_the_sources_and_entries_are_not_claims():
    text = "People wait (BRMC 2023; MMC 2024) and pay (quoted by IOM 2025). See route-rs-ba-drina, section 2.1, p. 6."
    assert claims_in(text, {"route-rs-ba-drina"}) == []
    assert [c.value for c in claims_in("In 2024 (MMC 2024) there were 12.")] == ["2024", "12"]


@pytest.mark.parametrize(("where", "title", "fits"), [
    ("2.2. Modus operandi", "2.2. Modus operandi of migrant smuggling", True),
    ("2.2 modus operandi: Albania", "2.2. Modus operandi of migrant smuggling", True),
    ("Modus Operandi of Migrant Smuggling", "2.2. Modus operandi of migrant smuggling", True),
    ("2.2.", "2.2. Modus operandi of migrant smuggling", True),
    ("Efforts to 'close' the Western Balkans route", "Efforts to ‘close’ the Western Balkans route", True),
    ("Figure 1: Key migration policy developments", "Figure 1: Key migration policy developments in the Western "
                                                    "Balkans, 2023-24", True),
    ("2.3. Payments", "2.2. Modus operandi of migrant smuggling", False),
    ("Introduction", "Opening paragraphs", False),
    ("Routes in 2024", "Land arrivals and routes through the region remain fluid", False),
])
def test_where_names_a_section_fuzzily(where, title, fits):
    assert where_matches(where, Section(line=1, title=title)) is fits


def test_a_changed_document_must_be_outlined_again(content, tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    document = (Path(__file__).parent.parent / "fixtures" / "sources" / "testdoc.txt").read_text(encoding="utf-8")
    (sources / "testdoc.txt").write_text(document + "A new line.\n", encoding="utf-8")
    _, problems = check(content, sources)
    assert [str(p) for p in problems] == [
        f"{content / 'headings.yaml'}:2: 'testdoc' is not the document its outline was made from (sha256 differs): "
        "index it again with build/index_headings.py"]


def test_front_matter_nothing_supports_is_a_warning(content):
    path = content / "risk/risk-drowning.en.md"
    edit(path, "countries: [RS, BA]", "countries: [RS, BA, HU]")
    _, problems = check(content, Path(__file__).parent.parent / "fixtures" / "sources")
    assert [(p.line, p.warning) for p in problems] == [(line_of(path, "countries:"), True)]
    assert "'countries' says HU, but neither the text nor a quote of this entry mentions it" in problems[0].message


def test_a_region_and_an_area_nothing_supports_are_warnings(tmp_path):
    """The service model's front matter too: a place's `region` and a service's `area` must be named somewhere."""
    from tests.services.conftest import make_services_content

    content = make_services_content(tmp_path / "content")
    sources = Path(__file__).parent.parent / "fixtures" / "sources"
    bihac, kladusa = content / "place/bihac.en.md", content / "place/velika-kladusa.en.md"
    outreach = content / "service/svc-canton-outreach.en.md"
    edit(outreach, "area: [una-sana-canton]", "area: [una-sana-canton, HR]")

    def warned() -> set[tuple[str, str]]:
        return {(Path(p.path).name, p.message.split(",")[0]) for p in check(content, sources)[1] if p.warning}

    assert {("bihac.en.md", "'region' says una-sana-canton"), ("velika-kladusa.en.md", "'region' says una-sana-canton"),
            ("svc-canton-outreach.en.md", "'area' says HR")} <= warned()
    # A public dataset's record that names the admin area supports the region, as it supports the coordinates.
    edit(bihac, "as_of:", "  - doc: geonames\n    where: 'GeoNames: admin area Una-Sana Canton'\n    review_by: 2030-01-01\nas_of:")
    # The `where` of a shared document (a section heading) does not: only its quote would.
    edit(kladusa, "sources:\n", "sources:\n  - doc: testdoc\n    where: Una-Sana Canton\n    quote: \"People wait in Bihać\"\n")
    assert ("bihac.en.md", "'region' says una-sana-canton") not in warned()
    assert ("velika-kladusa.en.md", "'region' says una-sana-canton") in warned()


def test_a_marker_wrapped_across_lines_still_marks_its_sentence(invented, cli):
    """Markdown is wrapped where the editor likes: "(… not from the\\nsources)" marks its sentence as on one line."""
    entry, sources = invented
    text = entry.read_text(encoding="utf-8").replace(
        "(general advice, not from the sources). It takes 3 days.",
        "It takes 3 days (general advice, not from the\nsources).")
    entry.write_text(text, encoding="utf-8")
    result = cli("check", "--content", entry.parent.parent, "--sources", sources)
    assert f"{entry}:{line_of(entry, 'Article 99')}: 'Article 99'" in result.out  # the rest is still checked
    assert "'3' is in none" not in result.out
