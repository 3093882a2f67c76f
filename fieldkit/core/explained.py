"""Errors that explain themselves to a person in any language: an English template and its values.

The template is marked with `N_()` where the error is raised, so it is in the catalogs; the CLI and the app show
it translated (`fieldkit.i18n.catalog.explain`), while `str()` stays English for logs and tests. A value that is
itself one of the catalogs' strings (a reason picked from a table: "permission denied") is given as a `Reason`, and
a value that is another explained error is explained too: both are translated with the template.
"""

from __future__ import annotations


class Explained(Exception):
    def __init__(self, template: str, **values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(template.format(**values) if values else template)


class Reason(str):
    """A value of an explained error that is itself a UI string, marked with `N_()` where it is declared."""
