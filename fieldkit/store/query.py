"""Turn anything a person types into a safe FTS5 MATCH expression.

User text is words, never FTS syntax: each word is folded exactly as the index was, then quoted, so `AND`,
`NEAR`, `"`, `*`, `(`, `-`, `^` or an emoji cannot raise a syntax error. The last word gets `*` so results
appear while a word is still being typed.
"""

from __future__ import annotations

from fieldkit.core.records import dataclass  # not dataclasses: see records.py
from fieldkit.store.schema import country_token, lang_token, type_token
from fieldkit.text.fold import fold, words

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a search imports no typing at all)
if TYPE_CHECKING:
    from typing import TypedDict

MAX_TERMS = 12  # a pasted paragraph should not become a 500-term query
MIN_PREFIX = 2  # one-letter prefixes match nearly everything and are slow


def facet_filters(langs: tuple[str, ...], entry_type: str | None, country: str | None) -> str:
    """The filters of a search as an FTS5 expression over the facet tokens ("" for none): any of the languages,
    and the type and the country if given."""
    parts = []
    if langs:
        parts.append("facets : (" + " OR ".join(f'"{lang_token(code)}"' for code in langs) + ")")
    if entry_type:
        parts.append(f'facets : "{type_token(entry_type)}"')
    if country:
        parts.append(f'facets : "{country_token(country)}"')
    return " AND ".join(parts)


if TYPE_CHECKING:
    class MatchFilters(TypedDict):
        """The keyword arguments of `Query.match` that narrow a search, for passing one set to several matches."""

        langs: tuple[str, ...]
        entry_type: str | None
        country: str | None
        columns: str
else:
    MatchFilters = dict  # what a TypedDict is at run time (typing is not imported for it)


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]
    prefix: bool  # the last term is matched as a prefix

    @classmethod
    def parse(cls, text: str) -> Query:
        terms = tuple(words(fold(text))[:MAX_TERMS])
        return cls(terms=terms, prefix=bool(terms) and len(terms[-1]) >= MIN_PREFIX)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def expression(self, operator: str = "AND") -> str:
        quoted = [f'"{term}"' for term in self.terms]
        if self.prefix:
            quoted[-1] += "*"
        return f" {operator} ".join(quoted)

    def opening(self) -> str:
        """The words as one phrase at the start of a column (`^"a b c"*`): a title that begins with the query."""
        return '^"' + " ".join(self.terms) + '"' + ("*" if self.prefix else "")

    def match(self, *, operator: str = "AND", langs: tuple[str, ...] = (), entry_type: str | None = None,
              country: str | None = None, columns: str = "{title body}", opening: bool = False) -> str:
        """The full MATCH string: the words in `columns` (title and body), and the filters as facet tokens.

        With `opening`, the words must open the column, in order (`opening()`); `operator` is then unused.
        """
        words = f"{columns} : ({self.opening() if opening else self.expression(operator)})"
        filters = facet_filters(langs, entry_type, country)
        return f"{words} AND {filters}" if filters else words

    def matches_word(self, folded_word: str) -> bool:
        """Whether a folded word of a text would have matched; used to highlight snippets."""
        if folded_word in self.terms:
            return True
        return self.prefix and folded_word.startswith(self.terms[-1])

    def word_starts(self) -> tuple[str, ...]:
        """Every word that matches begins with one of the terms (it is one, or the last one opens it)."""
        return self.terms
