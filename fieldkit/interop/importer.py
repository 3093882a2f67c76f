"""Import a partner's HXL service sheet into a content folder, row by row, for a person to review.

Each row is checked (`validate.py`) and compared with the service of the same id already in the content:

- **new**: written as `service/<id>.en.md` (and `<id>.<lang>.md` for names and summaries in other languages);
- **changed**: the existing file with the sheet's values put in, everything else kept as it was;
- **unchanged**: the content already says what the row says; nothing is written;
- **bad**: the row's problems are reported by row number.

With any bad row nothing is written, unless `skip_bad`. Every original written has no `checked` date and no
`reviewed` block (nobody has checked the sheet's values against a source, nor reviewed them) and cites the
sheet, which is added to `sources.yaml` as a source with a `file` (a verbatim cell of the row is the quote, so
`fieldkit check --sources` verifies it once the sheet sits beside the shared documents). An empty cell never
removes what the content already has. Files are written atomically, `sources.yaml` first.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from fieldkit.content.corpus import Corpus, EntryFile, load
from fieldkit.content.inputs import SOURCES_FILE
from fieldkit.content.overlay import BaseContent, is_overlay, read_settings
from fieldkit.content.review import original_hash
from fieldkit.content.schema import QUOTE_MAX
from fieldkit.content.sourcetext import normalise_for_quote
from fieldkit.core.explained import Explained
from fieldkit.core.layers import OVERLAY_FILE
from fieldkit.core.marker import N_
from fieldkit.core.progress import track
from fieldkit.core.registry import REGISTRY
from fieldkit.i18n.languages import country_name
from fieldkit.interop.entryfile import problems_in, put, render, scalar
from fieldkit.interop.hsds_read import is_package, read_package
from fieldkit.interop.sheet import Sheet, read_sheet
from fieldkit.interop.validate import Context, Place, ServiceRow, Validator
from fieldkit.interop.vocabulary import slug

CONTACT_KEYS = ("phone", "email", "url", "address")  # in the order docs/content-format.md gives them
TRANSLATION_STATUS = "machine"  # a partner's translation nobody here has reviewed yet
# Service kinds in words, for a summary the sheet does not give; kinds that say who runs it, not what it does.
_KIND_WORDS = {"legal-aid": "legal aid", "medical": "medical care", "psychosocial": "psychosocial support",
               "mine-awareness": "mine awareness sessions", "emergency": "emergency help", "ngo": "NGO",
               "international-organisation": "international organisation", "institution": "public institution"}
_WHO_KINDS = ("ngo", "international-organisation", "institution")


class ImportFailure(Explained):
    """The import cannot start (no content folder, say); the message says why."""


@dataclass
class Planned:
    path: Path
    text: str


@dataclass
class RowOutcome:
    row: int
    status: str  # new, changed, unchanged, bad
    id: str = ""
    changes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    planned: list[Planned] = field(default_factory=list, repr=False)


@dataclass
class ImportReport:
    sheet: str
    content: str
    rows: list[RowOutcome]
    columns: dict[str, str]  # field -> the column it was read from
    unused_columns: list[str]
    source: str  # the id the written files cite
    source_added: bool = False
    written: list[str] = field(default_factory=list)
    dry_run: bool = False
    skip_bad: bool = False

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def blocked(self) -> bool:
        """Nothing was written because some row is bad."""
        return self.count("bad") > 0 and not self.skip_bad

    def to_json(self) -> dict[str, Any]:
        rows = [{k: v for k, v in asdict(row).items() if k != "planned"} for row in self.rows]
        counts = {status: self.count(status) for status in ("new", "changed", "unchanged", "bad")}
        return {"sheet": self.sheet, "content": self.content, "dry_run": self.dry_run, "skip_bad": self.skip_bad,
                "written": self.written, "source": self.source, "source_added": self.source_added,
                "counts": counts, "columns": self.columns, "unused_columns": self.unused_columns, "rows": rows}


def import_services(sheet_path: Path, content_dir: Path, *, skip_bad: bool = False, dry_run: bool = False,
                    today: dt.date | None = None, base: BaseContent | None = None) -> ImportReport:
    """Import into a content folder; into an organisation's overlay folder (it has overlay.yaml), ids and the
    sheet's source id start with its namespace and `base`, the published content, gives the places too."""
    today = today or dt.date.today()
    if not (content_dir / SOURCES_FILE).is_file():
        raise ImportFailure(N_("{folder} is not a content folder (it has no {file}); pass --content DIR"),
                            folder=content_dir, file=SOURCES_FILE)
    namespace = None
    if is_overlay(content_dir):
        namespace, _organisation, problems = read_settings(content_dir)
        if problems or not namespace:
            raise ImportFailure(N_("{file} in {folder} has problems: run 'fieldkit check' first"),
                                file=OVERLAY_FILE, folder=content_dir)
    corpus = load(content_dir)
    if is_package(sheet_path):  # an HSDS package: read as a sheet, one row per service
        sheet = read_package(sheet_path, sorted(corpus.originals))
        sheet_path = sheet.path
    else:
        sheet = read_sheet(sheet_path)
    source_id, source_exists = _source_for(corpus, sheet_path, namespace)
    plan = _Plan(sheet, corpus, content_dir, source_id, today, base, namespace)
    validator = Validator(sheet, plan.context)
    outcomes = [plan.outcome(validator.check(row)) for row in track(sheet.rows, N_("checking the sheet's rows"))]
    report = ImportReport(
        sheet=str(sheet_path), content=str(content_dir), rows=outcomes,
        columns={name: column.describe() for name, column in sheet.fields.items()},
        unused_columns=[column.describe() for column in sheet.unused], source=source_id,
        dry_run=dry_run, skip_bad=skip_bad,
    )
    files = [planned for outcome in outcomes if outcome.status in ("new", "changed") for planned in outcome.planned]
    if not files or dry_run or report.blocked:
        report.source_added = bool(files) and not source_exists
        return report
    from fieldkit.core.atomic import write_bytes

    if not source_exists:  # replaced whole, its mode kept (fieldkit.core.atomic)
        write_bytes(content_dir / SOURCES_FILE, _with_source(content_dir, source_id, sheet_path, today))
        report.source_added = True
    for planned in files:
        planned.path.parent.mkdir(parents=True, exist_ok=True)  # the content folder's own service/ folder
        write_bytes(planned.path, planned.text.encode("utf-8"))
        report.written.append(str(planned.path))
    return report


# --- the sheet as a source -------------------------------------------------------------------------------------

def _source_for(corpus: Corpus, sheet_path: Path, namespace: str | None = None) -> tuple[str, bool]:
    """The source id for this sheet: one already listed with its file name, else a new free id (in an overlay's
    namespace)."""
    for source in corpus.sources.values():
        if source.file == _file_name(sheet_path):
            return source.id, True
    stem = f"{sheet_path.parent.name}-hsds" if sheet_path.name == "services.csv" else sheet_path.stem
    base = (f"{namespace}-" if namespace else "") + "import-" + (slug(stem)[:50].rstrip("-") or "sheet")
    candidate, number = base, 1
    while candidate in corpus.sources:
        number += 1
        candidate = f"{base}-{number}"
    return candidate, False


def _file_name(sheet_path: Path) -> str:
    """How sources.yaml names the file: a sheet by its name; an HSDS package's services.csv with its folder."""
    return f"{sheet_path.parent.name}/{sheet_path.name}" if sheet_path.name == "services.csv" else sheet_path.name


def _with_source(content_dir: Path, source_id: str, sheet_path: Path, today: dt.date) -> bytes:
    path = content_dir / SOURCES_FILE
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    what = "HSDS package" if sheet_path.name == "services.csv" else "HXL service sheet"
    note = (f"A partner's {what}, imported with fieldkit import services on {today.isoformat()}. "
            "Services from it count as not reviewed until a person checks them. Keep the file with the shared "
            "source documents so that fieldkit check --sources finds the quoted cells in it.")
    title = f"{what[0].upper()}{what[1:]} {_file_name(sheet_path)}"
    block = (f"\n- id: {source_id}\n  title: {scalar(title)}\n"
             f"  file: {scalar(_file_name(sheet_path))}\n  note: {scalar(note)}\n")
    return (text + block).encode("utf-8")


# --- planning each row ---------------------------------------------------------------------------------------

class _Plan:
    def __init__(self, sheet: Sheet, corpus: Corpus, content_dir: Path, source_id: str, today: dt.date,
                 base: BaseContent | None = None, namespace: str | None = None):
        self.sheet, self.corpus, self.content_dir = sheet, corpus, content_dir
        self.source_id, self.today = source_id, today
        self.rows = {sheet_row.number: sheet_row for sheet_row in sheet.rows}
        published = list(base.entries.values()) if base is not None else []  # an overlay: the published content too
        entries: list[Any] = [*published, *corpus.originals.values()]  # BaseEntry and EntryFile: id, type, fields
        types = {entry.id: entry.type for entry in entries}
        places = {
            entry.id: Place(entry.id, entry.fields.get("country"), entry.fields.get("title", entry.id),
                            entry.fields.get("lat"), entry.fields.get("lon"))
            for entry in entries if entry.type == "place"
        }
        self.context = Context(types=types, places=places, namespace=namespace)

    def outcome(self, row: ServiceRow) -> RowOutcome:
        outcome = RowOutcome(row=row.number, status="bad", id=row.id, problems=list(row.problems),
                             notes=list(row.notes))
        if row.problems:
            return outcome
        path = self.content_dir / REGISTRY["service"].folder_name / f"{row.id}.en.md"
        existing = self.corpus.originals.get(row.id)
        if existing is None and path.exists():
            outcome.problems.append(f"{path} exists but cannot be read as a service: fix it first "
                                    "(run 'fieldkit check')")
            return outcome
        citations = self._citations(row)
        if not citations:
            outcome.problems.append("no cell of this row can be quoted verbatim from the file")
            return outcome
        planned: list[Planned] = []
        if existing is None:
            status = "new"
            data, body = self._new(row, citations), self._body(row)
            planned.append(Planned(path, render(data, body)))
        else:
            data, outcome.changes = self._merge(existing, row, citations)
            body = existing.front.body
            if outcome.changes:
                planned.append(Planned(path, render(data, body)))
        # The partner's translations are of the original as this import leaves it.
        english = original_hash(str(data.get("title") or ""), str(data.get("summary") or ""), body)
        for lang, texts in row.translations.items():
            translation, change = self._translation(row, lang, texts, outcome.notes, english)
            if translation is not None:
                planned.append(translation)
                if existing is not None:
                    outcome.changes.append(change)
        if existing is not None:
            status = "changed" if planned else "unchanged"
            if planned and planned[0].path != path:
                # Only a translation changed: the original says so too (no checked date, cites the sheet).
                data, _ = self._merge(existing, row, citations, force=True)
                planned.insert(0, Planned(path, render(data, existing.front.body)))
        for item in planned:
            original = item.path.name.endswith(".en.md")
            found = problems_in(item.text, "service", original=original, shown=str(item.path))
            if found:  # never write a file the checker would refuse
                outcome.problems += [f"would write an invalid file: {problem.message}" for problem in found]
        if outcome.problems:
            return outcome
        outcome.status, outcome.planned = status, planned
        outcome.files = [str(item.path) for item in planned]
        return outcome

    # --- citations of the sheet ---
    def _citations(self, row: ServiceRow) -> list[dict[str, str]]:
        """The row's name (or another cell that identifies it), then each contact detail and the opening hours,
        quoted verbatim (`check --sources` finds every number and address of an entry in its quotes)."""
        sheet_row = self.rows[row.number]
        where = f"row {row.number}" + (f"; the partner's source: {row.source_note}" if row.source_note else "")
        preferred = [self.sheet.value(sheet_row, name) for name in ("title", "id", "organisation")]
        row_text = normalise_for_quote(sheet_row.raw)
        name = next((cell for cell in preferred + sheet_row.cells if _quotable(cell, row_text)), None)
        if name is None:
            return []
        citations = [{"doc": self.source_id, "where": where, "quote": name}]
        cells = [(key, row.contact.get(key)) for key in CONTACT_KEYS] + [("hours", row.hours)]
        for key, value in cells:
            if value and _quotable(value, row_text):
                column = self.sheet.fields[key]
                citations.append({"doc": self.source_id, "where": f"row {row.number}, {column.describe()}",
                                  "quote": value})
        return citations


    # --- a new service ---
    def _new(self, row: ServiceRow, citations: list[dict[str, str]]) -> dict[str, Any]:
        data: dict[str, Any] = {"id": row.id, "type": "service", "title": row.title,
                                "summary": row.summary or self._summary(row), "country": row.country,
                                "kind": row.kinds, "organisation": row.organisation}
        if row.place:
            data["place"] = row.place
        if row.lat is not None:
            data.update(lat=row.lat, lon=row.lon, coords_source=self.source_id)
        if row.languages:
            data["languages"] = row.languages
        if row.hours:
            data["hours"] = row.hours
        if row.contact:
            data["contact"] = {key: row.contact[key] for key in CONTACT_KEYS if key in row.contact}
        if row.access:
            data["access"] = row.access
        for name, value in _service_fields(row).items():
            put(data, name, value)
        data.update(sources=citations, as_of=row.as_of or self.today.isoformat())
        return data

    def _summary(self, row: ServiceRow) -> str:
        """'Example NGO: legal aid and psychosocial support in Bihać, Bosnia and Herzegovina.'"""
        services = [kind for kind in row.kinds if kind not in _WHO_KINDS] or row.kinds
        words = [_KIND_WORDS.get(kind, kind.replace("-", " ")) for kind in services]
        what = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
        where = self.context.places[row.place].title if row.place else row.location
        at = f" in {where}," if where else " in"
        return f"{row.organisation}: {what}{at} {country_name(row.country)}."

    def _body(self, row: ServiceRow) -> str:
        # A note on where the entry came from, marked as not from the sources so `check --sources` reads no claims in it.
        parts = [f"From a partner's service sheet (`{_code(self.sheet.path.name)}`, row {row.number}), imported on "
                 f"{self.today.isoformat()}; not yet checked by the editors (an import note, not from the sources)."]
        if row.location:
            parts.append(f"Where, as the sheet gives it: {row.location}.")
        if row.description:
            parts.append(row.description)
        return "\n\n".join(parts)

    # --- an existing service ---
    def _merge(self, existing: EntryFile, row: ServiceRow, citations: list[dict[str, str]], *,
               force: bool = False) -> tuple[dict[str, Any], list[str]]:
        """The existing front matter with the row's values put in, and the names of the fields that changed."""
        data = copy.deepcopy(existing.front.data)
        fields = existing.fields
        changes: list[str] = []

        def update(name: str, value: Any, current: Any) -> None:
            if _same(value, current):
                return
            changes.append(name)
            put(data, name, value)

        if row.title_given:
            update("title", row.title, fields.get("title"))
        if row.summary:
            update("summary", row.summary, fields.get("summary"))
        update("country", row.country, fields.get("country"))
        update("kind", row.kinds, fields.get("kind"))
        if not (row.organisation_id and row.organisation_id == fields.get("organisation_id")):
            update("organisation", row.organisation, fields.get("organisation"))  # else its record's name
        if row.place:
            update("place", row.place, fields.get("place"))
        if row.lat is not None and not (_same(row.lat, fields.get("lat")) and _same(row.lon, fields.get("lon"))):
            changes.append("coordinates")
            put(data, "lat", row.lat)
            put(data, "lon", row.lon)
            put(data, "coords_source", self.source_id)
        if row.languages:
            update("languages", row.languages, fields.get("languages"))
        if row.hours:
            update("hours", row.hours, fields.get("hours"))
        if row.access:
            update("access", row.access, fields.get("access"))
        contact = dict(data.get("contact") or {}) if isinstance(data.get("contact"), dict) else {}
        current = fields.get("contact") or {}
        typed = fields.get("contacts") or []
        for key in CONTACT_KEYS:
            if key in row.contact and any(_same(row.contact[key], item.get(key)) for item in typed):
                continue  # the content has it already, as a typed contact
            if key == "url" and "url" in row.contact and row.contact["url"] == f"http://{current.get('url')}":
                continue  # HSDS wants a scheme, and the export added one (fieldkit/interop/hsds.py)
            if key in row.contact and not _same(row.contact[key], current.get(key)):
                changes.append(f"contact.{key}")
                contact[key] = row.contact[key]
        if contact != (data.get("contact") or {}):
            put(data, "contact", contact)
        for name, value in _service_fields(row).items():
            if name == "contacts":  # typed phones the content does not have yet, in any of its contact fields
                known = {(item.get("phone"), item.get("kind")) for item in fields.get("contacts") or []}
                added = [item for item in value if (item["phone"], item["kind"]) not in known]
                if added:
                    changes.append("contacts")
                    put(data, "contacts", list(data.get("contacts") or []) + added)
                continue
            update(name, value, fields.get(name))
        if changes or force:
            sources = [c for c in data.get("sources") or []
                       if not (isinstance(c, dict) and c.get("doc") == self.source_id)]  # the sheet's, cited anew
            put(data, "sources", sources + citations)
            put(data, "as_of", row.as_of or self.today.isoformat())
            data.pop("checked", None)  # the sheet's values: not checked against a source, nor reviewed, yet
            data.pop("reviewed", None)
        return data, changes

    # --- a name and summary in another language ---
    def _translation(self, row: ServiceRow, lang: str, texts: dict[str, str],
                     notes: list[str], english: str) -> tuple[Planned | None, str]:
        path = self.content_dir / REGISTRY["service"].folder_name / f"{row.id}.{lang}.md"
        existing = self.corpus.translations.get((row.id, lang))
        if existing is not None:
            if all(_same(texts[name], existing.fields.get(name)) for name in ("title", "summary")):
                return None, ""
            data = copy.deepcopy(existing.front.data)
            data.update(title=texts["title"], summary=texts["summary"], translation=TRANSLATION_STATUS,
                        original_hash=english)
            data.pop("reviewed", None)
            return Planned(path, render(data, existing.front.body)), f"translation ({lang})"
        if path.exists():
            notes.append(f"{path.name} exists but cannot be read: the name in {lang} was left out")
            return None, ""
        data = {"id": row.id, "type": "service", "title": texts["title"], "summary": texts["summary"],
                "translation": TRANSLATION_STATUS, "original_hash": english}
        return Planned(path, render(data, "")), f"translation ({lang})"


def _service_fields(row: ServiceRow) -> dict[str, Any]:
    """The row's HSDS-style fields that have a value, as front matter (an empty cell never removes anything)."""
    data: dict[str, Any] = {}
    if row.organisation_id:
        data["organisation_id"] = row.organisation_id
    if row.status:
        data["status"] = row.status
    if row.alert:
        data["alert"] = dict(row.alert)
    if row.area:
        data["area"] = list(row.area)
    for name in ("populations", "intake", "documents"):
        if getattr(row, name):
            data[name] = list(getattr(row, name))
    data.update(row.texts)
    if row.schedule:
        data["schedule"] = [dict(line) for line in row.schedule]
    if row.contacts:
        data["contacts"] = [dict(item) for item in row.contacts]
    return data


def _quotable(cell: str, row_text: str) -> bool:
    """The cell can be quoted: it is in its row's own text in the file, so it is in the file, verbatim."""
    return bool(cell) and len(cell) <= QUOTE_MAX and normalise_for_quote(cell) in row_text


def _same(new: Any, current: Any) -> bool:
    """Equal once whitespace runs are folded: the export writes each text on one line."""
    if isinstance(new, float) or isinstance(current, float):
        try:
            return current is not None and abs(float(new) - float(current)) < 1e-9
        except (TypeError, ValueError):
            return False
    if isinstance(new, str) and isinstance(current, str):
        return " ".join(new.split()) == " ".join(current.split())
    if isinstance(new, list) and isinstance(current, list):
        return len(new) == len(current) and all(_same(a, b) for a, b in zip(new, current))
    if isinstance(new, dict) and isinstance(current, dict):
        return new.keys() == current.keys() and all(_same(new[key], current[key]) for key in new)
    return new == current


def _code(text: str) -> str:
    return re.sub(r"`", "'", text)
