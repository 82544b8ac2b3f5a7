"""Body regions, sides and how they contain one another.

A place on the body is an :class:`Area`: a region plus a side. "left" and "right"
are always the *client's* left and right. Containment follows DOMAIN.md: a region
covers everything below it (``foot`` covers ``heel``) and ``both`` covers ``left``
and ``right``.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

PAIRED_REGIONS: tuple[str, ...] = (
    "arm",
    "shoulder",
    "upper-arm",
    "elbow",
    "forearm",
    "wrist",
    "hand",
    "palm",
    "back-of-hand",
    "fingers",
    "leg",
    "hip",
    "buttock",
    "thigh",
    "knee",
    "lower-leg",
    "calf",
    "shin",
    "ankle",
    "foot",
    "sole",
    "heel",
    "top-of-foot",
    "toes",
)
MIDLINE_REGIONS: tuple[str, ...] = (
    "head",
    "face",
    "neck",
    "upper-back",
    "lower-back",
    "chest",
    "abdomen",
)
REGIONS: tuple[str, ...] = MIDLINE_REGIONS + PAIRED_REGIONS

LEFT, RIGHT, BOTH, MIDLINE = "left", "right", "both", "midline"
SIDES: tuple[str, ...] = (LEFT, RIGHT, BOTH, MIDLINE)
PAIRED_SIDES: tuple[str, ...] = (LEFT, RIGHT, BOTH)

# Direct parts of each container region.
PARTS: dict[str, tuple[str, ...]] = {
    "arm": ("upper-arm", "elbow", "forearm", "wrist", "hand"),
    "hand": ("palm", "back-of-hand", "fingers"),
    "leg": ("thigh", "knee", "lower-leg", "ankle", "foot"),
    "lower-leg": ("calf", "shin"),
    "foot": ("sole", "heel", "top-of-foot", "toes"),
    "head": ("face",),
}

REGION_NAMES: dict[str, str] = {
    "head": "head",
    "face": "face",
    "neck": "neck",
    "upper-back": "upper back",
    "lower-back": "lower back",
    "chest": "chest",
    "abdomen": "abdomen",
    "arm": "arm",
    "shoulder": "shoulder",
    "upper-arm": "upper arm",
    "elbow": "elbow",
    "forearm": "forearm",
    "wrist": "wrist",
    "hand": "hand",
    "palm": "palm",
    "back-of-hand": "back of the hand",
    "fingers": "fingers",
    "leg": "leg",
    "hip": "hip",
    "buttock": "buttock",
    "thigh": "thigh",
    "knee": "knee",
    "lower-leg": "lower leg",
    "calf": "calf",
    "shin": "shin",
    "ankle": "ankle",
    "foot": "foot",
    "sole": "sole",
    "heel": "heel",
    "top-of-foot": "top of the foot",
    "toes": "toes",
}

# Plural forms for "both" ("both feet", "both heels"); regions already plural stay.
_PLURALS: dict[str, str] = {
    "foot": "feet",
    "toes": "toes",
    "fingers": "fingers",
    "back-of-hand": "backs of the hands",
    "top-of-foot": "tops of the feet",
    "calf": "calves",
    "upper-arm": "upper arms",
    "lower-leg": "lower legs",
}

_PAIRED = frozenset(PAIRED_REGIONS)
_MIDLINE = frozenset(MIDLINE_REGIONS)


def _ancestors() -> dict[str, frozenset[str]]:
    parent: dict[str, str] = {}
    for container, parts in PARTS.items():
        for part in parts:
            parent[part] = container
    result = {}
    for region in REGIONS:
        chain = {region}
        current = region
        while current in parent:
            current = parent[current]
            chain.add(current)
        result[region] = frozenset(chain)
    return result


# ANCESTORS[r]: r itself and every region that contains it.
ANCESTORS: dict[str, frozenset[str]] = _ancestors()
# DESCENDANTS[r]: r itself and every region it contains.
DESCENDANTS: dict[str, frozenset[str]] = {
    region: frozenset(other for other in REGIONS if region in ANCESTORS[other])
    for region in REGIONS
}


# The limbs: every region a limb of one side holds, from its root at the trunk (shoulder,
# hip and buttock) to the fingertips and toes. The limb-wide safety rules (a blood clot
# anywhere on a limb rules out the whole limb) read this table; midline regions belong to
# no limb.
LIMBS: dict[str, tuple[str, ...]] = {
    "arm": ("shoulder", *sorted(DESCENDANTS["arm"], key=REGIONS.index)),
    "leg": ("hip", "buttock", *sorted(DESCENDANTS["leg"], key=REGIONS.index)),
}
LIMB_OF: dict[str, str] = {region: limb for limb, regions in LIMBS.items() for region in regions}


def limb_sides(area: Area) -> frozenset[tuple[str, str]]:
    """The limbs an area lies on, as (limb, side) pairs: none for a midline region."""
    limb = LIMB_OF.get(area.region)
    if limb is None:
        return frozenset()
    if area.side == BOTH:
        return frozenset(((limb, LEFT), (limb, RIGHT)))
    return frozenset(((limb, area.side),))


def is_paired(region: str) -> bool:
    """True when the region comes as a left and a right one."""
    return region in _PAIRED


def is_region(region: object) -> bool:
    return isinstance(region, str) and (region in _PAIRED or region in _MIDLINE)


def default_side(region: str) -> str:
    """``both`` for paired regions, ``midline`` for the others."""
    return BOTH if region in _PAIRED else MIDLINE


def side_problem(region: str, side: object) -> str | None:
    """Why ``side`` does not fit ``region``, or None when it does."""
    if region in _PAIRED:
        if side not in PAIRED_SIDES:
            return f"must be 'left', 'right' or 'both' for the {REGION_NAMES[region]}"
    elif side != MIDLINE:
        return f"must be 'midline' for the {REGION_NAMES[region]}, which is not paired"
    return None


def region_contains(outer: str, inner: str) -> bool:
    """True when ``outer`` is ``inner`` or contains it (``foot`` contains ``heel``)."""
    return outer in ANCESTORS[inner]


_SIDE_COVERS: dict[tuple[str, str], bool] = {
    (a, b): a == b or (a == BOTH and b in (LEFT, RIGHT)) for a in SIDES for b in SIDES
}
_SIDES_MEET: dict[tuple[str, str], bool] = {
    (a, b): a == b or (BOTH in (a, b) and {a, b} <= {LEFT, RIGHT, BOTH})
    for a in SIDES
    for b in SIDES
}


class Area(NamedTuple):
    """A place on the body: a region and a side."""

    region: str
    side: str

    def covers(self, other: Area) -> bool:
        """True when every part of ``other`` lies inside this area."""
        return other.region in DESCENDANTS[self.region] and _SIDE_COVERS[self.side, other.side]

    def overlaps(self, other: Area) -> bool:
        """True when the two areas share some part of the body."""
        return (
            other.region in DESCENDANTS[self.region] or self.region in DESCENDANTS[other.region]
        ) and _SIDES_MEET[self.side, other.side]

    @property
    def name(self) -> str:
        """How a therapist reads it: "client's left heel", "both feet", "neck"."""
        return area_name(self.region, self.side)


@cache
def area_name(region: str, side: str) -> str:
    """Display name of an area, always from the client's point of view."""
    name = REGION_NAMES.get(region, region)
    if side == LEFT:
        return f"client's left {name}"
    if side == RIGHT:
        return f"client's right {name}"
    if side == BOTH:
        return "both " + _PLURALS.get(region, name if name.endswith("s") else name + "s")
    return name


@cache
def area_phrase(region: str, side: str) -> str:
    """The area as it reads after a preposition: "the client's left heel", "both feet"."""
    name = area_name(region, side)
    return name if side == BOTH else f"the {name}"


def region_title(region: str) -> str:
    """Capitalised region name for lists and menus ("Top of the foot")."""
    name = REGION_NAMES.get(region, region)
    return name[:1].upper() + name[1:]
