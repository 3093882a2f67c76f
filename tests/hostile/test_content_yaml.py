"""Issue 16, item 7 and the date tracebacks: content YAML with anchors and aliases (a "billion laughs") or with
impossible dates is refused with a path:line message by check, build and pack build, before anything expands."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def bomb(levels: int) -> str:
    """`levels` nested aliases, each nine times the one before: 9**levels strings from under a kilobyte."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def with_front(path, extra: str, *, after: str = "tags: [una-sana]\n") -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(after, after + extra, 1), encoding="utf-8")


def line_of(path, needle: str) -> int:
    return next(number for number, line in enumerate(path.read_text().split("\n"), start=1) if needle in line)


def commands(content, tmp_path, packs=None):
    yield "check", "--content", content
    yield "build", "--content", content, "--out", tmp_path / "out.db"


def test_aliases_in_an_entry_are_refused_with_their_line(cli, content, tmp_path):
    bihac = content / "place" / "bihac.en.md"
    with_front(bihac, bomb(5))
    for command in commands(content, tmp_path):
        result = cli(*command)
        assert result.code == 1 and "Traceback" not in result.err
        assert f"{bihac}:{line_of(bihac, 'l0: &l0')}: YAML anchors and aliases" in result.out, result.out
    assert not (tmp_path / "out.db").exists()


def test_aliases_in_sources_yaml_are_refused(cli, content):
    sources = content / "sources.yaml"
    sources.write_text(sources.read_text() + "- &s\n  id: extra\n  title: x\n  url: https://example.org\n- *s\n")
    result = cli("check", "--content", content)
    assert result.code == 1 and f"{sources}:{line_of(sources, '- &s')}: YAML anchors and aliases" in result.out


def test_pack_build_refuses_aliases(cli, content, tmp_path, packs):
    key = tmp_path / "k.key"
    key.write_text(packs.secret.line())
    with_front(content / "place" / "bihac.en.md", "extra: &x [1]\nmore: *x\n")
    out = tmp_path / "x.fkpack"
    result = cli("pack", "build", "--key", key, "--content", content, "-o", out)
    assert result.code == 1 and "YAML anchors and aliases" in result.out and not out.exists()


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="resource limits")
def test_the_nine_level_bomb_stays_small(content):
    """The sweep's 1 KB file (9 levels: 387 million strings) under a 1.5 GB memory cap finishes in seconds."""
    with_front(content / "place" / "bihac.en.md", bomb(9))
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (3 << 29, 3 << 29)); "
            "from fieldkit.cli import main; sys.exit(main(sys.argv[1:]))")
    result = subprocess.run([sys.executable, "-c", code, "check", "--content", str(content)], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1, result.stderr[-500:]
    assert "YAML anchors and aliases" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-01", "2026-11-01 25:00:00"])
def test_an_impossible_date_in_an_entry(cli, content, tmp_path, value):
    bihac = content / "place" / "bihac.en.md"
    bihac.write_text(bihac.read_text().replace("checked: 2026-11-01", f"checked: {value}"))
    for command in commands(content, tmp_path):
        result = cli(*command)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert f"{bihac}:{line_of(bihac, 'checked:')}:" in result.out, result.out


def test_an_impossible_date_in_sources_yaml(cli, content, tmp_path, packs):
    sources = content / "sources.yaml"
    sources.write_text(sources.read_text().replace("published: 2024-07", "published: 2024-02-30", 1))
    result = cli("check", "--content", content)
    assert result.code == 1 and f"{sources}:{line_of(sources, 'published: 2024-02-30')}: '2024-02-30' is not a real date" in result.out
    key = tmp_path / "k.key"
    key.write_text(packs.secret.line())
    built = cli("pack", "build", "--key", key, "--content", content, "-o", tmp_path / "x.fkpack")
    assert built.code == 1 and "not a real date" in built.out and "Traceback" not in built.err
