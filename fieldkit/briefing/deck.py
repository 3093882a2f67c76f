"""A deck of slides: parsed from a briefing's Markdown (`---` between slides, `???` before trainer notes)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from fieldkit.core.explained import Explained
from fieldkit.store.models import Citation, Entry

_SLIDE_BREAK = re.compile(r"^---[ \t]*$", re.MULTILINE)
_NOTES_BREAK = re.compile(r"^\?\?\?[ \t]*$", re.MULTILINE)
_TITLE = re.compile(r"^#{1,2}\s+(.+?)\s*#*\s*$", re.MULTILINE)


class BriefingError(Explained):
    """A briefing cannot be made (unknown deck, no route through those countries, ...). One clear line."""


class RouteSpecError(Explained, ValueError):
    """A --route that is not country codes joined by '..'."""


@dataclass
class Slide:
    title: str
    body: str  # Markdown, without the title heading
    notes: str = ""  # for the trainer only
    fallback: bool = False  # some of it is shown in English for want of a translation
    brief: str = ""  # a shorter body a one-page handout may print instead (Markdown); "" : none
    kind: str = ""  # what a generated slide holds: title, leg, rights, services, emergency, sources ("" authored)


@dataclass
class ReviewState:
    """Who checked what, over the entries a deck draws on: shown on its handout."""

    first_checked: str = ""  # the oldest and newest day the editors checked one of them against the sources
    last_checked: str = ""
    unchecked: int = 0  # entries not checked against the sources
    entries: int = 0
    reviewed: int = 0  # entries a specialist reviewed
    machine: bool = False  # some of it is a machine translation nobody reviewed
    outdated: bool = False  # some translation was made from an older English original

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> ReviewState:
        unique = list({entry.id: entry for entry in entries}.values())
        checked = sorted(entry.checked for entry in unique if entry.checked)
        return cls(first_checked=checked[0] if checked else "", last_checked=checked[-1] if checked else "",
                   unchecked=sum(1 for entry in unique if not entry.checked), entries=len(unique),
                   reviewed=sum(1 for entry in unique if entry.review),
                   machine=any(entry.translation_state == "machine" for entry in unique),
                   outdated=any(entry.translation_state == "outdated" for entry in unique))


@dataclass
class Deck:
    title: str
    audience: str
    duration: int  # minutes planned
    lang: str
    slides: list[Slide]
    sources: list[Citation] = field(default_factory=list)
    content_version: str = ""
    content_date: str = ""
    id: str = ""  # empty for a generated deck
    review: ReviewState = field(default_factory=ReviewState)
    # What two terminals presenting "the same deck" agree on (the presenter view): the authored deck's id, or
    # what a generated deck was made from (route or country, and audience). Not the language: the trainer may
    # read notes in another language than the one projected.
    key: str = ""
    notes_label: str = "Trainer notes"  # what the slides' notes are (English, marked for translation where set)
    intro: str = ""  # a generated deck's opening lines (who it is for, what it holds): a handout's first paragraph

    @property
    def presentation_key(self) -> str:
        return self.key or self.id or self.title

    @property
    def handout_slides(self) -> list[Slide]:
        """The slides a handout prints: the closing list of sources is the handout's appendix instead."""
        return [slide for slide in self.slides if slide.kind != "sources"]

    @property
    def rtl(self) -> bool:
        from fieldkit.core.languages import is_rtl

        return is_rtl(self.lang)


def parse_slides(markdown: str) -> list[Slide]:
    """Split a deck body into slides; the first `#` heading of each is its title."""
    slides = []
    for chunk in _SLIDE_BREAK.split(markdown):
        if not chunk.strip():
            continue
        content, *notes = _NOTES_BREAK.split(chunk, maxsplit=1)
        slides.append(_slide(content, notes[0] if notes else ""))
    return slides


def _slide(content: str, notes: str) -> Slide:
    match = _TITLE.search(content)
    title = match.group(1).strip() if match else ""
    body = (content[: match.start()] + content[match.end() :]) if match else content
    return Slide(title=title, body=body.strip(), notes=notes.strip())


def unique_citations(citations: list[Citation]) -> list[Citation]:
    """Citations in first-seen order, each (document, section, quote) once."""
    seen, out = set(), []
    for citation in citations:
        key = (citation.doc, citation.where, citation.quote)
        if key not in seen:
            seen.add(key)
            out.append(citation)
    return out
