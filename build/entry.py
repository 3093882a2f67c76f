"""Entry point of the one-file executable (PyInstaller runs this as __main__)."""

import sys

from fieldkit.cli import main

sys.exit(main())
