"""`N_()`: marks a string for translation where it is declared; `fieldkit.i18n.catalog._()` translates it where shown.

It lives at the bottom so the registry and the vocabularies can mark their labels without importing the catalogs.
"""


def N_(message: str) -> str:
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a pair for `ngettext` where it is declared ("{count} risk", "{count} risks")."""
    return singular, plural
