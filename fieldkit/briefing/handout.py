"""Handouts: a deck as one Markdown file, or one standalone HTML page that prints well.

The HTML has no external resources (inline CSS, no scripts, no web fonts, no images: an image in the content,
often a remote one that would report each reader, is shown as its description), says its language and
direction, and carries the sources and the content date. Content Markdown is rendered with raw HTML disabled,
so text from the content cannot inject markup. The Markdown handout escapes raw HTML the same way, for whichever
viewer renders it.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

from fieldkit.briefing.deck import Deck
from fieldkit.i18n.catalog import _, speaking
from fieldkit.i18n.review import handout_review
from fieldkit.i18n.vocabulary import audience as audience_words
from fieldkit.text.sanitize import sanitize


def to_markdown(deck: Deck, *, notes: bool = False) -> str:
    """The deck as one Markdown file, its labels in the deck's language."""
    with speaking(deck.lang):
        return _markdown(deck, notes=notes)


def to_html(deck: Deck, *, notes: bool = False) -> str:
    """The deck as one standalone HTML page, its labels in the deck's language."""
    with speaking(deck.lang):
        return _html(deck, notes=notes)


def _markdown(deck: Deck, *, notes: bool) -> str:
    parts = [f"# {deck.title}", "", _header_line(deck), "", f"*{_review_line(deck)}*", ""]
    for number, slide in enumerate(deck.slides, start=1):
        parts += ["---", "", f"## {number}. {slide.title}", ""]
        if slide.fallback:
            fallback = _("Shown in English: no translation yet.")
            parts += [f"*{fallback}*", ""]
        parts += [slide.body, ""]
        if notes and slide.notes:
            trainer_notes = _("Trainer notes")
            parts += [f"> **{trainer_notes}:** {slide.notes}", ""]
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


def _header_line(deck: Deck) -> str:
    audience = audience_words(deck.audience)
    return _("For: {audience} · {minutes} minutes · content of {date} (version {version})").format(
        audience=audience, minutes=deck.duration, date=deck.content_date, version=deck.content_version)


def _review_line(deck: Deck) -> str:
    """Who checked what the handout draws on: checked against the sources when, reviewed by a specialist or not."""
    state = deck.review
    return handout_review(first_checked=state.first_checked, last_checked=state.last_checked,
                          unchecked=state.unchecked, entries=state.entries, reviewed=state.reviewed,
                          machine=state.machine, outdated=state.outdated)


_CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; line-height: 1.5; margin: 2rem auto;
       max-width: 52rem; padding: 0 1rem; color: #111; background: #fff; }
header { border-bottom: 3px solid #111; margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .3rem; }
.meta { color: #333; margin: 0 0 .4rem; }
.review { color: #7a4b00; font-weight: bold; margin: 0 0 1rem; }
section.slide { border: 1px solid #999; border-radius: 6px; padding: .8rem 1.2rem; margin: 0 0 1.2rem; }
section.slide h2 { font-size: 1.3rem; margin: .2rem 0 .6rem; }
.number { color: #555; font-weight: normal; }
.fallback { font-style: italic; color: #7a4b00; }
.notes { border-inline-start: 4px solid #999; padding-inline-start: .8rem; color: #333; }
blockquote { border-inline-start: 4px solid #bbb; margin: .5rem 0; padding-inline-start: .8rem; }
/* Each paragraph takes its direction from its own first letter: English inside an Arabic handout reads right. */
p, li, h1, h2, blockquote, .meta, .review, footer { unicode-bidi: plaintext; text-align: start; }
footer { border-top: 1px solid #999; margin-top: 2rem; padding-top: .5rem; font-size: .9rem; color: #333; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section.slide { break-inside: avoid; border: none; border-bottom: 1px solid #999; border-radius: 0; }
  a { color: inherit; text-decoration: none; }
}
"""


def _content_markdown() -> MarkdownIt:
    """CommonMark without raw HTML, and images shown as their description: a handout loads nothing."""
    markdown = MarkdownIt("commonmark", {"html": False})

    def image_as_text(renderer, tokens, index, options, env) -> str:
        described = renderer.renderInlineAsText(tokens[index].children or [], options, env)
        return f"[{html.escape(described)}]" if described else ""

    markdown.add_render_rule("image", image_as_text)
    return markdown


def _html(deck: Deck, *, notes: bool) -> str:
    markdown = _content_markdown()
    direction = "rtl" if deck.rtl else "ltr"
    slides = []
    for number, slide in enumerate(deck.slides, start=1):
        fallback = f'<p class="fallback">{_e(_("Shown in English: no translation yet."))}</p>' if slide.fallback else ""
        trainer = (f'<div class="notes"><strong>{_e(_("Trainer notes"))}:</strong> {_e(slide.notes)}</div>'
                   if notes and slide.notes else "")
        slides.append(
            f'<section class="slide" id="slide-{number}"><h2><span class="number">{number}.</span> '
            f"{_e(slide.title)}</h2>{fallback}{markdown.render(sanitize(slide.body))}{trainer}</section>"
        )
    return f"""<!DOCTYPE html>
<html lang="{_e(deck.lang)}" dir="{direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(deck.title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header><h1>{_e(deck.title)}</h1><p class="meta">{_e(_header_line(deck))}</p>
<p class="review">{_e(_review_line(deck))}</p></header>
{chr(10).join(slides)}
<footer>{_e(_("Made with fieldkit from sourced content of {date} (version {version}).").format(
        date=deck.content_date, version=deck.content_version))}</footer>
</body>
</html>
"""


def _e(text: str) -> str:
    return html.escape(sanitize(text), quote=True)
