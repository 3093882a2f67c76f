"""Plain data returned by the store: no SQL and no UI here."""

from __future__ import annotations

from fieldkit.core.records import asdict, dataclass, field  # not dataclasses: see records.py

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a search imports no typing at all)
if TYPE_CHECKING:
    from typing import Any, TypedDict


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
    added_by: str | None = None  # an organisation's own entry (an overlay): who added it; None: published content

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
    outside_sources: bool = False  # cites a source that is not one of the shared documents (a public web page)
    review_by: str | None = None  # such a fact: when to check it again (YYYY-MM-DD)


if TYPE_CHECKING:
    class Review(TypedDict, total=False):
        """A person's review: who, for which organisation (optional), and when."""

        by: str
        organisation: str
        date: str
else:
    Review = dict  # what a TypedDict is at run time (typing is not imported for it)


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
    reviewed: str | None  # the date a specialist reviewed the entry; None: not yet reviewed by a specialist
    related: list[Link] = field(default_factory=list)  # what this entry links to
    linked_from: list[Link] = field(default_factory=list)  # entries that link to this one
    languages: list[str] = field(default_factory=list)  # every language the entry exists in
    checked: str | None = None  # the day the editors checked it against its sources; None: not checked
    review: Review | None = None  # who reviewed the entry (a person, a specialist), or None
    translation_state: str = "original"  # original, machine, reviewed, or outdated (the original changed since)
    translation_review: Review | None = None  # who reviewed this translation, or None
    review_by: str | None = None  # the earliest review_by of its facts from outside the sources, or None
    # Added by an organisation (an overlay), not part of the published content: {namespace, organisation, layer}.
    local: dict[str, Any] | None = None
    # Fields organisations attached to this published entry, each apart from its text: {namespace, organisation,
    # fields, sources, checked, reviewed}.
    attached: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def review_overdue(self, today: str) -> bool:
        """Whether a fact from outside the sources is past the day it was to be checked again (today: YYYY-MM-DD)."""
        return self.review_by is not None and self.review_by < today
