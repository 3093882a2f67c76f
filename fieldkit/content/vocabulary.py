"""The search vocabulary: content/vocabulary/*.yaml, the words people type for places, countries and concepts.

Three sections, in any of the files (docs/vocabulary.md is the translator's guide):

    countries:            # ISO code -> language -> names ("Srbija", "Србија", "صربستان")
      RS: {bs: [Srbija, Србија], fa: [صربستان, صربیا]}
    places:               # place entry id -> language -> names ("Beograd", "بلغراد")
      belgrade: {bs: [Beograd, Београд]}
    concepts:             # concept id -> language -> the everyday words for it, and what it prefers
      legal-aid:
        prefers: {service-kind: legal-aid}
        en: [lawyer, legal aid]
        fr: [avocat, aide juridique]

A concept is a group of words and phrases that mean the same thing to a search, in every language: any of them
typed finds text with any of them. `prefers` says which entries answer the need better (`type`, `service-kind`,
`right-topic`); `search: false` marks words that only say what kind of answer is wanted ("what is", "nedir"):
they are not searched, they only prefer. Countries also get their CLDR names in every language at build time, and
places their titles; the files add the other names people use.

Loading never stops at the first problem; every problem is reported with its file and line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldkit.content import schema
from fieldkit.content.frontmatter import FrontMatterError, parse_yaml
from fieldkit.content.problems import Problem
from fieldkit.core.countries import COUNTRIES
from fieldkit.core.languages import BY_CODE
from fieldkit.core.registry import REGISTRY
from fieldkit.core.vocabularies import RIGHT_TOPICS, SERVICE_KINDS
from fieldkit.text.fold import fold, words
from fieldkit.text.lang.scripts import ARABIC, CYRILLIC, LATIN, ROMANISED_CODES, script_of
from fieldkit.text.sanitize import find_control

FOLDER = "vocabulary"
SECTIONS = ("countries", "places", "concepts")
KINDS = {"countries": "country", "places": "place", "concepts": "concept"}
MAX_WORDS = 5  # a name or phrase of more words is a sentence, not a term
# What a concept may prefer, and the values each takes.
PREFERENCES: dict[str, tuple[str, ...]] = {
    "type": REGISTRY.names(),
    "service-kind": SERVICE_KINDS.values,
    "right-topic": RIGHT_TOPICS.values,
}
# The scripts each language is typed in; a name in another script is most likely filed under the wrong language.
_SCRIPTS: dict[str, tuple[str, ...]] = {
    "en": (LATIN,), "fr": (LATIN,), "tr": (LATIN,), "bs": (LATIN, CYRILLIC), "sr-Latn": (LATIN, CYRILLIC),
    "hr": (LATIN,), "ar": (ARABIC,), "fa": (ARABIC,), "fa-AF": (ARABIC,), "ps": (ARABIC,), "ur": (ARABIC,),
    "ur-Latn": (LATIN,),  # Roman Urdu: words as typed in Latin letters, for searching only
}
# Language codes a vocabulary may use: those of the language table, and transliterations typed for one of them.
LANGUAGE_CODES = (*BY_CODE, *ROMANISED_CODES)


@dataclass(frozen=True)
class Name:
    """One word or phrase of the vocabulary, where it was written."""

    kind: str  # country, place or concept
    key: str  # the country code, place id or concept id
    lang: str
    text: str
    path: str
    line: int
    key_line: int  # the line of its key (the place id, country code or concept id)


@dataclass(frozen=True)
class Concept:
    id: str
    prefers: tuple[tuple[str, str], ...]  # (preference, value), e.g. ("service-kind", "legal-aid")
    search: bool  # False: its words only prefer, they are not searched
    path: str
    line: int


@dataclass
class Vocabulary:
    names: list[Name] = field(default_factory=list)
    concepts: dict[str, Concept] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def keys(self, kind: str) -> set[str]:
        return {name.key for name in self.names if name.kind == kind}


def vocabulary_files(root: Path) -> list[Path]:
    folder = root / FOLDER
    return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []


def load(root: Path) -> Vocabulary:
    """Read every vocabulary file under `root`; shape problems are in `.problems` (references are checked by
    `check_references`, which needs the corpus)."""
    vocabulary = Vocabulary(files=vocabulary_files(root))
    folder = root / FOLDER
    if folder.exists() and not folder.is_dir():
        vocabulary.problems.append(Problem(str(folder), 1, "vocabulary must be a folder of .yaml files"))
    elif folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.name.startswith(".") and path.suffix != ".yaml":
                vocabulary.problems.append(Problem(str(path), 1, "the vocabulary folder holds .yaml files only"))
    for path in vocabulary.files:
        _load_file(vocabulary, path)
    _check_repeats(vocabulary)
    return vocabulary


def _load_file(vocabulary: Vocabulary, path: Path) -> None:
    shown = str(path)
    problems = vocabulary.problems
    try:
        data, lines, duplicates = parse_yaml(path.read_text(encoding="utf-8"))
    except FrontMatterError as error:
        problems.append(Problem(shown, error.line, error.message))
        return
    except UnicodeDecodeError as error:
        problems.append(Problem(shown, 1, f"not UTF-8 text ({error.reason} at byte {error.start})"))
        return
    problems += [Problem(shown, line, f"'{key}' is given twice") for key, line in duplicates]
    if data is None:
        return
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, f"a vocabulary file is a mapping with {', '.join(SECTIONS)}"))
        return
    for section, entries in data.items():
        line = lines.get((section,), 1)
        if section not in SECTIONS:
            problems.append(Problem(shown, line, f"unknown section '{section}' (known: {', '.join(SECTIONS)})"))
            continue
        if entries is None:
            continue
        if not isinstance(entries, dict):
            problems.append(Problem(shown, line, f"'{section}' must be a mapping of ids to names"))
            continue
        for key, value in entries.items():
            _load_item(vocabulary, shown, lines, section, str(key), value)


def _load_item(vocabulary: Vocabulary, shown: str, lines: dict[Any, int], section: str, key: str, value: Any) -> None:
    problems = vocabulary.problems
    where = (section, key)
    line = lines.get(where, 1)
    kind = KINDS[section]
    if kind == "country" and key not in COUNTRIES:
        problems.append(Problem(shown, line, f"unknown country code '{key}' (see fieldkit/core/countries.py)"))
        return
    if kind != "country" and not schema.ID_PATTERN.match(key):
        problems.append(Problem(shown, line, f"'{key}' must be lowercase letters, digits and hyphens"))
        return
    if not isinstance(value, dict):
        problems.append(Problem(shown, line, f"'{key}' must be a mapping of language codes to lists of names"))
        return
    prefers: list[tuple[str, str]] = []
    search = True
    for lang, names in value.items():
        item_line = lines.get((*where, lang), line)
        if kind == "concept" and lang == "prefers":
            prefers = _preferences(problems, shown, lines, where, names, item_line)
            continue
        if kind == "concept" and lang == "search":
            if not isinstance(names, bool):
                problems.append(Problem(shown, item_line, "'search' is true or false"))
            search = names is not False
            continue
        if lang not in LANGUAGE_CODES:
            problems.append(Problem(shown, item_line, f"unknown language '{lang}' (one of {', '.join(LANGUAGE_CODES)})"))
            continue
        if not isinstance(names, list):
            problems.append(Problem(shown, item_line, f"'{lang}' must be a list of names, e.g. [{key}]"))
            continue
        for index, text in enumerate(names):
            name_line = lines.get((*where, lang, index), item_line)
            problem = _name_problem(text, lang)
            if problem:
                problems.append(Problem(shown, name_line, problem))
                continue
            vocabulary.names.append(Name(kind, key, lang, str(text).strip(), shown, name_line, line))
    if kind == "concept":
        if key in vocabulary.concepts:
            first = vocabulary.concepts[key]
            problems.append(Problem(shown, line, f"concept '{key}' is defined twice (also {first.path}:{first.line})"))
            return
        vocabulary.concepts[key] = Concept(key, tuple(prefers), search, shown, line)
        if not search and not prefers:
            problems.append(Problem(shown, line, f"concept '{key}' is not searched and prefers nothing: it does nothing"))


def _preferences(problems: list[Problem], shown: str, lines: dict[Any, int], where: tuple[str, str], value: Any,
                 line: int) -> list[tuple[str, str]]:
    if not isinstance(value, dict):
        problems.append(Problem(shown, line, f"'prefers' is a mapping of {', '.join(PREFERENCES)} to a value"))
        return []
    found = []
    for name, wanted in value.items():
        item_line = lines.get((*where, "prefers", name), line)
        if name not in PREFERENCES:
            problems.append(Problem(shown, item_line, f"unknown preference '{name}' (known: {', '.join(PREFERENCES)})"))
        elif wanted not in PREFERENCES[name]:
            problems.append(Problem(shown, item_line, f"'{name}' cannot be '{wanted}' (one of {', '.join(PREFERENCES[name])})"))
        else:
            found.append((str(name), str(wanted)))
    return found


def _name_problem(text: Any, lang: str) -> str | None:
    if not isinstance(text, str) or not text.strip():
        return f"a name must be text, not {text!r}"
    if find_control(text) is not None:
        return "control character or escape sequence in a name"
    folded = words(fold(text))
    if not folded:
        return f"'{text}' has no letters or digits to search"
    if len(folded) > MAX_WORDS:
        return f"'{text}' has {len(folded)} words; a name or phrase has at most {MAX_WORDS}"
    scripts = {script_of(word) for word in text.split() if any(c.isalpha() for c in word)}
    allowed = _SCRIPTS.get(lang)
    if allowed and scripts - set(allowed) - {"other"}:
        return f"'{text}' is not written in the script of '{lang}'; is it under the right language?"
    return None


def _check_repeats(vocabulary: Vocabulary) -> None:
    """The same name twice for one key is noise; one name for two places or two countries is ambiguous."""
    seen: dict[tuple[str, str, str, str], Name] = {}
    owners: dict[tuple[str, str], Name] = {}
    for name in vocabulary.names:
        folded = " ".join(words(fold(name.text)))
        first = seen.get((name.kind, name.key, name.lang, folded))
        if first is not None:
            same = "listed twice" if first.text == name.text else f"the same as '{first.text}' once folded"
            vocabulary.problems.append(Problem(name.path, name.line, f"'{name.text}' is {same} for '{name.key}' "
                                                                     f"(line {first.line})"))
            continue
        seen[(name.kind, name.key, name.lang, folded)] = name
        if name.kind == "concept":
            continue
        other = owners.setdefault(("place", folded), name)
        if other.key != name.key:
            vocabulary.problems.append(Problem(
                name.path, name.line,
                f"'{name.text}' names both {other.kind} '{other.key}' ({other.path}:{other.line}) and {name.kind} "
                f"'{name.key}': a name must say one place",
            ))


def check_references(vocabulary: Vocabulary, places: Iterable[str], entry_types: dict[str, str]) -> list[Problem]:
    """Every place key must be a place entry of the corpus."""
    known = set(places)
    problems = []
    reported: set[tuple[str, str]] = set()
    for name in vocabulary.names:
        if name.kind != "place" or name.key in known or (name.path, name.key) in reported:
            continue
        reported.add((name.path, name.key))
        other = entry_types.get(name.key)
        why = f"is a {other}, not a place" if other else "is not a place entry in content/place/"
        problems.append(Problem(name.path, name.key_line, f"'{name.key}' {why}"))
    return problems
