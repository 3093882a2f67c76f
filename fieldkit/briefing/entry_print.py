"""One entry on one printed page, to hand to the person in front of you: in their language, with its details, its
sources and quotes, its dates and who checked what (as of, checked against the sources, reviewed by a specialist
or not, the translation's state), as standalone HTML for A4 or as Markdown.

Labels and words for values are in the entry's requested language (speaking); where the entry itself is shown in
English for want of a translation, the page says so, as the app does.
"""

from __future__ import annotations

from fieldkit.briefing.page import content_markdown, e, fits, page, size_for
from fieldkit.core.languages import is_rtl
from fieldkit.i18n.catalog import _, speaking
from fieldkit.i18n.details import attached_sections, detail_lines, local_line, not_known
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.review import dates_line, overdue_line, review_line, source_note, translation_line
from fieldkit.i18n.vocabulary import type_label
from fieldkit.store.models import Citation, Entry
from fieldkit.text.markdown_plain import escape_markdown, plain_text
from fieldkit.text.sanitize import sanitize

QUOTE_LIMITS = (None, 80, 0)  # whole quotes, then cut at 80 characters, then none: the first that fits


def entry_to_html(entry: Entry, *, content_version: str = "", content_date: str = "") -> str:
    with speaking(entry.requested_lang):
        return _html(entry, content_version, content_date)


def entry_to_markdown(entry: Entry, *, content_version: str = "", content_date: str = "") -> str:
    with speaking(entry.requested_lang):
        return _markdown(entry, content_version, content_date)


def _meta(entry: Entry) -> str:
    where = f" · {country_name(entry.country, entry.requested_lang)}" if entry.country else ""
    return type_label(entry.type) + where


def _marker(entry: Entry) -> str:
    """English for want of a translation, machine-made, reviewed by whom, or made from an older English original."""
    return translation_line(entry)


def _dates(entry: Entry) -> str:
    """When the facts held, when the editors checked them against the sources, and whether a specialist reviewed
    the entry; a warning when a fact from outside the sources is past the day to check it again."""
    from fieldkit.core.languages import language

    row = language(entry.requested_lang)
    line = dates_line(entry, locale=row.locale if row else "en") + " · " + review_line(entry.review)
    overdue = overdue_line(entry)
    return f"{line} {overdue}" if overdue else line


def _outside(citation: Citation) -> str:
    note = source_note(citation)
    return f" ({note})" if note else ""


def _made(content_version: str, content_date: str) -> str:
    return _("Made with fieldkit from sourced content of {date} (version {version}).").format(
        date=content_date, version=content_version)


def _document(citation: Citation) -> str:
    return (citation.title or citation.doc) + (f" ({citation.published})" if citation.published else "")


def _by_document(sources: list[Citation]) -> list[tuple[int, list[Citation]]]:
    """Citations grouped by document, in first-seen order, each group with the number of its first citation."""
    groups: dict[str, list[Citation]] = {}
    for citation in sources:
        groups.setdefault(citation.doc, []).append(citation)
    out, number = [], 1
    for citations in groups.values():
        out.append((number, citations))
        number += len(citations)
    return out


def _shortened(quote: str | None, limit: int | None) -> str:
    """A quote cut at a word before `limit` characters, marked with "…" (None: whole)."""
    if not quote or limit is None or len(quote) <= limit:
        return quote or ""
    if limit == 0:
        return ""
    cut = quote.rfind(" ", 0, limit)
    return quote[: cut if cut > limit // 2 else limit].rstrip() + "…"


def _document_html(first: int, citations: list[Citation], limit: int | None) -> str:
    """One document, then each passage cited from it: where, and the quote, as plain text."""
    url = f' <span dir="ltr">{e(citations[0].url)}</span>' if citations[0].url else ""
    quotes = " ".join(
        f"<span class=\"cite\">[{first + n}] {e(c.where or '')}"
        + (f': <span class="quote">“{e(_shortened(c.quote, limit))}”</span>' if _shortened(c.quote, limit) else "")
        + e(_outside(c)) + "</span>"
        for n, c in enumerate(citations))
    return f"<p><strong>{e(_document(citations[0]))}</strong>{url}<br>{quotes}</p>"


# --- HTML -------------------------------------------------------------------------------------------------------
def _html(entry: Entry, content_version: str, content_date: str) -> str:
    lang = entry.lang if not entry.fallback else "en"  # the text's language, for fonts and direction
    marker = _marker(entry)
    details = "".join(
        f"<dt>{e(label)}</dt><dd>{e(value) if value else '<i>' + e(not_known()) + '</i>'}</dd>"
        for label, value in detail_lines(entry))
    # Quotes take most room on a long entry's page: shortened, then left out, until it fits (said on the page).
    limit = next((limit for limit in QUOTE_LIMITS if fits(_characters(entry, limit), rtl=is_rtl(lang), smallest=True)),
                 0)
    sources = "".join(_document_html(number, citations, limit) for number, citations in _by_document(entry.sources))
    if limit is not None:
        shortened = _("Quotes shortened to fit one page; fieldkit has them in full.")
        sources += f'<p class="fallback">{e(shortened)}</p>'
    size, two_columns = size_for(_characters(entry, limit), rtl=is_rtl(lang))
    local = local_line(entry)  # an organisation's own entry, and what organisations attached: said as theirs
    attached = "".join(
        f'<section><h3>{e(heading)}</h3><dl class="details">'
        + "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in lines) + "</dl>"
        + "".join(f'<p class="meta">{e(note)}</p>' for note in notes) + "</section>\n"
        for heading, lines, notes in attached_sections(entry))
    body = (
        f'<header><h1>{e(entry.title)}</h1><p class="meta">{e(_meta(entry))}</p>'
        + (f'<p class="fallback">{e(local)}</p>' if local else "")
        + (f'<p class="fallback">{e(marker)}</p>' if marker else "")
        + f'<p class="meta">{e(_dates(entry))}</p></header>\n'
        f'<p class="intro">{e(entry.summary)}</p>\n'
        f'<main class="columns{" two" if two_columns else ""}">\n<section class="long">{content_markdown().render(sanitize(entry.body))}'
        "</section>\n"
        + (f'<section><dl class="details">{details}</dl></section>\n' if details else "")
        + attached
        + f'<section class="long sources"><h2>{e(_("Sources"))}</h2>{sources}</section>\n</main>\n'
        f"<footer>{e(_made(content_version, content_date))}</footer>"
    )
    return page(lang=lang, title=entry.title, size=size, body=body)


def _characters(entry: Entry, limit: int | None = None) -> int:
    """The amount of text on the page (see page.size_for): blocks and list items count the line end they leave."""
    blocks = entry.body.count("\n\n") + entry.body.count("\n- ") + entry.body.count("\n#")
    text = len(entry.title) + len(entry.summary) + 250 + len(plain_text(entry.body)) + 40 * blocks
    text += len(_dates(entry)) - 60  # who checked what: longer than the one dates line the 250 counted
    text += sum(len(label) + len(value or "") + 30 for label, value in detail_lines(entry))
    for _number, citations in _by_document(entry.sources):  # the sources are set smaller: counted at 80 %
        text += int(0.8 * (len(_document(citations[0])) + 40
                           + sum(len(c.where or "") + len(_shortened(c.quote, limit)) + len(_outside(c)) + 8
                                 for c in citations)))
    return text


# --- Markdown ---------------------------------------------------------------------------------------------------
def _markdown(entry: Entry, content_version: str, content_date: str) -> str:
    marker = _marker(entry)
    parts = [f"# {escape_markdown(entry.title)}", "", escape_markdown(_meta(entry)), ""]
    local = local_line(entry)
    if local:
        parts += [f"*{escape_markdown(local)}*", ""]
    if marker:
        parts += [f"*{marker}*", ""]
    parts += [_dates(entry), "", f"*{escape_markdown(entry.summary)}*", "", entry.body.strip(), ""]
    details = detail_lines(entry)
    if details:
        parts += [f"- **{escape_markdown(label)}:** {escape_markdown(value) if value else '*' + not_known() + '*'}"
                  for label, value in details]
        parts.append("")
    for heading, lines, notes in attached_sections(entry):
        parts += [f"**{escape_markdown(heading)}**", ""]
        parts += [f"- **{escape_markdown(label)}:** {escape_markdown(value)}" for label, value in lines]
        parts += [f"- *{escape_markdown(note)}*" for note in notes]
        parts.append("")
    parts += [f"## {_('Sources')}", ""]
    for first, citations in _by_document(entry.sources):
        url = f" {escape_markdown(citations[0].url)}" if citations[0].url else ""
        parts += [f"**{escape_markdown(_document(citations[0]))}**{url}", ""]
        for n, citation in enumerate(citations):
            quote = f": “{escape_markdown(citation.quote)}”" if citation.quote else ""
            parts.append(f"- [{first + n}] {escape_markdown(citation.where or '')}{quote}"
                         f"{escape_markdown(_outside(citation))}")
        parts.append("")
    parts += ["", "---", "", _made(content_version, content_date)]
    return sanitize("\n".join(parts).rstrip() + "\n")
