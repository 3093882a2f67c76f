"""Generate SYNTHETIC fieldkit content at a chosen scale, for benchmarks.

Writes the documented content format (docs/content-format.md) to a folder outside the repository:

    OUT/sources.yaml                 one url-only source, so no quote file is needed
    OUT/<type>/<id>.<lang>.md        English originals and translations in ar, fa, ps, ur, tr, fr, bs
    OUT/bench-queries.json           query words for bench/search_bench.py (not content; `check` ignores it)

Scale 1 is about 500 documents (entries plus translations), the size of the real content; scale 100 is about
50,000. Output is deterministic for a given --seed and --scale: the same bytes every run.

Text is nonsense with a realistic shape: titles of 2-6 words, bodies of 100-400 words drawn with a Zipf-like
frequency from a vocabulary of 4,000 made-up words per language, so there are very common and very rare terms.
Latin-script languages carry diacritics (bs: ć č š ž đ; tr; fr), a quarter of the Bosnian documents are in
Serbian Cyrillic, Arabic text uses ي/ك where Persian, Urdu and Pashto use ی/ک (and some Persian words are
Arabic loans, written with the Persian letters), and some Arabic words carry harakat. Place names (with
diacritics) appear in titles and bodies in every language. Every type is represented with its required fields
and every reference (from, to, via, risks, places, place, related) points at an entry of the right type, so
`fieldkit check --content OUT` passes.

    .venv/bin/python bench/generate.py --scale 100 --out /tmp/fk-x100
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fieldkit.content.review import original_hash  # noqa: E402
from fieldkit.core import languages as _languages  # noqa: E402
from fieldkit.core import vocabularies as _vocabularies  # noqa: E402

# The languages with a catalog of their own (variants such as fa-AF read their base language's content).
LANGS = ("en", *_languages.catalog_codes())
TRANSLATION_LANGS = LANGS[1:]
ENTRIES_PER_SCALE = 125  # x 4 documents per entry on average = 500 documents at scale 1
VOCABULARY = 4000  # words per language
SOURCE_ID = "synthetic"
# Entry types and their share of entries.
TYPE_SHARES = (("place", 0.30), ("route", 0.15), ("risk", 0.10), ("right", 0.15), ("service", 0.20), ("glossary", 0.10))
ID_PREFIX = {"place": "", "route": "route-", "risk": "risk-", "right": "right-", "service": "svc-", "glossary": "term-"}
# How many of the 7 other languages an entry is translated into (mean 3.0, so 4 documents per entry).
TRANSLATION_COUNTS = (0, 1, 2, 3, 4, 5, 6, 7)
TRANSLATION_WEIGHTS = (8, 12, 18, 22, 18, 12, 7, 3)

# Value lists from the registry's vocabularies (fieldkit/core: standard library only, cheap to import).
PLACE_KINDS = _vocabularies.PLACE_KINDS.values
MODES = _vocabularies.MODES.values
ROUTE_STATUS = _vocabularies.ROUTE_STATUS.values
EXPOSED = _vocabularies.EXPOSED.values
RIGHT_TOPICS = _vocabularies.RIGHT_TOPICS.values
SERVICE_KINDS = _vocabularies.SERVICE_KINDS.values
# Countries with their bounding boxes (min_lat, min_lon, max_lat, max_lon), shrunk a little inside those of
# fieldkit/core/countries.py so every generated coordinate passes the check.
COUNTRY_BOXES = {
    "BA": (42.6, 15.8, 45.2, 19.6), "RS": (42.3, 18.9, 46.1, 23.0), "HR": (42.4, 13.5, 46.5, 19.4),
    "ME": (41.9, 18.5, 43.5, 20.3), "MK": (40.9, 20.5, 42.3, 23.0), "AL": (39.7, 19.3, 42.6, 21.0),
    "XK": (41.9, 20.1, 43.2, 21.7), "HU": (45.8, 16.2, 48.5, 22.8), "GR": (34.9, 19.4, 41.7, 29.6),
    "BG": (41.3, 22.4, 44.2, 28.6), "SI": (45.5, 13.4, 46.8, 16.6), "TR": (35.9, 25.7, 42.1, 44.8),
}
PLACE_COUNTRIES = tuple(COUNTRY_BOXES)
PLACE_COUNTRY_WEIGHTS = (20, 18, 12, 6, 6, 5, 5, 6, 8, 5, 4, 5)
RIGHT_COUNTRIES = ("BA", "RS", "HR", "ME", "MK", "AL", "XK", "HU", "GR", "BG", "SI", "EU")

# --- word shapes per language ----------------------------------------------------------------------------------

LATIN = {
    "en": dict(onsets="b c d f g h l m n p r s t v w br cr dr fl gr pl pr sh st th tr ch wh".split(),
               vowels="a e i o u ea ai ou ee oo".split(), codas=["", "", "n", "r", "s", "t", "l", "nd", "st", "ng", "ck"]),
    "fr": dict(onsets="b c d f g j l m n p r s t v ch gr pl tr qu br".split(),
               vowels="a e i o u é è ê à ou ai au eu oi".split(), codas=["", "", "n", "r", "s", "t", "l", "x", "nt", "ç"]),
    "tr": dict(onsets="b c ç d f g h k l m n p r s ş t v y z".split(),
               vowels="a e ı i o ö u ü".split(), codas=["", "", "k", "l", "m", "n", "r", "s", "ş", "t", "z", "ğ"]),
    "bs": dict(onsets="b c č ć d dž đ g h j k l lj m n nj p r s š t v z ž br dr gr kr pr sr st tr".split(),
               vowels="a e i o u".split(), codas=["", "", "", "c", "č", "ć", "k", "n", "r", "š", "ž", "j", "v"]),
}
# Letters that make a Bosnian word "have diacritics".
BS_DIACRITICS = set("čćšžđ")

# Serbian Cyrillic for Bosnian Latin (digraphs first).
_TO_CYRILLIC_DIGRAPHS = (("dž", "џ"), ("lj", "љ"), ("nj", "њ"), ("Dž", "Џ"), ("Lj", "Љ"), ("Nj", "Њ"))
_TO_CYRILLIC = dict(zip("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж"))
_TO_CYRILLIC |= {k.upper(): v.upper() for k, v in _TO_CYRILLIC.items()}

ARABIC_BASE = list("ابتثجحخدذرزسشصضطظعغفقلمنهو")
ARABIC_ONLY = list("يكة")  # Arabic yeh, Arabic kaf, teh marbuta
PERSIAN_YK = list("یک")  # Farsi yeh, keheh
SCRIPT_EXTRA = {"ar": ARABIC_ONLY, "fa": PERSIAN_YK + list("پچژگ"), "ur": PERSIAN_YK + list("ٹڈڑںےہھگ"),
                "ps": PERSIAN_YK + list("ټډړښږځڅۍ")}
HARAKAT = ("\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b")  # fatha, damma, kasra, shadda, sukun, fathatan
ARABIC_TO_PERSIAN = str.maketrans({"ي": "ی", "ك": "ک"})
PERSIAN_TO_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})


def to_cyrillic(text: str) -> str:
    for latin, cyrillic in _TO_CYRILLIC_DIGRAPHS:
        text = text.replace(latin, cyrillic)
    return "".join(_TO_CYRILLIC.get(ch, ch) for ch in text)


def strip_diacritics(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D").replace("ı", "i")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def has_yk(word: str, letters: str) -> bool:
    return any(ch in letters for ch in word)


def latin_word(rng: random.Random, lang: str) -> str:
    shape = LATIN[lang]
    syllables = rng.choices((1, 2, 3, 4), weights=(2, 5, 4, 1))[0]
    parts = [rng.choice(shape["onsets"]) + rng.choice(shape["vowels"]) for _ in range(syllables)]
    return "".join(parts) + rng.choice(shape["codas"])


def arabic_word(rng: random.Random, lang: str) -> str:
    extra = [ch for ch in SCRIPT_EXTRA[lang] if ch != "ة"]
    letters = ARABIC_BASE + extra * 3  # script-specific letters are frequent, as in real text
    word = "".join(rng.choice(letters) for _ in range(rng.randint(3, 7)))
    return word + "ة" if lang == "ar" and rng.random() < 0.15 else word  # teh marbuta only ends a word


def make_vocabulary(rng: random.Random, lang: str, arabic_words: list[str] | None = None) -> list[str]:
    """VOCABULARY distinct words, in frequency order (the first is the most common)."""
    seen: set[str] = set()
    vocabulary: list[str] = []
    while len(vocabulary) < VOCABULARY:
        if lang in LATIN:
            word = latin_word(rng, lang)
        elif lang == "fa" and arabic_words and rng.random() < 0.15:
            word = rng.choice(arabic_words).translate(ARABIC_TO_PERSIAN)  # an Arabic loan in Persian letters
        else:
            word = arabic_word(rng, lang)
        if len(word) >= 2 and word not in seen:
            seen.add(word)
            vocabulary.append(word)
    # Common words tend to be short ones, as in real languages (with plenty of exceptions).
    noise = {word: rng.uniform(-3, 3) for word in vocabulary}
    return sorted(vocabulary, key=lambda word: len(word) + noise[word])


def zipf_cumulative(n: int, s: float = 1.0, q: float = 2.7) -> list[float]:
    """Cumulative Zipf-Mandelbrot weights 1/(rank+q)^s for ranks 1..n."""
    return list(itertools.accumulate(1.0 / (rank + q) ** s for rank in range(1, n + 1)))


# --- the corpus ------------------------------------------------------------------------------------------------

@dataclass
class Language:
    code: str
    words: list[str]
    cumulative: list[float]
    doc_freq: Counter = field(default_factory=Counter)

    def sample(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=k)


@dataclass
class Entry:
    id: str
    type: str
    fields: dict
    name: str  # the place name (or other proper name) that heads the title, "" if none
    title_words: int


class Generator:
    def __init__(self, scale: float, seed: int):
        self.rng = random.Random(seed)
        self.scale = scale
        vocab_rng = random.Random(seed * 7919 + 1)  # the vocabulary is the same at every scale
        arabic = make_vocabulary(vocab_rng, "ar")
        self.langs = {code: Language(code, arabic if code == "ar" else make_vocabulary(vocab_rng, code, arabic),
                                     zipf_cumulative(VOCABULARY)) for code in LANGS}
        self.names = self._place_names(vocab_rng, 20000)
        self.name_freq: Counter = Counter()
        self.documents = 0
        self.bytes = 0
        self.hashes: dict[str, str] = {}  # entry id -> original_hash() of its English text, for its translations

    @staticmethod
    def _place_names(rng: random.Random, count: int) -> list[str]:
        """Bosnian-looking proper names, most with diacritics (Kladušić, Đurevac), some of two words."""
        names: list[str] = []
        seen: set[str] = set()
        while len(names) < count:
            word = latin_word(rng, "bs")
            if len(word) < 4 or word in seen:
                continue
            seen.add(word)
            name = word[0].upper() + word[1:]
            if rng.random() < 0.2:
                second = latin_word(rng, "bs")
                name = f"{name} {second[0].upper()}{second[1:]}"
            names.append(name)
        return names

    # --- entries ---
    def plan(self) -> list[Entry]:
        total = max(len(TYPE_SHARES), round(ENTRIES_PER_SCALE * self.scale))
        counts = {t: max(1, round(total * share)) for t, share in TYPE_SHARES}
        counts["place"] = max(counts["place"], 3)
        ids: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        name_pool = iter(self.names)
        for entry_type, count in counts.items():
            ids[entry_type] = []
            for n in range(1, count + 1):
                name = next(name_pool) if entry_type in ("place", "service", "route", "glossary") else ""
                slug = strip_diacritics(name.lower()).replace(" ", "-") if name else ""
                entry_id = f"{ID_PREFIX[entry_type]}{slug + '-' if slug else ''}{n:05d}"
                ids[entry_type].append(entry_id)
                names[entry_id] = name
        all_ids = [i for t in ids for i in ids[t]]
        rng = self.rng
        entries = []
        for entry_type, type_ids in ids.items():
            for entry_id in type_ids:
                fields = self._type_fields(entry_type, ids)
                if rng.random() < 0.4:
                    fields["related"] = sorted({i for i in rng.sample(all_ids, min(3, len(all_ids))) if i != entry_id})
                    if not fields["related"]:
                        del fields["related"]
                entries.append(Entry(entry_id, entry_type, fields, names[entry_id], rng.randint(2, 6)))
        return entries

    def _type_fields(self, entry_type: str, ids: dict[str, list[str]]) -> dict:
        rng = self.rng
        f: dict = {}
        if entry_type == "place":
            country = rng.choices(PLACE_COUNTRIES, weights=PLACE_COUNTRY_WEIGHTS)[0]
            f["country"] = country
            f["kind"] = rng.choice(PLACE_KINDS)
            if rng.random() < 0.6:
                lat0, lon0, lat1, lon1 = COUNTRY_BOXES[country]
                f["lat"] = round(rng.uniform(lat0, lat1), 2)
                f["lon"] = round(rng.uniform(lon0, lon1), 2)
                f["coords_source"] = SOURCE_ID
        elif entry_type == "route":
            start, end = rng.sample(ids["place"], 2)
            f["from"], f["to"] = start, end
            via = [p for p in rng.sample(ids["place"], min(len(ids["place"]), rng.randint(0, 2))) if p not in (start, end)]
            if via:
                f["via"] = via
            f["countries"] = sorted(set(rng.sample(PLACE_COUNTRIES[:8], rng.randint(1, 3))))
            f["mode"] = sorted(set(rng.sample(MODES, rng.randint(1, 3))))
            f["terrain"] = None  # filled with words below
            if ids["risk"] and rng.random() < 0.7:
                f["risks"] = sorted(set(rng.sample(ids["risk"], min(len(ids["risk"]), rng.randint(1, 3)))))
            f["status"] = rng.choice(ROUTE_STATUS)
        elif entry_type == "risk":
            if rng.random() < 0.8:
                f["countries"] = sorted(set(rng.sample(PLACE_COUNTRIES[:8], rng.randint(1, 3))))
            if rng.random() < 0.6:
                f["places"] = sorted(set(rng.sample(ids["place"], min(len(ids["place"]), rng.randint(1, 3)))))
            f["exposed"] = sorted(set(rng.sample(EXPOSED, rng.randint(1, 3))))
            if rng.random() < 0.7:
                f["refer_to"] = sorted(set(rng.sample(SERVICE_KINDS, rng.randint(1, 3))))
        elif entry_type == "right":
            f["country"] = rng.choice(RIGHT_COUNTRIES)
            f["topic"] = rng.choice(RIGHT_TOPICS)
            f["legal_basis"] = [{"law": None, "article": str(rng.randint(1, 200))} for _ in range(rng.randint(1, 2))]
        elif entry_type == "service":
            f["country"] = rng.choices(PLACE_COUNTRIES, weights=PLACE_COUNTRY_WEIGHTS)[0]
            f["kind"] = sorted(set(rng.sample(SERVICE_KINDS, rng.randint(1, 3))))
            f["organisation"] = None
            if rng.random() < 0.7:
                f["place"] = rng.choice(ids["place"])
            if rng.random() < 0.5:
                f["languages"] = sorted(set(rng.sample(LANGS, rng.randint(1, 4))))
            if rng.random() < 0.3:
                f["hours"] = f"Mon-Fri {rng.randint(7, 10)}:00-{rng.randint(14, 18)}:00"
            if rng.random() < 0.4:
                f["contact"] = {"phone": f"+387 {rng.randint(30, 79)} {rng.randint(100, 999)} {rng.randint(100, 999)}"}
        return f

    # --- text ---
    def words(self, lang: str, k: int, *, cyrillic: bool = False, harakat: bool = False) -> list[str]:
        out = self.langs[lang].sample(self.rng, k)
        if harakat:
            out = [self._with_harakat(w) if self.rng.random() < 0.08 else w for w in out]
        if cyrillic:
            out = [to_cyrillic(w) for w in out]
        return out

    def _with_harakat(self, word: str) -> str:
        position = self.rng.randint(1, len(word))
        return word[:position] + self.rng.choice(HARAKAT) + word[position:]

    def sentence_text(self, lang: str, n: int, names: list[str], cyrillic: bool) -> str:
        words = self.words(lang, n, cyrillic=cyrillic, harakat=lang == "ar")
        for i in range(len(words)):
            if names and self.rng.random() < 0.03:
                name = self.rng.choice(names)
                words[i] = to_cyrillic(name) if cyrillic else name
        if lang in LATIN or cyrillic:
            words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words) + "."

    def body(self, lang: str, names: list[str], cyrillic: bool) -> tuple[str, list[str]]:
        """A Markdown body of 100-400 words: paragraphs, sometimes a heading and a list. Returns (text, words)."""
        target = self.rng.randint(100, 400)
        blocks: list[str] = []
        written = 0
        while written < target:
            roll = self.rng.random()
            if roll < 0.1 and blocks and not blocks[-1].startswith("#") and target - written > 30:
                words = self.words(lang, self.rng.randint(2, 4), cyrillic=cyrillic)
                blocks.append("## " + " ".join(words))
                written += len(words)
            elif roll < 0.2:
                items = []
                for _ in range(self.rng.randint(2, 4)):
                    n = self.rng.randint(4, 10)
                    items.append("- " + self.sentence_text(lang, n, names, cyrillic))
                    written += n
                blocks.append("\n".join(items))
            else:
                sentences = []
                for _ in range(self.rng.randint(2, 5)):
                    n = min(self.rng.randint(6, 18), max(3, target - written))
                    sentences.append(self.sentence_text(lang, n, names, cyrillic))
                    written += n
                    if written >= target:
                        break
                blocks.append(" ".join(sentences))
        text = "\n\n".join(blocks)
        return text, text.split()

    def title(self, entry: Entry, lang: str, cyrillic: bool) -> str:
        n = entry.title_words
        name = entry.name
        if name:
            n = max(1, n - len(name.split()))
        words = self.words(lang, n, cyrillic=cyrillic)
        if lang in LATIN:
            words[0] = words[0][:1].upper() + words[0][1:]
        if name:
            shown = to_cyrillic(name) if cyrillic else name
            return f"{shown} {' '.join(words)}" if entry.type == "place" or self.rng.random() < 0.5 else f"{' '.join(words)} {shown}"
        return " ".join(words)

    # --- files ---
    def write(self, out: Path) -> None:
        entries = self.plan()
        by_id = {e.id: e for e in entries}
        (out / "sources.yaml").write_text(
            f"# Synthetic content for benchmarks, from bench/generate.py (scale {self.scale:g}). Not real.\n"
            f"- id: {SOURCE_ID}\n  title: Synthetic benchmark source\n  publisher: fieldkit bench\n  published: 2025-01\n"
            f"  url: https://example.org/fieldkit-bench\n  note: Made-up text for measuring build and search.\n",
            encoding="utf-8",
        )
        for entry_type, _ in TYPE_SHARES:
            (out / entry_type).mkdir(parents=True, exist_ok=True)
        rng = self.rng
        for entry in entries:
            names = [by_id[i].name for i in self._linked(entry) if by_id[i].name]
            if entry.name:
                names.append(entry.name)
            names += [rng.choice(self.names[: max(1, len(by_id))])]
            langs = ["en"] + sorted(rng.sample(TRANSLATION_LANGS, rng.choices(TRANSLATION_COUNTS, TRANSLATION_WEIGHTS)[0]))
            for lang in langs:
                cyrillic = lang == "bs" and rng.random() < 0.25
                self._write_document(out, entry, lang, names, cyrillic)

    @staticmethod
    def _linked(entry: Entry) -> list[str]:
        out = []
        for key in ("from", "to", "via", "places", "place", "related"):
            value = entry.fields.get(key)
            out += value if isinstance(value, list) else [value] if value else []
        return out

    def _write_document(self, out: Path, entry: Entry, lang: str, names: list[str], cyrillic: bool) -> None:
        rng = self.rng
        title = self.title(entry, lang, cyrillic)
        summary = " ".join(self.sentence_text(lang, rng.randint(8, 20), names, cyrillic) for _ in range(rng.randint(1, 2)))
        body, body_words = self.body(lang, names, cyrillic)
        front = [("id", entry.id), ("type", entry.type), ("title", _q(title)), ("summary", _q(summary))]
        if lang == "en":
            fields = dict(entry.fields)
            if entry.type == "route":
                fields["terrain"] = " ".join(self.words("en", rng.randint(2, 4)))
                if rng.random() < 0.3:
                    fields["period"] = " ".join(self.words("en", rng.randint(3, 8)))
            if entry.type == "right":
                fields["legal_basis"] = [dict(b, law="Law on " + " ".join(self.words("en", 2))) for b in fields["legal_basis"]]
            if entry.type == "service":
                fields["organisation"] = " ".join(self.words("en", rng.randint(1, 3))).title() + " " + rng.choice(
                    ("Association", "Centre", "Foundation", "Network", "Council"))
                if rng.random() < 0.5:
                    fields["access"] = " ".join(self.words("en", rng.randint(4, 10)))
            if entry.type == "glossary":
                fields["aliases"] = sorted(set(self.words("en", rng.randint(1, 3))))
            if rng.random() < 0.5:
                fields["tags"] = sorted(set(self.words("en", rng.randint(1, 3))))
            order = ("country", "kind", "lat", "lon", "coords_source", "from", "to", "via", "countries", "mode",
                     "terrain", "risks", "status", "period", "places", "exposed", "refer_to", "topic", "legal_basis",
                     "organisation", "place", "languages", "hours", "contact", "access", "aliases", "tags", "related")
            front += [(k, _yaml(fields[k])) for k in order if k in fields]
            front.append(("sources", f'\n  - doc: {SOURCE_ID}\n    where: "Section {rng.randint(1, 40)}"'
                                     f'\n    review_by: 2030-01-01'))  # the source is a web page: outside the documents
            front.append(("as_of", f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}"))
            checked = rng.choice((None, "2025-06-01", "2026-01-15", "2026-11-24"))
            if checked:
                front.append(("checked", checked))
            self.hashes[entry.id] = original_hash(title, summary, body)
        else:
            status = rng.choice(("machine", "machine", "reviewed"))
            front.append(("translation", status))
            if status == "reviewed":
                front.append(("reviewed", "{by: bench reviewer, date: 2026-01-15}"))
            front.append(("original_hash", _q(self.hashes[entry.id])))  # quoted: all digits would read as a number
        text = "---\n" + "".join(f"{k}:{v if v.startswith(chr(10)) else ' ' + v}\n" for k, v in front) + "---\n" + body + "\n"
        path = out / entry.type / f"{entry.id}.{lang}.md"
        data = text.encode("utf-8")
        path.write_bytes(data)
        self.documents += 1
        self.bytes += len(data)
        stats = self.langs[lang]
        title_and_text = set(title.split()) | set(body_words) | set(summary.split())
        stats.doc_freq.update(w.strip(".؛") for w in title_and_text)
        self.name_freq.update(n for n in names if n in title or n in body)

    # --- queries for the search benchmark ---
    def queries(self, per_class: int = 20) -> dict:
        """Query texts per class, as a person would type them, with the language each one targets."""
        rng = random.Random(4242)
        latin = ("en", "fr", "tr", "bs")
        classes: dict[str, list[dict]] = {}

        def occurring(lang: str, low: int, high: int) -> list[str]:
            """Words of `lang` whose document frequency is in [low, high], in vocabulary order."""
            df = self.langs[lang].doc_freq
            return [w for w in self.langs[lang].words if low <= df.get(w, 0) <= high]

        docs = max(1, self.documents)
        rare = [(lang, w) for lang in latin for w in occurring(lang, 1, max(2, docs // 1000))[-200:]]
        classes["rare word"] = [{"text": w, "lang": lang} for lang, w in rng.sample(rare, min(per_class, len(rare)))]
        classes["common word"] = [{"text": self.langs[lang].words[rank], "lang": lang}
                                  for lang, rank in ((rng.choice(latin + ("ar", "fa")), rng.randint(0, 9)) for _ in range(per_class))]
        prefixes = []
        for _ in range(per_class):
            lang = rng.choice(latin)
            word = self.langs[lang].words[rng.randint(0, 300)]
            prefixes.append({"text": word[: rng.choice((2, 3))], "lang": lang})
        classes["prefix 2-3 letters"] = prefixes
        with_marks = [n for n in self.names[:500] if set(n.lower()) & BS_DIACRITICS and self.name_freq.get(n)]
        bs_marked = [w for w in occurring("bs", 1, docs)[:1500] if set(w) & BS_DIACRITICS]
        pool = [("", n) for n in with_marks] + [("bs", w) for w in bs_marked]
        classes["no diacritics"] = [{"text": strip_diacritics(t).lower(), "lang": lang or "bs"}
                                    for lang, t in rng.sample(pool, min(per_class, len(pool)))]
        arabic = []
        ar_words = [w for w in occurring("ar", 1, docs)[:2000] if has_yk(w, "يك")]
        # Persian words without پ چ ژ گ, which an Arabic keyboard cannot type.
        fa_words = [w for w in occurring("fa", 1, docs)[:2000] if has_yk(w, "یک") and not has_yk(w, "پچژگ")]
        for i in range(per_class):
            if i % 2 == 0:  # Arabic text, typed on a Persian keyboard
                arabic.append({"text": rng.choice(ar_words).translate(ARABIC_TO_PERSIAN), "lang": "ar"})
            else:  # Persian text, typed on an Arabic keyboard
                arabic.append({"text": rng.choice(fa_words).translate(PERSIAN_TO_ARABIC), "lang": "fa"})
        classes["arabic other variant"] = arabic
        bs_any = occurring("bs", 1, docs)[:1500]
        cyr_pool = [n for n in with_marks[:100]] + bs_any
        classes["cyrillic for latin"] = [{"text": to_cyrillic(t), "lang": "bs"}
                                         for t in rng.sample(cyr_pool, min(per_class, len(cyr_pool)))]
        two = []
        for _ in range(per_class):  # two words as typed, the second still being typed
            lang = rng.choice(latin)
            a, b = self.langs[lang].words[rng.randint(0, 1000)], self.langs[lang].words[rng.randint(0, 1000)]
            two.append({"text": f"{a} {b[: max(3, len(b) - 1)]}", "lang": lang})
        classes["two words (extra)"] = two
        return {"documents": self.documents, "classes": classes}


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _yaml(value) -> str:
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "".join("\n  - " + "\n    ".join(f"{k}: {_q(v)}" for k, v in item.items()) for item in value)
        return "[" + ", ".join(_q(v) if not _plain(v) else v for v in value) + "]"
    if isinstance(value, dict):
        return "".join(f"\n  {k}: {_q(v)}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value}"
    return value if _plain(value) else _q(value)


_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}  # YAML 1.1 reads these as booleans


def _plain(value: str) -> bool:
    return (isinstance(value, str) and value.replace("-", "").isalnum() and value.isascii()
            and value.lower() not in _YAML_WORDS and not value.isdigit())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1, help="1 = ~500 documents, 10 = ~5,000, 100 = ~50,000")
    parser.add_argument("--out", type=Path, help="output folder (default /tmp/fk-x<scale>, or under FIELDKIT_BENCH_DIR); replaced if it exists")
    parser.add_argument("--seed", type=int, default=20251124)
    args = parser.parse_args()
    out = args.out or Path(os.environ.get("FIELDKIT_BENCH_DIR") or "/tmp") / f"fk-x{args.scale:g}"
    repo = Path(__file__).resolve().parent.parent
    if out.resolve() == repo or repo in out.resolve().parents:
        sys.exit(f"refusing to write synthetic content inside the repository: {out}")
    if out.exists():
        if not (out / "sources.yaml").exists() and any(out.iterdir()):
            sys.exit(f"{out} exists and does not look like generated content; not replacing it")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    started = time.perf_counter()
    generator = Generator(args.scale, args.seed)
    generator.write(out)
    queries = generator.queries()
    (out / "bench-queries.json").write_text(json.dumps(queries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    elapsed = time.perf_counter() - started
    entries = sum(1 for _ in out.glob("*/*.en.md"))
    print(f"{out}: {entries} entries, {generator.documents} documents, {generator.bytes / 1e6:.1f} MB, {elapsed:.1f} s")


if __name__ == "__main__":
    main()
