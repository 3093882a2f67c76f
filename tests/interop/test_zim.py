"""`fieldkit export --format zim`: a ZIM file Kiwix can serve, read back with libzim itself: its pages, metadata,
illustration and full-text search, right-to-left pages marked dir="rtl" (issue 18, item 4)."""

from __future__ import annotations

import struct
import sys
import zlib

import pytest

from fieldkit.interop.zim import illustration_png

libzim = pytest.importorskip("libzim", reason="the zim extra (python-libzim) is not installed")
from libzim.reader import Archive  # noqa: E402
from libzim.search import Query, Searcher  # noqa: E402


def search(archive: Archive, text: str) -> list[str]:
    found = Searcher(archive).search(Query().set_query(text))
    return list(found.getResults(0, found.getEstimatedMatches()))


def html_of(archive: Archive, path: str) -> str:
    return bytes(archive.get_entry_by_path(path).get_item().content).decode("utf-8")


@pytest.fixture
def farsi_zim(cli, fixture_db, tmp_path):
    out = tmp_path / "fieldkit-fa.zim"
    result = cli("export", "--format", "zim", "--lang", "fa", "-o", out, "--db", fixture_db)
    assert result.code == 0, result.err
    assert str(out) in result.err and out.is_file()
    return Archive(out)


def test_every_entry_is_a_page_with_search(farsi_zim, store):
    archive = farsi_zim
    ids = sorted(store.ids())
    assert archive.has_fulltext_index and archive.has_title_index
    assert archive.main_entry.get_item().path == "index"
    for entry_id in ids:
        assert archive.has_entry_by_path(entry_id), entry_id
    assert archive.article_count == len(ids)  # the index page is not an article of its own
    assert "risk-drowning" in search(archive, "درینا")  # the Farsi text of a translated entry
    assert "svc-legal-aid-bihac" in search(archive, "legal aid")  # shown in English where not translated


def test_right_to_left_pages_say_so(farsi_zim):
    page = html_of(farsi_zim, "risk-drowning")
    assert '<html lang="fa" dir="rtl">' in page
    assert "غرق شدن در عبور از رودخانه" in page and "<h2>" in page
    assert "<script" not in page and "http" not in page.split("<body>")[1].split("<code>")[0]
    fallback = html_of(farsi_zim, "svc-legal-aid-bihac")
    assert 'dir="rtl"' in fallback and '<div dir="ltr">' in fallback  # English text kept left to right


def test_metadata_and_illustration(farsi_zim):
    archive = farsi_zim
    meta = {name: bytes(archive.get_metadata(name)).decode("utf-8") for name in archive.metadata_keys
            if not name.startswith("Illustration")}
    assert meta["Language"] == "fas" and meta["Title"] == "fieldkit (فارسی)"
    assert meta["Creator"] == meta["Publisher"] == "fieldkit"
    assert len(meta["Date"]) == 10 and 0 < len(meta["Description"]) <= 80
    assert archive.has_illustration(48)
    png = bytes(archive.get_illustration_item(48).content)
    assert png == illustration_png(48)


def test_illustration_is_a_valid_png():
    png = illustration_png(48)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks = 8, {}
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position:position + 8])
        data = png[position + 8:position + 8 + length]
        crc = struct.unpack(">I", png[position + 8 + length:position + 12 + length])[0]
        assert crc == zlib.crc32(kind + data) & 0xFFFFFFFF
        chunks[kind] = data
        position += 12 + length
    assert struct.unpack(">II", chunks[b"IHDR"][:8]) == (48, 48)
    pixels = zlib.decompress(chunks[b"IDAT"])
    assert len(pixels) == 48 * (1 + 48 * 4)
    assert len({pixels[i:i + 4] for i in range(1, len(pixels), 4)}) >= 2  # a picture, not one colour


def test_english_zim_and_usage(cli, fixture_db, tmp_path):
    out = tmp_path / "fieldkit-en.zim"
    assert cli("export", "--format", "zim", "-o", out, "--db", fixture_db).code == 0
    archive = Archive(out)
    assert bytes(archive.get_metadata("Language")) == b"eng"
    assert 'dir="ltr"' in html_of(archive, "bihac")
    assert cli("export", "--format", "zim", "--db", fixture_db).code == 2  # -o is required
    assert cli("export", "--format", "zim", "--type", "service", "-o", out, "--db", fixture_db).code == 2


def test_without_libzim_a_clear_message(cli, fixture_db, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "libzim", None)
    monkeypatch.setitem(sys.modules, "libzim.writer", None)
    out = tmp_path / "x.zim"
    result = cli("export", "--format", "zim", "--lang", "fa", "-o", out, "--db", fixture_db)
    assert result.code == 1 and not out.exists()
    assert "python-libzim" in result.err and "pip install fieldkit[zim]" in result.err  # said in Farsi
    assert "Traceback" not in result.err


def test_the_export_shows_its_progress_on_a_terminal(cli, fixture_db, tmp_path, monkeypatch, store):
    """Issue 21: the ZIM export draws a progress bar (counts of entries read and pages written) on a terminal."""
    from fieldkit.cli import progress

    monkeypatch.setattr(progress, "wanted", lambda: True)
    result = cli("export", "--format", "zim", "--lang", "en", "-o", tmp_path / "en.zim", "--db", fixture_db)
    assert result.code == 0 and "reading entries" in result.err and "writing pages" in result.err
    from fieldkit.core.progress import reporting
    from fieldkit.interop.zim import write_zim

    seen: dict[str, tuple[int, int | None]] = {}
    with reporting(lambda what, done, total: seen.__setitem__(what, (done, total))):
        write_zim(store, "en", tmp_path / "counted.zim")
    entries = len(store.ids())
    assert seen["reading entries"] == seen["writing pages"] == (entries, entries)
    assert "indexing and compressing the ZIM file" in seen
    monkeypatch.undo()
    piped = cli("export", "--format", "zim", "--lang", "en", "-o", tmp_path / "again.zim", "--db", fixture_db)
    assert piped.code == 0 and "writing pages" not in piped.err  # no bar when standard error is not a terminal
