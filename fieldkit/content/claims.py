"""Claims checked against the quotes that carry them (`fieldkit check --sources`).

Every number, date, price, percentage, article or paragraph reference, phone number, e-mail and web address in an
English original's summary, body, legal_basis and free-text fields must appear in one of the entry's quotes (for
a web address: or be the address of a source it cites). "1,500", "1500" and "1.500" are one number; "€", "EUR" and
"euros" one currency; "7th June 2024" has the day 7, the month June and the year 2024.

A sentence or list item that says it is not from the sources is not checked: the house convention is the visible
"(general advice, not from the sources)"; any parenthesis with "not from the sources" counts. A sentence that says
"outside the sources" (or a paragraph that opens "From outside the sources ...:") may take its figures from the
entry's citations of sources outside the shared documents (their quote or `where`); so may a legal basis whose
`url` is such a source. References to the sources themselves, "(BRMC 2023)", "(quoted by IOM 2025)",
and links to other entries are not claims; the date a cited document was published (its year and month in
sources.yaml) is carried by the citation itself: "in 2023 smugglers charged ... (BRMC 2023)", and so is the year
before it where a quote says "last year".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fieldkit.content.corpus import Corpus, EntryFile
from fieldkit.content.problems import Problem

GENERAL_ADVICE = "(general advice, not from the sources)"
# The markers may wrap across lines of the Markdown source: any run of white space between their words.
_NOT_FROM_SOURCES = re.compile(r"\([^()]*not\s+from\s+the\s+sources[^()]*\)", re.IGNORECASE)
_OUTSIDE = re.compile(r"\boutside\s+the\s+sources\b", re.IGNORECASE)
_OUTSIDE_PARAGRAPH = re.compile(r"^\W*from\s+outside\s+the\s+sources\b", re.IGNORECASE)
_FREE_TEXT = ("period", "access", "hours", "terrain")  # fields written in words, which may carry figures

# Numbers a quote may spell out: "only five are still operating" carries "5".
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                "hundred": 100, "dozen": 12}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|" \
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
_CURRENCIES = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "usd": "USD", "dollar": "USD",
               "dollars": "USD", "us$": "USD", "£": "GBP", "gbp": "GBP", "pounds": "GBP", "bam": "BAM",
               "marks": "BAM", "dinars": "RSD", "rsd": "RSD", "lek": "ALL", "leke": "ALL", "denars": "MKD",
               "mkd": "MKD", "lira": "TRY", "try": "TRY", "forints": "HUF", "huf": "HUF"}
# Not "KM" (convertible marks): "175 km" is a distance far more often than a price.
_CURRENCY_WORD = r"(?:€|\$|£|US\$|EUR|USD|GBP|BAM|RSD|MKD|HUF|TRY|euros?|dollars?|pounds|marks|dinars|denars|leke?|lira|forints)\b"
_NUMBER = r"\d+(?:[.,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_NUMBER_RE = re.compile(rf"(?<![\w.,])(?:{_NUMBER})(?:st|nd|rd|th)?(?![\w])")
_RANGE_YEAR = re.compile(r"\b((?:19|20)\d{2})\s*[-–/]\s*(\d{2})\b(?![-–/\d])")
_ARTICLE = re.compile(r"\b(?:Articles?|Art\.|Arts\.)\s+(\d+[a-z]?(?:\s*\(\d+\))?(?:\s*(?:,|and|&|or|to|-|–)\s*\d+[a-z]?(?:\s*\(\d+\))?)*)",
                      re.IGNORECASE)
_PARAGRAPH = re.compile(r"\b(?:paragraphs?|paras?\.?)\s+(\d+(?:\s*(?:,|and|&|or|to|-|–)\s*\d+)*)", re.IGNORECASE)
_PERCENT = re.compile(rf"({_NUMBER})\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
_PRICE_BEFORE = re.compile(rf"(?:€|\$|£|US\$|EUR|USD|GBP|BAM)\s?({_NUMBER})")
_PRICE_AFTER = re.compile(rf"({_NUMBER})(?:\s*(?:-|–|to|and)\s*({_NUMBER}))?\s*{_CURRENCY_WORD}", re.IGNORECASE)
_DATE_MONTH = re.compile(rf"\b{_MONTH}")  # capitalised, as English writes months: not "it may mean"
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)\d[\d \u00a0/().-]{6,}\d|(?<![\w.,])0\d{1,3}[ /-]\d[\d /-]{4,}\d")
_URL = re.compile(r"\bhttps?://[^\s)>\]]+|\bwww\.[^\s)>\]]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# References to the sources and their parts, which are not claims of fact: "(BRMC 2023; MMC 2024)", "(quoted by
# IOM 2025)", "section 2.1", "p. 6", "footnote 8", "resolution 1244" (the Kosovo* convention of the sources).
_REFERENCE_ITEM = r"(?:(?:quoted|cited|reported)\s+by\s+|citing\s+|in\s+|see\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w’'&.-]*)*,?\s+(?:19|20)\d{2}[a-z]?"
_REFERENCE = re.compile(rf"\((?:{_REFERENCE_ITEM})(?:\s*[;,]\s*(?:{_REFERENCE_ITEM}|[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*))*\)")
_LOCATOR = re.compile(r"\b(?:sections?|p\.|pp\.|pages?|footnotes?|annex|table|figure|map|box)\s+[\dIVX.]+(?:\s*(?:-|–|and)\s*[\dIVX.]+)?",
                      re.IGNORECASE)
_CONVENTION = re.compile(r"\b(?:UNSCR|resolution)\s+1244\b", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]\s+)?\d+[.)](?=\s)|^#+\s", re.MULTILINE)  # "1. First step", a heading's #
_MARKDOWN_LINK = re.compile(r"\]\((?:[^()]|\([^()]*\))*\)")


@dataclass(frozen=True)
class Claim:
    kind: str  # number, article, paragraph, percent, price, month, phone, url, email
    value: str  # canonical: "1500", "61", "EUR 1500", "june", digits of a phone, a folded address
    shown: str  # as written
    offset: int  # in the unit's text


@dataclass
class Evidence:
    """What the entry's quotes carry, as claims; `outside`: what its citations of outside sources carry."""

    numbers: set[str]
    percents: set[str]
    prices: set[str]
    articles: set[str]
    paragraphs: set[str]
    months: set[str]
    digits: str  # every quote's digits, for phone numbers
    text: str  # every quote, folded, for addresses
    addresses: set[str]  # web addresses of the sources it cites
    currencies: set[str]  # currencies the quotes name


def check_claims(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []
    ids = set(corpus.originals)
    for entry in corpus.originals.values():
        inside, outside = _evidence(corpus, entry)
        for line, text, outside_source in _texts(corpus, entry):
            for unit_line, unit, paragraph_outside in _units(text, line):
                if _NOT_FROM_SOURCES.search(unit):
                    continue
                marked_outside = outside_source or paragraph_outside or bool(_OUTSIDE.search(unit))
                for claim in claims_in(unit, ids):
                    if carried(claim, inside):
                        continue
                    claim_line = unit_line + unit.count("\n", 0, claim.offset)
                    if carried(claim, outside):
                        if not marked_outside:
                            problems.append(Problem(entry.path, claim_line, f"{_describe(claim)} comes from a source "
                                                    "outside the shared documents: say so in the sentence, e.g. "
                                                    "'(from outside the sources: <who>, <when>)'"))
                        continue
                    problems.append(Problem(entry.path, claim_line, _message(claim)))
    return problems


def _message(claim: Claim) -> str:
    if claim.kind == "url":
        return (f"{_describe(claim)} is neither in one of the entry's quotes nor the address of a source it cites: "
                "cite the source it comes from")
    return (f"{_describe(claim)} is in none of the entry's quotes: cite the quote that carries it, or mark the "
            f"sentence {GENERAL_ADVICE} if it is not from the sources")


def _describe(claim: Claim) -> str:
    kinds = {"month": "the month", "phone": "phone number", "url": "web address", "email": "e-mail address",
             "price": "the price", "percent": "the percentage"}
    return f"{kinds[claim.kind]} '{claim.shown}'" if claim.kind in kinds else f"'{claim.shown}'"


# --- where claims are -------------------------------------------------------------------------------------------

def _texts(corpus: Corpus, entry: EntryFile) -> Iterator[tuple[int, str, bool]]:
    """(file line, text, whether it says it is from outside the sources) of each part of an original that states
    facts. A legal basis whose `url` is a source outside the shared documents says so by that address."""
    fields = entry.fields
    outside = {fold_address(s.url) for s in corpus.sources.values() if s.url and not s.file}
    if fields.get("summary"):
        yield entry.line_of("summary"), str(fields["summary"]), False
    for name in _FREE_TEXT:
        if isinstance(fields.get(name), str):
            yield entry.line_of(name), fields[name], False
    for index, basis in enumerate(fields.get("legal_basis") or []):
        from_outside = bool(basis.get("url")) and fold_address(str(basis["url"])) in outside
        for key in ("law", "article"):
            if basis.get(key):
                value = str(basis[key])
                # a bare article number is an article reference
                text = f"Article {value}" if key == "article" and re.fullmatch(r"\d+[a-z]?", value) else value
                yield entry.line_of("legal_basis", index, key), text, from_outside
        if basis.get("url"):
            yield entry.line_of("legal_basis", index, "url"), str(basis["url"]), from_outside
    for key, value in (fields.get("contact") or {}).items():
        yield entry.line_of("contact", key), str(value), False
    yield entry.front.body_line, entry.front.body, False


def _units(text: str, first_line: int) -> Iterator[tuple[int, str, bool]]:
    """Sentences and list items, each with the file line it starts on, and whether its paragraph opens with "From
    outside the sources" (which then covers every sentence of it)."""
    lines = text.split("\n")
    block: list[str] = []
    start = first_line

    def flush() -> Iterator[tuple[int, str, bool]]:
        if block:
            paragraph = "\n".join(block)
            outside = bool(_OUTSIDE_PARAGRAPH.match(paragraph))
            for line, sentence in _sentences(paragraph, start):
                yield line, sentence, outside

    for number, line in enumerate(lines):
        stripped = line.strip()
        new_item = re.match(r"^\s*(?:[-*+]|\d+[.)])\s+|^#+\s", line) is not None
        if not stripped or new_item:
            yield from flush()
            block, start = ([line] if stripped else []), first_line + number
            if stripped and line.lstrip().startswith("#"):
                yield from flush()
                block = []
            continue
        if not block:
            start = first_line + number
        block.append(line)
    yield from flush()


_ABBREVIATIONS = re.compile(r"(?:\b(?:e\.g|i\.e|etc|p|pp|No|no|Art|Arts|para|St|Dr|Mr|Mrs|Ms|vs|approx|cf|ca|incl|Nos)|\b[A-Z])\.$")


def _sentences(paragraph: str, first_line: int) -> Iterator[tuple[int, str]]:
    start = 0
    for match in re.finditer(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z“\"(\[*])", paragraph):
        if _ABBREVIATIONS.search(paragraph[max(0, match.start() - 8): match.start()]):
            continue
        yield first_line + paragraph.count("\n", 0, start), paragraph[start: match.end()]
        start = match.end()
    if paragraph[start:].strip():
        yield first_line + paragraph.count("\n", 0, start), paragraph[start:]


# --- reading claims ---------------------------------------------------------------------------------------------

def claims_in(text: str, ids: set[str] | None = None) -> list[Claim]:
    """The claims a piece of text makes, each once, in order."""
    text = _blank(text, _LIST_MARKER)
    text = _blank(text, _MARKDOWN_LINK)
    text = _blank(text, _REFERENCE)
    text = _blank(text, _LOCATOR)
    text = _blank(text, _CONVENTION)
    if ids:
        text = re.sub(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b", lambda m: " " * len(m[0]) if m[0] in ids else m[0], text)
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, value: str, shown: str, start: int, end: int) -> None:
        claims.append(Claim(kind, value, shown.strip(), start))
        taken.append((start, end))

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    for match in _URL.finditer(text):
        add("url", fold_address(match[0]), match[0].rstrip(".,;:"), match.start(), match.end())
    for match in _EMAIL.finditer(text):
        if free(match.start(), match.end()):
            add("email", match[0].casefold(), match[0], match.start(), match.end())
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match[0].replace("(0)", ""))  # "+381 (0)11": the (0) is dialled only at home
        if free(match.start(), match.end()) and len(digits) >= 7 and not _looks_like_years(match[0]):
            add("phone", digits.lstrip("0"), match[0], match.start(), match.end())
    for match in _ARTICLE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        for part in re.finditer(r"(\d+[a-z]?)(?:\s*\((\d+)\))?", match[1]):
            add("article", part[1].casefold(), f"Article {part[1]}", match.start(), match.end())
            if part[2]:
                add("paragraph", part[2], f"Article {part[1]}({part[2]})", match.start(), match.end())
    for match in _PARAGRAPH.finditer(text):
        if free(match.start(), match.end()):
            for number in re.findall(r"\d+", match[1]):
                add("paragraph", number, f"paragraph {number}", match.start(), match.end())
    for match in _PERCENT.finditer(text):
        if free(match.start(), match.end()):
            add("percent", number_value(match[1])[0], match[0], match.start(), match.end())
    for match in _PRICE_BEFORE.finditer(text):
        if free(match.start(), match.end()):
            currency = _currency(match[0][: match.start(1) - match.start()])
            add("price", f"{currency} {number_value(match[1])[0]}", match[0], match.start(), match.end())
    for match in _PRICE_AFTER.finditer(text):
        if free(match.start(), match.end()):
            currency = _currency(text[match.end(match.lastindex or 1): match.end()])
            for group in (1, 2):
                if match[group]:
                    add("price", f"{currency} {number_value(match[group])[0]}", f"{match[group]} {currency}",
                        match.start(group), match.end(group))
            taken.append((match.start(), match.end()))
    for match in _RANGE_YEAR.finditer(text):
        if free(match.start(), match.end()):
            add("number", match[1], match[1], match.start(1), match.end(1))
            add("number", match[1][:2] + match[2], match[0], match.start(2), match.end(2))
    for match in _DATE_MONTH.finditer(text):
        near = text[max(0, match.start() - 12): match.end() + 12]
        if re.search(r"\d", near):  # a month is a date only beside a number: "7 June", "June 2024"
            month = next(m for m in MONTHS if m.startswith(match[0].casefold()[:3]))
            claims.append(Claim("month", month, match[0], match.start()))
    for match in _NUMBER_RE.finditer(text):
        if free(match.start(), match.end()):
            number = re.sub(r"(?:st|nd|rd|th)$", "", match[0])
            add("number", number_value(number)[0], number, match.start(), match.end())
    unique: dict[tuple[str, str], Claim] = {}
    for claim in sorted(claims, key=lambda c: c.offset):
        unique.setdefault((claim.kind, claim.value), claim)
    return list(unique.values())


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """The text with each match replaced by spaces of the same length (offsets and line numbers stay)."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)


def _looks_like_years(text: str) -> bool:
    return re.fullmatch(r"\s*(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\s*", text) is not None


def _currency(text: str) -> str:
    word = re.sub(r"[\d\s.,\u00a0\u202f]", "", text).casefold()
    return _CURRENCIES.get(word, word.upper() or "?")


def number_value(text: str) -> list[str]:
    """The values a written number may have: "1,500" and "1.500" are 1500 (and "1.500" may also be 1.5)."""
    text = text.strip()
    if re.fullmatch(r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:\.\d+)?", text):
        whole = re.sub(r"[.,\u00a0\u202f ]", "", text.rsplit(".", 1)[0] if re.search(r",\d{3}\.\d+$", text) else text)
        values = [whole.lstrip("0") or "0"]
        if re.fullmatch(r"\d{1,3}[.,]\d{3}", text):  # one separator: a decimal too
            values.append(_decimal(text.replace(",", ".")))
        return values
    if re.fullmatch(r"\d+[.,]\d+", text):
        return [_decimal(text.replace(",", "."))]
    return [text.lstrip("0") or "0"]


def _decimal(text: str) -> str:
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    return (whole.lstrip("0") or "0") + (f".{fraction}" if fraction else "")


def fold_address(url: str) -> str:
    """A web address as compared: no scheme, no www., no trailing punctuation or slash, case folded."""
    url = url.strip().rstrip(".,;:")
    url = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)
    url = re.sub(r"^www\.", "", url, flags=re.IGNORECASE)
    return url.rstrip("/").casefold()


# --- what quotes carry ------------------------------------------------------------------------------------------

def _evidence(corpus: Corpus, entry: EntryFile) -> tuple[Evidence, Evidence]:
    inside: list[str] = []
    outside: list[str] = []
    addresses: set[str] = set()
    published: set[tuple[str, str]] = set()
    for citation in entry.fields.get("sources") or []:
        source = corpus.sources.get(citation.get("doc", ""))
        if source is None:
            continue
        if source.url:
            addresses.add(fold_address(source.url))
        if source.file:
            inside.append(str(citation.get("quote") or ""))
            published.add((source.published, str(citation.get("quote") or "")))
        else:  # a page outside the shared documents: its quote, and the `where` that says what it says
            outside += [str(citation.get("quote") or ""), str(citation.get("where") or "")]
    found = evidence(inside, addresses)
    for date, quote in published:  # "in 2023 (BRMC 2023)": the date of a cited document is when its facts held
        year, _, month = date.partition("-")
        if year.isdigit():
            found.numbers.add(year)
            if re.search(r"\blast year\b", quote, re.IGNORECASE):  # "at the end of last year", in April 2024
                found.numbers.add(str(int(year) - 1))
        if month.isdigit() and 1 <= int(month) <= 12:
            found.months.add(MONTHS[int(month) - 1])
    return found, evidence(outside, addresses)


def evidence(texts: list[str], addresses: set[str] | None = None) -> Evidence:
    found = Evidence(set(), set(), set(), set(), set(), set(), "", "", set(addresses or ()), set())
    for text in texts:
        for claim in claims_in(text):
            _collect(found, claim)
        # every number in a quote, however it is written (a table row "12,216 27 429 869", "grupa484")
        for run in re.findall(r"\d+(?:[.,\u00a0\u202f ]\d+)*", text):
            found.numbers.update(_readings(run))
        found.months.update(m for m in MONTHS if re.search(rf"\b{m[:3]}", text, re.IGNORECASE))
        found.numbers.update(str(n) for word, n in NUMBER_WORDS.items() if re.search(rf"\b{word}\b", text, re.I))
        found.currencies.update(_currency(word) for word in re.findall(_CURRENCY_WORD, text, re.IGNORECASE))
    found.digits = " ".join(re.sub(r"\D", "", text.replace("(0)", "")) for text in texts)
    found.text = " ".join(re.sub(r"\s+", " ", text).casefold() for text in texts)
    return found


def _readings(run: str) -> set[str]:
    """Every number a run of digit groups can be read as: "12,216 27 429" holds 12216, 27, 429 and 27429."""
    groups = re.split(r"[\u00a0\u202f ]", run)
    values: set[str] = set()
    for start in range(len(groups)):
        for end in range(start, len(groups)):
            if end > start and not re.fullmatch(r"\d{3}", groups[end]):
                break
            joined = " ".join(groups[start:end + 1])
            values.update(number_value(joined))
            values.update(re.findall(r"\d+", joined))
    return values


def _collect(found: Evidence, claim: Claim) -> None:
    if claim.kind == "number":
        found.numbers.add(claim.value)
    elif claim.kind == "percent":
        found.percents.add(claim.value)
        found.numbers.add(claim.value)
    elif claim.kind == "price":
        found.prices.add(claim.value)
        found.numbers.add(claim.value.split(" ", 1)[1])
    elif claim.kind == "article":
        found.articles.add(claim.value)
    elif claim.kind == "paragraph":
        found.paragraphs.add(claim.value)
    elif claim.kind == "url":
        found.addresses.add(claim.value)


def carried(claim: Claim, found: Evidence) -> bool:
    """Whether what the quotes carry includes this claim."""
    kind, value = claim.kind, claim.value
    if kind == "number":
        return value in found.numbers
    if kind == "percent":
        return value in found.percents
    if kind == "price":
        currency, amount = value.split(" ", 1)
        return value in found.prices or (amount in found.numbers and currency in found.currencies)
    if kind == "article":
        return value in found.articles
    if kind == "paragraph":
        return value in found.paragraphs or value in found.numbers
    if kind == "month":
        return value in found.months
    if kind == "phone":
        return bool(value) and value in found.digits
    if kind == "url":
        return any(value == a or value.startswith(a + "/") or a.startswith(value + "/") for a in found.addresses) \
            or value in found.text
    if kind == "email":
        return value in found.text
    return False


__all__: list[Any] = ["Claim", "check_claims", "claims_in", "carried", "evidence", "number_value"]
