"""Convert a content folder to the honest review state (issue 15), in place. Safe to run again and again.

    python3 build/migrate_review_state.py [--restamp] [CONTENT_DIR ...]      (default: content/)

- An original's `reviewed: <date>` was set when the entry was written or checked by the editors; nobody reviewed
  anything. It becomes `checked: <date>`. `reviewed: null` (never checked, e.g. imported) is removed: not checked.
- A translation loses a bare `reviewed` date or null, and gains `original_hash:` of its English original as it is
  now, if it has none: the translations in content/ were made from the originals as they are. A hash already
  recorded is kept, so running this again never hides that an original changed.
- A `reviewed:` that is already a mapping (a person's review) is left alone, and so is everything else: the edits
  are made to the lines themselves, so a file keeps its layout and its diff shows only these lines.

`--restamp` records every translation's hash anew, also where one is recorded: only right after translations were
brought in line with changed originals (a merge of content work that kept them in step), never to silence
"outdated": that would hide a translation that says less than its original.

Prints one line per file changed and what needs a person (a translation marked reviewed by nobody).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from fieldkit.content.frontmatter import FrontMatterError, parse  # noqa: E402
from fieldkit.content.review import original_hash  # noqa: E402

_REVIEWED = re.compile(r"^reviewed:[ \t]*(?P<value>[^#\n]*?)[ \t]*(?:#.*)?$", re.MULTILINE)
_DATE = re.compile(r"""^(?P<q>['"]?)(?P<date>\d{4}-\d{2}-\d{2})(?P=q)$""")
_NULL = ("", "null", "~", "Null", "NULL")


def front_matter_end(text: str) -> int:
    """The offset of the front matter's closing '---' line (0 when there is none)."""
    match = re.match(r"---\n.*?\n---[ \t]*(?:\n|$)", text, re.DOTALL)
    return match.end() if match else 0


def _bare(head: str, match: re.Match[str]) -> str | None:
    """The date of a bare `reviewed:` line, "" for null, None for a mapping (a person's review)."""
    value = match["value"]
    date = _DATE.match(value)
    if date:
        return date["date"]
    if value in _NULL and not re.match(r"\n[ \t]+\S", head[match.end():]):
        return ""
    return None


def _without_line(head: str, match: re.Match[str]) -> str:
    line_end = match.end() + 1 if head[match.end(): match.end() + 1] == "\n" else match.end()
    return head[: match.start()] + head[line_end:]


def migrate_original(text: str) -> tuple[str, str]:
    """(new text, what changed or "")."""
    end = front_matter_end(text)
    head, body = text[:end], text[end:]
    match = _REVIEWED.search(head)
    if match is None:
        return text, ""
    date = _bare(head, match)
    if date and not re.search(r"^checked:", head, re.MULTILINE):
        return head[: match.start()] + f"checked: {date}" + head[match.end():] + body, "reviewed -> checked"
    if date is not None:
        return _without_line(head, match) + body, "bare reviewed removed"
    return text, ""  # a mapping: a person's review, kept


def migrate_translation(text: str, original_text: str | None, *, restamp: bool = False) -> tuple[str, str]:
    end = front_matter_end(text)
    head, body = text[:end], text[end:]
    changes = []
    if restamp and original_text is not None:
        head = re.sub(r"^original_hash:.*\n", "", head, flags=re.MULTILINE)
    match = _REVIEWED.search(head)
    if match is not None and _bare(head, match) is not None:
        head = _without_line(head, match)
        changes.append("bare reviewed removed")
    if original_text is not None and not re.search(r"^original_hash:", head, re.MULTILINE):
        front = parse(original_text)
        stamp = original_hash(str(front.data.get("title") or ""), str(front.data.get("summary") or ""), front.body)
        translation = re.search(r"^translation:.*$", head, re.MULTILINE)
        if translation is not None:
            head = head[: translation.end()] + f"\noriginal_hash: {stamp}" + head[translation.end():]
        else:  # before the closing '---'
            closing = head.rstrip("\n").rfind("\n")
            head = head[:closing] + f"\noriginal_hash: {stamp}" + head[closing:]
        changes.append("original_hash recorded")
    return head + body, ", ".join(changes)


def migrate(root: Path, *, restamp: bool = False) -> list[str]:
    report = []
    files = sorted(p for p in root.glob("*/*.md") if p.is_file())
    for path in files:
        parts = path.name.split(".")
        if len(parts) != 3:
            continue
        text = path.read_text(encoding="utf-8")
        try:
            if parts[1] == "en":
                new, change = migrate_original(text)
            else:
                original = path.with_name(f"{parts[0]}.en.md")
                original_text = original.read_text(encoding="utf-8") if original.exists() else None
                new, change = migrate_translation(text, original_text, restamp=restamp)
        except FrontMatterError as error:
            report.append(f"{path}: not migrated, its original cannot be read: {error.message}")
            continue
        if re.search(r"^translation:[ \t]*reviewed", new, re.MULTILINE) and not re.search(
                r"^reviewed:[ \t]*\n[ \t]+by:|^reviewed:[ \t]*\{", new, re.MULTILINE):
            report.append(f"{path}: says 'translation: reviewed' but names no reviewer: a person must say who, "
                          "or mark it 'translation: machine'")
        if new != text:
            path.write_text(new, encoding="utf-8")
            report.append(f"{path}: {change}")
    return report


def main(argv: list[str]) -> int:
    restamp = "--restamp" in argv
    roots = [Path(arg) for arg in argv if arg != "--restamp"] or [ROOT / "content"]
    for root in roots:
        if not root.is_dir():
            print(f"migrate_review_state: no such folder: {root}", file=sys.stderr)
            return 2
        for line in migrate(root, restamp=restamp):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
