"""How a generated briefing speaks to each audience: what it includes, and in which words.

Staff and volunteers get the risks' "What you can do" lists (written for them: referrals, consent, assessments)
and the legal basis of each right. Authorities get the legal basis but not the advice to field staff. People on
the move, families and unaccompanied children are spoken to as "you": what is dangerous on the way, their rights
in a line, and where to get help, with nothing written for staff. Every fact still comes from the content; only
the frame around it (headings, the opening line, general advice marked as such) changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldkit.i18n.catalog import _

# Service kinds that help a person directly; a police unit or a monitoring network is not "where to get help".
HELP_KINDS = ("emergency", "medical", "mobile-team", "psychosocial", "protection", "legal-aid", "shelter",
              "reception-centre", "asylum-centre", "transit-centre", "ngo", "international-organisation",
              "ombudsperson")
# Services for the "In an emergency" slide: help now, not training (mine-awareness sessions are not help in an
# emergency; they stay in the services list).
EMERGENCY_KINDS = ("emergency", "medical", "mobile-team", "protection", "psychosocial", "shelter")
STAFF_RIGHT_TOPICS = ("asylum-access", "humanitarian-residence", "smuggled-migrants", "children", "trafficking")


@dataclass(frozen=True)
class Voice:
    audience: str
    personal: bool  # speaks to the reader as "you"
    child: bool  # simpler still: shortest lists, no leg summaries
    staff_advice: bool  # the risks' "What you can do" lists, which are written for field staff
    legal_basis: bool  # laws and articles under each right
    leg_details: bool  # mode of travel and terrain
    risk_summaries: bool  # each risk with its summary, not only its name
    risks_per_leg: int
    right_topics: tuple[str, ...]  # which rights, in this order
    rights_per_country: int
    service_kinds: tuple[str, ...] | None  # None: every service
    services_per_country: int

    # --- the words around the facts (each through _(), so in the deck's language) -------------------------
    def title(self, route: str) -> str:
        if self.child:
            return _("Help on the way for children travelling alone: {route}").format(route=route)
        if self.personal:
            return _("Safety on the way: {route}").format(route=route)
        if self.audience == "authorities":
            return _("Briefing for authorities: {route}").format(route=route)
        return _("Briefing: {route}").format(route=route)

    def opening(self) -> str:
        """The first lines under the title: who the page is for and what it holds."""
        if self.child:
            return _("This page is for you if you are under 18 and travelling without your parents. It names the "
                     "dangers on the way and the places where you can ask for help. Keep it with you.")
        if self.audience == "families":
            return _("This page is for you and your family. It names the dangers reported on this route, your "
                     "rights, and where you can get help. It is general information, not legal advice.")
        if self.personal:
            return _("This page is for you. It names the dangers reported on this route, your rights, and where "
                     "you can get help. It is general information, not legal advice.")
        if self.audience == "authorities":
            return _("What the sources report on this route: risks to people on the move, the rights and legal "
                     "basis in each country, and the services that protect them.")
        return ""

    def leg_title(self, number: int, title: str) -> str:
        if self.personal:
            return _("Part {number} of the way:").format(number=number) + " " + title
        return _("Leg {number}:").format(number=number) + " " + title

    def risks_heading(self) -> str:
        return _("Dangers reported here") if self.personal else _("Main risks")

    def rights_title(self, country: str) -> str:
        if self.personal:
            return _("Your rights in {country}").format(country=country)
        return _("Rights in {country}").format(country=country)

    def services_title(self) -> str:
        return _("Where to get help") if self.personal else _("Service points along the way")

    def emergency_advice(self) -> str:
        """Advice that is not from the sources, marked as such; the sources give no emergency numbers."""
        marker = _("General advice, not from the sources:")
        if self.child:
            advice = _("if you are in danger, call the local emergency number. Ask for help at one of the places "
                       "below. You can tell them you are under 18.")
        elif self.personal:
            advice = _("if your life or someone else's is in danger, call the local emergency number. Stay "
                       "together. Ask one of the services below for help.")
        else:
            advice = _("call the local emergency number first and stay with the person. Then contact the services "
                       "below.")
        return f"*{marker}* {advice}"

    def may_send_to(self, kinds: list[str]) -> bool:
        """Whether a service of these kinds is one to send this audience to. A person on the move is not sent to a
        public institution (police, ministries, referral bodies): staff decide that with the person."""
        return not (self.personal and "institution" in kinds)

    def no_help_known(self) -> str:
        return _("The sources name no emergency, medical or protection service here.")


def voice_for(audience: str) -> Voice:
    """The voice of a briefing for `audience` (a value of AUDIENCES); staff for anything else."""
    if audience == "unaccompanied-children":
        return Voice(audience, personal=True, child=True, staff_advice=False, legal_basis=False, leg_details=False,
                     risk_summaries=False, risks_per_leg=3, right_topics=("children", "trafficking"),
                     rights_per_country=1, service_kinds=HELP_KINDS, services_per_country=2)
    if audience in ("people-on-the-move", "families"):
        topics = ("asylum-access", "children") if audience == "families" else ("asylum-access",)
        return Voice(audience, personal=True, child=False, staff_advice=False, legal_basis=False, leg_details=False,
                     risk_summaries=False, risks_per_leg=4, right_topics=topics, rights_per_country=1,
                     service_kinds=HELP_KINDS, services_per_country=2)
    if audience == "authorities":
        return Voice(audience, personal=False, child=False, staff_advice=False, legal_basis=True, leg_details=True,
                     risk_summaries=True, risks_per_leg=2,
                     right_topics=("smuggled-migrants", "trafficking", "asylum-access", "children", "detention",
                                   "pushbacks", "humanitarian-residence"),
                     rights_per_country=2, service_kinds=None, services_per_country=1)
    return Voice(audience, personal=False, child=False, staff_advice=True, legal_basis=True, leg_details=True,
                 risk_summaries=True, risks_per_leg=2, right_topics=STAFF_RIGHT_TOPICS, rights_per_country=2,
                 service_kinds=None, services_per_country=1)
