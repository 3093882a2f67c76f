"""One entry on one printed page, to hand to the person in front of you: in their language, with its details, its
sources and quotes, and its dates (as of, reviewed), as standalone HTML for A4 or as Markdown.

Labels and words for values are in the entry's requested language (speaking); where the entry itself is shown in
English for want of a translation, the page says so, as the app does.
"""

from __future__ import annotations

from fieldkit.briefing.page import content_markdown, e, page, size_for
from fieldkit.core.languages import is_rtl
from fieldkit.i18n.catalog import _, speaking
from fieldkit.i18n.details import detail_lines, not_known
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.vocabulary import type_label
from fieldkit.store.models import Citation, Entry
from fieldkit.text.markdown_plain import escape_markdown, plain_text
from fieldkit.text.sanitize import sanitize


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
    if entry.fallback:
        return _("Shown in English: no translation yet.")
    if entry.translation == "machine":
        return _("Machine translation, not yet reviewed by a person.")
    return ""


def _dates(entry: Entry) -> str:
    from fieldkit.i18n.dates import age_in_words

    age = age_in_words(entry.reviewed, locale=entry.requested_lang) or _("never")
    return _("Facts as of {as_of} · reviewed {reviewed} ({age})").format(
        as_of=entry.as_of, reviewed=entry.reviewed or _("never"), age=age)


def _made(content_version: str, content_date: str) -> str:
    return _("Made with fieldkit from sourced content of {date} (version {version}).").format(
        date=content_date, version=content_version)


def _citation_line(citation: Citation) -> tuple[str, str]:
    """(the document and where in it, the quote) of one citation, as plain text."""
    name = (citation.title or citation.doc) + (f" ({citation.published})" if citation.published else "")
    return name + (f", {citation.where}" if citation.where else ""), citation.quote or ""


# --- HTML -------------------------------------------------------------------------------------------------------
def _html(entry: Entry, content_version: str, content_date: str) -> str:
    lang = entry.lang if not entry.fallback else "en"  # the text's language, for fonts and direction
    marker = _marker(entry)
    details = "".join(
        f"<dt>{e(label)}</dt><dd>{e(value) if value else '<i>' + e(not_known()) + '</i>'}</dd>"
        for label, value in detail_lines(entry))
    sources = "".join(
        f"<li>{e(where)}" + (f': <span class="quote">“{e(quote)}”</span>' if quote else "")
        + (f' <span dir="ltr">{e(citation.url)}</span>' if citation.url else "") + "</li>"
        for citation in entry.sources for where, quote in [_citation_line(citation)])
    size, two_columns = size_for(_characters(entry), rtl=is_rtl(lang))
    body = (
        f'<header><h1>{e(entry.title)}</h1><p class="meta">{e(_meta(entry))}</p>'
        + (f'<p class="fallback">{e(marker)}</p>' if marker else "")
        + f'<p class="meta">{e(_dates(entry))}</p></header>\n'
        f'<p class="intro">{e(entry.summary)}</p>\n'
        f'<main class="columns{" two" if two_columns else ""}">\n<section class="long">{content_markdown().render(sanitize(entry.body))}'
        "</section>\n"
        + (f'<section><dl class="details">{details}</dl></section>\n' if details else "")
        + f'<section class="long"><h2>{e(_("Sources"))}</h2><ol>{sources}</ol></section>\n</main>\n'
        f"<footer>{e(_made(content_version, content_date))}</footer>"
    )
    return page(lang=lang, title=entry.title, size=size, body=body)


def _characters(entry: Entry) -> int:
    """The amount of text on the page (see page.size_for)."""
    text = len(entry.title) + len(entry.summary) + 250 + len(plain_text(entry.body)) + 30 * entry.body.count("\n")
    text += sum(len(label) + len(value or "") + 30 for label, value in detail_lines(entry))
    text += sum(len(where) + len(quote) + 40 for where, quote in map(_citation_line, entry.sources))
    return text


# --- Markdown ---------------------------------------------------------------------------------------------------
def _markdown(entry: Entry, content_version: str, content_date: str) -> str:
    marker = _marker(entry)
    parts = [f"# {escape_markdown(entry.title)}", "", escape_markdown(_meta(entry)), ""]
    if marker:
        parts += [f"*{marker}*", ""]
    parts += [_dates(entry), "", f"*{escape_markdown(entry.summary)}*", "", entry.body.strip(), ""]
    details = detail_lines(entry)
    if details:
        parts += [f"- **{escape_markdown(label)}:** {escape_markdown(value) if value else '*' + not_known() + '*'}"
                  for label, value in details]
        parts.append("")
    parts += [f"## {_('Sources')}", ""]
    for number, citation in enumerate(entry.sources, start=1):
        where, quote = _citation_line(citation)
        line = f"{number}. {escape_markdown(where)}" + (f": “{escape_markdown(quote)}”" if quote else "")
        parts.append(line + (f" {escape_markdown(citation.url)}" if citation.url else ""))
    parts += ["", "---", "", _made(content_version, content_date)]
    return sanitize("\n".join(parts).rstrip() + "\n")
