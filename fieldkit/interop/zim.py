"""`fieldkit export --format zim`: the content in one language as a ZIM file, the format Kiwix reads.

One laptop then serves fieldkit's content to phones on a local hotspot through software that already exists:
kiwix-serve, the Kiwix apps, Internet-in-a-Box. Each entry is one HTML page (title, type and country, summary,
body, details, sources with their quotes, related entries), every page in the language's direction (`dir="rtl"`
for Arabic-script languages), with an index page by topic, the metadata Kiwix shows (Title, Language, Creator,
Publisher, Date, Description, a 48x48 illustration) and a full-text index, so the phones can search.

python-libzim is large (10 MB of native code), so it is an optional extra (`pip install fieldkit[zim]`) and not in
the one-file executable: without it this says so (`ZimUnavailable`). Pages load nothing from outside: inline
CSS, no scripts, Markdown without raw HTML and images shown as their description (the handouts' renderer).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import struct
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldkit.briefing.page import content_markdown
from fieldkit.core.explained import Explained
from fieldkit.core.languages import ENGLISH, is_rtl
from fieldkit.core.languages import language as language_row
from fieldkit.core.marker import N_
from fieldkit.core.progress import step, track
from fieldkit.core.registry import REGISTRY
from fieldkit.store.models import Entry
from fieldkit.store.store import Store
from fieldkit.text.sanitize import sanitize

MAIN_PAGE = "index"
ILLUSTRATION_SIZE = 48
DESCRIPTION_MAX = 80  # the ZIM metadata rules: Description is at most 80 characters


class ZimUnavailable(Explained):
    """python-libzim is not installed (the one-file executable never has it)."""


@dataclass(frozen=True)
class ZimSummary:
    path: Path
    pages: int
    lang: str
    size: int


def libzim_writer() -> Any:
    try:
        from libzim import writer
    except ImportError:
        raise ZimUnavailable(N_("ZIM export needs python-libzim: install it with 'pip install fieldkit[zim]' (or "
                                "'pip install libzim'); the one-file executable does not include it")) from None
    return writer


def write_zim(store: Store, lang: str, out: Path, *, today: dt.date | None = None) -> ZimSummary:
    """Write every entry in `lang` (English where not translated, and marked so) to the ZIM file `out`, written
    beside it and moved into place only when complete. ZimUnavailable without libzim, OSError if `out` cannot be
    written (then it is unchanged)."""
    from fieldkit.core.atomic import write_bytes
    from fieldkit.i18n.catalog import _

    writer = libzim_writer()
    row = language_row(lang)
    iso3 = row.iso639_3 if row and row.iso639_3 else "eng"
    listed = store.list_entries(lang=lang)
    entries = [entry for entry in (store.get(item["id"], lang) for item in track(listed, N_("reading entries")))
               if entry is not None]
    meta = store.meta()
    when = (today or dt.date.today()).isoformat()
    with tempfile.TemporaryDirectory(prefix="fieldkit-zim-") as work, _quiet_stdout():
        target = Path(work) / "fieldkit.zim"
        with writer.Creator(str(target)).config_verbose(False).config_indexing(True, iso3) as creator:
            creator.set_mainpath(MAIN_PAGE)
            for entry in track(entries, N_("writing pages")):
                creator.add_item(_page(writer, entry.id, entry.title, entry_html(entry, lang, meta), front=True))
            creator.add_item(_page(writer, MAIN_PAGE, "fieldkit", index_html(entries, lang, meta), front=False))
            native = row.native if row else lang
            creator.add_metadata("Title", f"fieldkit ({native})")
            creator.add_metadata("Language", iso3)
            creator.add_metadata("Creator", "fieldkit")
            creator.add_metadata("Publisher", "fieldkit")
            creator.add_metadata("Date", when)
            creator.add_metadata("Name", f"fieldkit_{lang.lower()}_all")
            description = _("Routes, risks, rights and services along the Western Balkans route")
            creator.add_metadata("Description", description[:DESCRIPTION_MAX])
            creator.add_metadata("Source", f"fieldkit content {meta.get('content_version', '')}")
            creator.add_illustration(ILLUSTRATION_SIZE, illustration_png(ILLUSTRATION_SIZE))
            step(N_("indexing and compressing the ZIM file"))  # libzim does it as the creator closes
        data = target.read_bytes()
    write_bytes(out, data)
    return ZimSummary(out, len(entries) + 1, lang, len(data))


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """libzim's C++ code prints its progress on standard output whatever it is told; fieldkit's output is its
    own, so file descriptor 1 points at the null device while the file is written."""
    import os
    import sys

    try:
        sys.stdout.flush()
        saved = os.dup(1)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _page(writer: Any, path: str, title: str, text: str, *, front: bool) -> Any:
    class Page(writer.Item):
        def get_path(self) -> str:
            return path

        def get_title(self) -> str:
            return title

        def get_mimetype(self) -> str:
            return "text/html"

        def get_contentprovider(self) -> Any:
            return writer.StringProvider(text)

        def get_hints(self) -> dict[Any, bool]:
            return {writer.Hint.FRONT_ARTICLE: front, writer.Hint.COMPRESS: True}

    return Page()


# --- pages ----------------------------------------------------------------------------------------------------
_CSS = """body{font-family:sans-serif;line-height:1.5;max-width:46em;margin:0 auto;padding:0 1em}
.meta{color:#555;font-size:.9em}.summary{font-style:italic}.local{background:#fff4d6;padding:.3em .6em}
.fallback{color:#8a4b00}dt{font-weight:bold}dd{margin:0 0 .4em 1em}blockquote{color:#444;margin:.2em 1em}"""


def _e(text: object) -> str:
    return html.escape(sanitize(str(text)), quote=True)


def _document(lang: str, title: str, body: str) -> str:
    direction = "rtl" if is_rtl(lang) else "ltr"
    return (f'<!DOCTYPE html>\n<html lang="{_e(lang)}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{_e(title)}</title>\n'
            f"<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def entry_html(entry: Entry, lang: str, meta: dict[str, str]) -> str:
    """One entry's page, in `lang`'s direction (the entry's own text in English where it has no translation)."""
    from fieldkit.i18n.catalog import _
    from fieldkit.i18n.details import attached_sections, detail_lines, not_known
    from fieldkit.i18n.languages import country_name
    from fieldkit.i18n.vocabulary import type_label

    parts = [f"<h1>{_e(entry.title)}</h1>"]
    where = f" · {country_name(entry.country, lang)}" if entry.country else ""
    parts.append(f'<p class="meta">{_e(type_label(entry.type) + where)}</p>')
    added = local_note(entry)
    if added:
        parts.append(f'<p class="local">{_e(added)}</p>')
    if entry.fallback:
        parts.append(f'<p class="fallback" dir="ltr">{_e(_("shown in English: no translation yet"))}</p>')
    text_dir = ' dir="ltr"' if entry.fallback and is_rtl(lang) else ""
    parts.append(f'<div{text_dir}><p class="summary">{_e(entry.summary)}</p>')
    parts.append(content_markdown().render(sanitize(entry.body)) + "</div>")
    details = detail_lines(entry)
    if details:
        parts.append(f"<h2>{_e(_('Details'))}</h2><dl>")
        parts += [f"<dt>{_e(label)}</dt><dd>{_e(value) if value else _e(not_known())}</dd>" for label, value in details]
        parts.append("</dl>")
    for heading, lines, notes in attached_sections(entry):  # fields organisations attached, apart from the text
        parts.append(f'<h3 class="local">{_e(heading)}</h3><dl>')
        parts += [f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in lines]
        parts.append("</dl>" + "".join(f'<p class="meta">{_e(note)}</p>' for note in notes))
    parts.append(f"<h2>{_e(_('Sources'))}</h2><ol>")
    for citation in entry.sources:
        title = f" — {citation.title}" if citation.title else ""
        quote = f"<blockquote>“{_e(citation.quote)}”</blockquote>" if citation.quote else ""
        url = f"<br><code>{_e(citation.url)}</code>" if citation.url else ""  # shown, not linked: nothing loads
        parts.append(f"<li>{_e(citation.doc + title)}, {_e(citation.where or '')}{quote}{url}</li>")
    parts.append("</ol>")
    links = entry.related + entry.linked_from
    if links:
        parts.append(f"<h2>{_e(_('Related'))}</h2><ul>")
        parts += [f'<li><a href="{_e(link.id)}">{_e(link.title)}</a> ({_e(type_label(link.type))})</li>'
                  for link in links]
        parts.append("</ul>")
    parts.append(f'<p class="meta"><a href="{MAIN_PAGE}">fieldkit</a> · {_e(_footer(meta))}</p>')
    return _document(lang, entry.title, "\n".join(parts))


def local_note(entry: Entry) -> str:
    """"Added by ORG, not part of the published content" for an entry an organisation added, else ""."""
    from fieldkit.i18n.details import local_line

    return local_line(entry) or ""


def index_html(entries: list[Entry], lang: str, meta: dict[str, str]) -> str:
    """The main page: every entry by topic, in the registry's order."""
    from fieldkit.i18n.catalog import _
    from fieldkit.i18n.vocabulary import topic_title

    parts = ["<h1>fieldkit</h1>", f"<p>{_e(_('Routes, risks, rights and services along the Western Balkans route'))}</p>"]
    for content_type in REGISTRY:
        listed = sorted((entry for entry in entries if entry.type == content_type.name), key=lambda e: e.title.casefold())
        if not listed:
            continue
        parts.append(f"<h2>{_e(topic_title(content_type.name))}</h2><ul>")
        parts += [f'<li><a href="{_e(entry.id)}">{_e(entry.title)}</a></li>' for entry in listed]
        parts.append("</ul>")
    parts.append(f'<p class="meta">{_e(_footer(meta))}</p>')
    return _document(lang, "fieldkit", "\n".join(parts))


def _footer(meta: dict[str, str]) -> str:
    from fieldkit.i18n.catalog import _

    return _("Made with fieldkit from sourced content of {date} (version {version}).").format(
        date=meta.get("content_date", ""), version=meta.get("content_version", ""))


# --- the illustration -----------------------------------------------------------------------------------------
def illustration_png(size: int = ILLUSTRATION_SIZE) -> bytes:
    """fieldkit's small picture for Kiwix's library: a white signpost on a dark teal square, as a PNG drawn here
    (no image library): RGBA, one zlib stream, CRCs per chunk."""
    teal, white = (0x1B, 0x6F, 0x6A, 0xFF), (0xFF, 0xFF, 0xFF, 0xFF)
    scale = size / 48
    rows = []
    for y in range(size):
        line = bytearray(b"\x00")  # filter: none
        for x in range(size):
            u, v = x / scale, y / scale
            post = 22 <= u < 26 and 8 <= v < 42
            sign = (10 <= u < 34 and 12 <= v < 18 and u - 10 + abs(v - 15) > 2) or \
                   (16 <= u < 38 and 22 <= v < 28 and 38 - u + abs(v - 25) > 2)
            line += bytes(white if post or sign else teal)
        rows.append(bytes(line))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8 bits per channel, RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))


def default_language(requested: str | None) -> str:
    return requested or ENGLISH
