"""The monofilament sites fall on the right part of the right foot in the soles view."""

from __future__ import annotations

from planner.core.bodymap import load_body_map
from planner.core.measures import MONOFILAMENT_KEYS, site_area
from planner.core.sitemap import SOLES, site_points


def test_each_site_is_inside_its_region_on_its_own_foot() -> None:
    body = load_body_map()
    points = site_points(body)
    assert list(points) == list(MONOFILAMENT_KEYS)
    for key, (x, y) in points.items():
        region, side = site_area(key)
        (shape,) = body.shapes_for(SOLES, region, side)
        assert shape.contains(x, y), key
        # Never on the other foot.
        other = "left" if side == "right" else "right"
        (foot,) = body.shapes_for(SOLES, "foot", other)
        assert not foot.contains(x, y), key


def test_the_big_toe_sites_are_on_the_inner_side() -> None:
    points = site_points(load_body_map())
    middle = load_body_map().view(SOLES).width / 2
    for side in ("left", "right"):
        inner = abs(points[f"{side}-met1"][0] - middle)
        outer = abs(points[f"{side}-met5"][0] - middle)
        assert inner < outer, side
