"""Places on the body as the client reads them: "your left heel", "both feet", "your neck".

Each place is one whole phrase in the catalogs (context ``place``), so that a
language can make the words agree ("su talón izquierdo", "su rodilla izquierda")
instead of gluing a side to a region's name.
"""

from __future__ import annotations

from planner.core.i18n import pgettext
from planner.core.regions import (
    BOTH,
    LEFT,
    MIDLINE,
    REGION_NAMES,
    REGIONS,
    RIGHT,
    area_name,
    is_paired,
)

PLACE_CONTEXT = "place"


def english_place(region: str, side: str) -> str:
    """The place in English, the catalogs' key."""
    name = REGION_NAMES.get(region, region)
    if side in (LEFT, RIGHT):
        return f"your {side} {name}"
    if side == BOTH:
        return area_name(region, side)
    if side == MIDLINE:
        return f"your {name}"
    return name


def english_own_place(region: str, side: str) -> str:
    """The place as a step names it ("leave out both your heels"), in English."""
    if side == BOTH:
        return "both your " + area_name(region, BOTH).removeprefix("both ")
    return english_place(region, side)


def place(region: str, side: str) -> str:
    """The place in the language of the document being built."""
    return pgettext(PLACE_CONTEXT, english_place(region, side))


def every_place() -> list[str]:
    """Every place a document can name, in English: what each catalog must translate."""
    places = []
    for region in REGIONS:
        sides = (LEFT, RIGHT, BOTH) if is_paired(region) else (MIDLINE,)
        places += [english_place(region, side) for side in sides]
        places += [english_own_place(region, side) for side in sides]
    return list(dict.fromkeys(places))
