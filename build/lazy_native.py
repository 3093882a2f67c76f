"""PyInstaller runtime hook of the one-file fieldkit (build/fieldkit.spec fills in LAZY and installs it).

A one-file executable unpacks every shared library it holds into a temporary folder at each launch, whether or not
the command needs it. The native modules that only some commands import (cryptography's compiled core for content
packs, libyaml's loader for `check` and `build`) are kept instead, compressed, inside the executable's Python
archive; this finder writes one into the same private folder the first time it is imported, then loads it from
there as usual. Nothing is read from anywhere but the executable itself.
"""

import sys

# module name -> (path inside the unpack folder, archive module holding its compressed bytes as BLOB)
LAZY = {}


class _LazyNativeFinder:
    @staticmethod
    def find_spec(name, path=None, target=None):
        entry = LAZY.get(name)
        if entry is None:
            return None
        import importlib
        import importlib.machinery
        import importlib.util
        import os
        import zlib

        relative, holder = entry
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
        loader = importlib.machinery.ExtensionFileLoader(name, location)
        return importlib.util.spec_from_file_location(name, location, loader=loader)


if LAZY and hasattr(sys, "_MEIPASS"):
    sys.meta_path.insert(0, _LazyNativeFinder)
