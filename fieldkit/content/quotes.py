"""Quotes checked against their documents (`fieldkit check --sources`): each occurs in its document, is long enough
to carry a fact (at least five words, unless it is a name), is not only a heading, caption, label or the document's
method text, and its `where` names the section it is in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fieldkit.content.corpus import Corpus, EntryFile
from fieldkit.content.headings import (
    HEADINGS_FILE,
    INDEX_TOOL,
    Outline,
    Section,
    footnote_of,
    in_footnote,
    load_index,
    where_matches,
    words,
)
from fieldkit.content.problems import Problem
from fieldkit.content.sourcetext import SourceText, Span
from fieldkit.core.marker import N_
from fieldkit.core.progress import track

MIN_WORDS = 5
# Words a name may have in lower case: "Law on Foreigners", "Commissariat for Refugees and Migration".
_NAME_JOINERS = {"of", "on", "for", "and", "the", "in", "to", "at", "de", "la", "le", "du", "des", "i", "na", "za", "u",
                 "se", "e", "y", "di", "del", "da", "dos", "an", "&", "–", "-"}
_IDENTIFIER = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\S+$|^\+?[\d\s()/-]{6,}$")


@dataclass
class Documents:
    """The shared documents, read once, and their outlines (None where the outline is missing or out of date)."""

    texts: dict[str, SourceText]
    outlines: dict[str, Outline]


def read_documents(corpus: Corpus, sources_dir: Path) -> tuple[Documents, list[Problem]]:
    problems: list[Problem] = []
    texts: dict[str, SourceText] = {}
    for source in corpus.sources.values():
        if not source.file:
            continue
        path = sources_dir / source.file
        try:
            texts[source.id] = SourceText.read(path)
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(corpus.sources_path, source.line, f"cannot read {path}: {error}"))
    index, index_problems = load_index(corpus.root)
    problems += index_problems
    outlines: dict[str, Outline] = {}
    headings = str(corpus.root / HEADINGS_FILE)
    for doc, text in texts.items():
        outline = index.get(doc)
        if outline is None and _is_sheet(corpus.sources[doc].file or ""):
            continue  # a partner's sheet, quoted cell by cell and located by row: it has no sections to outline
        if outline is None:
            if not index_problems:
                problems.append(Problem(headings, 1, f"no outline of '{doc}' in {HEADINGS_FILE}: index its headings "
                                                     f"with {INDEX_TOOL}"))
        elif outline.sha256 != text.sha256:
            problems.append(Problem(headings, outline.line, f"'{doc}' is not the document its outline was made from "
                                                            f"(sha256 differs): index it again with {INDEX_TOOL}"))
        else:
            outline.finish(text)
            outlines[doc] = outline
    return Documents(texts, outlines), problems


def _is_sheet(file: str) -> bool:
    return file.lower().endswith((".csv", ".tsv"))


def check_quotes(corpus: Corpus, documents: Documents) -> list[Problem]:
    names = _names(corpus)
    problems = []
    for entry in track(list(corpus.originals.values()), N_("checking quotes against the sources")):
        for index, citation in enumerate(entry.fields.get("sources") or []):
            text = documents.texts.get(citation.get("doc", ""))
            quote = citation.get("quote")
            if text is None or not quote:
                continue
            sheet = _is_sheet(corpus.sources[citation["doc"]].file or "")
            problems += _check_quote(entry, index, citation, text, documents.outlines.get(citation["doc"]),
                                     names, sheet=sheet)
    return problems


def _check_quote(entry: EntryFile, index: int, citation: dict[str, str], text: SourceText, outline: Outline | None,
                 names: set[str], *, sheet: bool = False) -> list[Problem]:
    quote, doc = citation["quote"], citation["doc"]
    line = entry.line_of("sources", index, "quote")
    spans = text.find_all(quote)
    if not spans:
        return [Problem(entry.path, line, f"quote not found in '{doc}': \"{quote[:60]}\"")]
    name = is_name(quote, names)
    problems = []
    if len(words(quote)) < MIN_WORDS and not name and not sheet:  # a sheet's unit is a whole cell, however short
        problems.append(Problem(entry.path, line, f"quote \"{quote}\" is {len(words(quote))} word(s): quote at least "
                                                  f"{MIN_WORDS} words that carry the fact (fewer only for a name)"))
    if outline is None:
        return problems
    if not name and all(_is_label(outline, span) for span in spans):
        problems.append(Problem(entry.path, line, f"quote \"{quote[:60]}\" is only a heading, caption or label in "
                                                  f"'{doc}', not a statement of fact: quote the text that says it"))
    elif all(_is_method(outline, span) for span in spans):
        problems.append(Problem(entry.path, line, f"quote \"{quote[:60]}\" is from the method text of '{doc}' (how "
                                                  "the research was done), not a finding: quote a finding"))
    where = citation.get("where") or ""
    if where and not any(_where_fits(where, outline, text, span) for span in spans):
        problems.append(Problem(entry.path, entry.line_of("sources", index, "where"), _where_message(where, doc, outline, spans[0])))
    return problems


def _is_label(outline: Outline, span: Span) -> bool:
    lines = range(span.first_line, span.last_line + 1)
    return all(n in outline.labels or any(s.labels for s in outline.chain(n)) for n in lines)


def _is_method(outline: Outline, span: Span) -> bool:
    """Whether the innermost section that says so marks the occurrence as method text."""
    said = [section.method for section in outline.chain(span.first_line) if section.method is not None]
    return bool(said and said[-1])


_LINES = re.compile(r"^\s*lines?\s+(\d+)(?:\s*[-–]\s*(\d+))?\s*$", re.IGNORECASE)


def _where_fits(where: str, outline: Outline, text: SourceText, span: Span) -> bool:
    footnote = footnote_of(where)
    if footnote and in_footnote(text, span, footnote):
        return True
    lines = _LINES.match(where)  # "line 4", "lines 3-4": the quote is on them
    if lines:
        first, last = int(lines[1]), int(lines[2] or lines[1])
        return first <= span.last_line and span.first_line <= last
    return any(where_matches(where, section) for section in outline.chain(span.first_line))


def _where_message(where: str, doc: str, outline: Outline, span: Span) -> str:
    chain = outline.chain(span.first_line)
    under = " > ".join(s.title for s in chain) or "no section"
    named = [s for s in outline.sections if where_matches(where, s)]
    if named:
        return f"'where' says \"{where}\", but the quote is under \"{under}\" in '{doc}' (line {span.first_line})"
    return (f"'where' \"{where}\" names no section of '{doc}': the quote is under \"{under}\" "
            f"(line {span.first_line}; the sections are in {HEADINGS_FILE})")


def is_name(quote: str, names: set[str]) -> bool:
    """Whether a quote is a name (a place, an organisation, a law), which may be shorter than five words: the
    title, alias or organisation of an entry, an address on the web, or words that all begin with a capital."""
    if " ".join(words(quote)) in names or _IDENTIFIER.match(quote.strip()):
        return True
    tokens = [t.strip("()[]\"“”‘’'.,;:") for t in quote.split()]
    tokens = [t for t in tokens if t]
    capitalised = [t for t in tokens if t[0].isupper() or t.isupper()]
    rest = [t for t in tokens if not (t[0].isupper() or t.isupper())]
    return len(capitalised) >= 2 and all(t.casefold() in _NAME_JOINERS for t in rest)


def _names(corpus: Corpus) -> set[str]:
    """Every title, alias and organisation in the content, compared as words."""
    names = set()
    for entry in corpus.originals.values():
        fields = entry.fields
        for value in [fields.get("title"), fields.get("organisation"), *(fields.get("aliases") or [])]:
            if isinstance(value, str):
                names.add(" ".join(words(re.sub(r"\s*\(.*?\)", "", value))))
                names.add(" ".join(words(value)))
    return names


__all__ = ["Documents", "Section", "check_quotes", "is_name", "read_documents"]
