"""Fuzzing with hypothesis: parsers and renderers never crash and never let a control sequence through."""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.content.frontmatter import FrontMatterError, parse
from fieldkit.text.bidi import visual_lines
from fieldkit.text.markdown_plain import plain_text

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Text that looks like content: Markdown punctuation, YAML punctuation, escapes, several scripts.
PIECES = list("abc xyz\n\t-*#>[]()!`_:|{}\"'0123456789") + [
    "\x1b", "\x1b[31m", "\x1b]0;t\x07", "\x07", "\x9b", "ć", "đ", "Б", "ی", "ك", "\u064e", "\u200c", "\u202e",
    "\n---\n", "\n???\n", "{{embed x}}", "\n## ", "\n- ", "**", "<script>",
]
content_text = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@given(content_text)
def test_front_matter_parser_raises_only_its_own_error(text):
    try:
        front = parse(text)
    except FrontMatterError as error:
        assert error.line >= 1
    else:
        assert isinstance(front.data, dict)
        assert front.body_line >= 3


@given(st.dictionaries(st.sampled_from(["id", "title", "tags", "lat", "sources"]),
                       st.one_of(st.text(max_size=20), st.integers(), st.lists(st.text(max_size=5), max_size=3)),
                       max_size=5),
       st.text(max_size=200))
def test_front_matter_round_trip_keeps_every_line_number_in_the_file(data, body):
    import yaml

    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body
    front = parse(text)
    total = text.count("\n") + 1
    assert all(1 <= line <= total for line in front.lines.values())


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(content_text)
def test_cli_markdown_rendering_emits_no_control_sequences_from_content(body):
    """`fieldkit show` renders Markdown through Rich without colour: the output has no escape at all."""
    from rich.console import Console
    from rich.markdown import Markdown

    from fieldkit.text.sanitize import sanitize

    out = io.StringIO()
    Console(file=out, no_color=True, force_terminal=False, width=60, emoji=False).print(Markdown(sanitize(body)))
    assert not UNSAFE.search(out.getvalue())


@settings(max_examples=150)
@given(content_text, st.integers(min_value=8, max_value=100))
def test_rtl_layout_emits_no_control_sequences_and_fits(body, width):
    from fieldkit.text.bidi import cell_width
    from fieldkit.text.sanitize import sanitize
    from fieldkit.tui.widgets.rtl_markdown import parse_blocks, render_blocks

    for line in visual_lines(sanitize(body), width):
        assert cell_width(line) <= width
        assert not UNSAFE.search(line)
    rendered = render_blocks(parse_blocks(body), width).plain
    assert not UNSAFE.search(rendered)


@given(content_text)
def test_html_handout_escapes_everything(body):
    from fieldkit.briefing.deck import Deck, Slide
    from fieldkit.briefing.handout import to_html

    page = to_html(Deck(title=body[:40], audience="staff", duration=5, lang="en", slides=[Slide(title=body[:30], body=body)]))
    assert "<script" not in page.lower()
    assert not UNSAFE.search(page.replace("\n", ""))


@given(content_text)
def test_plain_text_never_crashes(body):
    assert isinstance(plain_text(body), str)
