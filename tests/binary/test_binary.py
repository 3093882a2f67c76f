"""The one-file executable, run as a field worker gets it: a read-only copy alone in an empty folder, started from
there with nothing but `env -i HOME=<empty folder> PATH=/usr/bin:/bin` (no Python, no repository, no settings;
on Windows the few variables Windows itself needs, with the user folders pointing at the empty folder).

Skipped unless dist/fieldkit exists (build it with build/build.sh) or FIELDKIT_BINARY names one. The release
workflow (.github/workflows/release.yml) runs these on Linux, Windows and macOS.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from fieldkit import __version__
from fieldkit.core.languages import LANGUAGES
from tests.conftest import ROOT

WINDOWS = os.name == "nt"
BINARY = Path(os.environ.get("FIELDKIT_BINARY", ROOT / "dist" / ("fieldkit.exe" if WINDOWS else "fieldkit")))
CONTENT = ROOT / "content"
pytestmark = pytest.mark.skipif(not BINARY.is_file(), reason="no built executable (run build/build.sh)")


@pytest.fixture(scope="module")
def lonely(tmp_path_factory):
    """A read-only copy of the binary in an otherwise empty folder, and an empty HOME."""
    folder = tmp_path_factory.mktemp("usb")
    copy = folder / BINARY.name
    shutil.copy(BINARY, copy)
    copy.chmod(0o555)
    return copy, tmp_path_factory.mktemp("home")


def empty_environment(home: Path) -> dict[str, str]:
    """What `env -i HOME=home PATH=/usr/bin:/bin` leaves; on Windows, what Windows needs and the user folders."""
    if not WINDOWS:
        return {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    keep = {name: os.environ[name] for name in ("SYSTEMROOT", "SYSTEMDRIVE", "COMSPEC", "PATHEXT", "TEMP", "TMP")
            if name in os.environ}
    return {**keep, "PATH": os.environ.get("SYSTEMROOT", r"C:\Windows") + r"\System32", "USERPROFILE": str(home),
            "HOME": str(home), "APPDATA": str(home / "AppData" / "Roaming"),
            "LOCALAPPDATA": str(home / "AppData" / "Local")}


def run(lonely, *args: str, home: Path | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    binary, default_home = lonely
    return subprocess.run([str(binary), *args], env=empty_environment(home or default_home),
                          cwd=cwd or binary.parent, capture_output=True, text=True, encoding="utf-8", timeout=120)


def ids_with(suffix: str) -> list[str]:
    return sorted(path.name.split(".")[0] for path in CONTENT.rglob(f"*.{suffix}.md"))


def test_the_copy_is_alone_and_read_only(lonely):
    binary, _ = lonely
    assert [p.name for p in binary.parent.iterdir()] == [BINARY.name]
    if WINDOWS:  # Windows has a read-only attribute, not modes
        assert not os.access(binary, os.W_OK)
        return
    assert not os.access(binary, os.W_OK) or os.geteuid() == 0  # root may write anyway; the mode says it is 555
    assert binary.stat().st_mode & 0o777 == 0o555


def test_version(lonely):
    result = run(lonely, "--version")
    assert result.returncode == 0 and result.stdout.strip() == f"fieldkit {__version__}"


def test_search(lonely):
    result = run(lonely, "search", "bihac", "--json")
    assert result.returncode in (0, 1), result.stderr
    hits = json.loads(result.stdout)
    if "bihac" in ids_with("en"):
        assert result.returncode == 0 and "Bihać" in [hit["title"] for hit in hits]
    else:  # content still being written: search for a word of a title that is there
        some_id = ids_with("en")[0]
        word = json.loads(run(lonely, "show", some_id, "--json").stdout)["title"].split()[0]
        found = run(lonely, "search", word, "--json")
        assert found.returncode == 0 and json.loads(found.stdout)


def test_show_in_farsi(lonely):
    farsi = ids_with("fa")
    entry_id = farsi[0] if farsi else ids_with("en")[0]
    result = run(lonely, "show", entry_id, "--lang", "fa", "--json")
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stdout)
    assert entry["id"] == entry_id
    assert (entry["lang"], entry["fallback"]) == (("fa", False) if farsi else ("en", True))


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES if language.code != "en"])
def test_every_language_has_its_locale_data(lonely, lang):
    """The executable keeps only some of Babel's CLDR data: each language fieldkit speaks must still be known."""
    result = run(lonely, "show", ids_with("en")[0], "--lang", lang, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == ids_with("en")[0]


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES if language.code != "en"])
def test_country_names_in_every_language(lonely, lang):
    """Country names come from CLDR files the executable unpacks on first read: each language gets its own."""
    from babel import Locale

    result = run(lonely, "brief", "--country", "BA", "--lang", lang, "--format", "md")
    assert result.returncode == 0, result.stderr
    expected = Locale.parse(lang, sep="-").territories["BA"]
    assert expected in result.stdout.splitlines()[0], (expected, result.stdout[:200])


@pytest.mark.parametrize("locale", ["en_US.UTF-8", "fa_AF.UTF-8", "fa_IR.UTF-8", "fr_FR.UTF-8", "ar_EG.UTF-8",
                                    "tr_TR.UTF-8", "ur_PK.UTF-8", "de_DE.UTF-8", "C.UTF-8"])
def test_system_locales(lonely, locale):
    """The language of the system's locale (a region of a language fieldkit speaks, or of one it does not) is
    looked up in CLDR data kept packed in the executable: the same answer as `python -m fieldkit`."""
    binary, home = lonely
    environment = {**empty_environment(home), "LANG": locale}
    frozen = subprocess.run([str(binary), "stats"], env=environment, cwd=binary.parent, capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    assert frozen.returncode == 0 and "Traceback" not in frozen.stderr, frozen.stderr
    first_line = frozen.stdout.splitlines()[0]
    source = subprocess.run([sys.executable, "-m", "fieldkit", "stats"], env={**environment, "PYTHONPATH": str(ROOT)},
                            cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert source.returncode == 0, source.stderr
    # The same language (the first line names the content version in it); the database paths differ.
    assert first_line.split("(")[0] == source.stdout.splitlines()[0].split("(")[0], (first_line, source.stdout[:200])


@pytest.mark.parametrize("lang", ["fr-CA", "en-US", "de", "sr-Latn-BA", "bs-Cyrl"])
def test_any_cldr_language_is_known(lonely, lang):
    """The executable ships CLDR's files for fieldkit's own languages only; any other CLDR code (a region or script
    of one of them, or another language) is still a language, as with `python -m fieldkit`: the same results, and
    a variant of fieldkit's languages names countries as CLDR does ("Njemačka" in Bosnia's Serbian)."""
    from babel import Locale

    binary, home = lonely
    command = ["search", "asylum", "--lang", lang, "--json", "--limit", "5"]
    frozen = run(lonely, *command)
    assert frozen.returncode == 0, frozen.stderr
    source = subprocess.run([sys.executable, "-m", "fieldkit", *command],
                            env={**empty_environment(home), "PYTHONPATH": str(ROOT)}, cwd=ROOT, capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    assert source.returncode == 0, source.stderr
    assert json.loads(frozen.stdout) == json.loads(source.stdout)
    english = lang.startswith("en-")
    assert all(hit["fallback"] is False for hit in json.loads(frozen.stdout) if english)
    brief = run(lonely, "brief", "--country", "DE", "--lang", lang, "--format", "md")
    assert brief.returncode == 0, brief.stderr
    if lang.split("-")[0] in ("fr", "sr", "bs"):
        expected = Locale.parse(lang, sep="-").territories["DE"]
        assert expected in brief.stdout.splitlines()[0], (expected, brief.stdout[:200])


def test_stats(lonely):
    result = run(lonely, "stats")
    assert result.returncode == 0 and "entries" in result.stdout, result.stderr
    assert json.loads(run(lonely, "stats", "--json").stdout)["entries"] > 0


def test_doctor(lonely):
    binary, home = lonely
    result = run(lonely, "doctor")
    assert result.returncode == 0, result.stderr
    assert f"one-file executable: {binary}" in result.stdout
    assert "from the copy inside this executable" in result.stdout
    report = json.loads(run(lonely, "doctor", "--json").stdout)
    assert report["frozen"] is True and report["executable"] == str(binary)
    assert report["content"]["origin"] == "bundled" and report["content"]["entries"] > 0
    assert report["user_data"]["file"].startswith(str(home))


def test_briefing_handout(lonely, tmp_path):
    out = tmp_path / "handout.html"
    result = run(lonely, "brief", "--route", "MK..RS..BA..HR", "--lang", "ar", "--audience", "people-on-the-move",
                 "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert 'dir="rtl"' in out.read_text(encoding="utf-8")


def test_content_tools_work_inside(lonely, tmp_path):
    """`check` and `build` need the compiler (YAML, sqlite-utils): bundled, though the app never imports them."""
    assert run(lonely, "check", "--content", str(ROOT / "tests" / "fixtures" / "content")).returncode == 0
    out = tmp_path / "built.db"
    result = run(lonely, "build", "--content", str(ROOT / "tests" / "fixtures" / "content"), "--out", str(out))
    assert result.returncode == 0 and out.is_file(), result.stderr


def test_content_is_unpacked_once_per_version(lonely, tmp_path):
    """The first launch writes the content into the cache folder; later ones use that copy; a damaged copy is
    replaced; with no writable cache folder fieldkit still works."""
    home = tmp_path / "home"
    home.mkdir()
    first = run(lonely, "stats", "--json", home=home)
    assert first.returncode == 0, first.stderr
    [copy] = [path for path in home.rglob("bundled-*.db") if "fieldkit" in str(path.parent)]
    written = copy.stat().st_mtime_ns
    again = run(lonely, "stats", "--json", home=home)
    assert again.stdout == first.stdout and copy.stat().st_mtime_ns == written
    copy.write_bytes(copy.read_bytes()[:4096])  # a copy cut short (disk full, killed process)
    repaired = run(lonely, "stats", "--json", home=home)
    assert repaired.stdout == first.stdout, repaired.stderr
    assert copy.stat().st_size > 4096
    if WINDOWS:
        return  # a folder's mode does not make it read-only on Windows
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):
            return  # root writes anywhere: the read-only case cannot be shown here
        result = run(lonely, "stats", "--json", home=locked)
        assert result.stdout == first.stdout, result.stderr
    finally:
        locked.chmod(0o755)


def test_export_and_import_work_inside(lonely, tmp_path):
    """Interop inside the executable: GeoJSON out, a partner's HXL sheet read row by row (nothing written)."""
    out = tmp_path / "map.geojson"
    result = run(lonely, "export", "--type", "place", "--format", "geojson", "-o", str(out))
    assert result.returncode == 0, result.stderr
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "content", content)
    sheet = ROOT / "tests" / "fixtures" / "interop" / "partner-services.csv"
    result = run(lonely, "import", "services", str(sheet), "--content", str(content), "--dry-run", "--skip-bad")
    assert result.returncode == 0, result.stderr
    assert "row" in result.stdout.lower() and "Traceback" not in result.stderr


def test_signed_pack_round_trip(lonely, tmp_path):
    """A pack made and signed by a publisher's fieldkit (installed by pip, with cryptography) is checked and
    installed by the executable (plain-Python Ed25519); the executable makes keys of its own too, without it."""
    if " pack " not in run(lonely, "--help").stdout.replace("\n", " ").replace("{", " ").replace(",", " "):
        pytest.skip("this fieldkit has no pack command")
    home = tmp_path / "home"
    home.mkdir()
    keys = tmp_path / "keys"
    publisher = [sys.executable, "-m", "fieldkit", "pack"]
    environment = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "publisher")}
    assert subprocess.run([*publisher, "keygen", "--out", str(keys)], env=environment, cwd=ROOT).returncode == 0
    secret = next(p for p in keys.iterdir() if p.suffix != ".pub")
    pack = tmp_path / "content.fkpack"
    built = subprocess.run([*publisher, "build", "--key", str(secret), "--content", str(ROOT / "tests" / "fixtures" / "content"),
                            "-o", str(pack), "--version", "2100.1.1"], env=environment, cwd=ROOT,
                           capture_output=True, text=True)  # newer than the content it ships
    assert built.returncode == 0, built.stderr
    assert run(lonely, "pack", "install", str(pack), home=home).returncode != 0  # not trusted yet
    assert run(lonely, "pack", "trust", str(next(keys.glob("*.pub"))), home=home).returncode == 0
    installed = run(lonely, "pack", "install", str(pack), home=home)
    assert installed.returncode == 0, installed.stderr
    report = json.loads(run(lonely, "doctor", "--json", home=home).stdout)
    assert report["content"]["origin"].startswith("pack ")
    made = run(lonely, "pack", "keygen", "--out", str(tmp_path / "more-keys"), home=home)
    assert made.returncode == 0 and "Traceback" not in made.stderr, made.stderr
    assert len(list((tmp_path / "more-keys").glob("*.pub"))) == 1


def test_bundle_contents():
    """What the spec promises is inside: the content, every stylesheet and catalog, only the CLDR data used."""
    readers = pytest.importorskip("PyInstaller.archive.readers")
    names = set(readers.CArchiveReader(str(BINARY)).toc)
    archive_names = set(readers.CArchiveReader(str(BINARY)).open_embedded_archive("PYZ.pyz").toc)
    # The content travels compressed in the archive and is written out once per version (frozen_content.py).
    assert {"pyi_fieldkit_content", "pyi_fieldkit_content_id"} <= archive_names
    assert "fieldkit/data/fieldkit.db" not in names
    # Catalogs are unpacked at launch, or (Linux) kept compressed in the archive until gettext looks for them.
    kept_catalogs = {n.removeprefix("pyi_lazy_mo_") for n in archive_names if n.startswith("pyi_lazy_mo_")}
    for path in (ROOT / "fieldkit").glob("tui/**/*.tcss"):
        assert str(path.relative_to(ROOT)) in names, f"{path.relative_to(ROOT)} is not in the executable"
    for path in (ROOT / "fieldkit").glob("**/*.mo"):
        assert str(path.relative_to(ROOT)) in names or path.parent.parent.name in kept_catalogs, \
            f"{path.relative_to(ROOT)} is not in the executable"
    archive = readers.CArchiveReader(str(BINARY)).open_embedded_archive("PYZ.pyz")
    unpacked = {Path(n).stem for n in names if n.startswith("babel/locale-data/")}
    kept_compressed = {n.removeprefix("pyi_lazy_cldr_") for n in archive.toc if n.startswith("pyi_lazy_cldr_")}
    locales = unpacked | kept_compressed
    assert {"root", *(language.locale for language in LANGUAGES)} <= locales
    assert len(locales) < 30, "all of Babel's locales are bundled"
    assert "babel/global.dat" in names or "pyi_lazy_babel_global" in archive_names
    if sys.platform.startswith("linux"):  # none is unpacked at every launch: the first screen reads no CLDR data
        assert unpacked == set() and "babel/global.dat" not in names
        assert not [n for n in names if n.endswith(".mo")]
    assert not [n for n in names if re.search(r"(^|/)(libssl|_ssl)", n)], "TLS is bundled"
    if sys.platform.startswith("linux"):  # unpacked on first import, not at every launch (build/lazy_native.py)
        # The first script after PyInstaller's bootstrap: before it, a kept module could not be imported.
        scripts = [n for n, entry in readers.CArchiveReader(str(BINARY)).toc.items() if entry[-1].startswith("s")]
        assert scripts[:2] == ["pyiboot01_bootstrap", "pyi_rth_fieldkit_lazy"], scripts
        kept_native = re.compile(r"(^|/)(yaml/_yaml|bidi/bidi|Stemmer|pyexpat|_elementtree|libgcc_s)[.]")
        assert not [n for n in names if kept_native.search(n)]
        assert {"pyi_lazy_Stemmer", "pyi_lazy_pyexpat", "pyi_lazy__elementtree", "pyi_lazy_bidi_bidi",
                "pyi_lazy_yaml__yaml"} <= archive_names
    assert not [n for n in [*names, *archive_names] if re.search(r"(^|/|\.)(cryptography|_cffi_backend|chardet)", n)], \
        "a library the executable does not need is bundled"


class Terminal:
    """The binary in a tmux pane, started from its own folder under `env -i`; the pane shows its exit code."""

    def __init__(self, lonely, *args: str):
        binary, home = lonely
        self.session = f"fk-bin-{uuid.uuid4().hex[:8]}"
        command = " ".join([f"env -i HOME={home} PATH=/usr/bin:/bin {binary}", *args])
        shell = f"cd {binary.parent} && {command}; echo EXIT=$?; sleep 30"
        subprocess.run(["tmux", "new-session", "-d", "-s", self.session, "-x", "100", "-y", "30", shell], check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.session], capture_output=True, text=True).stdout

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared:\n{self.screen()}")

    def keys(self, *keys: str, literal: bool = False) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.session, *(["-l"] if literal else []), *keys], check=True)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.session], capture_output=True)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_app_in_a_real_terminal(lonely):
    terminal = Terminal(lonely)
    try:
        terminal.wait_for("Topics")
        terminal.keys("/")
        terminal.wait_for("Type to search")
        terminal.keys("drina", literal=True)
        screen = terminal.wait_for("results for “drina”")
        assert "Traceback" not in screen
        terminal.keys("Escape")
        terminal.wait_for("Routes across the region")  # back on Home; a q straight after Esc would read as Alt+q
        terminal.keys("q")
        terminal.wait_for("EXIT=0")
    finally:
        terminal.close()


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_app_right_to_left(lonely):
    """Farsi: the shaping and reordering libraries (python-bidi is unpacked only when first needed) work inside."""
    terminal = Terminal(lonely, "--lang", "fa")
    try:
        screen = terminal.wait_for("fieldkit")
        deadline = time.monotonic() + 30
        while not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", screen) and time.monotonic() < deadline:
            time.sleep(0.1)  # joined Arabic-script letter forms: reshaped, so fieldkit laid the text out
            screen = terminal.screen()
        assert re.search("[\ufb50-\ufdff\ufe70-\ufeff]", screen) and "Traceback" not in screen, screen
        terminal.keys("q")
        terminal.wait_for("EXIT=0")
    finally:
        terminal.close()


def test_output_is_the_same_as_from_source(lonely, tmp_path):
    """In every language the executable answers as `python -m fieldkit` does on the same database: its gettext
    catalogs and CLDR data (kept packed until first read, build/lazy_native.py) are found, and search stems
    (PyStemmer, kept packed until first imported)."""
    home = tmp_path / "home"
    home.mkdir()
    assert run(lonely, "stats", home=home).returncode == 0
    [database] = [path for path in home.rglob("bundled-*.db") if "fieldkit" in str(path.parent)]
    environment = {**empty_environment(home), "FIELDKIT_DB": str(database), "PYTHONPATH": str(ROOT)}
    for lang in [language.code for language in LANGUAGES]:
        for command in (["stats"], ["search", "bihac", "--lang", lang], ["search", "crossing borders"]):
            args = [*command, "--lang", lang] if "--lang" not in command else command
            frozen = run(lonely, *args, home=home)
            source = subprocess.run([sys.executable, "-m", "fieldkit", *args], env=environment, cwd=tmp_path,
                                    capture_output=True, text=True, encoding="utf-8", timeout=120)
            assert (frozen.returncode, frozen.stdout, frozen.stderr) == \
                (source.returncode, source.stdout, source.stderr), (lang, args)


def test_xliff_round_trip_inside(lonely, tmp_path):
    """XLIFF is written and read with ElementTree and the expat parser, which the executable unpacks only when a
    command imports them: the file is the one `python -m fieldkit` writes, and reading it back changes nothing."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "content", content)
    out = tmp_path / "ar.xlf"
    result = run(lonely, "translate", "export", "--lang", "ar", "--format", "xliff", "--content", str(content),
                 "-o", str(out))
    assert result.returncode == 0, result.stderr
    expected = tmp_path / "expected.xlf"
    subprocess.run([sys.executable, "-m", "fieldkit", "translate", "export", "--lang", "ar", "--format", "xliff",
                    "--content", str(content), "-o", str(expected)], cwd=ROOT, check=True, capture_output=True)
    assert out.read_bytes() == expected.read_bytes()
    before = {path: path.read_bytes() for path in content.rglob("*") if path.is_file()}
    result = run(lonely, "translate", "import", str(out), "--content", str(content))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert {path: path.read_bytes() for path in content.rglob("*") if path.is_file()} == before


def memory_maps(terminal: Terminal) -> str:
    """The memory maps (/proc/PID/maps) of the processes running in the terminal (Linux)."""
    pane = subprocess.run(["tmux", "display-message", "-p", "-t", terminal.session, "#{pane_pid}"],
                          capture_output=True, text=True).stdout.strip()
    pending, maps = [int(pane)], []
    while pending:
        pid = pending.pop()
        try:
            maps.append(Path(f"/proc/{pid}/maps").read_text())
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return "".join(maps)


def unpack_folder(terminal: Terminal) -> Path:
    """The folder the running executable unpacked itself into (from the memory maps of its processes)."""
    found = set(re.findall(r"\s(/\S*/_MEI\w+)/", memory_maps(terminal)))
    assert len(found) == 1, found
    return Path(found.pop())


@pytest.mark.skipif(shutil.which("tmux") is None or not sys.platform.startswith("linux"),
                    reason="tmux and /proc are needed")
def test_first_screen_leaves_kept_files_packed(lonely, tmp_path):
    """What the first screen does not need stays inside the executable until a feature needs it
    (build/fieldkit.spec, LAZY_NATIVE and LAZY_DATA): after the first frame no native module of search, XML,
    YAML or right-to-left text and no catalog has been written out; a search then writes PyStemmer's."""
    binary, _ = lonely
    home = tmp_path / "home"
    home.mkdir()
    assert run(lonely, "stats", home=home).returncode == 0  # the content copy is written once, as on a second start
    terminal = Terminal((binary, home))
    try:
        terminal.wait_for("Topics")
        folder = unpack_folder(terminal)
        written = [str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()]
        kept = re.compile(r"(^|/)(Stemmer|pyexpat|_elementtree|_csv|yaml/_yaml|bidi/bidi|libgcc_s)[.]|\.mo$")
        assert [name for name in written if kept.search(name)] == []
        # SQLite, written on first import too, is the bundled one, not a library the system may lack or differ in.
        sqlite = set(re.findall(r"\s(/\S*libsqlite3\S*)", memory_maps(terminal)))
        assert sqlite and all(path.startswith(str(folder) + "/") for path in sqlite), sqlite
        terminal.keys("/")
        terminal.wait_for("Type to search")
        terminal.keys("drina", literal=True)
        terminal.wait_for("results for “drina”")
        assert list(folder.glob("Stemmer.*.so")), sorted(written)
        terminal.keys("Escape")
        terminal.wait_for("Routes across the region")
        terminal.keys("q")
        terminal.wait_for("EXIT=0")
    finally:
        terminal.close()
