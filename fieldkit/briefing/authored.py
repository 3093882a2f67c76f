"""Decks written as content (content/briefings/), read from the store with their embedded entries' sources."""

from __future__ import annotations

from fieldkit.briefing.deck import BriefingError, Deck, ReviewState, parse_slides, unique_citations
from fieldkit.core.marker import N_
from fieldkit.store.store import Store


def list_decks(store: Store, lang: str = "en") -> list[dict]:
    return store.list_entries(entry_type="briefing", lang=lang)


def load_deck(store: Store, deck_id: str, lang: str = "en") -> Deck:
    entry = store.get(deck_id, lang)
    if entry is None or entry.type != "briefing":
        known = ", ".join(d["id"] for d in list_decks(store)) or "none"
        raise BriefingError(N_("no briefing deck {id} (decks: {known})"), id=repr(deck_id), known=known)
    slides = parse_slides(entry.body)
    for slide in slides:
        slide.fallback = entry.fallback
    citations = list(entry.sources)
    drawn_on = [entry]
    for link in entry.related:  # embedded entries: their facts are on the slides, so are their sources
        if link.kind == "embeds":
            embedded = store.get(link.id, lang)
            if embedded is not None:
                citations += embedded.sources
                drawn_on.append(embedded)
    meta = store.meta()
    return Deck(
        id=entry.id, title=entry.title, audience=str(entry.details.get("audience", "staff")),
        duration=entry.details.get("duration", 0),
        lang=entry.lang, slides=slides, sources=unique_citations(citations),
        content_version=meta.get("content_version", ""), content_date=meta.get("content_date", ""),
        review=ReviewState.of(drawn_on),
    )
