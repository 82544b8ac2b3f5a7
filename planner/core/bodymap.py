"""Body-map geometry: polygons by region and side, one file for every painter.

``resources/body_map.json`` holds a few views of the body (front, back, the soles
and the tops of the feet). Each view lists shapes in paint order; a shape is a
polygon for one region and side, plus an *anchor* point where a click selects it
and where a label may go. Qt draws the views in the window and reportlab in the
PDFs; plans only ever store region ids, never positions.

Container regions (arm, leg, hand, foot, lower leg, head) are drawn under their
parts with a visible rim, so a click picks the smallest shape under the pointer.

Coordinates are in the view's own units, origin top-left, y pointing down.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from planner._resources import resources_dir
from planner.core.regions import MIDLINE_REGIONS, PAIRED_REGIONS

FORMAT = "body-map"
VERSION = 1
FILE_NAME = "body_map.json"
CLIENTS_LEFT = ("viewer-left", "viewer-right")

Point = tuple[float, float]

_PAIRED = frozenset(PAIRED_REGIONS)
_MIDLINE = frozenset(MIDLINE_REGIONS)


class BodyMapError(ValueError):
    """The geometry file is missing or wrong; the message names the file and the place."""


@dataclass(frozen=True)
class View:
    """One picture of the body.

    ``clients_left`` says on which side of the picture, as the viewer sees it, the
    client's left lies: ``viewer-right`` when the client faces the viewer.
    """

    id: str
    title: str
    width: float
    height: float
    clients_left: str


@dataclass(frozen=True)
class Shape:
    """The polygon of one region and side in one view."""

    view: str
    region: str
    side: str
    polygon: tuple[Point, ...]
    anchor: Point

    @cached_property
    def area(self) -> float:
        """Polygon area (shoelace formula, always positive)."""
        return _area(self.polygon)

    @cached_property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(x0, y0, x1, y1)``: the smallest box around the polygon."""
        xs = [x for x, _ in self.polygon]
        ys = [y for _, y in self.polygon]
        return (min(xs), min(ys), max(xs), max(ys))

    def contains(self, x: float, y: float) -> bool:
        """True when the point lies inside the polygon (even-odd rule)."""
        x0, y0, x1, y1 = self.bounds
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        return _inside(self.polygon, x, y)


class BodyMap:
    """The loaded geometry, with the questions painters and the window ask of it."""

    def __init__(self, views: Iterable[View], shapes: Iterable[Shape]) -> None:
        self.views: tuple[View, ...] = tuple(views)
        self._views = {view.id: view for view in self.views}
        by_view: dict[str, list[Shape]] = {view.id: [] for view in self.views}
        for shape in shapes:
            by_view[shape.view].append(shape)
        self._shapes = {view_id: tuple(found) for view_id, found in by_view.items()}

    def view(self, view_id: str) -> View:
        """The view with this id (``KeyError`` when there is none)."""
        try:
            return self._views[view_id]
        except KeyError:
            raise KeyError(f"no body-map view {view_id!r}") from None

    def shapes_in(self, view_id: str) -> tuple[Shape, ...]:
        """The view's shapes in paint order: containers before their parts."""
        self.view(view_id)
        return self._shapes[view_id]

    def hit_test(self, view_id: str, x: float, y: float) -> Shape | None:
        """The smallest shape of the view that contains the point, or None."""
        hits = [shape for shape in self.shapes_in(view_id) if shape.contains(x, y)]
        return min(hits, key=lambda shape: shape.area) if hits else None

    def shapes_for(self, view_id: str, region: str, side: str) -> tuple[Shape, ...]:
        """The shapes that draw an area (region and side) in a view, in paint order.

        ``both`` stands for the left and the right shape. Only the region's own
        shapes are returned: a container's polygon already covers its parts. A
        region the view does not show gives ``()``.
        """
        sides = ("left", "right") if side == "both" else (side,)
        return tuple(
            shape
            for shape in self.shapes_in(view_id)
            if shape.region == region and shape.side in sides
        )

    def views_for(self, region: str, side: str) -> tuple[str, ...]:
        """Ids of the views that have a shape for the area, in view order."""
        return tuple(view.id for view in self.views if self.shapes_for(view.id, region, side))


def load_body_map(path: str | os.PathLike[str] | None = None) -> BodyMap:
    """Read and check a body-map file; without a path, the program's own (read once)."""
    if path is None:
        return _default_body_map()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _default_body_map() -> BodyMap:
    return _load(resources_dir() / FILE_NAME)


def _load(path: Path) -> BodyMap:
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise BodyMapError(f"{name}: cannot be read ({error.strerror or error})") from error
    except UnicodeDecodeError as error:
        raise BodyMapError(f"{name}: is not UTF-8 text") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BodyMapError(
            f"{name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error
    return _Reader(name).body_map(data)


class _Reader:
    """Turns parsed JSON into a :class:`BodyMap`, naming the place of the first problem."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, place: str, problem: str) -> BodyMapError:
        return BodyMapError(
            f"{self.name}: {place}: {problem}" if place else f"{self.name}: {problem}"
        )

    def body_map(self, data: Any) -> BodyMap:
        if not isinstance(data, dict):
            raise self.fail("", "must be a JSON object")
        if data.get("format") != FORMAT:
            raise self.fail("format", f"must be {FORMAT!r}")
        version = data.get("version")
        if type(version) is not int or version != VERSION:
            raise self.fail("version", f"must be {VERSION} (found {version!r})")
        views = self.views(data.get("views"))
        shapes = self.shapes(data.get("shapes"), {view.id: view for view in views})
        return BodyMap(views, shapes)

    def views(self, raw: Any) -> list[View]:
        if not isinstance(raw, list) or not raw:
            raise self.fail("views", "must be a non-empty list")
        views: list[View] = []
        seen: set[str] = set()
        for index, item in enumerate(raw):
            place = f"views[{index}]"
            if not isinstance(item, dict):
                raise self.fail(place, "must be an object")
            view_id = item.get("id")
            if not isinstance(view_id, str) or not view_id:
                raise self.fail(f"{place}.id", "must be a non-empty string")
            if view_id in seen:
                raise self.fail(f"{place}.id", f"{view_id!r} is used twice")
            seen.add(view_id)
            title = item.get("title")
            if not isinstance(title, str) or not title.strip():
                raise self.fail(f"{place}.title", "must be a non-empty string")
            width = self.size(item.get("width"), f"{place}.width")
            height = self.size(item.get("height"), f"{place}.height")
            clients_left = item.get("clients_left")
            if clients_left not in CLIENTS_LEFT:
                raise self.fail(f"{place}.clients_left", "must be 'viewer-left' or 'viewer-right'")
            views.append(View(view_id, title, width, height, clients_left))
        return views

    def size(self, raw: Any, place: str) -> float:
        if not _is_number(raw) or not math.isfinite(raw) or raw <= 0:
            raise self.fail(place, "must be a positive number")
        return float(raw)

    def shapes(self, raw: Any, views: dict[str, View]) -> list[Shape]:
        if not isinstance(raw, list):
            raise self.fail("shapes", "must be a list")
        shapes: list[Shape] = []
        seen: dict[tuple[str, str, str], int] = {}
        for index, item in enumerate(raw):
            place = f"shapes[{index}]"
            shape = self.shape(item, place, views)
            key = (shape.view, shape.region, shape.side)
            if key in seen:
                raise self.fail(
                    place,
                    f"repeats shapes[{seen[key]}] ({shape.view}, {shape.region}, {shape.side})",
                )
            seen[key] = index
            shapes.append(shape)
        return shapes

    def shape(self, item: Any, place: str, views: dict[str, View]) -> Shape:
        if not isinstance(item, dict):
            raise self.fail(place, "must be an object")
        view_id = item.get("view")
        if view_id not in views:
            raise self.fail(f"{place}.view", f"unknown view {view_id!r}")
        view = views[view_id]
        region = item.get("region")
        if region not in _PAIRED and region not in _MIDLINE:
            raise self.fail(f"{place}.region", f"unknown region {region!r}")
        side = item.get("side")
        if region in _PAIRED and side not in ("left", "right"):
            raise self.fail(
                f"{place}.side", f"must be 'left' or 'right' for {region} (found {side!r})"
            )
        if region in _MIDLINE and side != "midline":
            raise self.fail(f"{place}.side", f"must be 'midline' for {region} (found {side!r})")
        polygon = self.polygon(item.get("polygon"), f"{place}.polygon", view)
        anchor = self.point(item.get("anchor"), f"{place}.anchor")
        if not _inside(polygon, *anchor):
            raise self.fail(
                f"{place}.anchor", f"({anchor[0]:g}, {anchor[1]:g}) lies outside the polygon"
            )
        return Shape(view.id, str(region), str(side), polygon, anchor)

    def polygon(self, raw: Any, place: str, view: View) -> tuple[Point, ...]:
        if not isinstance(raw, list) or len(raw) < 3:
            raise self.fail(place, "needs at least 3 points")
        points = tuple(self.point(item, f"{place}[{i}]") for i, item in enumerate(raw))
        for i, (x, y) in enumerate(points):
            if not (0 <= x <= view.width and 0 <= y <= view.height):
                raise self.fail(
                    f"{place}[{i}]",
                    f"({x:g}, {y:g}) lies outside the {view.id} view "
                    f"({view.width:g} x {view.height:g})",
                )
        if _area(points) == 0:
            raise self.fail(place, "has no area")
        return points

    def point(self, raw: Any, place: str) -> Point:
        if (
            not isinstance(raw, list)
            or len(raw) != 2
            or not all(_is_number(v) and math.isfinite(v) for v in raw)
        ):
            raise self.fail(place, "must be a point [x, y] of two finite numbers")
        return (float(raw[0]), float(raw[1]))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _area(polygon: tuple[Point, ...]) -> float:
    total = 0.0
    x0, y0 = polygon[-1]
    for x1, y1 in polygon:
        total += x0 * y1 - x1 * y0
        x0, y0 = x1, y1
    return abs(total) / 2.0


def _inside(polygon: tuple[Point, ...], x: float, y: float) -> bool:
    """Even-odd ray casting: count the edges a ray to the right of the point crosses."""
    inside = False
    x0, y0 = polygon[-1]
    for x1, y1 in polygon:
        if (y1 > y) != (y0 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
        x0, y0 = x1, y1
    return inside
