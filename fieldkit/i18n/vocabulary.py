"""Words for the content's fixed values (modes of travel, audiences, kinds, topics), translated where they are shown.

The content and the JSON output keep the values themselves (`border-crossing`); people read these words.
"""

from fieldkit.i18n.catalog import N_, _, language

MODE_NAMES = {"foot": N_("on foot"), "vehicle": N_("vehicle"), "bus": N_("bus"), "taxi": N_("taxi"),
              "train": N_("train"), "boat": N_("boat"), "river": N_("river crossing"), "sea": N_("sea")}

AUDIENCE_NAMES = {
    "staff": N_("new field staff"), "volunteers": N_("volunteers"), "people-on-the-move": N_("people on the move"),
    "unaccompanied-children": N_("unaccompanied children"), "families": N_("families"),
}

PLACE_KIND_NAMES = {
    "city": N_("city"), "town": N_("town"), "village": N_("village"), "border-crossing": N_("border crossing"),
    "border-area": N_("border area"), "river": N_("river"), "mountain": N_("mountains"), "site": N_("site"),
    "camp": N_("camp"), "region": N_("region"),
}

ROUTE_STATUS_NAMES = {"active": N_("in use"), "declining": N_("used less and less"), "historical": N_("no longer used"),
                      "unknown": N_("not known whether still used")}

EXPOSED_NAMES = {
    "everyone": N_("everyone"), "unaccompanied-children": N_("unaccompanied children"), "children": N_("children"),
    "women": N_("women"), "families": N_("families"), "single-men": N_("single men"),
    "people-without-money": N_("people without money"), "people-with-disabilities": N_("people with disabilities"),
    "lgbtiq": N_("LGBTIQ people"), "older-people": N_("older people"),
}

RIGHT_TOPIC_NAMES = {
    "asylum-access": N_("access to asylum"), "humanitarian-residence": N_("humanitarian residence"),
    "smuggled-migrants": N_("smuggled migrants"), "non-criminalisation": N_("not punishing smuggled migrants"),
    "children": N_("children"), "trafficking": N_("victims of trafficking"), "detention": N_("detention"),
    "pushbacks": N_("pushbacks"), "eu-pact": N_("EU Pact on Migration and Asylum"), "other": N_("other"),
}

SERVICE_KIND_NAMES = {
    "reception-centre": N_("reception centre"), "asylum-centre": N_("asylum centre"),
    "transit-centre": N_("transit centre"), "institution": N_("public institution"), "ombudsperson": N_("ombudsperson"),
    "legal-aid": N_("legal aid"), "medical": N_("medical care"), "psychosocial": N_("psychosocial support"),
    "mine-awareness": N_("mine awareness"), "emergency": N_("emergency"),
    "international-organisation": N_("international organisation"), "ngo": N_("NGO"), "mobile-team": N_("mobile team"),
    "shelter": N_("shelter"), "protection": N_("protection"), "monitoring": N_("monitoring"),
}

# Detail field -> its words; service and place kinds share the field name "kind".
FIELD_WORDS = {"mode": MODE_NAMES, "status": ROUTE_STATUS_NAMES, "exposed": EXPOSED_NAMES,
               "refer_to": SERVICE_KIND_NAMES, "topic": RIGHT_TOPIC_NAMES}
KIND_WORDS = {"place": PLACE_KIND_NAMES, "service": SERVICE_KIND_NAMES}


def separator() -> str:
    """Between the items of a list: the Arabic comma in right-to-left (Arabic-script) languages."""
    from fieldkit.i18n.languages import is_rtl

    return "، " if is_rtl(language()) else ", "


def modes(values: list[str]) -> str:
    return separator().join(_(MODE_NAMES.get(value, value)) for value in values)


def words_for(entry_type: str, field: str, value):
    """A detail value in words, in the current language: one value, or a list joined with commas. Values this
    table does not know (newer content) are shown as they are."""
    table = KIND_WORDS.get(entry_type) if field == "kind" else FIELD_WORDS.get(field)
    if table is None:
        return value
    if isinstance(value, list):
        return separator().join(_(table[v]) if v in table else str(v) for v in value)
    return _(table[value]) if value in table else value
