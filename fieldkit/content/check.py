"""Rules that need the whole corpus: references, coordinates, translations, sources and quotes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from fieldkit.content import schema
from fieldkit.content import vocabulary as search_vocabulary
from fieldkit.content.claims import check_claims
from fieldkit.content.corpus import Corpus, EntryFile, load
from fieldkit.content.problems import Problem
from fieldkit.content.quotes import check_quotes, read_documents
from fieldkit.content.support import check_support
from fieldkit.core.countries import contains, english_name
from fieldkit.core.registry import REGISTRY


class Target(Protocol):
    """What a reference is checked against: an entry of the corpus, or a published one (`base`)."""

    @property
    def type(self) -> str: ...

    @property
    def fields(self) -> dict[str, Any]: ...


def check(root: Path, sources_dir: Path | None = None, base: Mapping[str, Target] | None = None, *,
          bodies: bool = True) -> tuple[Corpus, list[Problem]]:
    """Load `root` and return it with every problem found, sorted by file and line. `base`: the published entries
    an overlay folder may refer to (fieldkit/content/overlay.py), by id. bodies=False: see load (the checks of
    `sources_dir` read bodies, so it needs them)."""
    corpus = load(root, bodies=bodies or sources_dir is not None)
    problems = list(corpus.problems)
    published: Mapping[str, Target] = base or {}
    for entry in corpus.originals.values():
        problems += _check_references(corpus, entry, published)
        problems += _check_coordinates(corpus, entry)
        problems += _check_citations(corpus, entry)
    for entry in corpus.files():
        problems += _check_embeds(corpus, entry, published)
    for (entry_id, lang), translation in corpus.translations.items():
        original = corpus.originals.get(entry_id)
        if original is None:
            problems.append(Problem(translation.path, 1, f"translation '{lang}' of '{entry_id}' has no English original ({entry_id}.en.md)"))
        elif translation.fields.get("type") and translation.fields["type"] != original.type:
            problems.append(Problem(translation.path, translation.line_of("type"), f"type differs from the original ({original.type})"))
        else:
            problems += _check_original_hash(translation, original)
    places = [entry.id for entry in corpus.originals.values() if entry.type == "place"]
    problems += search_vocabulary.check_references(
        corpus.vocabulary, places, {entry.id: entry.type for entry in corpus.originals.values()}
    )
    if sources_dir is not None:
        problems += check_sources(corpus, sources_dir)
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


def _check_references(corpus: Corpus, entry: EntryFile, base: Mapping[str, Target]) -> list[Problem]:
    problems = []
    for location, target_id, wanted in _references(entry):
        target: Target | None = corpus.originals.get(target_id) or base.get(target_id)
        if target is None and target_id in corpus.unreadable:
            continue
        message = None
        if target is None:
            message = f"'{location[0]}' refers to '{target_id}', which does not exist"
        elif wanted != "any" and target.type != wanted:
            message = f"'{location[0]}' must refer to a {wanted}, but '{target_id}' is a {target.type}"
        elif target_id == entry.id:
            message = f"'{location[0]}' refers to the entry itself"
        elif location[0] == "region" and target.fields.get("kind") != "region":
            message = (f"'region' must refer to a place of kind region, but '{target_id}' is a "
                       f"{target.fields.get('kind')}")
        elif location[0] == "region" and target.fields.get("country") != entry.fields.get("country"):
            message = f"region '{target_id}' is in another country ({target.fields.get('country')})"
        if message is not None:  # the line only for a problem: it may mean reading the file again (EntryFile.line_of)
            problems.append(Problem(entry.path, entry.line_of(*location), message))
    return problems


def _check_embeds(corpus: Corpus, entry: EntryFile, base: Mapping[str, Target]) -> list[Problem]:
    problems = []
    for offset, target_id in entry.embeds:
        line = entry.front.body_line + offset
        target: Target | None = corpus.originals.get(target_id) or base.get(target_id)
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


def _check_original_hash(translation: EntryFile, original: EntryFile) -> list[Problem]:
    """A translation records the hash of the original it was made from; a different one means it is outdated."""
    current = original.text_hash
    if "original_hash" not in translation.front.data:
        return [Problem(translation.path, 1, f"a translation records the hash of the English original it was made "
                                             f"from: add 'original_hash: {current}' if it says what {original.path} says")]
    recorded = translation.fields.get("original_hash")
    if recorded is None or recorded == current:
        return []
    return [Problem(translation.path, translation.line_of("original_hash"),
                    f"translation of {original.id} is outdated (the English original changed): bring it in line "
                    f"with {original.path}, then set 'original_hash: {current}'", warning=True)]


def _check_citations(corpus: Corpus, entry: EntryFile) -> list[Problem]:
    return check_citations(entry.fields.get("sources") or [], corpus, entry.path, entry.line_of)


def check_citations(citations: list[dict[str, Any]], corpus: Corpus, path: str,
                    line_of: Callable[..., int]) -> list[Problem]:
    """The rules every list of citations follows (an entry's, an overlay's attachment's): a known source, a quote
    of a shared document, and for a fact from outside the shared documents the day to check it again."""
    problems = []
    today = dt.date.today().isoformat()
    for index, citation in enumerate(citations):
        source = corpus.sources.get(citation.get("doc", ""))
        review_by = citation.get("review_by")
        # Lines are looked up only for a problem: that may mean reading the file again (EntryFile.line_of).
        if source is None:
            line = line_of("sources", index, "doc")
            problems.append(Problem(path, line, f"unknown source '{citation.get('doc')}' (not in sources.yaml)"))
        elif source.file and not citation.get("quote"):
            problems.append(Problem(path, line_of("sources", index), f"a citation of '{source.id}' needs a verbatim 'quote'"))
        elif source.file and review_by:
            problems.append(Problem(path, line_of("sources", index, "review_by"),
                                    f"'review_by' is for facts from outside the shared documents; '{source.id}' is one of them"))
        elif not source.file and not review_by:
            problems.append(Problem(path, line_of("sources", index), f"'{source.id}' is from outside the shared "
                                    "documents: give the citation 'review_by: YYYY-MM-DD', when to check the fact again"))
        elif not source.file and review_by and review_by < today:
            problems.append(Problem(path, line_of("sources", index, "review_by"),
                                    f"the fact from '{source.id}' was to be checked again by {review_by}: check it "
                                    "against the source, then move 'review_by' on", warning=True))
    return problems


def check_sources(corpus: Corpus, sources_dir: Path) -> list[Problem]:
    """Quotes against their documents (quotes.py), claims against their quotes (claims.py), front matter against
    what the entry says (support.py)."""
    documents, problems = read_documents(corpus, sources_dir)
    return problems + check_quotes(corpus, documents) + check_claims(corpus) + check_support(corpus)
