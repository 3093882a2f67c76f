"""Rules that need the whole corpus: references, coordinates, translations, sources and quotes."""

from __future__ import annotations

import re
from pathlib import Path

from fieldkit.content import schema
from fieldkit.content import vocabulary as search_vocabulary
from fieldkit.content.corpus import Corpus, EntryFile, load
from fieldkit.content.problems import Problem
from fieldkit.core.countries import contains, english_name
from fieldkit.core.progress import track
from fieldkit.core.registry import REGISTRY


def check(root: Path, sources_dir: Path | None = None, *, bodies: bool = True) -> tuple[Corpus, list[Problem]]:
    """Load `root` and return it with every problem found, sorted by file and line (bodies=False: see load)."""
    corpus = load(root, bodies=bodies)
    problems = list(corpus.problems)
    for entry in corpus.originals.values():
        problems += _check_references(corpus, entry)
        problems += _check_coordinates(corpus, entry)
        problems += _check_citations(corpus, entry)
    for entry in corpus.files():
        problems += _check_embeds(corpus, entry)
    for (entry_id, lang), translation in corpus.translations.items():
        original = corpus.originals.get(entry_id)
        if original is None:
            problems.append(Problem(translation.path, 1, f"translation '{lang}' of '{entry_id}' has no English original ({entry_id}.en.md)"))
        elif translation.fields.get("type") and translation.fields["type"] != original.type:
            problems.append(Problem(translation.path, translation.line_of("type"), f"type differs from the original ({original.type})"))
    places = [entry.id for entry in corpus.originals.values() if entry.type == "place"]
    problems += search_vocabulary.check_references(
        corpus.vocabulary, places, {entry.id: entry.type for entry in corpus.originals.values()}
    )
    if sources_dir is not None:
        problems += check_quotes(corpus, sources_dir)
    return corpus, sorted(set(problems))


def _references(entry: EntryFile) -> list[tuple[tuple[str | int, ...], str, str]]:
    """Every id the entry points at: (location, target id, the type the target must have or 'any')."""
    refs: list[tuple[tuple[str | int, ...], str, str]] = []
    for spec in schema.fields_for(entry.type, original=True).values():
        if not spec.refers_to or spec.name not in entry.fields:
            continue
        value = entry.fields[spec.name]
        targets = spec.link_targets(value)  # an area's country codes are not entries
        if isinstance(value, list):
            refs += [((spec.name, index), target, spec.refers_to) for index, target in enumerate(value)
                     if target in targets]
        else:
            refs.append(((spec.name,), value, spec.refers_to))
    return refs


def _check_references(corpus: Corpus, entry: EntryFile) -> list[Problem]:
    problems = []
    for location, target_id, wanted in _references(entry):
        target = corpus.originals.get(target_id)
        line = entry.line_of(*location)
        if target is None and target_id in corpus.unreadable:
            continue
        if target is None:
            problems.append(Problem(entry.path, line, f"'{location[0]}' refers to '{target_id}', which does not exist"))
        elif wanted != "any" and target.type != wanted:
            problems.append(Problem(entry.path, line, f"'{location[0]}' must refer to a {wanted}, but '{target_id}' is a {target.type}"))
        elif target_id == entry.id:
            problems.append(Problem(entry.path, line, f"'{location[0]}' refers to the entry itself"))
        elif location[0] == "region" and target.fields.get("kind") != "region":
            problems.append(Problem(entry.path, line, f"'region' must refer to a place of kind region, but "
                                                      f"'{target_id}' is a {target.fields.get('kind')}"))
        elif location[0] == "region" and target.fields.get("country") != entry.fields.get("country"):
            problems.append(Problem(entry.path, line, f"region '{target_id}' is in another country "
                                                      f"({target.fields.get('country')})"))
    return problems


def _check_embeds(corpus: Corpus, entry: EntryFile) -> list[Problem]:
    problems = []
    for offset, target_id in entry.embeds:
        line = entry.front.body_line + offset
        target = corpus.originals.get(target_id)
        if not _embeds(entry.type):
            problems.append(Problem(entry.path, line, "{{embed ...}} is only for briefing decks"))
        elif target is None and target_id not in corpus.unreadable:
            problems.append(Problem(entry.path, line, f"embeds '{target_id}', which does not exist"))
        elif target is not None and _embeds(target.type):
            problems.append(Problem(entry.path, line, f"embeds '{target_id}', another briefing"))
    return problems


def _embeds(entry_type: str) -> bool:
    """Whether entries of this type embed others (briefing decks); they cannot be embedded themselves."""
    content_type = REGISTRY.get(entry_type)
    return content_type is not None and content_type.embeds


def _check_coordinates(corpus: Corpus, entry: EntryFile) -> list[Problem]:
    fields = entry.fields
    problems = []
    if "lat" in fields and "lon" in fields and fields.get("country"):
        if not contains(fields["country"], fields["lat"], fields["lon"]):
            problems.append(Problem(
                entry.path, entry.line_of("lat"),
                f"coordinates {fields['lat']}, {fields['lon']} are outside {english_name(fields['country'])} ({fields['country']})",
            ))
    source = fields.get("coords_source")
    if source and source not in corpus.sources:
        problems.append(Problem(entry.path, entry.line_of("coords_source"), f"unknown source '{source}' (not in sources.yaml)"))
    return problems


def _check_citations(corpus: Corpus, entry: EntryFile) -> list[Problem]:
    problems = []
    for index, citation in enumerate(entry.fields.get("sources") or []):
        source = corpus.sources.get(citation.get("doc", ""))
        if source is None:
            line = entry.line_of("sources", index, "doc")
            problems.append(Problem(entry.path, line, f"unknown source '{citation.get('doc')}' (not in sources.yaml)"))
        elif source.file and not citation.get("quote"):
            line = entry.line_of("sources", index)
            problems.append(Problem(entry.path, line, f"a citation of '{source.id}' needs a verbatim 'quote'"))
    return problems


def normalise_for_quote(text: str) -> str:
    """Whitespace runs become one space and case is folded, so line breaks in a document do not matter."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def check_quotes(corpus: Corpus, sources_dir: Path) -> list[Problem]:
    """Every quote must occur in the document it cites."""
    problems = []
    documents: dict[str, str | None] = {}
    for source in corpus.sources.values():
        if not source.file:
            continue
        path = sources_dir / source.file
        try:
            documents[source.id] = normalise_for_quote(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            documents[source.id] = None
            problems.append(Problem(corpus.sources_path, source.line, f"cannot read {path}: {error}"))
    for entry in track(list(corpus.originals.values()), "checking quotes against the sources"):
        for index, citation in enumerate(entry.fields.get("sources") or []):
            document = documents.get(citation.get("doc", ""))
            quote = citation.get("quote")
            if document is None or not quote:
                continue
            if normalise_for_quote(quote) not in document:
                line = entry.line_of("sources", index, "quote")
                problems.append(Problem(entry.path, line, f"quote not found in '{citation['doc']}': \"{quote[:60]}\""))
    return problems
