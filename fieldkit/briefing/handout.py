"""Handouts: a deck as one Markdown file, or one standalone HTML page that prints on one A4 sheet.

The HTML has no external resources (inline CSS, no scripts, no web fonts, no images: an image in the content,
often a remote one that would report each reader, is shown as its description), says its language and direction,
and names its sources and the content date at the foot of the page; `with_sources` adds every quote on pages of
their own. Content Markdown is rendered with raw HTML disabled, so text from the content cannot inject markup;
the Markdown handout escapes raw HTML the same way, for whichever viewer renders it. Quotes are printed as plain
text, exactly as the documents have them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fieldkit.briefing.deck import Deck, Slide
from fieldkit.briefing.page import content_markdown, e, fits, page, size_for
from fieldkit.i18n.catalog import _, speaking
from fieldkit.i18n.review import handout_review, source_note
from fieldkit.i18n.vocabulary import audience as audience_words
from fieldkit.store.models import Citation
from fieldkit.text.markdown_plain import escape_markdown, plain_text
from fieldkit.text.sanitize import sanitize


def to_markdown(deck: Deck, *, notes: bool = False, with_sources: bool = False) -> str:
    """The deck as one Markdown file, its labels in the deck's language."""
    with speaking(deck.lang):
        return _markdown(deck, notes=notes, with_sources=with_sources)


def to_html(deck: Deck, *, notes: bool = False, with_sources: bool = False) -> str:
    """The deck as one standalone HTML page, its labels in the deck's language."""
    with speaking(deck.lang):
        return _html(deck, notes=notes, with_sources=with_sources)


def _header_line(deck: Deck) -> str:
    return _("For: {audience} · content of {date} (version {version})").format(
        audience=audience_words(deck.audience), date=deck.content_date, version=deck.content_version)


def _review_line(deck: Deck) -> str:
    """Who checked what the handout draws on: checked against the sources when, reviewed by a specialist or not."""
    state = deck.review
    return handout_review(first_checked=state.first_checked, last_checked=state.last_checked,
                          unchecked=state.unchecked, entries=state.entries, reviewed=state.reviewed,
                          machine=state.machine, outdated=state.outdated)


def _outside(citation: Citation) -> str:
    """" (from outside the sources; check again by ...)" for a fact from outside the shared documents, else ""."""
    note = source_note(citation)
    return f" ({note})" if note else ""


def _printed(deck: Deck, *, notes: bool = False) -> list[Slide]:
    """The slides a handout prints: not the title slide of a generated deck (the page's header says it all). Where
    the whole text would not fit on one page, slides with a shorter version give it, the longest first."""
    slides = [slide for slide in deck.handout_slides if slide.kind != "title"]
    for slide in sorted((s for s in slides if s.brief), key=lambda s: -len(s.body)):
        if fits(_characters(deck, slides, notes=notes), rtl=deck.rtl):
            break
        slides[slides.index(slide)] = replace(slide, body=slide.brief, brief="")
    return slides


def _documents(sources: list[Citation]) -> list[tuple[Citation, list[Citation]]]:
    """(the first citation of each document, all its citations), in first-seen order."""
    by_document: dict[str, list[Citation]] = {}
    for citation in sources:
        by_document.setdefault(citation.doc, []).append(citation)
    return [(citations[0], citations) for citations in by_document.values()]


def _document_name(citation: Citation) -> str:
    return (citation.title or citation.doc) + (f" ({citation.published})" if citation.published else "")


# --- Markdown ---------------------------------------------------------------------------------------------------
def _markdown(deck: Deck, *, notes: bool, with_sources: bool) -> str:
    parts = [f"# {escape_markdown(deck.title)}", "", _header_line(deck), "", f"*{_review_line(deck)}*", ""]
    if deck.intro:
        parts += [escape_markdown(deck.intro), ""]
    for number, slide in enumerate(_printed(deck, notes=notes), start=1):
        parts += ["---", "", f"## {number}. {escape_markdown(slide.title)}", ""]
        if slide.fallback:
            parts += [f"*{_('Shown in English: no translation yet.')}*", ""]
        parts += [slide.body, ""]
        if notes and slide.notes:
            parts += [f"> **{_(deck.notes_label)}:** {escape_markdown(slide.notes)}", ""]
    parts += ["---", "", _sources_line(deck)]
    if with_sources and deck.sources:
        parts += ["", f"## {_('Sources')}", ""]
        for first, citations in _documents(deck.sources):
            url = f" — {escape_markdown(first.url)}" if first.url else ""
            parts.append(f"- **{escape_markdown(_document_name(first))}**{url}")
            for citation in citations:
                quote = f": “{escape_markdown(citation.quote)}”" if citation.quote else ""
                parts.append(f"  - {escape_markdown(citation.where or '')}{quote}{escape_markdown(_outside(citation))}")
    return escape_raw_html(sanitize("\n".join(parts).rstrip() + "\n"))


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]*>")


def escape_raw_html(markdown: str) -> str:
    """Markdown with every `<` that could open raw HTML backslash-escaped (shown as text by any CommonMark
    viewer), except inside code and in autolinks such as <https://example.org>; and every image shown as its
    description in brackets, as in the HTML handout (a viewer would load it, from anywhere)."""
    out, fence = [], None
    for line in markdown.split("\n"):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opening:
            fence = opening.group(1)
            out.append(line)
            continue
        pieces, last = [], 0
        for span in _CODE_SPAN.finditer(line):
            pieces.append(_escape_angles(line[last:span.start()]))
            pieces.append(span.group())
            last = span.end()
        pieces.append(_escape_angles(line[last:]))
        out.append("".join(pieces))
    return "\n".join(out)


_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")


def _escape_angles(text: str) -> str:
    text = _IMAGE.sub(lambda image: f"[{image.group(1)}]" if image.group(1) else "", text)
    pieces, last = [], 0
    for link in _AUTOLINK.finditer(text):
        pieces.append(text[last:link.start()].replace("<", "\\<"))
        pieces.append(link.group())
        last = link.end()
    pieces.append(text[last:].replace("<", "\\<"))
    return "".join(pieces)


def _sources_line(deck: Deck) -> str:
    names = "; ".join(_document_name(first) for first, _citations in _documents(deck.sources))
    line = _("Sources: {documents}.").format(documents=names) if names else ""
    made = _("Made with fieldkit from sourced content of {date} (version {version}).").format(
        date=deck.content_date, version=deck.content_version)
    return f"{line} {made}".strip()


# --- HTML -------------------------------------------------------------------------------------------------------
def _html(deck: Deck, *, notes: bool, with_sources: bool) -> str:
    markdown = content_markdown()
    slides = _printed(deck, notes=notes)
    sections = []
    for slide in slides:
        fallback = f'<p class="fallback">{e(_("Shown in English: no translation yet."))}</p>' if slide.fallback else ""
        trainer = (f'<div class="notes"><strong>{e(_(deck.notes_label))}:</strong> {e(slide.notes)}</div>'
                   if notes and slide.notes else "")
        long = ' class="long"' if len(slide.body) > 900 else ""
        sections.append(f"<section{long}><h2>{e(slide.title)}</h2>{fallback}"
                        f"{markdown.render(sanitize(slide.body))}{trainer}</section>")
    size, two_columns = fit(deck, slides, notes=notes)
    intro = f'<p class="intro">{e(deck.intro)}</p>' if deck.intro else ""
    body = (f'<header><h1>{e(deck.title)}</h1><p class="meta">{e(_header_line(deck))}</p>'
            f'<p class="review">{e(_review_line(deck))}</p></header>\n{intro}\n'
            f'<main class="columns{" two" if two_columns else ""}">\n' + "\n".join(sections) + "\n</main>\n"
            f"<footer>{e(_sources_line(deck))}</footer>")
    if with_sources and deck.sources:
        body += "\n" + _appendix(deck.sources)
    return page(lang=deck.lang, title=deck.title, size=size, body=body)


def _appendix(sources: list[Citation]) -> str:
    """Every source and quote, as plain text, on pages after the handout."""
    items = []
    for first, citations in _documents(sources):
        url = f' — <span dir="ltr">{e(first.url)}</span>' if first.url else ""
        quotes = "".join(
            f"<li>{e(citation.where or '')}" + (f': <span class="quote">“{e(citation.quote)}”</span>'
                                               if citation.quote else "") + e(_outside(citation)) + "</li>"
            for citation in citations)
        items.append(f"<li><strong>{e(_document_name(first))}</strong>{url}<ul>{quotes}</ul></li>")
    return f'<section class="appendix"><h2>{e(_("Sources"))}</h2><ul>{"".join(items)}</ul></section>'


def _characters(deck: Deck, slides: list[Slide], *, notes: bool) -> int:
    """The amount of text, each heading and list item counted with the part of a line it leaves empty."""
    characters = (len(deck.title) + len(deck.intro) + 120 + len(_sources_line(deck))  # header, footer
                  + len(_review_line(deck)) + 40)  # and who checked what, on a line of its own
    for slide in slides:
        characters += len(slide.title) + 60 + len(plain_text(slide.body)) + 30 * slide.body.count("\n- ")
        if notes and slide.notes:
            characters += len(slide.notes) + 40
    return characters


def fit(deck: Deck, slides: list[Slide], *, notes: bool = False) -> tuple[str, bool]:
    """The font size and columns that put these slides on one A4 page, from the amount of text."""
    return size_for(_characters(deck, slides, notes=notes), rtl=deck.rtl)
