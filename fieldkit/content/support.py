"""Front matter supported by what the entry says (`fieldkit check --sources`), reported as warnings.

A risk's `places`, `countries` and `refer_to`, a route's `from`, `to`, `countries` and `risks`, a place's or
service's `kind`, a place's `region` and a service's `area` (the countries and places it works in): each value should be named by the entry's title, summary, body or one of its quotes, so that a
filter or a map never says more than the text does. The test is words, not meaning (a place by its name, a
country by its name or adjective, a kind of service by the words for it), so it reports what nothing supports,
as a warning for an editor to look at; it does not fail the check. A sentence that denies a kind ("the sources do
not say it gives legal aid": a denial up to six words before) does not support it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fieldkit.content.corpus import Corpus, EntryFile
from fieldkit.content.problems import Problem
from fieldkit.core.countries import english_name
from fieldkit.text.fold import fold

# Other words for a country than its English name.
COUNTRY_WORDS = {
    "AL": ["albanian"], "BA": ["bosnia", "bosnian", "bih", "herzegovina"], "XK": ["kosovo", "kosovar"],
    "ME": ["montenegrin"], "MK": ["macedonia", "macedonian"], "RS": ["serbian"], "HR": ["croatian"],
    "HU": ["hungarian"], "GR": ["greek"], "BG": ["bulgarian"], "RO": ["romanian"], "SI": ["slovenian", "slovene"],
    "AT": ["austrian"], "IT": ["italian"], "DE": ["german"], "TR": ["turkey", "turkish"], "SY": ["syrian"],
    "AF": ["afghan"], "PK": ["pakistani"], "IQ": ["iraqi"], "IR": ["iranian"], "MA": ["moroccan"],
    "BD": ["bangladeshi"], "IN": ["indian"], "NP": ["nepali", "nepalese"], "EU": ["eu", "schengen", "european"],
}
# The words that name each kind of service or place (place kinds a name alone shows are not checked).
KIND_WORDS = {
    "reception-centre": ["reception cent", "reception facilit"], "asylum-centre": ["asylum cent", "centre for asylum", "center for asylum"],
    "transit-centre": ["transit cent", "transit camp"],
    "institution": ["ministr", "institution", "police", "directorate", "commissariat", "government", "authorit",
                    "prosecut", "court", "agency", "office", "department", "unit", "service", "state"],
    "ombudsperson": ["ombuds", "preventive mechanism", "protector of citizens"],
    "legal-aid": ["legal aid", "legal advice", "legal assistance", "legal support", "legal counsel", "lawyer",
                  "legal help", "legal information", "legal representation"],
    "medical": ["medical", "health", "doctor", "clinic", "hospital", "first aid"],
    "psychosocial": ["psychosocial", "psycholog", "mental health", "counsell", "trauma"],
    "mine-awareness": ["mine awareness", "mine-awareness", "landmine", "mine risk"],
    "emergency": ["emergenc", "rescue", "112"],
    "international-organisation": ["international organi", "united nations", "iom", "unhcr", "unicef", "un agency",
                                   "red cross", "drc", "danish refugee council"],
    "ngo": ["ngo", "non-governmental", "nongovernmental", "civil society", "association", "organisation",
            "organization", "charity", "network", "committee", "council", "foundation", "centre for", "center for"],
    "mobile-team": ["mobile"], "shelter": ["shelter", "accommodat", "safe house", "housing", "safehouse"],
    "protection": ["protect"], "monitoring": ["monitor", "document", "report"],
    "border-crossing": ["crossing", "border"], "border-area": ["border"], "river": ["river"],
    "mountain": ["mountain"], "camp": ["camp", "centre", "center", "settlement", "squat"],
    "region": ["region", "canton", "province", "area", "district"],
}
_GENERIC = {"river", "border", "crossing", "area", "camp", "centre", "center", "region", "mountain", "mountains",
            "the", "and", "of", "to", "in", "near", "town", "city", "village", "site", "north", "south", "east",
            "west", "northern", "southern", "eastern", "western", "with", "from", "coast", "airport", "canton"}
_NEGATION = re.compile(r"\b(?:not|no|never|nor|neither|unknown|unclear)\b")
# Words for a risk other than its title's: "held captive" is a kidnapping, "armed smugglers" firearm violence.
RISK_WORDS = {"risk-kidnapping-extortion": ["captive", "abduct", "hostage", "ransom"],
              "risk-firearms": ["armed", "gun", "shoot", "shot", "weapon"], "risk-ransom": ["kidnap", "captive"],
              "risk-pushbacks": ["pushed back", "push back", "returned across"],
              "risk-dog-attacks": ["dogs"], "risk-unaccompanied-children": ["child", "minor"]}
_FIELDS = {"risk": ("places", "countries", "refer_to"), "route": ("from", "to", "countries", "risks"),
           "place": ("kind", "region"), "service": ("kind", "area")}


def check_support(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []
    for entry in corpus.originals.values():
        names = _FIELDS.get(entry.type, ())
        if not names:
            continue
        text = _text(entry, corpus)
        # "(general advice, not from the sources)" says where a sentence comes from, not that it denies anything
        plain = re.sub(r"\n(?!\s*\n|\s*[-*+]\s|\s*#)", " ", _raw(entry))  # a wrapped line goes on its sentence
        plain = re.sub(r"\([^()]*not\s+from\s+the\s+sources[^()]*\)", "", plain, flags=re.IGNORECASE)
        sentences = [" ".join(fold(s).split()) for s in re.split(r"(?<=[.!?;])\s+|\n", plain)]
        for name in names:
            value = entry.fields.get(name)
            for index, item in enumerate(value if isinstance(value, list) else [value] if value else []):
                if not _supported(corpus, entry, name, item, text, sentences):
                    where = (name, index) if isinstance(value, list) else (name,)
                    problems.append(Problem(entry.path, entry.line_of(*where), f"'{name}' says {item}, but neither "
                                            "the text nor a quote of this entry mentions it: say where the sources "
                                            "support it, or take it out", warning=True))
    return problems


def _raw(entry: EntryFile) -> str:
    quotes = [str(c.get("quote") or "") for c in entry.fields.get("sources") or []]
    return "\n".join([str(entry.fields.get("title") or ""), str(entry.fields.get("summary") or ""),
                      entry.front.body, *quotes])


def _text(entry: EntryFile, corpus: Corpus) -> str:
    """The folded words of the entry's text and quotes, and of the `where` of each citation of a public dataset
    outside the shared documents (a GeoNames record names a place's admin area there: it supports a `region`)."""
    outside = [str(c.get("where") or "") for c in entry.fields.get("sources") or []
               if isinstance(c, dict) and c.get("doc") in corpus.sources and not corpus.sources[c["doc"]].file]
    return " " + re.sub(r"[^\w*]+", " ", fold("\n".join([_raw(entry), *outside]))) + " "


def _supported(corpus: Corpus, entry: EntryFile, name: str, item: str, text: str, sentences: list[str]) -> bool:
    if name in ("places", "from", "to", "region"):
        return _names_place(corpus, item, text)
    if name == "area":  # a country code or a place: where the service works
        return _names_country(corpus, entry, item, text) if item.isupper() else _names_place(corpus, item, text)
    if name == "countries":
        return _names_country(corpus, entry, item, text)
    if name == "risks":
        return _names_risk(corpus, item, text)
    return _names_kind(item, sentences)


def _has(text: str, phrase: str) -> bool:
    """Whether the padded, folded text has the phrase at a word start."""
    return f" {fold(phrase).strip()}" in text


def _names_place(corpus: Corpus, place_id: str, text: str) -> bool:
    place = corpus.originals.get(place_id)
    title = str(place.fields.get("title") or "") if place else ""
    names = [re.sub(r"\s*\(.*?\)", "", title), *re.split(r"\s*[,/–—-]\s*|\s+and\s+", title)]
    for name in filter(None, names):
        if _has(text, name):
            return True
        distinctive = [w for w in re.findall(r"\w+", fold(name)) if w not in _GENERIC and len(w) >= 3]
        if distinctive and all(_has(text, w) for w in distinctive):
            return True
    return any(len(w) >= 4 and _has(text, w) for w in place_id.split("-") if w not in _GENERIC)


def _names_country(corpus: Corpus, entry: EntryFile, code: str, text: str) -> bool:
    if _has(text, english_name(code).rstrip("*")) or any(_has(text, w) for w in COUNTRY_WORDS.get(code, [])):
        return True
    return any(_places_country(corpus, place) == code and _names_place(corpus, place, text)
               for place in _place_ids(entry))


def _place_ids(entry: EntryFile) -> Iterator[str]:
    for name in ("places", "from", "to", "via", "place"):
        value = entry.fields.get(name)
        yield from value if isinstance(value, list) else [value] if value else []


def _places_country(corpus: Corpus, place_id: str) -> str | None:
    place = corpus.originals.get(place_id)
    return str(place.fields.get("country")) if place else None


def _names_risk(corpus: Corpus, risk_id: str, text: str) -> bool:
    risk = corpus.originals.get(risk_id)
    words = re.findall(r"\w+", fold(str(risk.fields.get("title") or ""))) if risk else []
    words += risk_id.split("-")[1:]
    stems = {w[:4] if len(w) <= 6 else w[:-3] for w in words if len(w) >= 4 and w not in _GENERIC
             and w not in ("risk", "risks", "people", "their", "being", "during")}
    return any(_has(text, stem) for stem in stems | set(RISK_WORDS.get(risk_id, [])))


def _names_kind(kind: str, sentences: list[str]) -> bool:
    words = KIND_WORDS.get(kind)
    if words is None:
        return True  # a kind its name alone shows (a town, a village, a site)
    return any(_affirmed(sentence, word) for sentence in sentences for word in words)


def _affirmed(sentence: str, word: str) -> bool:
    """Whether the sentence names the word, not just after a denial ("do not say it gives legal aid")."""
    padded = f" {sentence}"
    start = padded.find(f" {word}")
    while start >= 0:
        before = padded[:start].split()[-6:]
        if not _NEGATION.search(" ".join(before)):
            return True
        start = padded.find(f" {word}", start + 1)
    return False
