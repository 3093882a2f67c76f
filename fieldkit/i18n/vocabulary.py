"""Words for the content's fixed values (modes of travel, audiences), translated where they are shown."""

from fieldkit.i18n.catalog import N_, _

MODE_NAMES = {"foot": N_("on foot"), "vehicle": N_("vehicle"), "bus": N_("bus"), "taxi": N_("taxi"),
              "train": N_("train"), "boat": N_("boat"), "river": N_("river crossing"), "sea": N_("sea")}

AUDIENCE_NAMES = {
    "staff": N_("new field staff"), "volunteers": N_("volunteers"), "people-on-the-move": N_("people on the move"),
    "unaccompanied-children": N_("unaccompanied children"), "families": N_("families"),
}


def modes(values: list[str]) -> str:
    return ", ".join(_(MODE_NAMES.get(value, value)) for value in values)
