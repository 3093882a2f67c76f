"""Draft the outline of a source document for content/headings.yaml: its sections, method text and label lines.

    python3 build/index_headings.py SOURCES_DIR DOC_ID [DOC_ID ...]     print drafts for these documents
    python3 build/index_headings.py SOURCES_DIR --stale                  drafts for every document whose outline
                                                                         is missing or out of date

A plain-text document does not mark its headings, so this is a draft: short lines that stand alone and do not end
a sentence become sections; numbering gives their level; "Methodology", "Limitations", "Ethics" sections are
marked as method text; captions ("Figure 1", "Photo:", "Credit:"), "Read also" lines and the lines that say who
is quoted ("Key informant, NGO, Serbia") become labels. Read it against the document, fix what it got wrong (a
heading that wraps onto two lines, a section whose heading the document lost, where a figure ends), and paste it
into content/headings.yaml. `fieldkit check --sources` then uses it for every quote and `where`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import yaml  # noqa: E402

from fieldkit.content.headings import HEADINGS_FILE, load_index  # noqa: E402
from fieldkit.content.sourcetext import SourceText  # noqa: E402

TOP_LEVEL = re.compile(r"^(?:introduction|methodology|contents|key findings|findings|conclusions?|recommendations|"
                       r"about\b|annex\b|references|bibliography|summary|executive summary|footnotes|notes)", re.I)
METHOD = re.compile(r"method|limitations|ethics|^interviews$|profiles of|sampling|research design", re.I)
NUMBERED = re.compile(r"^((?:\d+\.)+\d*) +\S")  # "2.1. Main routes", "3. Collaboration", not a footnote "2\tThe"
CAPTION = re.compile(r"^\s*(?:figure|fig\.|map|box|table|chart|graph|photo|image)\s*\d*\s*[.:]", re.I)
LABEL = re.compile(r"credit:|^\s*read also|^\s*also read:|^\s*key informant\b|interviewed in\b|^\s*source:", re.I)
SENTENCE_END = re.compile(r"[.,;:!?…\"”’)\]]\s*$")


def draft(text: SourceText) -> tuple[list[dict[str, object]], list[str]]:
    lines = text.lines
    sections: list[dict[str, object]] = []
    labels: list[int] = []
    depth = 0  # the numbering depth of the last numbered heading
    for number, raw in enumerate(lines, start=1):
        line = raw.strip().lstrip("■").strip()
        before = lines[number - 2].strip() if number > 1 else ""
        after = lines[number].strip() if number < len(lines) else ""
        if not line:
            continue
        if LABEL.search(line):
            labels.append(number)
            if not re.search(r"[.!?]\s*$", line) and after and len(after) < 40 and not SENTENCE_END.search(after) \
                    and after[0].isupper() and not LABEL.search(after):
                labels.append(number + 1)  # a label wrapped onto the next line
            continue
        if CAPTION.match(line):
            sections.append({"line": number, "title": line, "level": depth + 1 if depth else 2})
            continue
        standalone = not before or number == 1 or (number - 1) in labels or re.search(r"[.!?\"”]\s*$", before)
        if not (standalone and 2 <= len(line) <= 100 and len(line.split()) <= 14):
            continue
        numbered = NUMBERED.match(line)
        if not numbered and (SENTENCE_END.search(line) or not line[0].isupper() or line.startswith(("•", "-", "*"))):
            continue
        if after and after[0].islower():
            continue  # the first line of a paragraph, not a heading
        if re.match(r"^(?:\[\d+\]|\d+\t|\d+ [A-Z])", raw.strip()) and not numbered:
            continue  # a footnote
        if numbered:
            depth = numbered[1].rstrip(".").count(".") + 1
            level = depth
        elif TOP_LEVEL.match(line):
            depth, level = 0, 1
        else:
            level = depth + 1 if depth else 1
        item: dict[str, object] = {"line": number, "title": line.rstrip(":")}
        if level > 1:
            item["level"] = level
        if METHOD.search(line):
            item["method"] = True
        if line.casefold() == "contents":
            item["labels"] = True
        sections.append(item)
    return sections, _ranges(labels)


def _ranges(numbers: list[int]) -> list[str]:
    out: list[str] = []
    for number in sorted(set(numbers)):
        if out and out[-1].split("-")[-1] == str(number - 1):
            out[-1] = f"{out[-1].split('-')[0]}-{number}"
        else:
            out.append(str(number))
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    sources = Path(argv[0])
    content = ROOT / "content"
    sys.path.insert(0, str(ROOT))
    from fieldkit.content.corpus import load

    corpus = load(content)
    wanted = argv[1:]
    if wanted == ["--stale"]:
        index, _ = load_index(content)
        wanted = [s.id for s in corpus.sources.values() if s.file and (
            s.id not in index or index[s.id].sha256 != SourceText.read(sources / s.file).sha256)]
    out = []
    for doc in wanted:
        source = corpus.sources.get(doc)
        if source is None or not source.file:
            print(f"index_headings: '{doc}' is not a source with a file in sources.yaml", file=sys.stderr)
            return 2
        text = SourceText.read(sources / source.file)
        sections, labels = draft(text)
        out.append({"doc": doc, "sha256": text.sha256, "sections": sections, "labels": labels})
    if out:
        print(f"# Draft for {HEADINGS_FILE}: read it against the documents before pasting it in.")
        print(yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=120, default_flow_style=None), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
