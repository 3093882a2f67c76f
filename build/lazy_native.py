"""PyInstaller runtime hook of the one-file fieldkit (build/fieldkit.spec fills in LAZY and LAZY_DATA, installs it).

A one-file executable unpacks every file it holds into a temporary folder at each launch, whether or not the
command needs it. Two kinds are kept instead, compressed, inside the executable's Python archive, and written into
the same private folder the first time they are needed:
- native modules only some commands import (libyaml's loader for `check` and `build`, python-bidi's for
  right-to-left text): written when first imported;
- Babel's CLDR files of languages other than English: written when Babel first looks for one.
Nothing is read from anywhere but the executable itself.
"""

import sys

# module name -> (path inside the unpack folder, archive module holding its compressed bytes as BLOB)
LAZY = {}
# path inside the unpack folder (babel/locale-data/xx.dat) -> archive module holding its compressed bytes as BLOB
LAZY_DATA = {}


def _unpack(relative, holder):
    """Write one kept file into the unpack folder (once), atomically: a half-written file is never read."""
    import importlib
    import os
    import zlib

    location = os.path.join(sys._MEIPASS, *relative.split("/"))
    if not os.path.exists(location):
        blob = importlib.import_module(holder).BLOB
        sys.modules.pop(holder, None)  # the compressed copy is not needed again
        os.makedirs(os.path.dirname(location), exist_ok=True)
        partial = f"{location}.{os.getpid()}.part"
        with open(partial, "wb") as out:
            out.write(zlib.decompress(blob))
        os.chmod(partial, 0o700)
        os.replace(partial, location)
    return location


class _LazyNativeFinder:
    @staticmethod
    def find_spec(name, path=None, target=None):
        entry = LAZY.get(name)
        if entry is None:
            return None
        import importlib.machinery
        import importlib.util

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
        holder = LAZY_DATA.get("babel/locale-data/" + os.path.basename(path))
        if holder is not None:
            _unpack("babel/locale-data/" + os.path.basename(path), holder)
        return path

    def locale_identifiers():
        for relative, holder in LAZY_DATA.items():
            _unpack(relative, holder)
        identifiers.cache_clear()
        return identifiers()

    localedata.resolve_locale_filename = resolve_locale_filename
    localedata.locale_identifiers = locale_identifiers


class _PatchingLoader:
    """Runs the real loader of babel.localedata, then patches the module it made."""

    def __init__(self, inner, patch):
        self.inner, self.patch = inner, patch

    def create_module(self, spec):
        return self.inner.create_module(spec)

    def exec_module(self, module):
        self.inner.exec_module(module)
        self.patch(module)


class _LazyDataFinder:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name != "babel.localedata":
            return None
        for finder in sys.meta_path:
            if finder is _LazyDataFinder or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                spec.loader = _PatchingLoader(spec.loader, _lazy_cldr)
                return spec
        return None


if hasattr(sys, "_MEIPASS"):
    if LAZY:
        sys.meta_path.insert(0, _LazyNativeFinder)
    if LAZY_DATA:
        sys.meta_path.insert(0, _LazyDataFinder)
