"""Issue 16: `check` flags escape sequences and bidi overrides in sources.yaml as it does in entries (they reach
the screen in every citation)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("field, value", [("title", '"Evil \\e]0;pwned\\a title"'), ("publisher", '"A \\u202e reversed"'),
                                          ("url", '"https://example.org/\\e[2J"'), ("note", '"bell \\a"')])
def test_escapes_in_sources_yaml_are_problems(cli, content, field, value):
    sources = content / "sources.yaml"
    fields = {"id": "hostile", "title": "x", "url": "https://example.org"} | {field: value}
    sources.write_text(sources.read_text() + "- " + "\n  ".join(f"{k}: {v}" for k, v in fields.items()) + "\n")
    line = next(n for n, row in enumerate(sources.read_text().split("\n"), start=1) if row.strip().startswith(f"{field}: \""))
    result = cli("check", "--content", content)
    assert result.code == 1
    assert f"{sources}:{line}: control character or escape sequence in '{field}'" in result.out, result.out
    assert "\x1b" not in result.out
