"""Errors that explain themselves to a person in any language: an English template and its values.

The template is marked with `N_()` where the error is raised, so it is in the catalogs; the CLI and the app show
it translated (`fieldkit.i18n.catalog.explain`), while `str()` stays English for logs and tests.
"""

from __future__ import annotations


class Explained(Exception):
    def __init__(self, template: str, **values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(template.format(**values) if values else template)
