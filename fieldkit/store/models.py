"""Plain data returned by the store: no SQL and no UI here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Hit:
    """One search result in the language it is served in."""

    id: str
    type: str
    title: str
    summary: str
    snippet: str
    highlights: list[tuple[int, int]]  # [start, end) offsets of matched words in `snippet`
    country: str | None
    lang: str
    fallback: bool  # True when served in English because the requested language has no match for it
    score: float  # higher is better
    partial: bool = False  # matches some of the query's words, not all (listed after every full match)
    matched_lang: str | None = None  # the language of the text that matched (`lang` is the one served)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["highlights"] = [list(span) for span in self.highlights]
        return data


@dataclass
class SearchResult:
    """Hits, and how the query was understood (fieldkit/store/understand.py)."""

    hits: list[Hit]
    understanding: Any


@dataclass
class Citation:
    doc: str
    where: str | None
    quote: str | None
    title: str = ""  # the source document's title
    url: str | None = None
    published: str = ""


@dataclass
class Link:
    id: str
    type: str
    title: str
    kind: str  # which field made the link: related, from, to, via, place, places, risks


@dataclass
class Entry:
    id: str
    type: str
    title: str
    summary: str
    body: str  # Markdown
    lang: str
    requested_lang: str
    fallback: bool
    translation: str  # original, machine or reviewed
    country: str | None
    countries: list[str]
    tags: list[str]
    details: dict[str, Any]  # type-specific fields (kind, organisation, from, to, legal_basis, ...)
    sources: list[Citation]
    as_of: str
    reviewed: str | None
    related: list[Link] = field(default_factory=list)  # what this entry links to
    linked_from: list[Link] = field(default_factory=list)  # entries that link to this one
    languages: list[str] = field(default_factory=list)  # every language the entry exists in

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
