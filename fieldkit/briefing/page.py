"""What every printed page shares: A4 print CSS, fonts that have the glyphs, and plain-text escaping.

Pages are standalone: inline CSS, no scripts, no web fonts, nothing fetched. Fonts are named, not shipped: each
script gets a stack of fonts commonly installed (Noto, DejaVu, Vazirmatn, the fonts of Windows and macOS) that
cover its letters, ending in the browser's own sans-serif.
"""

from __future__ import annotations

import html

from markdown_it import MarkdownIt

from fieldkit.core.languages import is_rtl
from fieldkit.text.sanitize import sanitize

LATIN_FONTS = '"Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif'
# Arabic-script stacks: Naskh faces first (compact lines, so a page holds as much as in Latin script), then
# faces with the letters of each language (Urdu ے ہ, Pashto ۍ ښ), DejaVu Sans (Arabic and Farsi), Tahoma.
ARABIC_SCRIPT_FONTS = {
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "DejaVu Sans", Tahoma, sans-serif',
    "fa": '"Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif',
    "ps": '"Noto Naskh Arabic", "Noto Sans Arabic", "Scheherazade New", "DejaVu Sans", Tahoma, sans-serif',
    "ur": '"Noto Naskh Arabic", "Noto Nastaliq Urdu", "Noto Sans Arabic", "Scheherazade New", "DejaVu Sans", '
          'Tahoma, sans-serif',
}


def font_stack(lang: str) -> str:
    """The CSS font-family for a page in `lang`."""
    base = lang.split("-")[0]
    return ARABIC_SCRIPT_FONTS.get(base, ARABIC_SCRIPT_FONTS["ar"] if is_rtl(lang) else LATIN_FONTS)


def direction(lang: str) -> str:
    return "rtl" if is_rtl(lang) else "ltr"


def e(text: str) -> str:
    """Text as HTML that shows exactly this text: escaped, control characters removed."""
    return html.escape(sanitize(text), quote=True)


# Sizes for one A4 page: the longer the text, the smaller the type and the more columns (size_for chooses).
BASE_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-size: var(--size, 11pt); }
body { font-family: var(--fonts); line-height: 1.35; margin: 0 auto; max-width: 52rem; padding: 1rem;
       color: #111; background: #fff; overflow-wrap: anywhere; }
header { border-bottom: 2px solid #111; margin-bottom: .6rem; }
h1 { font-size: 1.45rem; margin: 0 0 .2rem; line-height: 1.2; }
h2 { font-size: 1.05rem; margin: .5rem 0 .25rem; line-height: 1.25; break-after: avoid; }
p { margin: .2rem 0 .35rem; }
ul { margin: .15rem 0 .35rem; padding-inline-start: 1.2rem; }
li { margin: .1rem 0; }
.meta { color: #333; margin: 0 0 .4rem; font-size: .9rem; }
.review { color: #7a4b00; font-weight: bold; margin: 0 0 .4rem; font-size: .9rem; }
.intro { font-weight: 600; }
.fallback { font-style: italic; color: #7a4b00; font-size: .9rem; }
.notes { border-inline-start: 3px solid #999; padding-inline-start: .5rem; color: #333; font-size: .9rem; }
.columns { column-gap: 1.2rem; }
.columns.two { column-count: 2; column-rule: 1px solid #ccc; }
section { break-inside: avoid-column; margin: 0 0 .3rem; }
section.long { break-inside: auto; }
.number { color: #555; font-weight: normal; }
footer { border-top: 1px solid #999; margin-top: .5rem; padding-top: .3rem; font-size: .8rem; color: #333; }
.appendix { break-before: page; font-size: .85rem; }
.appendix h2 { font-size: 1.1rem; }
.quote { color: #222; }
.sources { font-size: .8rem; }
.sources p { margin: .1rem 0 .3rem; }
.cite { display: inline; }
dl.details { margin: .2rem 0; }
dl.details dt { font-weight: bold; display: inline; }
dl.details dt::after { content: ": "; }
dl.details dd { display: inline; margin: 0; }
dl.details dd::after { content: ""; display: block; }
/* Each paragraph takes its direction from its own first letter: English inside an Arabic page reads right. */
p, li, h1, h2, .meta, .review, footer, dd, dt { unicode-bidi: plaintext; text-align: start; }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
"""


# (most characters of text, root font size, two columns): the first tier the text fits in on one A4 page. Measured
# in Chromium with 12 mm margins on every generated route handout (6 routes x 5 audiences x 7 languages) and every
# entry in en, fa, ur and ar; tests/test_print.py prints a sample of them and counts the pages.
TIERS = ((2600, "11pt", False), (3300, "11pt", True), (4450, "10pt", True), (4700, "9pt", True), (5800, "8pt", True))
SMALLEST = ("7.5pt", True)
SMALLEST_HOLDS = 7400  # characters the smallest size still puts on one page (measured like TIERS)
# Arabic-script letters are narrower, but a page of short list items fills as fast: counted alike (measured; 0.9
# put three right-to-left staff handouts on two pages).
RTL_WEIGHT = 1.0


def size_for(characters: int, *, rtl: bool) -> tuple[str, bool]:
    """The font size and columns for this much text (headings and list items counted with their empty ends)."""
    if rtl:
        characters = int(characters * RTL_WEIGHT)
    for most, size, two_columns in TIERS:
        if characters <= most:
            return size, two_columns
    return SMALLEST


def fits(characters: int, *, rtl: bool, smallest: bool = False) -> bool:
    """Whether this much text fits one page at the smallest size but one (with `smallest`: at the smallest)."""
    return (int(characters * RTL_WEIGHT) if rtl else characters) <= (SMALLEST_HOLDS if smallest else TIERS[-1][0])


def content_markdown() -> MarkdownIt:
    """CommonMark without raw HTML, and an image shown as its description: a printed page loads nothing."""
    markdown = MarkdownIt("commonmark", {"html": False})

    def image_as_text(renderer, tokens, index, options, env) -> str:  # noqa: ANN001 (markdown-it's signature)
        described = renderer.renderInlineAsText(tokens[index].children or [], options, env)
        return f"[{html.escape(described)}]" if described else ""

    markdown.add_render_rule("image", image_as_text)
    return markdown


def page(*, lang: str, title: str, size: str, body: str) -> str:
    """A standalone HTML page: `body` is already HTML; `size` the root font size (e.g. "10pt")."""
    return f"""<!DOCTYPE html>
<html lang="{e(lang)}" dir="{direction(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>:root {{ --fonts: {font_stack(lang)}; --size: {size}; }}
{BASE_CSS}</style>
</head>
<body>
{body}
</body>
</html>
"""
