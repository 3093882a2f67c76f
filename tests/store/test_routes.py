"""Route legs as a graph: following legs, whole journeys, and a journey through given countries."""

from __future__ import annotations

from fieldkit.store.routes import Leg, find_journey, journeys, next_legs, previous_legs


def leg(leg_id: str, start: str, end: str, countries: tuple[str, ...]) -> Leg:
    return Leg(id=leg_id, title=leg_id, summary="", start=start, end=end, via=(), countries=countries, mode=("foot",),
               terrain="", risks=(), status="active")


LEGS = [
    leg("gr-mk", "idomeni", "gevgelija", ("GR", "MK")),
    leg("mk-rs", "gevgelija", "presevo", ("MK", "RS")),
    leg("rs-hu", "presevo", "horgos", ("RS", "HU")),
    leg("rs-ba", "presevo", "zvornik", ("RS", "BA")),
    leg("ba-hr", "zvornik", "bihac", ("BA", "HR")),
    leg("bg-rs", "kalotina", "presevo", ("BG", "RS")),
]


def test_following_and_preceding_legs():
    by_id = {leg.id: leg for leg in LEGS}
    assert {leg.id for leg in next_legs(LEGS, by_id["mk-rs"])} == {"rs-hu", "rs-ba"}
    assert {leg.id for leg in previous_legs(LEGS, by_id["rs-ba"])} == {"mk-rs", "bg-rs"}


def test_journeys_from_entry_points_to_exits():
    found = {tuple(j.countries): [leg.id for leg in j.legs] for j in journeys(LEGS)}
    assert found[("GR", "MK", "RS", "BA", "HR")] == ["gr-mk", "mk-rs", "rs-ba", "ba-hr"]
    assert found[("BG", "RS", "HU")] == ["bg-rs", "rs-hu"]
    assert len(found) == 4


def test_find_journey_through_countries_in_order():
    journey = find_journey(LEGS, ["MK", "RS", "BA", "HR"])
    assert [leg.id for leg in journey.legs] == ["mk-rs", "rs-ba", "ba-hr"]
    assert journey.places == ["gevgelija", "presevo", "zvornik", "bihac"]
    assert find_journey(LEGS, ["HR", "MK"]) is None


def test_store_legs_from_fixture(store):
    from fieldkit.store.routes import load_legs

    legs = load_legs(store)
    assert [(leg.id, leg.start, leg.end, leg.risks) for leg in legs] == [("route-rs-ba-drina", "drina-river", "bihac", ("risk-drowning",))]


def test_a_reverse_leg_does_not_loop_back_into_the_country_it_left():
    """Serbia south to Gevgelija, then the northbound leg from Gevgelija, would be RS → MK → RS: not a journey."""
    legs = [*LEGS, leg("rs-mk-south", "belgrade", "gevgelija", ("RS", "MK"))]
    found = {tuple(j.countries): [leg.id for leg in j.legs] for j in journeys(legs)}
    assert ("RS", "MK") in found
    assert not [countries for countries in found if countries[:3] == ("RS", "MK", "RS")]
    assert find_journey(legs, ["RS", "MK", "RS"]) is None
    # The northbound journeys are unchanged.
    assert found[("GR", "MK", "RS", "BA", "HR")] == ["gr-mk", "mk-rs", "rs-ba", "ba-hr"]


def test_revisits():
    from fieldkit.store.routes import revisits

    by_id = {leg.id: leg for leg in LEGS}
    south = leg("rs-mk-south", "belgrade", "gevgelija", ("RS", "MK"))
    assert not revisits([by_id["gr-mk"], by_id["mk-rs"], by_id["rs-ba"]])
    assert revisits([south, by_id["mk-rs"]])
