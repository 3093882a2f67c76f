"""A briefing assembled from a route or a country: each leg's risks, the rights in each country crossed, where to
get help, what to do in an emergency, and a closing slide with every source used.

Only content from the store goes on the slides, so every fact traces to a citation on the closing slide. What is
taken, and the words around it, depend on the audience (voice.py): staff get the advice written for staff, people
on the move are told where to get help, in the second person.
"""

from __future__ import annotations

import json
import re

from fieldkit.briefing.deck import BriefingError, Deck, ReviewState, RouteSpecError, Slide, unique_citations
from fieldkit.briefing.voice import EMERGENCY_KINDS, Voice, voice_for
from fieldkit.core.countries import COUNTRIES
from fieldkit.core.marker import N_
from fieldkit.core.registry import REGISTRY
from fieldkit.i18n.catalog import _, language, ngettext, route_arrow, speaking
from fieldkit.i18n.languages import country_name
from fieldkit.i18n.review import source_note
from fieldkit.i18n.vocabulary import audience as audience_words
from fieldkit.i18n.vocabulary import modes, separator
from fieldkit.store.models import Citation, Entry
from fieldkit.store.routes import Journey, by_severity, find_journey, load_legs
from fieldkit.store.store import Store
from fieldkit.text.markdown_plain import escape_markdown

MINUTES_PER_SLIDE = 3
MAX_EMERGENCY_SERVICES = 4
MAX_COUNTRY_RISKS = 6
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
        return _route_briefing(store, countries, voice=voice_for(audience), lang=lang)


def generate_country_briefing(store: Store, country: str, *, audience: str = "staff", lang: str = "en") -> Deck:
    """A briefing on one country, for `audience`, in `lang` (English where untranslated)."""
    with speaking(lang):
        return _country_briefing(store, country, voice=voice_for(audience), lang=lang)


def _route_briefing(store: Store, countries: list[str], *, voice: Voice, lang: str) -> Deck:
    journey = find_journey(load_legs(store, lang), countries)
    if journey is None:
        names = " → ".join(country_name(c) for c in countries)  # shown with the English template's words
        raise BriefingError(N_("no route in the content goes {countries}"), countries=names)
    collect = _Collector(store, lang)
    crossed = journey.countries
    route_name = route_arrow().join(country_name(c, language()) for c in crossed)
    legs = ngettext("{count} leg", "{count} legs", len(journey.legs)).format(count=len(journey.legs))
    slides = [_title_slide(voice, voice.title(route_name), store, legs)]
    slides += [_leg_slide(collect, voice, leg.id, number) for number, leg in enumerate(journey.legs, 1)]
    slides += _help_slides(collect, voice, journey, crossed)
    return _finish(store, collect, slides, title=voice.title(route_name), voice=voice, lang=lang,
                   key=f"route:{'..'.join(countries)}:{voice.audience}")


def _country_briefing(store: Store, country: str, *, voice: Voice, lang: str) -> Deck:
    if country not in COUNTRIES:
        raise BriefingError(N_("unknown country code {code}"), code=repr(country))
    collect = _Collector(store, lang)
    name = country_name(country, language())
    slides = [_title_slide(voice, voice.title(name), store)]
    risks = by_severity(store, store.list_entries(entry_type="risk", country=country, lang=lang))
    if risks:
        title = voice.risks_heading() + " · " + name
        slides.append(_entries_slide(collect, title, [r["id"] for r in risks[:MAX_COUNTRY_RISKS]],
                                     summaries=voice.risk_summaries, kind="risks"))
    slides += _help_slides(collect, voice, None, [country])
    return _finish(store, collect, slides, title=voice.title(name), voice=voice, lang=lang,
                   key=f"country:{country}:{voice.audience}")


def _finish(store: Store, collect: _Collector, slides: list[Slide], *, title: str, voice: Voice, lang: str,
            key: str) -> Deck:
    meta = store.meta()
    sources = unique_citations(collect.citations)
    slides.append(_closing_slide(sources, meta.get("content_date", ""), meta.get("content_version", "")))
    return Deck(title=title, audience=voice.audience, duration=MINUTES_PER_SLIDE * len(slides), lang=lang,
                slides=slides, sources=sources, content_version=meta.get("content_version", ""),
                content_date=meta.get("content_date", ""), key=key, intro=voice.opening(),
                review=ReviewState.of(collect.entries))


def _title_slide(voice: Voice, title: str, store: Store, legs: str = "") -> Slide:
    meta = store.meta()
    lines = [voice.opening()] if voice.opening() else []
    if legs and not voice.personal:
        lines.append(legs)
    lines.append(_("For: {audience}").format(audience=audience_words(voice.audience)))
    if voice.personal:
        lines.append(_("Information of {date}, from the published reports named at the end.").format(
            date=meta.get("content_date", "")))
    else:
        lines.append(_("Content of {date} (version {version}). Every fact comes from the sources on the last "
                       "slide.").format(date=meta.get("content_date", ""), version=meta.get("content_version", "")))
    return Slide(title=title, body="\n\n".join(lines), kind="title")


def _leg_slide(collect: _Collector, voice: Voice, leg_id: str, number: int) -> Slide:
    leg = collect.need(leg_id)
    details = leg.details
    lines = [] if voice.child else [escape_markdown(leg.summary)]
    if voice.leg_details:
        mode, terrain = _("Mode"), _("Terrain")
        lines += ["", f"*{mode}:* {modes(details.get('mode', []))} · *{terrain}:* {escape_markdown(details.get('terrain', ''))}"]
    risks = [r for r in (collect.get(risk_id) for risk_id in details.get("risks", [])) if r is not None]
    risks = risks[: voice.risks_per_leg]
    fallback = leg.fallback or any(r.fallback for r in risks)
    names = separator().join(_md(risk.title) for risk in risks)
    brief = [*lines, "", f"**{voice.risks_heading()}:** {names}"] if risks else list(lines)
    if risks and voice.risk_summaries:
        lines += ["", f"**{voice.risks_heading()}**", ""]
        lines += [f"- **{_md(risk.title)}**: {_md(risk.summary)}" for risk in risks]
    elif risks:
        lines += ["", f"**{voice.risks_heading()}:** {names}"]
    if voice.staff_advice:
        todo = [item for risk in risks for item in _what_to_do(collect.store, risk)[:1]]
        if todo:
            what_to_do = _("What to do")  # outside the f-string, where the catalog extractor finds it
            lines += ["", f"**{what_to_do}**", ""] + [f"- {item}" for item in todo]
            brief += ["", f"**{what_to_do}**", "", f"- {todo[0]}"]
    return Slide(title=voice.leg_title(number, leg.title), body="\n".join(lines).strip(),
                 brief="\n".join(brief).strip() if voice.risk_summaries else "",
                 notes=details.get("period", ""), fallback=fallback, kind="leg")


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
    return items


def _help_slides(collect: _Collector, voice: Voice, journey: Journey | None, countries: list[str]) -> list[Slide]:
    """Rights, services and emergencies. A person on the move reads what to do in an emergency first and their
    rights last; staff the other way round. A service is listed once, in the emergency slide if it is there."""
    emergency, shown = _emergency_slide(collect, voice, countries)
    services = _services_slide(collect, voice, journey, countries, leave_out=shown)
    rights = _rights_slides(collect, voice, countries)
    if voice.personal:
        return [emergency, services, *rights]
    return [*rights, services, emergency]


def _rights(collect: _Collector, voice: Voice, country: str) -> list[Entry]:
    """The country's rights on the voice's topics, in the voice's order."""
    listed = collect.store.list_entries(entry_type="right", country=country, lang=collect.lang)
    topics = collect.store.field_values("right", "topic")
    wanted = [r["id"] for r in listed if topics.get(r["id"]) in voice.right_topics]
    wanted.sort(key=lambda entry_id: voice.right_topics.index(topics[entry_id]))
    return [e for e in (collect.get(i) for i in wanted[: voice.rights_per_country]) if e is not None]


def _rights_slides(collect: _Collector, voice: Voice, countries: list[str]) -> list[Slide]:
    if voice.personal:  # one slide: a line per country
        lines, fallback = [], False
        for code in countries:
            for entry in _rights(collect, voice, code):
                lines.append(f"- **{country_name(code, language())}**: {_md(entry.summary)}")
                fallback = fallback or entry.fallback
        if not lines:
            return []
        title = _("Your rights") if len(countries) > 1 else voice.rights_title(country_name(countries[0], language()))
        return [Slide(title=title, body="\n".join(lines), fallback=fallback, kind="rights")]
    slides = []
    for code in countries:
        entries = _rights(collect, voice, code)
        if not entries:
            continue
        lines, brief = [], []
        for entry in entries:
            lines.append(f"- **{_md(entry.title)}**: {_md(entry.summary)}")
            brief.append(f"- **{_md(entry.title)}**")
            if voice.legal_basis:
                for basis in entry.details.get("legal_basis", []):
                    article = _(", Article {number}").format(number=basis["article"]) if basis.get("article") else ""
                    lines.append(f"  - *{_md(basis['law'] + article)}*")
                    brief.append(lines[-1])
        slides.append(Slide(title=voice.rights_title(country_name(code, language())), body="\n".join(lines),
                            brief="\n".join(brief), fallback=any(e.fallback for e in entries), kind="rights"))
    return slides


def _service_kinds(store: Store) -> dict[str, list[str]]:
    """Service id -> its kinds."""
    kinds = store.field_values("service", "kind")  # lists come back as JSON text
    return {i: json.loads(k) if isinstance(k, str) else list(k or []) for i, k in kinds.items()}


def _services_of(collect: _Collector, voice: Voice, country: str) -> list[str]:
    """Ids of a country's services of the kinds the voice lists, those that help most directly first."""
    store = collect.store
    kinds = _service_kinds(store)
    ids = [s["id"] for s in store.list_entries(entry_type="service", country=country, lang=collect.lang)]
    if voice.service_kinds is not None:
        wanted = voice.service_kinds
        ids = [i for i in ids if set(kinds.get(i) or []) & set(wanted) and voice.may_send_to(kinds[i])]
        ids.sort(key=lambda i: min(wanted.index(k) for k in (kinds.get(i) or []) if k in wanted))
    return ids


def _services_slide(collect: _Collector, voice: Voice, journey: Journey | None, countries: list[str], *,
                    leave_out: list[str]) -> Slide:
    store, ids = collect.store, list(leave_out)
    if journey is not None:
        places = [p for leg in journey.legs for p in (leg.start, *leg.via, leg.end)]
        at_places = store.entries_at("service", REGISTRY["service"].located_by or "place", places)
        if voice.service_kinds is not None:
            kinds = _service_kinds(store)
            at_places = [i for i in at_places
                         if set(kinds.get(i) or []) & set(voice.service_kinds) and voice.may_send_to(kinds[i])]
        ids += at_places
    for code in countries:
        ids += [i for i in _services_of(collect, voice, code) if i not in ids][: voice.services_per_country]
    ids = [i for i in dict.fromkeys(ids) if i not in leave_out]
    if voice.personal:
        return _help_slide(collect, voice.services_title(), ids, empty=_("No service points known."), kind="services")
    # Names only: each title says what the service is; its entry has the rest.
    return _entries_slide(collect, voice.services_title(), ids, empty=_("No service points known."), summaries=False,
                          kind="services")


def _emergency_slide(collect: _Collector, voice: Voice, countries: list[str]) -> tuple[Slide, list[str]]:
    """General advice (marked: the sources give no emergency numbers), then the emergency, medical and protection
    services the content names in these countries; and the ids of those services."""
    store, ids = collect.store, []
    kinds = _service_kinds(store)
    for code in countries:
        for service in store.list_entries(entry_type="service", country=code, lang=collect.lang):
            if set(kinds.get(service["id"]) or []) & set(EMERGENCY_KINDS) and voice.may_send_to(kinds[service["id"]]):
                ids.append(service["id"])
    ids = list(dict.fromkeys(ids))[:MAX_EMERGENCY_SERVICES]
    title = _("In an emergency")
    if voice.personal:
        slide = _help_slide(collect, title, ids, empty=voice.no_help_known(), kind="emergency")
    else:
        slide = _entries_slide(collect, title, ids, empty=voice.no_help_known(), summaries=False, kind="emergency")
    slide.body = voice.emergency_advice() + "\n\n" + slide.body
    return slide, ids


def _entries_slide(collect: _Collector, title: str, ids: list[str], *, empty: str = "", summaries: bool = True,
                   kind: str = "") -> Slide:
    entries = [e for e in (collect.get(i) for i in ids) if e is not None]
    if summaries:
        body = "\n".join(f"- **{_md(e.title)}**: {_md(e.summary)}" for e in entries) or empty
    else:
        body = "\n".join(f"- **{_md(e.title)}**" for e in entries) or empty
    return Slide(title=title, body=body, fallback=any(e.fallback for e in entries), kind=kind)


def _help_slide(collect: _Collector, title: str, ids: list[str], *, empty: str, kind: str) -> Slide:
    """Services for a person looking for help: the name, where it is, and how to reach it when a source says."""
    entries = [e for e in (collect.get(i) for i in ids) if e is not None]
    lines = []
    for entry in entries:
        where = entry.details.get("place")
        # The place's name without its note in brackets, and not where the service's name already says it.
        names = {collect.store.title_of(where, lang)[0].split(" (")[0] for lang in (collect.lang, "en")} if where else set()
        place = collect.store.title_of(where, collect.lang)[0].split(" (")[0] if where else ""
        if any(name in entry.title for name in names):
            place = ""
        elif not where and entry.country and country_name(entry.country, language()) not in entry.title:
            place = country_name(entry.country, language())
        contact = entry.details.get("contact") or {}
        reach = separator().join(str(contact[part]) for part in ("phone", "url", "address") if contact.get(part))
        line = f"- **{_md(entry.title)}**" + (f" ({_md(place)})" if place else "")
        lines.append(line + (f": {_md(reach)}" if reach else ""))
    return Slide(title=title, body="\n".join(lines) or empty, fallback=any(e.fallback for e in entries), kind=kind)


def _md(text: str) -> str:
    """A title or summary (plain text in the content) inside a slide's Markdown: shown as written."""
    return escape_markdown(text)


def _closing_slide(sources: list[Citation], content_date: str, content_version: str) -> Slide:
    """Every source used, with its quotes as plain text: a section named "3. Collaboration" or a quote with
    `**` in it stays what the document says instead of turning into a list or bold type."""
    by_document: dict[str, list[Citation]] = {}
    for citation in sources:
        by_document.setdefault(citation.doc, []).append(citation)
    lines = [_("Content of {date} (version {version}).").format(date=content_date, version=content_version), ""]
    for doc, citations in by_document.items():
        first = citations[0]
        published = f" ({first.published})" if first.published else ""
        url = f" — {escape_markdown(first.url)}" if first.url else ""
        lines.append(f"- **{escape_markdown(first.title or doc)}**{escape_markdown(published)}{url}")
        for citation in citations:
            quote = f": “{escape_markdown(citation.quote)}”" if citation.quote else ""
            outside = source_note(citation)  # a fact from outside the shared documents, and when to check it again
            lines.append(f"  - {escape_markdown(citation.where or '')}{quote}"
                         + (f" ({escape_markdown(outside)})" if outside else ""))
    return Slide(title=_("Sources"), body="\n".join(lines), kind="sources")
