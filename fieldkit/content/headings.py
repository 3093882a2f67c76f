"""The outline of each source document: its sections, which are method text, and which lines are only labels.

`content/headings.yaml` holds one outline per shared document, made once by build/index_headings.py and read through
by an editor (a plain-text document does not mark its headings; a person can tell a heading from a short line).
Each outline records the sha256 of the document it describes, so a changed document is noticed and indexed again.

    - doc: brmc-2023
      sha256: 46bb0c46...
      sections:                 # in document order; each runs to the next one of its level or higher
        - {line: 105, title: Methodology, method: true}          # the document's method text: not evidence
        - {line: 491, title: ..., end: 493, method: false}        # a block of it that is not (the innermost decides)
        - {line: 117, title: 1.1. Main institutional ..., level: 2}
        - {line: 300, title: "Figure 1: ...", level: 2, end: 337} # a block inside a section: ends at `end`
        - {line: 61, title: Contents, labels: true}               # every line a label (a table of contents)
      labels: [5, 133, 534-535]  # single lines that are captions or labels (who said it, "Read also")

A section whose title is the text of its line is a heading in the document; one whose title is not (the
opening paragraphs, a section whose heading the document lost) names a part of it all the same.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldkit.content.frontmatter import FrontMatterError, parse_yaml
from fieldkit.content.problems import Problem
from fieldkit.content.sourcetext import SourceText, Span, normalise_for_quote

HEADINGS_FILE = "headings.yaml"
INDEX_TOOL = "build/index_headings.py"


@dataclass(frozen=True)
class Section:
    line: int
    title: str
    level: int = 1
    method: bool | None = None  # the document's method text (how the research was done), never evidence; None: as
    #                             the section it is in (a block of a method section may say it is not method text)
    labels: bool = False  # every line of it is a label (a table of contents)
    end: int | None = None  # the last line of a block inside a section (a figure, a box)


@dataclass
class Outline:
    doc: str
    sha256: str
    sections: list[Section]
    labels: set[int] = field(default_factory=set)
    line: int = 1  # in headings.yaml
    stops: dict[Section, int] = field(default_factory=dict)

    def chain(self, line: int) -> list[Section]:
        """The sections a line is in, outermost first."""
        return [s for s in self.sections if s.line <= line <= self.stops.get(s, 1 << 30)]

    def finish(self, text: SourceText) -> None:
        """Work out where each section stops, and which lines are headings (the title is the line's text)."""
        ordered = sorted(self.sections, key=lambda s: (s.line, s.level))
        self.sections = ordered
        last = len(text.lines)
        for index, section in enumerate(ordered):
            if section.end is not None:
                self.stops[section] = section.end
            else:
                later = (s for s in ordered[index + 1:] if s.end is None and s.level <= section.level and s.line > section.line)
                following = next(later, None)
                self.stops[section] = following.line - 1 if following else last
            if _is_heading_line(text, section):
                self.labels |= _heading_lines(text, section)


def _title_start(text: SourceText, section: Section) -> int:
    """Where the section's title is written at the start of its line (after a bullet such as "■"), or -1."""
    start = text.line_offset(section.line)
    title = normalise_for_quote(section.title)
    found = text.folded.find(title, start, start + len(title) + 3) if title else -1
    return found if found >= 0 and not re.search(r"\w", text.folded[start:found]) else -1


def _is_heading_line(text: SourceText, section: Section) -> bool:
    return _title_start(text, section) >= 0


def _heading_lines(text: SourceText, section: Section) -> set[int]:
    """The lines a heading is written on (a long heading wraps onto the next)."""
    start = _title_start(text, section)
    end = start + len(normalise_for_quote(section.title))
    last = next((n for n in range(section.line, len(text.lines) + 1) if text.line_offset(n + 1) >= end), section.line)
    return set(range(section.line, last + 1))


# --- reading headings.yaml ---------------------------------------------------------------------------------------

def load_index(root: Path) -> tuple[dict[str, Outline], list[Problem]]:
    """The outlines in `root/headings.yaml`, by document id, and the problems of the file itself."""
    path = root / HEADINGS_FILE
    shown = str(path)
    if not path.exists():
        return {}, [Problem(shown, 1, f"{HEADINGS_FILE} is missing: it indexes the sections of the source documents "
                                      f"(make it with {INDEX_TOOL})")]
    try:
        data, lines, _ = parse_yaml(path.read_text(encoding="utf-8"))
    except FrontMatterError as error:
        return {}, [Problem(shown, error.line, error.message)]
    if not isinstance(data, list):
        return {}, [Problem(shown, 1, f"{HEADINGS_FILE} must be a list of documents (- doc: ...)")]
    outlines: dict[str, Outline] = {}
    problems: list[Problem] = []
    for index, item in enumerate(data):
        line = lines.get((index,), 1)
        outline, found = _outline(item, index, lines, shown)
        problems += found
        if outline is not None:
            outline.line = line
            outlines[outline.doc] = outline
    return outlines, problems


def _outline(item: Any, index: int, lines: dict[tuple[Any, ...], int], shown: str) -> tuple[Outline | None, list[Problem]]:
    line = lines.get((index,), 1)
    if not isinstance(item, dict) or not isinstance(item.get("doc"), str) or not isinstance(item.get("sha256"), str):
        return None, [Problem(shown, line, "each document needs 'doc' (a source id), 'sha256' and 'sections'")]
    problems = []
    sections = []
    for number, raw in enumerate(item.get("sections") or []):
        at = lines.get((index, "sections", number), line)
        if not isinstance(raw, dict) or not isinstance(raw.get("line"), int) or not str(raw.get("title") or "").strip():
            problems.append(Problem(shown, at, "a section needs 'line' (a number) and 'title'"))
            continue
        unknown = set(raw) - {"line", "title", "level", "method", "labels", "end"}
        if unknown:
            problems.append(Problem(shown, at, f"unknown key(s) {', '.join(sorted(unknown))} in a section"))
        method = raw.get("method")
        sections.append(Section(line=raw["line"], title=str(raw["title"]), level=int(raw.get("level") or 1),
                                method=bool(method) if method is not None else None, labels=bool(raw.get("labels")),
                                end=raw.get("end") if isinstance(raw.get("end"), int) else None))
    labels: set[int] = set()
    for number, raw in enumerate(item.get("labels") or []):
        match = re.fullmatch(r"(\d+)(?:-(\d+))?", str(raw))
        if not match:
            problems.append(Problem(shown, lines.get((index, "labels", number), line),
                                    f"a label is a line number or a range such as 534-535, not {raw!r}"))
            continue
        first = int(match[1])
        labels |= set(range(first, int(match[2] or first) + 1))
    return Outline(doc=item["doc"], sha256=item["sha256"], sections=sections, labels=labels), problems


# --- where labels ------------------------------------------------------------------------------------------------

_NUMBERING = re.compile(r"^\s*(?:annex\s+)?((?:\d+\.)*\d+)\.?(?=\s|$)", re.IGNORECASE)
_FOOTNOTE = re.compile(r"\bfootnotes?\s*(\d+)", re.IGNORECASE)
_SEGMENTS = re.compile(r"[:,;()\[\]]|\s[-–—]\s")
# Words that say where inside a section, not which section: "table", "footnote 4", "p. 6".
_NOISE = {"table", "footnote", "footnotes", "note", "notes", "p", "page", "pages", "pp", "row", "column", "paragraph",
          "para", "list", "bullet", "caption", "quote", "see", "section", "part"}
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def words(text: str) -> list[str]:
    """Lowercase words without accents or punctuation: how labels and titles are compared."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", text)


def numbering(text: str) -> str | None:
    match = _NUMBERING.match(text)
    return match[1] if match else None


def _title_words(section: Section) -> list[str]:
    numbered = _NUMBERING.match(section.title)
    return words(section.title[numbered.end():] if numbered else section.title)


def where_matches(where: str, section: Section) -> bool:
    """Whether a `where` label names this section: its numbering, or its title (or the start of it), in any case,
    with or without accents, numbering and punctuation, a small slip allowed."""
    number, own = numbering(where), numbering(section.title)
    if number and own and number == own:
        return True
    title = _title_words(section)
    if not title:
        return False
    label = words(where)
    if _contains(label, title):
        return True
    for segment in _SEGMENTS.split(where):
        numbered = _NUMBERING.match(segment)
        part = [w for w in words(segment[numbered.end():] if numbered else segment) if w not in _NOISE and not w.isdigit()]
        if not part:
            continue
        if part == title or (len(part) >= 2 and _contains(title, part)):
            return True  # the whole title, or two or more of its words in a row: "Modus operandi", "Main routes"
        head = title[: len(part)]
        if len(part) >= 2 and difflib.SequenceMatcher(None, " ".join(part), " ".join(head)).ratio() >= 0.9:
            return True
    return False


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def footnote_of(where: str) -> str | None:
    match = _FOOTNOTE.search(where)
    return match[1] if match else None


def in_footnote(text: SourceText, span: Span, number: str) -> bool:
    """Whether an occurrence sits in footnote `number`: the nearest line at or above it (up to ten) that starts
    with a footnote number ("38\t...", "[8] ...", "⁷ ...") starts with this one."""
    start = re.compile(r"^\s*(?:\[(\d+)\]|(\d+)(?=[\t\u00a0 ]))")
    for line in range(span.first_line, max(span.first_line - 10, 0), -1):
        found = start.match(text.line(line).translate(_SUPERSCRIPTS))
        if found:
            return (found[1] or found[2]) == number
    return False
