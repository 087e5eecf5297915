"""What channels are for, in the methodology's words.

Shared by TP111, TP115 and TP305. The channel vocabulary itself lives in :mod:`tpkit.registry.enums`; this module
only groups it by the roles the methodology gives channels. When two catalogue entries are one touchpoint is
:mod:`tpkit.registry.sameness` (TP104, TP114 and the importer).
"""

from __future__ import annotations

from ...registry.sameness import ADDRESS_CHANNELS

#: where the client reaches the final goal of the appeal — the service or the support measure itself
#: (the methodology's formal example: «ЕПГУ и приемная ведомства»)
FINAL_GOAL_CHANNELS: frozenset[str] = frozenset(
    {"portal", "reception", "one_stop_center", "business_center", "employment_center"}
)
#: offline points a person comes to: everything offline but the post
IN_PERSON_CHANNELS: frozenset[str] = ADDRESS_CHANNELS


def in_person(channel: str) -> bool:
    """An offline point the client visits (a reception, a МФЦ office), not the post."""
    return channel in IN_PERSON_CHANNELS
