"""Errors that explain themselves to a person in any language: an English template and its values.

The template is marked with `N_()` where the error is raised, so it is in the catalogs; the CLI and the app show
it translated (`fieldkit.i18n.catalog.explain`), while `str()` stays English for logs and tests. A value that is
itself one of the catalogs' strings (a reason picked from a table: "permission denied") is given as a `Reason`, and
a value that is another explained error is explained too: both are translated with the template.
"""

from __future__ import annotations

import errno

from fieldkit.core.marker import N_


class Explained(Exception):
    def __init__(self, template: str, **values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(template.format(**values) if values else template)


class Reason(str):
    """A value of an explained error that is itself a UI string, marked with `N_()` where it is declared."""


# What the system's own message says, in words the catalogs have: the system says it in English whatever the
# reader's language ("Permission denied"). An error not in the table keeps the system's words.
OS_REASONS = {
    errno.ENOSPC: Reason(N_("the disk is full")),
    errno.EDQUOT: Reason(N_("the disk quota is used up")),
    errno.EACCES: Reason(N_("permission denied")),
    errno.EPERM: Reason(N_("permission denied")),
    errno.EROFS: Reason(N_("the file system is read-only")),
    errno.ENAMETOOLONG: Reason(N_("the path is longer than this system allows")),
    errno.ENOTDIR: Reason(N_("a part of the path is a file, not a folder")),
    errno.EISDIR: Reason(N_("it is a folder")),
    errno.ENOENT: Reason(N_("no such file or folder")),
    errno.ELOOP: Reason(N_("too many symbolic links")),
    errno.EIO: Reason(N_("the disk could not be read or written (input/output error)")),
    errno.EMFILE: Reason(N_("too many files are open")),
    errno.EBUSY: Reason(N_("the file is in use")),
}


def os_reason(problem: BaseException) -> str:
    """Why an operating-system error happened, for a message: a `Reason` the catalogs translate where the table has
    one, else the system's own words."""
    code = getattr(problem, "errno", None)
    if isinstance(code, int) and code in OS_REASONS:
        return OS_REASONS[code]
    return getattr(problem, "strerror", None) or str(problem)
