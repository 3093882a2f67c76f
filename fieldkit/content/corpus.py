"""Read a content folder into memory: every entry file and `sources.yaml`, with per-file problems.

Loading never stops at the first problem: it collects them all so `fieldkit check` can report everything at once.
Rules that need the whole corpus (references, duplicates, quotes) are in `check.py`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from fieldkit.content import schema
from fieldkit.content import vocabulary as search_vocabulary
from fieldkit.content.embeds import find_embeds
from fieldkit.content.frontmatter import (
    FrontMatter,
    FrontMatterError,
    body_of,
    parse,
    parse_yaml,
)
from fieldkit.content.inputs import (  # noqa: F401  (re-exported)
    SOURCES_FILE,
    VOCABULARY_FOLDER,
    content_files,
    input_hash,
)
from fieldkit.content.problems import ContentError, Problem
from fieldkit.content.review import hash_of_entry
from fieldkit.core.layers import ATTACH_FOLDER, OVERLAY_FILE
from fieldkit.core.marker import N_
from fieldkit.core.model import PLACEHOLDER
from fieldkit.core.progress import track
from fieldkit.core.registry import REGISTRY
from fieldkit.text.sanitize import find_control

_LET_GO: Mapping[Any, int] = MappingProxyType({})  # the line map of every file whose map was let go

_FILE_NAME = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md$")
_LANG_SHAPE = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$")


@dataclass
class EntryFile:
    """One `content/<type>/<id>.<lang>.md` file, parsed and validated on its own."""

    path: str  # as shown in messages
    type: str
    id: str
    lang: str
    front: FrontMatter
    fields: dict[str, Any]  # validated, normalised front matter
    embeds: list[tuple[int, str]] = field(default_factory=list)  # (line offset in the body, id) of each embed
    digest: bytes = b""  # sha256 of the file as read and checked
    body_kept: bool = True  # False: front.body was let go after the checks (load(bodies=False)); body() reads it
    text_hash: str = ""  # review.hash_of_entry() of its fields and body, as its translations record it
    lines_kept: bool = True  # False: front.lines was let go with the body; line_of() reads the file again

    @property
    def is_original(self) -> bool:
        return self.lang == "en"

    def body(self) -> str:
        """The Markdown body: as kept, or read again from the file, which must be what was checked."""
        if self.body_kept:
            return self.front.body
        return body_of(self._text_again())

    def line_of(self, *location: Any) -> int:
        """The file line of a front-matter field or list item (FrontMatter.line_of): from the line map kept, or
        from the file read and parsed again where it was let go (a problem found after loading is rare; the
        build's 50,000 line maps held at once were its largest use of memory, docs/performance.md)."""
        if self.lines_kept:
            return self.front.line_of(*location)
        return parse(self._text_again()).line_of(*location)

    def _text_again(self) -> str:
        """The file's text read again; it must be what was checked."""
        import hashlib

        data = Path(self.path).read_bytes()
        if hashlib.sha256(data).digest() != self.digest:
            raise ContentError([Problem(self.path, 1, "changed while fieldkit was reading the content: run it again")])
        return data.decode("utf-8")


@dataclass
class Source:
    id: str
    title: str
    publisher: str = ""
    published: str = ""
    file: str | None = None
    url: str | None = None
    note: str = ""
    line: int = 1


@dataclass
class Corpus:
    root: Path
    originals: dict[str, EntryFile] = field(default_factory=dict)
    translations: dict[tuple[str, str], EntryFile] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    sources_path: str = ""
    problems: list[Problem] = field(default_factory=list)
    input_hash: str = ""
    unreadable: set[str] = field(default_factory=set)  # ids whose file could not be parsed
    vocabulary: search_vocabulary.Vocabulary = field(default_factory=search_vocabulary.Vocabulary)

    def files(self) -> list[EntryFile]:
        return sorted([*self.originals.values(), *self.translations.values()], key=lambda e: e.path)


def load(root: Path, *, bodies: bool = True) -> Corpus:
    """Read and validate every file under `root`. Problems are collected in `corpus.problems`.

    With bodies=False each entry's body is let go once its file is checked (EntryFile.body() reads it again when
    needed): the build then holds a corpus of front matter only, not every body at once."""
    corpus = Corpus(root=root)
    if not root.is_dir():
        corpus.problems.append(Problem(str(root), 1, "content folder not found"))
        return corpus
    corpus.input_hash = input_hash(root)
    _load_sources(corpus)
    corpus.vocabulary = search_vocabulary.load(root)
    corpus.problems += corpus.vocabulary.problems
    files = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if folder.name == VOCABULARY_FOLDER:
            continue
        if folder.name == ATTACH_FOLDER:  # read by fieldkit/content/overlay.py
            if not (root / OVERLAY_FILE).is_file():
                corpus.problems.append(Problem(str(folder), 1, f"{ATTACH_FOLDER}/ is for an organisation's overlay "
                                                               f"folder, which has {OVERLAY_FILE}"))
            continue
        content_type = REGISTRY.by_folder(folder.name)
        if content_type is None:
            known = ", ".join(t.folder_name for t in REGISTRY)
            corpus.problems.append(Problem(str(folder), 1, f"unknown content type folder (known: {known})"))
            continue
        files += [(path, content_type.name) for path in sorted(folder.iterdir())
                  if path.is_file() and not path.name.startswith(".")]
    for path, entry_type in track(files, N_("reading content files")):
        _load_entry(corpus, path, entry_type, keep_body=bodies)
    return corpus


def _load_entry(corpus: Corpus, path: Path, entry_type: str, *, keep_body: bool = True) -> None:
    shown = str(path)
    problems = corpus.problems
    match = _FILE_NAME.match(path.name)
    if not match:
        problems.append(Problem(shown, 1, "file name must be <id>.<lang>.md, e.g. bihac.en.md"))
        return
    file_id, lang = sys.intern(match["id"]), sys.intern(match["lang"])
    from fieldkit.i18n.languages import is_language_code

    if not _LANG_SHAPE.match(lang) or not is_language_code(lang):
        problems.append(Problem(shown, 1, f"unknown language code '{lang}' in the file name"))
        return
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(shown, 1, f"not UTF-8 text ({error.reason} at byte {error.start})"))
        return
    try:
        front = parse(text)
    except FrontMatterError as error:
        problems.append(Problem(shown, error.line, error.message))
        corpus.unreadable.add(file_id)  # references to it are not reported again as dangling
        return

    for key, line in front.duplicate_keys:
        problems.append(Problem(shown, line, f"field '{key}' is given twice"))
    original = lang == "en"
    fields, field_problems = schema.validate_fields(front.data, entry_type, original=original)
    for location, message in field_problems:
        problems.append(Problem(shown, front.line_of(*location), message))
    if fields.get("id") and fields["id"] != file_id:
        problems.append(Problem(shown, front.line_of("id"), f"id '{fields['id']}' does not match the file name '{file_id}'"))
    if fields.get("type") and fields["type"] != entry_type:
        problems.append(Problem(shown, front.line_of("type"), f"type '{fields['type']}' but the file is in the '{entry_type}' folder"))
    _check_control_characters(shown, front, problems)
    for offset, body_line in enumerate(front.body.split("\n")):
        if body_line.lstrip().startswith(PLACEHOLDER):
            problems.append(Problem(shown, front.body_line + offset, f"the body still holds the template's "
                                                                      f"placeholder ({PLACEHOLDER} ...): write the text"))
            break

    import hashlib

    share_strings(front.data)
    share_strings(fields)
    entry = EntryFile(path=shown, type=entry_type, id=file_id, lang=lang, front=front, fields=fields,
                      embeds=find_embeds(front.body), digest=hashlib.sha256(data).digest(),
                      text_hash=sys.intern(hash_of_entry(fields, front.body)))  # a translation's original_hash
    if not keep_body:  # the checks of the file on its own are done: what the build does not need again goes
        front.body, entry.body_kept = "", False
        front.lines, front.duplicate_keys, entry.lines_kept = _LET_GO, [], False
    if original:
        if file_id in corpus.originals:
            first = corpus.originals[file_id]
            problems.append(Problem(shown, entry.line_of("id"), f"duplicate id '{file_id}' (also {first.path})"))
            return
        corpus.originals[file_id] = entry
    else:
        corpus.translations[(file_id, lang)] = entry


SHARED_UP_TO = 32  # characters: ids, language and country codes, kinds, dates, field names; not titles or text


def share_strings(value: Any) -> None:
    """Replace, in place, each short string of a front-matter value (keys too, however deep in mappings and
    lists) by one copy shared by every file: the same values, held once. Each file's YAML makes its own copy of
    `id`, `country: ba`, `2026-01-15`, the ids it refers to; 50,000 files hold hundreds of thousands of them."""
    if isinstance(value, dict):
        items = [(_shared(k), v) for k, v in value.items()]
        value.clear()  # the same keys in the same order, now shared
        for key, item in items:
            share_strings(item)
            value[key] = _shared(item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            share_strings(item)
            value[index] = _shared(item)


def _shared(value: Any) -> Any:
    if type(value) is str and len(value) <= SHARED_UP_TO:
        return sys.intern(value)
    return value


def _check_control_characters(shown: str, front: FrontMatter, problems: list[Problem]) -> None:
    """Terminal escape sequences or control characters in any text are refused: they would reach the screen."""
    for key, value in front.data.items():
        for text in strings_in(value):
            if find_control(text) is not None:
                problems.append(Problem(shown, front.line_of(key), f"control character or escape sequence in '{key}'"))
                break
    for offset, line in enumerate(front.body.split("\n")):
        if find_control(line.replace("\t", " ")) is not None:
            problems.append(Problem(shown, front.body_line + offset, "control character or escape sequence in the body"))


def strings_in(value: Any) -> list[str]:
    """Every string in a front-matter value, however deep in lists and mappings."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings_in(item)]
    return []


def _load_sources(corpus: Corpus) -> None:
    path = corpus.root / SOURCES_FILE
    shown = str(path)
    corpus.sources_path = shown
    if not path.exists():
        corpus.problems.append(Problem(shown, 1, "sources.yaml is missing: it lists the documents entries cite"))
        return
    try:
        data, lines, duplicates = parse_yaml(path.read_text(encoding="utf-8"))
    except FrontMatterError as error:
        corpus.problems.append(Problem(shown, error.line, error.message))
        return
    except UnicodeDecodeError as error:
        corpus.problems.append(Problem(shown, 1, f"not UTF-8 text ({error.reason} at byte {error.start})"))
        return
    if not isinstance(data, list):
        corpus.problems.append(Problem(shown, 1, "sources.yaml must be a list of sources (- id: ...)"))
        return
    allowed = {"id", "title", "publisher", "published", "file", "url", "note"}
    for index, item in enumerate(data):
        line = lines.get((index,), 1)
        if not isinstance(item, dict):
            corpus.problems.append(Problem(shown, line, "each source must be a mapping with id and title"))
            continue
        for key in item:
            if schema.placeholder_in(item[key]) is not None:
                corpus.problems.append(Problem(shown, lines.get((index, key), line), f"'{key}' still holds the "
                                               f"template's placeholder ({PLACEHOLDER} ...): write the real value"))
            if key not in allowed:
                corpus.problems.append(Problem(shown, lines.get((index, key), line), f"unknown field '{key}' in a source"))
            elif any(find_control(text) is not None for text in strings_in(item[key])):
                corpus.problems.append(Problem(shown, lines.get((index, key), line),
                                               f"control character or escape sequence in '{key}'"))
        source_id = item.get("id")
        if not isinstance(source_id, str) or not schema.ID_PATTERN.match(source_id):
            corpus.problems.append(Problem(shown, line, f"source id must be lowercase letters, digits and hyphens, not {source_id!r}"))
            continue
        if not item.get("title"):
            corpus.problems.append(Problem(shown, line, f"source '{source_id}' needs a title"))
        if not item.get("file") and not item.get("url"):
            corpus.problems.append(Problem(shown, line, f"source '{source_id}' needs a 'file' or a 'url'"))
        if source_id in corpus.sources:
            corpus.problems.append(Problem(shown, line, f"duplicate source id '{source_id}'"))
            continue
        corpus.sources[source_id] = Source(
            id=source_id,
            title=str(item.get("title") or ""),
            publisher=str(item.get("publisher") or ""),
            published=str(item.get("published") or ""),
            file=item.get("file"),
            url=item.get("url"),
            note=str(item.get("note") or ""),
            line=line,
        )
