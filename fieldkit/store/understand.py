"""What a query asks: a pipeline of small steps from the words typed to the groups a search must match.

    tokenise     the words as written, folded (fold() is what the index went through)
    languages    which languages the query is in: script, letters only some languages have, stop words, names
    recognise    names of countries and places, and concept words, from the search vocabulary (lexicon.py),
                 longest first ("crna gora", "legal aid", "لت و کوب")
    stop words   the other words that only make a sentence ("where can i find a ..."), in the query's languages
    stems        each remaining word also as its stem, in the languages searched (fieldkit/text/lang/stem.py)
    correct      a word that matches nothing anywhere is corrected to the closest word the content has
                 (spelling.py), or a word in Arabic script to the place whose name has its consonants
                 (text/lang/sound.py), unless the search is literal

Each group is one thing the query asks for: a word (with its stems), a concept (all its words in the languages
searched), a place or a country (its names, and the entries at it). Search ranks entries by how many groups they
match. Everything here is data in, data out: the store runs the counts and the corrections it needs through the
two callables it passes in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from fieldkit.core.languages import ENGLISH, fallback_chain
from fieldkit.core.records import dataclass, field  # not dataclasses: see records.py
from fieldkit.store.lexicon import Lexicon, Name, word_matches
from fieldkit.text.fold import fold, words
from fieldkit.text.lang.scripts import ARABIC, LANGUAGES_BY_SCRIPT, ROMANISED, ROMANISED_CODES, script_of
from fieldkit.text.lang.stem import stem, stem_language
from fieldkit.text.lang.stopwords import stopwords
from fieldkit.text.lang.turkish import shorter_forms
from fieldkit.text.tokens import written_words

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a search imports no typing at all)
if TYPE_CHECKING:
    from typing import Any

MAX_TERMS = 12  # a pasted paragraph should not become a 500-term query
MIN_PREFIX = 2  # one-letter prefixes match nearly everything and are slow

WORD, CONCEPT, PLACE, COUNTRY = "word", "concept", "place", "country"
# Letters that only some of the languages of a script use: a query with one is in one of those languages.
_LETTERS: dict[str, str] = {
    "tr": "ıİşŞğĞ",
    "fr": "éèêëàâîïôûùœÉÈÊÀÇ",
    "bs": "čćžšđČĆŽŠĐ",
    "ps": "ټډړښږګېۍځڅڼ",
    "ur": "ٹڈڑںھہےۓ",
    "ar": "ةى",
}
_NOT_ARABIC = "پچژگ"  # Persian letters: Farsi, Pashto or Urdu, not Arabic
# A transliterated language (Roman Urdu) needs this much evidence (stop words, its vocabulary words) and the best
# score: one short word ("se", "ki") is not enough to read an English or Turkish query as Roman Urdu.
MIN_ROMANISED_CLUES = 2


@dataclass(frozen=True)
class Token:
    written: str
    folded: str


@dataclass(frozen=True)
class Group:
    """One thing the query asks for, and what in the index counts as it."""

    kind: str  # word, concept, place or country
    typed: str  # as typed
    keys: tuple[str, ...] = ()  # concept ids, place ids or country codes
    terms: tuple[str, ...] = ()  # folded words or phrases, each searched in every text column
    prefix: str | None = None  # a folded word searched as a prefix (the last word, still being typed)
    places: tuple[str, ...] = ()  # place ids: entries that are or are at one count
    countries: tuple[str, ...] = ()  # country codes: entries about one count

    def words(self) -> set[str]:
        """Every folded word of its terms (for highlighting and title checks)."""
        return {word for term in self.terms for word in term.split()}


@dataclass
class Understanding:
    """How a query was understood: what `fieldkit search --explain` prints."""

    text: str
    lang: str | None  # the reader's language (None: every language, served as matched)
    query_langs: tuple[str, ...]  # the languages the query looks written in
    searched: tuple[str, ...]  # languages of the documents searched (empty: all)
    groups: list[Group] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # stop words, as typed
    corrections: list[tuple[str, str]] = field(default_factory=list)  # (typed, corrected to)
    prefers: list[tuple[str, str]] = field(default_factory=list)  # (type|service-kind|right-topic, value)
    literal: bool = False

    @property
    def corrected_text(self) -> str | None:
        """The query with its corrections applied, if any ("Showing results for ...")."""
        if not self.corrections:
            return None
        text = self.text
        for typed, corrected in self.corrections:
            text = text.replace(typed, corrected, 1)
        return text

    def content_words(self) -> tuple[str, ...]:
        """The folded words of what was asked, in order (stop words left out)."""
        return tuple(word for group in self.groups for word in words(fold(group.typed)))

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.text,
            "language": self.lang,
            "query_languages": list(self.query_langs),
            "searched_languages": list(self.searched),
            "dropped": self.dropped,
            "corrections": [{"typed": typed, "corrected": corrected} for typed, corrected in self.corrections],
            "showing_results_for": self.corrected_text,
            "groups": [
                {"kind": g.kind, "typed": g.typed, "keys": list(g.keys), "terms": list(g.terms),
                 "prefix": g.prefix, "places": list(g.places), "countries": list(g.countries)}
                for g in self.groups
            ],
            "prefers": [{"what": what, "value": value} for what, value in self.prefers],
            "literal": self.literal,
        }


# --- the steps ----------------------------------------------------------------------------------------------


def tokenise(text: str) -> list[Token]:
    tokens = []
    for written in written_words(text):
        folded = words(fold(written))
        if folded:
            tokens.append(Token(written, "".join(folded)))
    return tokens[:MAX_TERMS]


def query_languages(tokens: list[Token], lexicon: Lexicon) -> tuple[str, ...]:
    """The languages the query may be in: those of its scripts, narrowed by the letters, stop words and
    vocabulary names it has. Without any clue, every language of its scripts."""
    found: list[str] = []
    for script, native in LANGUAGES_BY_SCRIPT.items():
        mine = [t for t in tokens if script_of(t.written) == script]
        if not mine:
            continue
        romanised = ROMANISED.get(script, ())
        languages = (*native, *romanised)
        score = dict.fromkeys(languages, 0)
        for token in mine:
            for lang in languages:
                if any(letter in token.written for letter in _LETTERS.get(lang, "")):
                    score[lang] += 2
                if token.folded in stopwords(lang):
                    score[lang] += 1
            if script == ARABIC and any(letter in token.written for letter in _NOT_ARABIC):
                score["ar"] -= 2
            # A concept word is a clue to its language; names of places are written alike in many languages.
            for code in {ROMANISED_CODES.get(n.lang, n.lang) for n in lexicon.candidates(token.folded)
                         if n.kind == CONCEPT and n.folded[0] == token.folded}:
                if code in score:
                    score[code] += 1
        best = max(score.values())
        # The best-scoring languages; with no clue at all, every language of the script (that is not ruled out).
        found += [code for code in native if (score[code] == best if best > 0 else score[code] >= 0)]
        found += [code for code in romanised if score[code] == best and score[code] >= MIN_ROMANISED_CLUES]
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Span:
    start: int
    length: int
    names: tuple[Name, ...]


def recognise(tokens: list[Token], lexicon: Lexicon, stop: set[str]) -> list[Span]:
    """Names and concept words in the query, longest first, left to right. A one-word match that is a stop word
    of the query's languages is not a name ("a", "i", "la")."""
    spans = []
    i = 0
    while i < len(tokens):
        best: list[Name] = []
        best_length = 0
        for name in lexicon.candidates(tokens[i].folded):
            length = len(name.folded)
            if length < best_length or i + length > len(tokens):
                continue
            if all(word_matches(tokens[i + k].written, tokens[i + k].folded, name, k) for k in range(length)):
                if length > best_length:
                    best, best_length = [], length
                best.append(name)
        if best and not (best_length == 1 and tokens[i].folded in stop):
            spans.append(Span(i, best_length, tuple(best)))
            i += best_length
        else:
            i += 1
    return spans


def stem_languages(searched: Iterable[str], token: Token) -> set[str]:
    """The stemmers a query word is stemmed with: the languages searched that write its script."""
    script = script_of(token.written)
    languages = LANGUAGES_BY_SCRIPT.get(script, ())
    codes = {stem_language(code) for code in searched} or set(languages)
    return {code for code in codes if code and code in languages}


def expansion_languages(searched: tuple[str, ...]) -> set[str] | None:
    """The languages whose names and concept words a group searches: those searched and English (None: all)."""
    if not searched:
        return None
    found = {ENGLISH}
    for code in searched:
        found |= {code, code.split("-")[0]}
        data = stem_language(code)
        if data:
            found.add(data)
    return found


# --- the whole pipeline -------------------------------------------------------------------------------------


def understand(text: str, lexicon: Lexicon, *, lang: str | None, known: Callable[[Group, tuple[str, ...]], bool],
               correct: Callable[[str], str | None], literal: bool = False) -> Understanding:
    """Run the pipeline. `known(group, searched)` says whether a word group matches anything at all; `correct(word)`
    returns the closest word the content has, or None."""
    tokens = tokenise(text)
    query_langs = query_languages(tokens, lexicon)
    reader = tuple(fallback_chain(lang)) if lang else ()
    reader_data = {stem_language(code) or code for code in reader}
    in_reader_language = not reader or not query_langs or bool(reader_data & set(query_langs))
    searched = reader if in_reader_language else tuple(dict.fromkeys((*reader, *query_langs)))
    stop = set().union(*(stopwords(code) for code in query_langs)) if query_langs else set()
    result = Understanding(text=text, lang=lang, query_langs=query_langs, searched=searched, literal=literal)

    spans = recognise(tokens, lexicon, stop)
    covered = {span.start + k for span in spans for k in range(span.length)}
    free = [i for i in range(len(tokens)) if i not in covered]
    content = [i for i in free if tokens[i].folded not in stop]
    if not content and not spans:
        content = free  # only stop words: search them rather than nothing
    result.dropped = [tokens[i].written for i in free if i not in content]
    expand = expansion_languages(searched)

    pieces: list[tuple[int, Group | None]] = []
    for span in spans:
        typed = " ".join(t.written for t in tokens[span.start : span.start + span.length])
        for group in _name_groups(span.names, typed, lexicon, expand, result):
            pieces.append((span.start, group))
    last = len(tokens) - 1
    for i in content:
        token = tokens[i]
        group = _word_group(token, searched, prefix=i == last and len(token.folded) >= MIN_PREFIX)
        if not literal and not known(group, searched):
            fixed = correct(token.folded)
            if fixed:
                result.corrections.append((token.written, fixed))
                fixed_tokens = tokenise(fixed)  # a name typed without its spaces comes back as its words
                names = recognise(fixed_tokens, lexicon, stop)
                if names and names[0].length == len(fixed_tokens):
                    pieces += [(i, g) for g in _name_groups(names[0].names, fixed, lexicon, expand, result)]
                    continue
                group = _word_group(Token(fixed, fixed), searched, prefix=False)
        pieces.append((i, group))
    result.groups = _merged([group for _, group in sorted(pieces, key=lambda piece: piece[0]) if group is not None])
    result.prefers = list(dict.fromkeys(result.prefers))
    return result


def _merged(groups: list[Group]) -> list[Group]:
    """Two names of one concept or place in a query ("nesreca" and "kombi") are one thing asked for, not two."""
    merged: dict[tuple[str, tuple[str, ...]], Group] = {}
    for group in groups:
        key = (group.kind, group.keys) if group.keys else (group.kind, (group.typed,))
        first = merged.get(key)
        merged[key] = group if first is None else Group(
            group.kind, f"{first.typed} {group.typed}", keys=group.keys,
            terms=tuple(dict.fromkeys((*first.terms, *group.terms))), prefix=first.prefix or group.prefix,
            places=group.places, countries=group.countries,
        )
    return list(merged.values())


def _word_group(token: Token, searched: tuple[str, ...], *, prefix: bool) -> Group:
    languages = stem_languages(searched, token)
    stems = {stem(token.written, code) for code in languages}
    if "tr" in languages:  # endings Snowball leaves or over-strips ("kazası": "kaza", not "kazas")
        stems.update(shorter_forms(token.folded))
    terms = (token.folded, *sorted(s for s in stems if s != token.folded and len(s) >= 2))
    return Group(WORD, token.written, terms=terms, prefix=token.folded if prefix else None)


def _name_groups(names: tuple[Name, ...], typed: str, lexicon: Lexicon, expand: set[str] | None,
                 result: Understanding) -> list[Group]:
    """One group per kind of name matched: the concept's words, or the place's or country's names."""
    groups = []
    for kind in (CONCEPT, PLACE, COUNTRY):
        keys = tuple(dict.fromkeys(name.key for name in names if name.kind == kind))
        if not keys:
            continue
        if kind == CONCEPT:
            searched_keys = []
            for key in keys:
                info = lexicon.concepts.get(key)
                if info is not None:
                    result.prefers += list(info.prefers)
                if info is None or info.search:
                    searched_keys.append(key)
            if not searched_keys:
                continue
            keys = tuple(searched_keys)
        terms: list[str] = [" ".join(words(fold(typed)))]
        for key in keys:
            for name in lexicon.names_of(kind, key):
                if expand is None or name.lang in expand:
                    terms.append(" ".join(name.folded))
                    stemmed = " ".join(name.stemmed)
                    if stemmed != terms[-1]:
                        terms.append(stemmed)
        groups.append(Group(
            kind, typed, keys=keys, terms=tuple(dict.fromkeys(t for t in terms if t)),
            places=keys if kind == PLACE else (), countries=keys if kind == COUNTRY else (),
        ))
    return groups
