"""Glossary terms: the words of asylum, borders and smuggling, explained."""

from fieldkit.core.marker import N_, NP_
from fieldkit.core.model import ContentType, Field

GLOSSARY = ContentType(
    name="glossary",
    label=N_("Term"),
    topic_title=N_("Glossary"),
    counted=NP_("{count} term", "{count} terms"),
    fields=(Field("aliases", "words", label=N_("Also called"), optional=True),),
    search_title=("aliases",),
    home_rank=6,
)
