"""Where the monofilament sites are on the soles view of the body map.

The sites are placed on each foot's outline as fractions of its box, measured from
the inner (big-toe) edge, which in the soles view is the edge nearer the middle of
the picture. They are for drawing only: a plan names sites, never positions.
"""

from __future__ import annotations

from planner.core.bodymap import BodyMap
from planner.core.measures import MONOFILAMENT_KEYS

SOLES = "soles"
# Site -> (across from the inner edge, down from the toes' tips), as fractions of the foot.
FRACTIONS: dict[str, tuple[float, float]] = {
    "hallux": (0.19, 0.10),
    "met1": (0.16, 0.31),
    "met5": (0.80, 0.35),
}


def site_points(body: BodyMap) -> dict[str, tuple[float, float]]:
    """Each site key (``left-hallux``...) and its point in the soles view's units."""
    view = body.view(SOLES)
    middle = view.width / 2
    points: dict[str, tuple[float, float]] = {}
    for side in ("left", "right"):
        feet = body.shapes_for(SOLES, "foot", side)
        if not feet:
            continue
        x0, y0, x1, y1 = feet[0].bounds
        inner_is_right = abs(x1 - middle) < abs(x0 - middle)
        for site, (across, down) in FRACTIONS.items():
            offset = (x1 - x0) * across
            x = x1 - offset if inner_is_right else x0 + offset
            points[f"{side}-{site}"] = (x, y0 + (y1 - y0) * down)
    return {key: points[key] for key in MONOFILAMENT_KEYS if key in points}
