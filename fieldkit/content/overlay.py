"""An organisation's overlay folder: its own entries in its namespace, and fields attached to published entries.

    <folder>/overlay.yaml                namespace: org-xyz          (the id prefix it owns)
                                         organisation: XYZ Legal Aid (shown as "added by XYZ Legal Aid")
    <folder>/sources.yaml                its own sources, ids in its namespace
    <folder>/<type>/<id>.<lang>.md       its entries, ids in its namespace, in the content format
    <folder>/attach/<published id>.yaml  fields attached to a published entry (a type's `attachable` fields:
                                         contacts, hours, ...), with their sources and review state

It is checked against the published content in use (the base: an installed base pack or the content shipped with
fieldkit), so its entries may refer to published places and services; nothing in it may change published text
(fieldkit/core/layers.py). `build_overlay` compiles it into a content database like the base's, plus its
attachments: that database is what an overlay pack carries, and what fieldkit/content/merge.py merges.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldkit.content.build import BuildResult, write_database
from fieldkit.content.check import check, check_citations
from fieldkit.content.corpus import Corpus, strings_in
from fieldkit.content.frontmatter import FrontMatterError, parse_yaml
from fieldkit.content.inputs import VOCABULARY_FOLDER
from fieldkit.content.problems import ContentError, Problem
from fieldkit.content.schema import validate_attachment
from fieldkit.content.sourcetext import normalise_for_quote
from fieldkit.core.layers import ATTACH_FOLDER, OVERLAY, OVERLAY_FILE, in_namespace, namespace_problem
from fieldkit.core.model import PLACEHOLDER
from fieldkit.core.registry import REGISTRY
from fieldkit.text.sanitize import find_control

ORGANISATION_MAX = 120


@dataclass(frozen=True)
class BaseEntry:
    """A published entry as an overlay's check sees it: its type and fields (country, kind, region, ...)."""

    id: str
    type: str
    fields: dict[str, Any]


@dataclass
class BaseContent:
    """The published content an overlay is checked against, read from its compiled database."""

    entries: dict[str, BaseEntry] = field(default_factory=dict)

    @classmethod
    def read(cls, database: Path) -> BaseContent:
        """StoreError if `database` is not a content database this fieldkit reads."""
        from fieldkit.store.db import connect

        conn = connect(database)
        try:
            rows = conn.execute("SELECT id, type, country, details, title FROM entries").fetchall()
        finally:
            conn.close()
        entries = {}
        for entry_id, entry_type, country, details, title in rows:
            try:
                fields = json.loads(details or "{}")
            except ValueError:
                fields = {}
            fields = fields if isinstance(fields, dict) else {}
            entries[str(entry_id)] = BaseEntry(str(entry_id), str(entry_type), dict(fields, country=country,
                                                                                     title=str(title or entry_id)))
        return cls(entries)


@dataclass
class Attachment:
    path: str
    target: str
    target_type: str
    fields: dict[str, Any]  # the attached fields only
    sources: list[dict[str, Any]]
    checked: str | None
    reviewed: Any  # as the content format gives it


@dataclass
class Overlay:
    root: Path
    namespace: str
    organisation: str
    corpus: Corpus
    attachments: list[Attachment] = field(default_factory=list)


def is_overlay(root: Path) -> bool:
    return (root / OVERLAY_FILE).is_file()


def check_overlay(root: Path, base: BaseContent, sources_dir: Path | None = None) -> tuple[Overlay, list[Problem]]:
    """Load and check an overlay folder against the published content `base`. Every problem, sorted."""
    problems: list[Problem] = []
    namespace, organisation = _settings(root, problems)
    corpus, found = check(root, sources_dir, base=base.entries)
    problems += found
    if (root / VOCABULARY_FOLDER).exists():
        problems.append(Problem(str(root / VOCABULARY_FOLDER), 1, "an overlay cannot change the search vocabulary "
                                                                  f"({VOCABULARY_FOLDER}/ is for the published content)"))
    if namespace:
        problems += _namespace_problems(corpus, base, namespace)
    attachments = _attachments(root, corpus, base, problems)
    if sources_dir is not None:
        problems += _attachment_quotes(corpus, attachments, sources_dir, root)
    return Overlay(root, namespace, organisation, corpus, attachments), sorted(set(problems))


def read_settings(root: Path) -> tuple[str, str, list[Problem]]:
    """An overlay folder's namespace and organisation from overlay.yaml ("" where it has problems), and them."""
    problems: list[Problem] = []
    namespace, organisation = _settings(root, problems)
    return namespace, organisation, problems


def _settings(root: Path, problems: list[Problem]) -> tuple[str, str]:
    path = root / OVERLAY_FILE
    shown = str(path)
    try:
        data, lines, _ = parse_yaml(path.read_text(encoding="utf-8"))
    except FrontMatterError as error:
        problems.append(Problem(shown, error.line, error.message))
        return "", ""
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, 1, f"cannot read it: {error}"))
        return "", ""
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, f"{OVERLAY_FILE} must be a mapping: namespace: org-xyz, organisation: ..."))
        return "", ""
    for key in data:
        if key not in ("namespace", "organisation"):
            problems.append(Problem(shown, lines.get((key,), 1), f"unknown field '{key}' (allowed: namespace, "
                                                                  "organisation)"))
    namespace, organisation = data.get("namespace"), data.get("organisation")
    problem = namespace_problem(namespace)
    if problem:
        problems.append(Problem(shown, lines.get(("namespace",), 1), f"'namespace': {problem}"))
        namespace = ""
    if not isinstance(organisation, str) or not organisation.strip():
        problems.append(Problem(shown, lines.get(("organisation",), 1), "'organisation' must name who adds this "
                                                                        "content (shown beside it)"))
        organisation = ""
    elif organisation.lstrip().startswith(PLACEHOLDER):
        problems.append(Problem(shown, lines.get(("organisation",), 1), f"'organisation' still holds the template's "
                                                                        f"placeholder ({PLACEHOLDER} ...): name it"))
        organisation = ""
    elif len(organisation) > ORGANISATION_MAX or find_control(organisation) is not None:
        problems.append(Problem(shown, lines.get(("organisation",), 1), "'organisation' must be one line of at most "
                                                                        f"{ORGANISATION_MAX} characters"))
        organisation = ""
    return str(namespace or ""), str(organisation or "").strip()


def _namespace_problems(corpus: Corpus, base: BaseContent, namespace: str) -> list[Problem]:
    problems = []
    for entry in corpus.files():
        if entry.id in base.entries and entry.is_original:
            problems.append(Problem(entry.path, entry.line_of("id"), f"'{entry.id}' is published content: an overlay "
                                    f"never changes it; attach fields to it in {ATTACH_FOLDER}/{entry.id}.yaml"))
        elif not in_namespace(entry.id, namespace):
            problems.append(Problem(entry.path, entry.line_of("id"), f"id '{entry.id}' is outside this overlay's "
                                    f"namespace: its entries' ids start with '{namespace}-'"))
    for source in corpus.sources.values():
        if not in_namespace(source.id, namespace):
            problems.append(Problem(corpus.sources_path, source.line, f"source id '{source.id}' is outside this "
                                    f"overlay's namespace: its sources' ids start with '{namespace}-'"))
    return problems


def _attachments(root: Path, corpus: Corpus, base: BaseContent, problems: list[Problem]) -> list[Attachment]:
    folder = root / ATTACH_FOLDER
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        attachment = _attachment(path, corpus, base, problems)
        if attachment is not None:
            found.append(attachment)
    return found


def _attachment(path: Path, corpus: Corpus, base: BaseContent, problems: list[Problem]) -> Attachment | None:
    shown = str(path)
    if path.suffix != ".yaml":
        problems.append(Problem(shown, 1, f"{ATTACH_FOLDER}/ holds <published id>.yaml files only"))
        return None
    target = path.stem
    published = base.entries.get(target)
    if published is None:
        where = " (it is this overlay's own entry: write the fields in it)" if target in corpus.originals else ""
        problems.append(Problem(shown, 1, f"'{target}' is not in the published content{where}: the file name is "
                                          "the id of the published entry the fields are attached to"))
        return None
    content_type = REGISTRY.get(published.type)
    if content_type is None or not content_type.attachable:
        problems.append(Problem(shown, 1, f"nothing can be attached to a {published.type} ('{target}')"))
        return None
    try:
        data, lines, duplicates = parse_yaml(path.read_text(encoding="utf-8"))
    except FrontMatterError as error:
        problems.append(Problem(shown, error.line, error.message))
        return None
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, 1, f"cannot read it: {error}"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, "an attachment is a mapping of fields (name: value)"))
        return None

    def line_of(*location: Any) -> int:
        place = tuple(location)
        while place:
            if place in lines:
                return lines[place]
            place = place[:-1]
        return 1

    for key, line in duplicates:
        problems.append(Problem(shown, line, f"field '{key}' is given twice"))
    clean, field_problems = validate_attachment(data, published.type)
    problems += [Problem(shown, line_of(*location), message) for location, message in field_problems]
    for key, value in data.items():
        if any(find_control(text) is not None for text in strings_in(value)):
            problems.append(Problem(shown, line_of(key), f"control character or escape sequence in '{key}'"))
    problems += check_citations(list(clean.get("sources") or []), corpus, shown, line_of)
    attached = {name: value for name, value in clean.items() if name in content_type.attachable}
    return Attachment(shown, target, published.type, attached, list(clean.get("sources") or []),
                      clean.get("checked"), clean.get("reviewed"))


def _attachment_quotes(corpus: Corpus, attachments: list[Attachment], sources_dir: Path, root: Path) -> list[Problem]:
    problems = []
    for attachment in attachments:
        for citation in attachment.sources:
            source = corpus.sources.get(citation.get("doc", ""))
            quote = citation.get("quote")
            if source is None or not source.file or not quote:
                continue
            try:
                text = normalise_for_quote((sources_dir / source.file).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue  # reported once for the source by check_quotes
            if normalise_for_quote(quote) not in text:
                problems.append(Problem(attachment.path, 1, f"quote not found in '{source.id}': \"{quote[:60]}\""))
    return problems


# --- compiling ------------------------------------------------------------------------------------------------
ATTACHMENTS_TABLE = "attachments"
BODIES_TABLE = "source_bodies"


def build_overlay(root: Path, base: BaseContent, out: Path) -> BuildResult:
    """Check the overlay folder against `base` and compile it to `out` (atomically): a content database of its
    entries, with its attachments and its namespace. ContentError (and `out` untouched) on any problem."""
    from fieldkit.core.atomic import write_bytes

    overlay, problems = check_overlay(root, base)
    if problems:
        raise ContentError(problems)
    with tempfile.TemporaryDirectory(prefix="fieldkit-overlay-") as work:
        compiled = Path(work) / "fieldkit.db"
        entries, documents = write_database(overlay.corpus, compiled)
        _add_overlay_tables(compiled, overlay)
        write_bytes(out, compiled.read_bytes())
    return BuildResult(path=out, content_hash=overlay.corpus.input_hash, entries=entries, translations=documents)


def _add_overlay_tables(path: Path, overlay: Overlay) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"CREATE TABLE {ATTACHMENTS_TABLE} (entry_id TEXT PRIMARY KEY, fields TEXT NOT NULL, "
                     "sources TEXT NOT NULL, checked TEXT, reviewed TEXT, path TEXT NOT NULL)")
        # The text the compiler indexed for each document (its file's body: ids not yet named, embeds not yet
        # resolved), so the merge indexes an overlay's documents exactly as the build indexed them.
        conn.execute(f"CREATE TABLE {BODIES_TABLE} (key INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        files = {(e.id, e.lang): e for e in overlay.corpus.files()}
        conn.executemany(f"INSERT INTO {BODIES_TABLE} (key, body) VALUES (?, ?)", [
            (key, files[(entry_id, lang)].front.body) for key, entry_id, lang in
            conn.execute("SELECT key, id, lang FROM translations ORDER BY key").fetchall() if (entry_id, lang) in files])
        conn.executemany(
            f"INSERT INTO {ATTACHMENTS_TABLE} VALUES (?, ?, ?, ?, ?, ?)",
            [(a.target, _json(a.fields), _json(a.sources), a.checked, _json(a.reviewed) if a.reviewed else None,
              f"{ATTACH_FOLDER}/{a.target}.yaml") for a in sorted(overlay.attachments, key=lambda a: a.target)])
        dates = [date for date in (_state_date(a.checked, a.reviewed) for a in overlay.attachments) if date]
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        newest = max([meta.get("content_date") or "", *dates])
        conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [
            ("layer", OVERLAY), ("namespace", overlay.namespace), ("organisation", overlay.organisation),
            ("content_date", newest), ("content_version", newest.replace("-", ".") or "0"),
        ])
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()


def _state_date(checked: str | None, reviewed: Any) -> str | None:
    """The day an attachment was last checked: `checked`, or a review's date."""
    if checked:
        return checked
    if isinstance(reviewed, Mapping):
        return str(reviewed.get("date") or "") or None
    return str(reviewed) if reviewed else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
