"""A briefing assembled from a route: each leg's risks and what to do, the rights in each country crossed, the
service points along the way, emergency guidance, and a closing slide with every source used.

Only content from the store goes on the slides, so every fact traces to a citation on the closing slide.
"""

from __future__ import annotations

import re

from fieldkit.briefing.deck import BriefingError, Deck, ReviewState, RouteSpecError, Slide, unique_citations
from fieldkit.core.countries import COUNTRIES
from fieldkit.core.marker import N_
from fieldkit.core.registry import REGISTRY
from fieldkit.i18n.catalog import _, language, ngettext, route_arrow, speaking
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.review import source_note
from fieldkit.i18n.vocabulary import audience as audience_words
from fieldkit.i18n.vocabulary import modes
from fieldkit.store.models import Citation, Entry
from fieldkit.store.routes import Journey, find_journey, load_legs
from fieldkit.store.store import Store

RIGHT_TOPICS_FIRST = ("asylum-access", "humanitarian-residence", "smuggled-migrants", "children", "trafficking")
EMERGENCY_KINDS = ("emergency", "medical", "mobile-team", "mine-awareness", "psychosocial")
SERVICES_PER_COUNTRY = 4
MINUTES_PER_SLIDE = 3
_WHAT_TO_DO = re.compile(r"what (you|to) (can )?do", re.IGNORECASE)


class _Collector:
    """Reads entries in the deck's language and remembers their citations for the closing slide."""

    def __init__(self, store: Store, lang: str):
        self.store, self.lang = store, lang
        self.citations: list[Citation] = []
        self.entries: list[Entry] = []

    def get(self, entry_id: str) -> Entry | None:
        entry = self.store.get(entry_id, self.lang)
        if entry is not None:
            self.citations += entry.sources
            self.entries.append(entry)
        return entry

    def need(self, entry_id: str) -> Entry:
        """An entry the store itself named (a leg of a journey, a right in a list): it is there."""
        entry = self.get(entry_id)
        if entry is None:
            raise LookupError(f"the content names entry {entry_id!r} but does not hold it")
        return entry


def parse_route(spec: str) -> list[str]:
    """"MK..RS..BA..HR" -> ["MK", "RS", "BA", "HR"]; raises ValueError for anything else."""
    codes = [part.strip().upper() for part in spec.split("..")]
    if len(codes) < 2 or any(code not in COUNTRIES for code in codes):
        raise RouteSpecError(N_("--route takes country codes joined by '..', e.g. MK..RS..BA..HR, not {spec}"),
                             spec=repr(spec))
    return codes


def generate_route_briefing(store: Store, countries: list[str], *, audience: str = "staff", lang: str = "en") -> Deck:
    """A briefing for a journey through `countries`, for `audience`, in `lang` (English where untranslated)."""
    with speaking(lang):
        return _route_briefing(store, countries, audience=audience, lang=lang)


def generate_country_briefing(store: Store, country: str, *, audience: str = "staff", lang: str = "en") -> Deck:
    """A briefing on one country, for `audience`, in `lang` (English where untranslated)."""
    with speaking(lang):
        return _country_briefing(store, country, audience=audience, lang=lang)


def _route_briefing(store: Store, countries: list[str], *, audience: str, lang: str) -> Deck:
    journey = find_journey(load_legs(store, lang), countries)
    if journey is None:
        names = " → ".join(country_name(c) for c in countries)  # shown with the English template's words
        raise BriefingError(N_("no route in the content goes {countries}"), countries=names)
    collect = _Collector(store, lang)
    crossed = journey.countries
    route_name = route_arrow().join(country_name(c, language()) for c in crossed)
    slides = [_title_slide(route_name, audience, journey, store)]
    slides += [_leg_slide(collect, leg_id, number) for number, leg_id in enumerate((leg.id for leg in journey.legs), 1)]
    slides += [s for s in (_rights_slide(collect, code, audience) for code in crossed) if s]
    slides.append(_services_slide(collect, journey, crossed))
    slides.append(_emergency_slide(collect, crossed))
    return _finish(store, collect, slides, title=_("Briefing: {route}").format(route=route_name), audience=audience,
                   lang=lang)


def _country_briefing(store: Store, country: str, *, audience: str, lang: str) -> Deck:
    if country not in COUNTRIES:
        raise BriefingError(N_("unknown country code {code}"), code=repr(country))
    collect = _Collector(store, lang)
    name = country_name(country, language())
    slides = [Slide(title=_("Briefing: {route}").format(route=name), body=_audience_line(audience, store))]
    risks = store.list_entries(entry_type="risk", country=country, lang=lang)[:6]
    if risks:
        slides.append(_entries_slide(collect, _("Main risks in {country}").format(country=name), [r["id"] for r in risks]))
    rights = _rights_slide(collect, country, audience)
    if rights:
        slides.append(rights)
    slides.append(_services_slide(collect, None, [country]))
    slides.append(_emergency_slide(collect, [country]))
    return _finish(store, collect, slides, title=_("Briefing: {route}").format(route=name), audience=audience,
                   lang=lang)


def _finish(store: Store, collect: _Collector, slides: list[Slide], *, title: str, audience: str, lang: str) -> Deck:
    meta = store.meta()
    sources = unique_citations(collect.citations)
    slides.append(_closing_slide(sources, meta.get("content_date", ""), meta.get("content_version", "")))
    return Deck(title=title, audience=audience, duration=MINUTES_PER_SLIDE * len(slides), lang=lang, slides=slides,
                sources=sources, content_version=meta.get("content_version", ""),
                content_date=meta.get("content_date", ""), review=ReviewState.of(collect.entries))


def _audience_line(audience: str, store: Store) -> str:
    meta = store.meta()
    return "\n\n".join([
        _("For: {audience}").format(audience=audience_words(audience)),
        _("Content of {date} (version {version}). Every fact comes from the sources on the last slide.").format(
            date=meta.get("content_date", ""), version=meta.get("content_version", "")),
    ])


def _title_slide(route_name: str, audience: str, journey: Journey, store: Store) -> Slide:
    legs = ngettext("{count} leg", "{count} legs", len(journey.legs)).format(count=len(journey.legs))
    return Slide(title=_("Briefing: {route}").format(route=route_name), body=f"{legs}\n\n{_audience_line(audience, store)}")


def _leg_slide(collect: _Collector, leg_id: str, number: int) -> Slide:
    leg = collect.need(leg_id)
    lines = [leg.summary, ""]
    details = leg.details
    mode, terrain = _("Mode"), _("Terrain")
    lines.append(f"*{mode}:* {modes(details.get('mode', []))} · *{terrain}:* {details.get('terrain', '')}")
    fallback = leg.fallback
    risks = [r for r in (collect.get(risk_id) for risk_id in details.get("risks", [])) if r is not None]
    if risks:
        main_risks = _("Main risks")
        lines += ["", f"**{main_risks}**", ""]
        lines += [f"- **{risk.title}**: {risk.summary}" for risk in risks[:4]]
        todo = [item for risk in risks[:3] for item in _what_to_do(collect.store, risk)][:5]
        if todo:
            what_to_do = _("What to do")
            lines += ["", f"**{what_to_do}**", ""] + [f"- {item}" for item in todo]
        fallback = fallback or any(r.fallback for r in risks)
    notes = details.get("period", "")
    return Slide(title=_("Leg {number}:").format(number=number) + " " + leg.title, body="\n".join(lines),
                 notes=notes, fallback=fallback)


def _what_to_do(store: Store, risk: Entry) -> list[str]:
    """Bullet points of a risk's "What you can do" section (found by its position in the English original)."""
    english = store.get(risk.id, "en") if risk.lang != "en" else risk
    if english is None:
        return []
    headings = re.findall(r"^##\s+(.+)$", english.body, re.MULTILINE)
    index = next((i for i, h in enumerate(headings) if _WHAT_TO_DO.search(h)), None)
    if index is None:
        return []
    sections = re.split(r"^##\s+.+$", risk.body, flags=re.MULTILINE)[1:]
    if index >= len(sections):
        return []
    return _list_items(sections[index])[:3]


def _list_items(markdown: str) -> list[str]:
    """Top-level list items of a Markdown section, each with its wrapped continuation lines joined."""
    items: list[str] = []
    for line in markdown.split("\n"):
        bullet = re.match(r"^[-*]\s+(.+)$", line)
        if bullet:
            items.append(bullet.group(1).strip())
        elif items and line.startswith((" ", "\t")) and line.strip():
            items[-1] += " " + line.strip()
        elif not line.strip() and items:
            continue
    return items


def _rights_slide(collect: _Collector, country: str, audience: str) -> Slide | None:
    rights = collect.store.list_entries(entry_type="right", country=country, lang=collect.lang)
    if not rights:
        return None
    entries = [collect.need(r["id"]) for r in rights]
    entries.sort(key=lambda e: RIGHT_TOPICS_FIRST.index(e.details.get("topic")) if e.details.get("topic") in RIGHT_TOPICS_FIRST else 99)
    lines = []
    for entry in entries[:4]:
        lines.append(f"- **{entry.title}**: {entry.summary}")
        if audience in ("staff", "volunteers"):
            for basis in entry.details.get("legal_basis", []):
                article = _(", Article {number}").format(number=basis["article"]) if basis.get("article") else ""
                lines.append(f"  - *{basis['law']}{article}*")
    return Slide(title=_("Rights in {country}").format(country=country_name(country, language())), body="\n".join(lines),
                 fallback=any(e.fallback for e in entries[:4]))


def _services_slide(collect: _Collector, journey: Journey | None, countries: list[str]) -> Slide:
    store, ids = collect.store, []
    if journey is not None:
        places = [p for leg in journey.legs for p in (leg.start, *leg.via, leg.end)]
        ids += store.entries_at("service", REGISTRY["service"].located_by or "place", places)
    for code in countries:
        ids += [s["id"] for s in store.list_entries(entry_type="service", country=code, lang=collect.lang)][:SERVICES_PER_COUNTRY]
    ids = list(dict.fromkeys(ids))
    return _entries_slide(collect, _("Service points along the way"), ids, empty=_("No service points known."))


def _emergency_slide(collect: _Collector, countries: list[str]) -> Slide:
    store, ids = collect.store, []
    for code in countries:
        for service in store.list_entries(entry_type="service", country=code, lang=collect.lang):
            entry = store.get(service["id"], collect.lang)
            if entry is not None and set(entry.details.get("kind", [])) & set(EMERGENCY_KINDS):
                ids.append(entry.id)
    slide = _entries_slide(collect, _("In an emergency"), ids[:6], empty=_("No emergency services known."))
    slide.body = _("Call the local emergency number first. Stay with the person. Then refer:") + "\n\n" + slide.body
    return slide


def _entries_slide(collect: _Collector, title: str, ids: list[str], *, empty: str = "") -> Slide:
    entries = [e for e in (collect.get(i) for i in ids) if e is not None]
    body = "\n".join(f"- **{e.title}**: {e.summary}" for e in entries) or empty
    return Slide(title=title, body=body, fallback=any(e.fallback for e in entries))


def _closing_slide(sources: list[Citation], content_date: str, content_version: str) -> Slide:
    by_document: dict[str, list[Citation]] = {}
    for citation in sources:
        by_document.setdefault(citation.doc, []).append(citation)
    lines = [_("Content of {date} (version {version}).").format(date=content_date, version=content_version), ""]
    for doc, citations in by_document.items():
        first = citations[0]
        published = f" ({first.published})" if first.published else ""
        lines.append(f"- **{first.title or doc}**{published}" + (f" — {first.url}" if first.url else ""))
        for citation in citations:
            quote = f": “{citation.quote}”" if citation.quote else ""
            outside = source_note(citation)  # a fact from outside the shared documents, and when to check it again
            lines.append(f"  - {citation.where or ''}{quote}" + (f" ({outside})" if outside else ""))
    return Slide(title=_("Sources"), body="\n".join(lines))
