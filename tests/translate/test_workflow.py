"""The translators' workflow: export PO/XLIFF, import it back (issue 19)."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from fieldkit.content.frontmatter import parse
from fieldkit.content.review import original_hash
from tests.conftest import ROOT


def english_hash(path: Path) -> str:
    """The original_hash a translation of this English file records (fieldkit/content/review.py)."""
    front = parse(path.read_text(encoding="utf-8"))
    return original_hash(str(front.data["title"]), str(front.data["summary"]), front.body)


@pytest.fixture(scope="module")
def real_content(tmp_path_factory) -> Path:
    """A copy of the real content/ (every language's translations)."""
    target = tmp_path_factory.mktemp("translate") / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def same_tree(left: Path, right: Path) -> list[str]:
    """Files that differ between two folders (added, removed or changed)."""
    compared = filecmp.dircmp(left, right)
    out = [*compared.left_only, *compared.right_only, *compared.diff_files]
    for name in compared.common_dirs:
        out += [f"{name}/{path}" for path in same_tree(left / name, right / name)]
    # dircmp compares by size and time first: check every common file's bytes too.
    for name in compared.common_files:
        if (left / name).read_bytes() != (right / name).read_bytes():
            out.append(name)
    return sorted(set(out))


@pytest.mark.parametrize("lang", ["fa", "ar", "fr"])
def test_po_round_trip_passes_msgfmt_and_changes_nothing(cli, real_content, tmp_path, lang):
    po = tmp_path / f"{lang}.po"
    result = cli("translate", "export", "--lang", lang, "--content", real_content, "-o", po)
    assert result.code == 0, result.err
    if shutil.which("msgfmt"):
        checked = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
    imported = cli("translate", "import", po, "--content", real_content)
    assert imported.code == 0, imported.err
    assert "0 file(s) written" in imported.out
    assert same_tree(real_content, ROOT / "content") == []


def test_po_units_carry_context_hash_and_fuzzy_machine_translations(cli, real_content, tmp_path):
    po = tmp_path / "fa.po"
    assert cli("translate", "export", "--lang", "fa", "--content", real_content, "-o", po).code == 0
    with po.open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.locale_identifier == "fa"
    drowning = {m.context: m for m in catalog if m.context and m.context.startswith("risk-drowning/")}
    assert {"risk-drowning/title/0", "risk-drowning/summary/0", "risk-drowning/body/0"} <= set(drowning)
    title = drowning["risk-drowning/title/0"]
    assert title.id == parse((ROOT / "content/risk/risk-drowning.en.md").read_text()).data["title"]
    assert title.string == parse((ROOT / "content/risk/risk-drowning.fa.md").read_text()).data["title"]
    assert title.fuzzy  # a machine translation: needs review
    assert any(c.startswith("source-hash: sha256:") for c in title.auto_comments)
    untranslated = [m for m in catalog if m.context and m.context.startswith("org-iom/") and not m.string]  # no Farsi yet
    assert untranslated and not any(m.fuzzy for m in untranslated)


def test_xliff_round_trip_changes_nothing(cli, real_content, tmp_path):
    xliff = tmp_path / "ar.xlf"
    assert cli("translate", "export", "--lang", "ar", "--format", "xliff", "--content", real_content,
               "-o", xliff).code == 0
    text = xliff.read_text(encoding="utf-8")
    assert 'xmlns="urn:oasis:names:tc:xliff:document:1.2"' in text and 'target-language="ar"' in text
    assert 'state="needs-review-translation"' in text and 'state-qualifier="mt-suggestion"' in text
    assert cli("translate", "import", xliff, "--content", real_content).code == 0
    assert same_tree(real_content, ROOT / "content") == []


def edit_po(po: Path, changes: dict[str, str], *, approve: bool) -> None:
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.context in changes:
            message.string = changes[message.context]
            if not approve:  # as a machine translation arrives: fuzzy until a person checks it
                message.flags.add("fuzzy")
        if approve and message.context and message.context.split("/")[0] in {c.split("/")[0] for c in changes}:
            message.flags.discard("fuzzy")
    with po.open("wb") as handle:
        write_po(handle, catalog, width=0)


def test_a_reviewed_translation_is_written_with_the_translators_name(cli, content, tmp_path):
    po = tmp_path / "fa.po"
    assert cli("translate", "export", "--lang", "fa", "--content", content, "-o", po).code == 0
    edit_po(po, {"risk-drowning/title/0": "غرق شدن در رودخانه"}, approve=True)
    refused = cli("translate", "import", po, "--content", content)
    assert refused.code == 1 and "--translator" in refused.err  # no name, no review claimed
    result = cli("translate", "import", po, "--content", content, "--translator", "Sara Ahmadi", "--date", "2026-12-02")
    assert result.code == 0, result.err
    written = (content / "risk" / "risk-drowning.fa.md").read_text(encoding="utf-8")
    front = parse(written).data
    assert front["title"] == "غرق شدن در رودخانه"
    assert front["translation"] == "reviewed" and "translator" not in front
    assert {key: str(value) for key, value in front["reviewed"].items()} == {"by": "Sara Ahmadi", "date": "2026-12-02"}
    assert front["original_hash"] == english_hash(content / "risk" / "risk-drowning.en.md")
    assert cli("check", "--content", content).code == 0


def test_a_fuzzy_change_stays_a_machine_translation(cli, content, tmp_path):
    po = tmp_path / "fa.po"
    assert cli("translate", "export", "--lang", "fa", "--content", content, "-o", po).code == 0
    edit_po(po, {"risk-drowning/summary/0": "خلاصهٔ تازه"}, approve=False)
    assert cli("translate", "import", po, "--content", content).code == 0
    front = parse((content / "risk" / "risk-drowning.fa.md").read_text(encoding="utf-8")).data
    assert front["summary"] == "خلاصهٔ تازه"
    assert front["translation"] == "machine" and "reviewed" not in front and "translator" not in front


def test_a_new_translation_and_a_stale_one(cli, content, tmp_path):
    po = tmp_path / "bs.po"
    assert cli("translate", "export", "--lang", "bs", "--content", content, "-o", po).code == 0
    with po.open("rb") as handle:
        contexts = [m.context for m in read_po(handle) if m.context and m.context.startswith("bihac/")]
    edit_po(po, {context: f"Bosanski tekst {number}" for number, context in enumerate(contexts)}, approve=False)
    # Meanwhile the English of another entry changes: a translation made for the old text must not land.
    original = content / "risk" / "risk-drowning.en.md"
    original.write_text(original.read_text(encoding="utf-8").replace("Drowning", "Drowning today", 1), encoding="utf-8")
    edit_po(po, {"risk-drowning/title/0": "Utapanje"}, approve=False)
    result = cli("translate", "import", po, "--content", content)
    assert result.code == 0, result.err
    assert "skipped risk-drowning: the English original has changed since the export" in result.out
    assert not (content / "risk" / "risk-drowning.bs.md").exists()
    created = parse((content / "place" / "bihac.bs.md").read_text(encoding="utf-8"))
    assert created.data["title"] == "Bosanski tekst 0" and created.data["translation"] == "machine"
    assert created.data["original_hash"] == english_hash(content / "place" / "bihac.en.md")
    assert cli("check", "--content", content).code == 0


def test_bad_files_and_english_are_refused_clearly(cli, content, tmp_path):
    broken = tmp_path / "broken.xlf"
    broken.write_text("<?xml version='1.0'?><xliff", encoding="utf-8")
    result = cli("translate", "import", broken, "--content", content)
    assert result.code == 1 and "not a readable XLIFF file" in result.err and "Traceback" not in result.err
    english = cli("translate", "export", "--lang", "en", "--content", content)
    assert english.code == 1 and "English is the language translations are made from" in english.err
    assert cli("translate", "import", tmp_path / "missing.po", "--content", content).code == 2


def test_a_reviewed_translation_of_an_older_original_is_exported_for_review_again(cli, content, tmp_path):
    po = tmp_path / "fa.po"
    assert cli("translate", "export", "--lang", "fa", "--content", content, "-o", po).code == 0
    edit_po(po, {"risk-drowning/title/0": "غرق شدن در رودخانه"}, approve=True)
    assert cli("translate", "import", po, "--content", content, "--translator", "Sara Ahmadi").code == 0
    again = tmp_path / "again.po"
    assert cli("translate", "export", "--lang", "fa", "--content", content, "-o", again).code == 0
    with again.open("rb") as handle:
        assert not [m for m in read_po(handle) if m.context and m.context.startswith("risk-drowning/") and m.fuzzy]
    original = content / "risk" / "risk-drowning.en.md"
    original.write_text(original.read_text(encoding="utf-8").replace("Drowning", "Drowning today", 1), encoding="utf-8")
    assert cli("translate", "export", "--lang", "fa", "--content", content, "-o", again).code == 0
    with again.open("rb") as handle:
        units = [m for m in read_po(handle) if m.context and m.context.startswith("risk-drowning/") and m.string]
    assert units and all(m.fuzzy for m in units)  # the English changed after the review: review it again
