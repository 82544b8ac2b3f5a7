"""Which body-map shapes show an area of a plan, and in what order they are painted.

Plain geometry questions, shared by the pictures and their legend.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planner.core.bodymap import BodyMap, Shape, View
from planner.core.regions import DESCENDANTS


def matches(body: BodyMap, view: View, region: str, side: str) -> list[Shape]:
    """The shapes that show an area in a view, in paint order.

    A region's own polygon when the view has one (a container's covers its parts);
    otherwise its parts' polygons, so that "foot" still shows on a view that only
    draws the sole, heel and toes.
    """
    own = body.shapes_for(view.id, region, side)
    if own:
        return list(own)
    parts = [
        shape
        for part in DESCENDANTS.get(region, ())
        if part != region
        for shape in body.shapes_for(view.id, part, side)
    ]
    return in_paint_order(body, view, parts)


def in_paint_order(body: BodyMap, view: View, chosen: Iterable[Shape]) -> list[Shape]:
    """``chosen`` in the view's paint order (containers before their parts)."""
    wanted = {id(shape) for shape in chosen}
    return [shape for shape in body.shapes_in(view.id) if id(shape) in wanted]


def overlapping(body: BodyMap, view: View, shapes: list[Shape]) -> list[Shape]:
    """Every shape of the view whose bounds meet the bounds of one of ``shapes``."""
    boxes = [shape.bounds for shape in shapes]
    return [
        shape
        for shape in body.shapes_in(view.id)
        if any(
            shape.bounds[0] <= box[2]
            and box[0] <= shape.bounds[2]
            and shape.bounds[1] <= box[3]
            and box[1] <= shape.bounds[3]
            for box in boxes
        )
    ]


def callout_shapes(shapes: list[Shape]) -> list[Shape]:
    """The largest shape on each side: one callout per side and view is enough."""
    best: dict[str, Shape] = {}
    for shape in shapes:
        current = best.get(shape.side)
        if current is None or shape.area > current.area:
            best[shape.side] = shape
    return list(best.values())


def views(body: BodyMap, wanted: Sequence[str]) -> list[View]:
    """The wanted views in that order; every view when none of them exists."""
    chosen = [view for name in wanted for view in body.views if view.id == name]
    return chosen or list(body.views)
