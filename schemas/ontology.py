"""Which subtypes can be one real-world event across articles (the linker's blocking families).

Within one article, records are grouped by the trigger table's families (``data/triggers.toml``);
across articles, the linker compares a mention only with events of its family: an arrest, a
dismantled cell, a raid and a seizure may be the same operation told by two outlets; an attack and
an air strike may be the same strike.
"""

from __future__ import annotations

from schemas.events import EventMention

FAMILY = {
    "cell_dismantled": "arrest",
    "plot_foiled": "arrest",
    "arrest": "arrest",
    "raid_search": "arrest",
    "seizure": "arrest",
    "airstrike": "strike",
    "attack": "strike",
}
# When mentions of one operation merge, the most specific subtype names it.
SUBTYPE_RANK = (
    "cell_dismantled",
    "plot_foiled",
    "arrest",
    "raid_search",
    "seizure",
    "abduction",
    "airstrike",
    "attack",
)


def family_of(mention: EventMention) -> str:
    """The linking family: a subtype's, or for ``other`` its mode (a remand is not a military operation)."""
    subtype = mention.subtype or ""
    if subtype in FAMILY:
        return FAMILY[subtype]
    if subtype == "other" and mention.modes:
        return mention.modes[0]
    return subtype or mention.event_type
