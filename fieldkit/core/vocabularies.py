"""The content's fixed value lists, each with the words people read for its values.

Content files and JSON output keep the values (`border-crossing`); screens, handouts and `show` print the words,
translated where shown. A field of a content type names the vocabulary its values come from (core/types/).
"""

from __future__ import annotations

from collections.abc import Iterator

from fieldkit.core.marker import N_
from fieldkit.core.records import dataclass  # not dataclasses: see records.py


@dataclass(frozen=True)
class Vocabulary:
    """An ordered value list: value -> the English words for it (marked for translation)."""

    name: str
    words: tuple[tuple[str, str], ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.words)

    def word(self, value: str) -> str | None:
        """The (untranslated) words for `value`, or None for a value this list does not know."""
        return dict(self.words).get(value)

    def __contains__(self, value: object) -> bool:
        return value in self.values

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.words)


PLACE_KINDS = Vocabulary("place-kind", (
    ("city", N_("city")), ("town", N_("town")), ("village", N_("village")),
    ("border-crossing", N_("border crossing")), ("border-area", N_("border area")), ("river", N_("river")),
    ("mountain", N_("mountains")), ("site", N_("site")), ("camp", N_("camp")), ("region", N_("region")),
))
# Places where people enter or leave a country: listed first in a country's view.
CROSSING_KINDS = ("border-crossing", "border-area", "river")

MODES = Vocabulary("mode", (
    ("foot", N_("on foot")), ("vehicle", N_("vehicle")), ("bus", N_("bus")), ("taxi", N_("taxi")),
    ("train", N_("train")), ("boat", N_("boat")), ("river", N_("river crossing")), ("sea", N_("sea")),
))

ROUTE_STATUS = Vocabulary("route-status", (
    ("active", N_("in use")), ("declining", N_("used less and less")), ("historical", N_("no longer used")),
    ("unknown", N_("not known whether still used")),
))

EXPOSED = Vocabulary("exposed", (
    ("everyone", N_("everyone")), ("unaccompanied-children", N_("unaccompanied children")),
    ("children", N_("children")), ("women", N_("women")), ("families", N_("families")),
    ("single-men", N_("single men")), ("people-without-money", N_("people without money")),
    ("people-with-disabilities", N_("people with disabilities")), ("lgbtiq", N_("LGBTIQ people")),
    ("older-people", N_("older people")),
))

RIGHT_TOPICS = Vocabulary("right-topic", (
    ("asylum-access", N_("access to asylum")), ("humanitarian-residence", N_("humanitarian residence")),
    ("smuggled-migrants", N_("smuggled migrants")), ("non-criminalisation", N_("not punishing smuggled migrants")),
    ("children", N_("children")), ("trafficking", N_("victims of trafficking")), ("detention", N_("detention")),
    ("pushbacks", N_("pushbacks")), ("eu-pact", N_("EU Pact on Migration and Asylum")), ("other", N_("other")),
))

SERVICE_KINDS = Vocabulary("service-kind", (
    ("reception-centre", N_("reception centre")), ("asylum-centre", N_("asylum centre")),
    ("transit-centre", N_("transit centre")), ("institution", N_("public institution")),
    ("ombudsperson", N_("ombudsperson")), ("legal-aid", N_("legal aid")), ("medical", N_("medical care")),
    ("psychosocial", N_("psychosocial support")), ("mine-awareness", N_("mine awareness")),
    ("emergency", N_("emergency")), ("international-organisation", N_("international organisation")),
    ("ngo", N_("NGO")), ("mobile-team", N_("mobile team")), ("shelter", N_("shelter")),
    ("protection", N_("protection")), ("monitoring", N_("monitoring")),
))

SERVICE_STATUS = Vocabulary("service-status", (  # HSDS 3.0 service status, "temporarily closed" spelt with a hyphen
    ("active", N_("active")), ("temporarily-closed", N_("temporarily closed")), ("inactive", N_("inactive")),
    ("defunct", N_("closed for good")),
))

INTAKE = Vocabulary("intake", (  # how a person gets to the service
    ("walk-in", N_("walk in")), ("referral-only", N_("by referral only")), ("hotline", N_("through a hotline")),
    ("outreach", N_("outreach: the service comes to people")), ("appointment", N_("by appointment")),
))

PHONE_KINDS = Vocabulary("phone-kind", (
    ("voice", N_("voice")), ("whatsapp", N_("WhatsApp")), ("hotline", N_("hotline")), ("sms", N_("SMS")),
))

WEEKDAYS = Vocabulary("weekday", (  # iCalendar's day codes, as HSDS schedules use them (byday)
    ("mo", N_("Mon")), ("tu", N_("Tue")), ("we", N_("Wed")), ("th", N_("Thu")), ("fr", N_("Fri")),
    ("sa", N_("Sat")), ("su", N_("Sun")),
))

AUDIENCES = Vocabulary("audience", (
    ("staff", N_("new field staff")), ("volunteers", N_("volunteers")),
    ("people-on-the-move", N_("people on the move")), ("unaccompanied-children", N_("unaccompanied children")),
    ("families", N_("families")), ("authorities", N_("authorities")),
))

TRANSLATION_STATUS = ("machine", "reviewed")  # a translation: machine-made, or reviewed by a person
