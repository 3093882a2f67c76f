"""Issue 16, item 8: links and images from content. The app shows a link's address to copy and never opens a
browser; the HTML handout loads nothing (no images, remote or not, no raw HTML); the Markdown handout escapes raw
HTML for whatever viewer renders it."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from fieldkit.briefing.authored import load_deck
from fieldkit.briefing.handout import to_html, to_markdown
from fieldkit.tui.messages import ToEntry

HOSTILE_BODY = ("Read this ![tracking beacon](https://tracker.example/pixel.gif?who=you) first.\n\n"
                "<img src=\"https://tracker.example/raw.gif\">\n\n<script>alert(1)</script> and <b>bold</b> "
                "and `a <tag> in code`, see <https://example.org/page>.\n\n![](local.png)")


def hostile_deck(store):
    deck = load_deck(store, "brief-rivers")
    deck.slides[0].body = HOSTILE_BODY
    deck.slides[0].title = "<script>alert(2)</script>"
    return deck


def test_the_html_handout_loads_nothing(store):
    page = to_html(hostile_deck(store))
    assert "<img" not in page and "<script" not in page
    assert not re.search(r"\bsrc\s*=\s*[\"']", page)  # the raw <img> is shown as text, never loaded
    assert "[tracking beacon]" in page  # the image's description is kept
    assert '<a href="https://example.org/page">' in page  # a link is only followed if the reader clicks it


def test_the_markdown_handout_escapes_raw_html(store):
    text = to_markdown(hostile_deck(store))
    rendered = MarkdownIt("commonmark").render(text)  # a viewer that renders raw HTML
    assert "<script" not in rendered and "<img" not in rendered and "tracker.example/pixel" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "<code>a &lt;tag&gt; in code</code>" in rendered  # code is left as written
    assert '<a href="https://example.org/page">' in rendered  # and so are autolinks
    from fieldkit.briefing.handout import escape_raw_html

    assert escape_raw_html("```\n<b>\n```\n<b>") == "```\n<b>\n```\n\\<b>"


async def test_a_clicked_link_shows_its_address_and_opens_nothing(make_app, monkeypatch):
    from textual.widgets import Markdown

    from fieldkit.tui.screens.dialogs import LinkScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        opened = []
        monkeypatch.setattr(app._driver, "open_url", lambda url, new_tab=True: opened.append(url), raising=False)
        app.navigate(ToEntry("bihac"))
        await pilot.pause()
        markdown = app.screen.query_one("#entry-markdown", Markdown)
        markdown.post_message(Markdown.LinkClicked(markdown, "https://example.org/\x1b]0;x\x07path"))
        await pilot.pause()
        assert isinstance(app.screen, LinkScreen)
        assert str(app.screen.query_one("#link-url").render()) == "https://example.org/path"
        await pilot.press("c")
        assert app.clipboard == "https://example.org/path"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LinkScreen) and opened == []
