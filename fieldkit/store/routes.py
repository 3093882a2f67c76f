"""Route legs as a graph: which legs follow which, and whole journeys across countries.

A leg goes from one place to another; leg B follows leg A when B starts where A ends. A journey is a chain of legs
from a place no leg leads to (an entry point) to a place no leg leaves (an exit), named by the countries it
crosses. Used by the route view and, later, by briefings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldkit.store.store import Store, clean, loads

MAX_LEGS = 10  # longer chains are not journeys anyone takes in one go


@dataclass(frozen=True)
class Leg:
    id: str
    title: str
    summary: str
    start: str  # place id
    end: str  # place id
    via: tuple[str, ...]
    countries: tuple[str, ...]
    mode: tuple[str, ...]
    terrain: str
    risks: tuple[str, ...]
    status: str


@dataclass
class Journey:
    legs: list[Leg] = field(default_factory=list)

    @property
    def countries(self) -> list[str]:
        """The countries crossed, in order, each once per stretch."""
        out: list[str] = []
        for leg in self.legs:
            for code in leg.countries:
                if not out or out[-1] != code:
                    out.append(code)
        return out

    @property
    def places(self) -> list[str]:
        """Start of every leg, then the end of the last one."""
        return [leg.start for leg in self.legs] + ([self.legs[-1].end] if self.legs else [])


def load_legs(store: Store, lang: str = "en") -> list[Leg]:
    rows = store.conn.execute(
        "SELECT e.id, COALESCE(t.title, e.title) AS title, COALESCE(t.summary, e.summary) AS summary, e.details, "
        "e.countries FROM entries e LEFT JOIN translations t ON t.id = e.id AND t.lang = ? "
        "WHERE e.type = 'route' ORDER BY e.id",
        (lang,),
    ).fetchall()
    legs = []
    for row in rows:  # text leaves the store here too: cleaned as Store.get cleans it
        details = clean(loads(row["details"], {}), line=True)

        def listed(name: str, details: dict[str, Any] = details) -> tuple[str, ...]:
            return tuple(item for item in details.get(name) or () if isinstance(item, str))

        legs.append(Leg(
            id=clean(row["id"], line=True), title=clean(row["title"], line=True), summary=clean(row["summary"]),
            start=str(details.get("from", "")), end=str(details.get("to", "")), via=listed("via"),
            countries=listed("countries"), mode=listed("mode"), terrain=str(details.get("terrain", "")),
            risks=listed("risks"), status=str(details.get("status", "unknown")),
        ))
    return legs


def next_legs(legs: list[Leg], leg: Leg) -> list[Leg]:
    return [other for other in legs if other.start == leg.end and other.id != leg.id]


def previous_legs(legs: list[Leg], leg: Leg) -> list[Leg]:
    return [other for other in legs if other.end == leg.start and other.id != leg.id]


def revisits(chain: list[Leg]) -> bool:
    """Does the chain re-enter a country it has left? A reverse leg, such as the north-south route from Serbia to
    Gevgelija, must not join the northbound legs that start there into a loop (RS → MK → RS)."""
    crossed = Journey(list(chain)).countries
    return len(crossed) != len(set(crossed))


def journeys(legs: list[Leg]) -> list[Journey]:
    """Every chain from an entry point to an exit, one per distinct sequence of countries (the shortest)."""
    # Legs by where they start and end, looked up instead of searched (this was quadratic in the legs).
    starting: dict[str, list[Leg]] = {}
    ending: dict[str, list[str]] = {}
    for leg in legs:
        starting.setdefault(leg.start, []).append(leg)
        ending.setdefault(leg.end, []).append(leg.id)
    # An entry point: no other leg leads to where it starts.
    starts = [leg for leg in legs if all(other == leg.id for other in ending.get(leg.start, ()))] or legs
    found: dict[tuple[str, ...], Journey] = {}

    def walk(chain: list[Leg]) -> None:
        last = chain[-1]
        following = [leg for leg in starting.get(last.end, ()) if leg.id != last.id and leg not in chain
                     and not revisits([*chain, leg])]
        if not following or len(chain) >= MAX_LEGS:
            journey = Journey(list(chain))
            key = tuple(journey.countries)
            if key not in found or len(journey.legs) < len(found[key].legs):
                found[key] = journey
            return
        for leg in following:
            walk(chain + [leg])

    for leg in starts:
        walk([leg])
    return sorted(found.values(), key=lambda j: (j.countries, len(j.legs)))


Outline = tuple[tuple[str, ...], tuple[str, ...]]  # a journey's leg ids and the countries it crosses


def journey_outlines(store: Store, *, stored: bool = True) -> list[Outline]:
    """(leg ids, countries crossed) of every journey, in the order of `journeys()`: the build's (`meta`
    "journeys", worked out once when the database was made), else worked out now from the legs (a database
    without them, or `stored=False`: walking every chain of legs grows with the content)."""
    if stored:
        found = _stored_outlines(store.meta().get("journeys"))
        if found is not None:
            return found
    return [(tuple(leg.id for leg in journey.legs), tuple(journey.countries)) for journey in journeys(load_legs(store))]


def _stored_outlines(text: str | None) -> list[Outline] | None:
    if text is None:
        return None
    value = loads(text, [])
    outlines = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"legs", "countries"}:
            return None
        legs, countries = item["legs"], item["countries"]
        if not (isinstance(legs, list) and isinstance(countries, list)
                and all(isinstance(x, str) for x in [*legs, *countries])):
            return None
        outlines.append((tuple(clean(legs, line=True)), tuple(clean(countries, line=True))))
    return outlines


def find_journey(legs: list[Leg], countries: list[str]) -> Journey | None:
    """The shortest chain of legs whose countries include `countries` in this order (e.g. MK, RS, BA, HR)."""
    best: Journey | None = None

    def includes_in_order(crossed: list[str]) -> bool:
        position = 0
        for code in crossed:
            if position < len(countries) and code == countries[position]:
                position += 1
        return position == len(countries)

    def walk(chain: list[Leg]) -> None:
        nonlocal best
        journey = Journey(list(chain))
        if includes_in_order(journey.countries):
            if best is None or len(chain) < len(best.legs):
                best = journey
            return
        if len(chain) >= MAX_LEGS or (best is not None and len(chain) >= len(best.legs)):
            return
        for leg in next_legs(legs, chain[-1]):
            if leg not in chain and not revisits([*chain, leg]):
                walk(chain + [leg])

    for leg in legs:
        if leg.countries and leg.countries[0] == countries[0]:
            walk([leg])
    return best


def risk_severity(store: Store) -> dict[str, int]:
    """Risk id -> how many route legs list it among their risks.

    The sources rank no risk above another, so "most severe first" means "met on the most legs of the route":
    a count anyone can check against the content, not a judgement. Risks no leg lists count 0.
    """
    rows = store.conn.execute(
        "SELECT j.value, count(*) FROM entries e, json_each(e.details, '$.risks') j WHERE e.type = 'route' "
        "GROUP BY j.value"
    )
    return {row[0]: row[1] for row in rows}


def by_severity(store: Store, risks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Risks (as Store.list_entries gives them) listed by more route legs first (risk_severity); ties keep their
    order (by title)."""
    severity = risk_severity(store)
    return sorted(risks, key=lambda risk: -severity.get(risk["id"], 0))
