"""PyInstaller runtime hook of the one-file fieldkit (build/fieldkit.spec fills in LAZY, LAZY_DATA and the others,
and installs it as the first runtime hook, before any other imports a module).

A one-file executable unpacks every file it holds into a temporary folder at each launch, whether or not the
command needs it. Files `--version` (and mostly the first screen) does not read are kept instead, compressed, in the
executable's Python archive, and written into the same private folder the first time they are needed:
- native modules (build/fieldkit.spec, LAZY_NATIVE): libyaml's loader for `check` and `build`, python-bidi's for
  right-to-left text (with the libgcc_s it links), PyStemmer for searches, the XML parser for XLIFF, hashing, CSV,
  SQLite (with libsqlite3; `--version` and `--help` need no database) and others: written when first imported,
  with the shared libraries they link written first;
- Babel's CLDR files: a language's when Babel first looks for it, `global.dat` when Babel is first imported;
- fieldkit's gettext catalogs: a language's when gettext first looks for it.
Nothing is read from anywhere but the executable itself.
"""

import sys

# module name -> (path inside the unpack folder, archive module holding its compressed bytes as BLOB)
LAZY = {}
# module name -> paths inside the unpack folder (keys of LAZY_DATA) of the shared libraries it links
LAZY_LINKED = {}
# path inside the unpack folder (babel/locale-data/xx.dat) -> archive module holding its compressed bytes as BLOB
LAZY_DATA = {}

_XZ = b"\xfd7zXZ\x00"


def _unpack(relative, holder):
    """Write one kept file into the unpack folder (once), atomically: a half-written file is never read."""
    import importlib
    import os

    location = os.path.join(sys._MEIPASS, *relative.split("/"))
    if not os.path.exists(location):
        blob = importlib.import_module(holder).BLOB
        sys.modules.pop(holder, None)  # the compressed copy is not needed again
        if blob[:6] == _XZ:
            import lzma

            data = lzma.decompress(blob)
        else:
            import zlib

            data = zlib.decompress(blob)
        os.makedirs(os.path.dirname(location), exist_ok=True)
        partial = f"{location}.{os.getpid()}.part"
        with open(partial, "wb") as out:
            out.write(data)
        os.chmod(partial, 0o700)
        os.replace(partial, location)
    return location


def _unpack_data(relative):
    holder = LAZY_DATA.get(relative)
    if holder is not None:
        _unpack(relative, holder)


class _LazyNativeFinder:
    @staticmethod
    def find_spec(name, path=None, target=None):
        entry = LAZY.get(name)
        if entry is None:
            return None
        import importlib.machinery
        import importlib.util

        for library in LAZY_LINKED.get(name, ()):
            _unpack_data(library)  # found by the dynamic linker in the unpack folder, as at launch
        location = _unpack(*entry)
        loader = importlib.machinery.ExtensionFileLoader(name, location)
        return importlib.util.spec_from_file_location(name, location, loader=loader)


def _lazy_cldr(localedata):
    """Make babel.localedata find the kept CLDR files: every lookup of a locale's file goes through
    `resolve_locale_filename` (load and exists), and `locale_identifiers` lists the folder."""
    import os

    resolve, identifiers = localedata.resolve_locale_filename, localedata.locale_identifiers

    def resolve_locale_filename(name):
        path = resolve(name)
        _unpack_data("babel/locale-data/" + os.path.basename(path))
        return path

    def locale_identifiers():
        # The folder's files and the kept ones, without writing any out: Babel asks for the whole list whenever it
        # is given a locale it has no file for (`exists("en_US")` from LANG=en_US.UTF-8), and loads only one.
        kept = [os.path.splitext(os.path.basename(relative))[0] for relative in LAZY_DATA
                if relative.startswith("babel/locale-data/") and relative.endswith(".dat")]
        try:
            listed = identifiers()
        except FileNotFoundError:  # none written out yet: the folder is made with the first
            listed = []
        return listed + [name for name in kept if name != "root" and name not in listed]

    localedata.resolve_locale_filename = resolve_locale_filename
    localedata.locale_identifiers = locale_identifiers


def _lazy_babel_global(core):
    """babel.core reads babel/global.dat (next to itself) on first use: written when Babel is imported."""
    _unpack_data("babel/global.dat")


def _lazy_catalogs(gettext):
    """gettext.translation() and gettext.find() look for `<localedir>/<language>/LC_MESSAGES/<domain>.mo`: the kept
    catalogs among the ones gettext.find() would try are written before it looks."""
    import os

    find = gettext.find
    roots = {os.path.normpath(sys._MEIPASS), os.path.realpath(sys._MEIPASS)}

    def languages_tried(languages):
        # As gettext.find() works them out (Python 3.11's Lib/gettext.py).
        if languages is None:
            languages = []
            for envar in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
                value = os.environ.get(envar)
                if value:
                    languages = value.split(":")
                    break
            if "C" not in languages:
                languages.append("C")
        tried = []
        for language in languages:
            tried += gettext._expand_lang(language)
        return tried

    def find_catalog(domain, localedir=None, languages=None, all=False):
        if localedir is not None:
            try:
                tried = languages_tried(languages)
            except Exception:  # noqa: BLE001  (never in the way of gettext itself)
                tried = []
            for language in tried:
                catalog = os.path.normpath(os.path.join(localedir, language, "LC_MESSAGES", f"{domain}.mo"))
                for root in roots:
                    if catalog.startswith(root + os.sep):
                        _unpack_data(os.path.relpath(catalog, root).replace(os.sep, "/"))
        return find(domain, localedir, languages, all)

    gettext.find = find_catalog


class _PatchingLoader:
    """Runs a module's real loader, then patches the module it made."""

    def __init__(self, inner, patch):
        self.inner, self.patch = inner, patch

    def create_module(self, spec):
        return self.inner.create_module(spec)

    def exec_module(self, module):
        self.inner.exec_module(module)
        self.patch(module)


# module name -> patch run on it once it is loaded
PATCHES = {}


class _LazyDataFinder:
    @staticmethod
    def find_spec(name, path=None, target=None):
        patch = PATCHES.get(name)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is _LazyDataFinder or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                spec.loader = _PatchingLoader(spec.loader, patch)
                return spec
        return None


if hasattr(sys, "_MEIPASS"):
    if LAZY:
        sys.meta_path.insert(0, _LazyNativeFinder)
    if any(relative.startswith("babel/locale-data/") for relative in LAZY_DATA):
        PATCHES["babel.localedata"] = _lazy_cldr
    if "babel/global.dat" in LAZY_DATA:
        PATCHES["babel.core"] = _lazy_babel_global
    if any(relative.endswith(".mo") for relative in LAZY_DATA):
        PATCHES["gettext"] = _lazy_catalogs
    for _name, _patch in list(PATCHES.items()):
        if _name in sys.modules:  # imported before this hook ran: patched now
            _patch(sys.modules[_name])
    if PATCHES:
        sys.meta_path.insert(0, _LazyDataFinder)
