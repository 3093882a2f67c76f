"""What the compiled database looks like, shared by the compiler that writes it and the store that reads it."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Bump when a reader of the old layout could not read the new one. Packs carry it too (fieldkit/packs): a
# fieldkit reads its own schema and every older one, and refuses newer ones with a message to update.
#   1  the first layout: TABLES.
#   2  adds SEARCH_TABLES, written by the build so broad queries rank titles only and snippets need no body.
#      A schema 1 database is still read: its searches take the schema 1 path (every match ranked by bm25,
#      snippet text made from the body on every search), so results are the same, only slower.
#   3  adds to `search` the stem columns (STEM_COLUMNS), place tokens in `facets`, and LEXICON_TABLES (the
#      search vocabulary: content/vocabulary/, country names, place titles). Schema 1 and 2 databases are still
#      read: without stems or vocabulary, a search there understands the query's words as typed.
#   4  adds REVIEW_COLUMNS: who checked what. `entries.reviewed` and `translations.reviewed` now hold only the date
#      of a person's review (schemas 1-3 put there the date the editors wrote or checked the entry). A schema 1, 2
#      or 3 database is still read, honestly: its `reviewed` dates become the editors' `checked` dates, nothing in
#      it counts as reviewed by a specialist, and its translations are machine or reviewed, never known outdated.
#   5  TEXT_TABLES: each document's snippet text and body, compressed together (zlib with a dictionary per
#      language), in `texts`; `translations.body` is left empty and `snippets` is not written. The full index
#      has no prefix indexes (the title index keeps them); `prefix_counts` tells a broad 2-3 letter prefix
#      without reading the index. Schema 1 to 4 databases are still read as before.
SCHEMA_VERSION = 5

TABLES = ("meta", "sources", "entries", "citations", "relations", "translations", "search")
# Schema 3: `search` is (title, body, facets, tstem, bstem): after the three columns of schemas 1 and 2, the
# stems of the title and of the body that differ from the folded word (fieldkit/text/lang/stem.py), so an exact
# word and its stem are scored apart. Columns are read by name, so the store reads either layout.
SEARCH_COLUMNS = ("title", "body", "facets", "tstem", "bstem")
STEM_COLUMNS = ("tstem", "bstem")
STEMS_SCHEMA = 3  # the first schema with STEM_COLUMNS and LEXICON_TABLES
# Schema 3:
#   lexicon   (kind, key, lang, text, folded, stemmed): every name of a country or place and every concept word;
#             `folded` is its folded words, `stemmed` their stems in its language, both space-separated.
#   concepts  (id, prefers, search): what each concept prefers (JSON pairs) and whether its words are searched.
LEXICON_TABLES = ("lexicon", "concepts")
# Schema 2:
#   titles       FTS5 (title, facets): the `search` table's title and facets columns alone, same tokenizer.
#                Its rowid is not the document's key but its title position (title_position()): rowids follow
#                the static title order, so the first n rows of a match are its n shortest titles, read from
#                the doclist with no sorting, and a rowid tells how many words its title has.
#   title_order  (pos -> key): the `translations` key of each `titles` row.
#   snippets     (key -> text): snippet_text() of each document's body, computed once by the build.
SEARCH_TABLES = ("titles", "title_order", "snippets")
# Schema 5 (replaces `snippets` and `translations.body`):
#   texts          (key -> blob): a document's text, packed by pack_text(): its snippet text, then its body.
#   dictionaries   (lang -> zdict): the zlib preset dictionary of a language's texts (its commonest words).
#   prefix_counts  (prefix, lang -> documents): how many documents of a language have a word (in any searched
#                  column) opening with a 2 or 3 letter prefix; only prefixes of at least PREFIX_COUNTED_FROM
#                  documents are listed. Counted from the folded words, a lower bound of what the index finds.
TEXT_TABLES = ("texts", "dictionaries", "prefix_counts")
PREFIX_LENGTHS = (2, 3)
PREFIX_COUNTED_FROM = 100
TEXT_SCHEMA = 5

# Schema 4:
#   entries.checked        the day the editors checked the entry against its sources (NULL: not checked)
#   entries.review         a specialist's review as JSON {by, organisation, date}, or NULL
#   translations.review    who reviewed the translation, as JSON {by, organisation, date}, or NULL
#   translations.state     original, machine, reviewed, or outdated (the original changed after the translation)
#   citations.review_by    for a fact from outside the shared documents: when to check it again
REVIEW_COLUMNS = {"entries": ("checked", "review"), "translations": ("review", "state"), "citations": ("review_by",)}
REVIEW_SCHEMA = 4

# The columns fieldkit reads from each table (a database may have more). `connect()` checks them, and that every
# object is a table (no views or triggers: a view can recurse for ever), before any query runs; and, for a
# database of REVIEW_SCHEMA or later, REVIEW_COLUMNS too.
COLUMNS = {
    "meta": ("key", "value"),
    "sources": ("id", "title", "url", "published", "file"),
    "entries": ("id", "type", "title", "summary", "country", "countries", "tags", "details", "as_of", "reviewed"),
    "citations": ("entry_id", "position", "doc", "location", "quote"),
    "relations": ("src", "dst", "kind"),
    "translations": ("key", "id", "lang", "title", "summary", "body", "status"),
    "search": ("title", "body", "facets"),
    "titles": ("title", "facets"),
    "title_order": ("pos", "key"),
    "snippets": ("key", "text"),
    "texts": ("key", "blob"),
    "dictionaries": ("lang", "zdict"),
    "prefix_counts": ("prefix", "lang", "documents"),
}
FULL_TEXT = ("search", "titles")  # FTS5 virtual tables

SNIPPET_SOURCE = 3000  # characters of a body a snippet is cut from (a snippet comes from the start of a body)
_NOTES_MARKER = re.compile(r"^[ \t]*\?\?\?[ \t]*$", re.MULTILINE)


def snippet_text(body: str) -> str:
    """The plain text a document's snippet is cut from; the snippet searches `summary + " " + snippet_text`."""
    from fieldkit.text.markdown_plain import (
        plain_text,  # here: this module is imported by every command
    )

    # A briefing's `???` line opens the trainer's notes: a marker for the deck, not words to show in a result.
    return plain_text(_NOTES_MARKER.sub("", body[:SNIPPET_SOURCE]))


def pack_text(snippet: str, body: str, zdict: bytes, *, level: int = 9) -> bytes:
    """One document's text as `texts` holds it: zlib (level 9, with its language's preset dictionary) of the
    snippet text's length in UTF-8 bytes (4 bytes, little-endian), the snippet text, then the body. (The
    executable carries its texts at level 0, stored: build/bundle_content.py.)"""
    import zlib

    head = snippet.encode("utf-8")
    packer = zlib.compressobj(level, zdict=zdict) if zdict else zlib.compressobj(level)
    return packer.compress(len(head).to_bytes(4, "little") + head + body.encode("utf-8")) + packer.flush()


def unpack_text(blob: bytes, zdict: bytes, *, body: bool = True) -> tuple[str, str]:
    """(snippet text, body) of a `texts` blob; with body=False only as much is decompressed as the snippet text
    needs, and the body is "". ValueError for a blob that is not one."""
    import zlib

    try:
        unpacker = zlib.decompressobj(zdict=zdict) if zdict else zlib.decompressobj()
        size = int.from_bytes(unpacker.decompress(blob, 4), "little")
        head = unpacker.decompress(unpacker.unconsumed_tail, size) if size else b""
        rest = unpacker.decompress(unpacker.unconsumed_tail) + unpacker.flush() if body else b""
        if len(head) != size:
            raise ValueError("a text cut short")
        return head.decode("utf-8"), rest.decode("utf-8")
    except (zlib.error, UnicodeDecodeError, TypeError) as error:
        raise ValueError(f"not a packed text: {error}") from None


def title_order(title: str) -> tuple[int, int]:
    """The static order of titles for broad queries: fewer words first, then fewer characters (folded)."""
    from fieldkit.text.fold import fold, words

    folded = fold(title)
    return len(words(folded)), len(folded)


def title_position(title: str, seq: int) -> int:
    """A document's rowid in `titles`: the title's words and characters in the high bits, then `seq`, its place
    in the build's title order (title_order(), then key). Ordering by it is ordering by the title order."""
    return title_position_of(*title_order(title), seq)


def title_position_of(title_words: int, characters: int, seq: int) -> int:
    """`title_position` from the title's `title_order()`."""
    return min(title_words, 0x7FFF) << 48 | min(characters, 0xFFFF) << 32 | seq


def position_words(position: int) -> int:
    """How many words the title at this `titles` rowid has."""
    return position >> 48


def position_length(position: int) -> int:
    """The title's length as the order compares it (words, then characters), as one number."""
    return position >> 32


def lang_token(lang: str) -> str:
    return "lang" + lang.replace("-", "").lower()


def type_token(entry_type: str) -> str:
    return "type" + entry_type


def country_token(code: str) -> str:
    return "cc" + code.lower()


def place_token(place_id: str) -> str:
    """An entry that is, or is at, this place (hyphens removed: the tokenizer would split them)."""
    return "pl" + place_id.replace("-", "")


def entry_token(entry_id: str) -> str:
    """The entry itself (schema 3): a search can ask for a list of entries in its match (services near a place)."""
    return "id" + entry_id.replace("-", "")


def facet_tokens(lang: str, entry_type: str, countries: Sequence[str], places: Sequence[str] = (),
                 entry_id: str | None = None) -> str:
    """The words the `facets` column holds, so a filter is part of the FTS match itself."""
    return " ".join([lang_token(lang), type_token(entry_type), *(country_token(c) for c in countries),
                     *(place_token(p) for p in places), *((entry_token(entry_id),) if entry_id else ())])
