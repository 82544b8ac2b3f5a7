"""Painting body-map shapes straight onto a reportlab canvas.

The body pictures hold thousands of outline points. reportlab's graphics
renderer formats every coordinate with its pure-Python number formatter and
gives every shape its own graphics state; that made the pictures the slowest
part of an export, and its import alone cost more than the rest of a picture.
Here each outline becomes PDF path operators once per shape and scale (with
Python's own float formatting), and shapes that share a style are painted
inside one graphics state. Colours, line widths, transparency and text still
go through the canvas's own methods, so its graphics state stays right.

Paths are in the view's units with y flipped (PDF's y grows upwards); a
picture maps them to points with one transform.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from planner.core import colours as palette
from planner.core.bodymap import Point, Shape, View
from planner.core.i18n import _
from planner.export.fonts import BOLD

# The window's body map uses the same colours (planner.core.colours).
BASE_FILL = colors.HexColor(palette.BASE_FILL)
BASE_LINE = colors.HexColor(palette.BASE_LINE)
WORKED_FILL = colors.HexColor(palette.WORKED_FILL)
AVOID_RED = colors.HexColor(palette.AVOID_RED)
SYMPTOM_COLOURS: dict[str, colors.Color] = {
    kind: colors.HexColor(value) for kind, value in palette.SYMPTOM_COLOURS.items()
}
SYMPTOM_OPACITY = palette.SYMPTOM_OPACITY
# Outline detail finer than this (in points on paper) is dropped before drawing.
TOLERANCE = 0.3
_HATCH_STEP = 3.2
_HATCH_WIDTH = 0.9
_HATCH_OUTLINE = 1.1

Bounds = tuple[float, float, float, float]
# (shape, its path operators, bounds of the drawn outline) by (id(shape), tolerance).
# Holding the shape keeps its id from being reused by another object.
_PATHS: dict[tuple[int, float], tuple[Shape, str, Bounds]] = {}


def _rdp(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Ramer-Douglas-Peucker: drop points closer than ``tolerance`` to the simplified line."""
    stack = [(0, len(points) - 1)]
    keep = {0, len(points) - 1}
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = points[first], points[last]
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy)
        worst, worst_at = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs(dy * px - dx * py + x1 * y0 - y1 * x0) / length
            else:
                distance = math.hypot(px - x0, py - y0)
            if distance > worst:
                worst, worst_at = distance, i
        if worst > tolerance:
            keep.add(worst_at)
            stack += [(first, worst_at), (worst_at, last)]
    return [points[i] for i in sorted(keep)]


def simplified(polygon: tuple[Point, ...], tolerance: float) -> tuple[Point, ...]:
    """The outline with the points a printer could not show removed.

    Every point costs drawing time and file size; at the sizes we print, points
    closer than a fraction of a point to their neighbours' line are invisible.
    """
    if not tolerance or len(polygon) <= 8:
        return polygon
    closed = [*polygon, polygon[0]]
    simple = _rdp(closed, tolerance)[:-1]
    return tuple(simple) if len(simple) >= 3 else polygon


def shape_path(shape: Shape, view: View, tolerance: float) -> tuple[str, Bounds]:
    """``"x y m x y l ... h"`` for the shape's outline (y flipped), and the outline's bounds.

    Computed once per shape and tolerance in a process: the same outline is
    painted several times (base, tint, outline again) and in both documents.
    """
    key = (id(shape), round(tolerance, 3))
    found = _PATHS.get(key)
    if found is not None:
        return found[1], found[2]
    height = view.height
    points = [(float(x), height - float(y)) for x, y in simplified(shape.polygon, key[1])]
    (x, y), rest = points[0], points[1:]
    parts = [f"{x:.2f} {y:.2f} m"]
    parts += [f"{x:.2f} {y:.2f} l" for x, y in rest]
    parts.append("h")
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    bounds = (min(xs), min(ys), max(xs), max(ys))
    path = " ".join(parts)
    _PATHS[key] = (shape, path, bounds)
    return path, bounds


def start_picture(canvas: Canvas) -> None:
    """Open a graphics state with PDF's default line style, whatever was drawn before."""
    canvas.saveState()
    canvas.addLiteral("0 J 0 j [] 0 d")


def fill_shapes(
    canvas: Canvas,
    view: View,
    shapes: Iterable[Shape],
    tolerance: float,
    *,
    fill: colors.Color | None = None,
    stroke: colors.Color | None = None,
    width: float = 1.0,
    opacity: float = 1.0,
) -> None:
    """Fill and/or outline shapes, in order, all in one style (even-odd, like the window)."""
    operator = "S" if fill is None else "f*" if stroke is None else "B*"
    code = [f"n {shape_path(shape, view, tolerance)[0]} {operator}" for shape in shapes]
    if not code:
        return
    canvas.saveState()
    if fill is not None:
        canvas.setFillColor(fill)
        if opacity < 1:
            canvas.setFillAlpha(opacity)
    if stroke is not None:
        canvas.setStrokeColor(stroke)
        canvas.setLineWidth(width)
    canvas.addLiteral("\n".join(code))
    canvas.restoreState()


def hatch_shape(canvas: Canvas, view: View, shape: Shape, tolerance: float) -> None:
    """Red diagonal hatching on white, clipped to the shape, then a red outline.

    The white under the hatching hides any symptom tint: an area to avoid is
    the one thing that must read at a glance.
    """
    path, (x0, y0, x1, y1) = shape_path(shape, view, tolerance)
    canvas.saveState()
    canvas.addLiteral(f"n {path} W* n")
    canvas.setFillColor(colors.white)
    canvas.addLiteral(f"n {x0:.2f} {y0:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re f*")
    canvas.setStrokeColor(AVOID_RED)
    canvas.setLineWidth(_HATCH_WIDTH)
    rise = y1 - y0
    span = (x1 - x0) + rise
    lines = []
    offset = 0.0
    while offset <= span:
        x = x0 + offset
        lines.append(f"{x:.2f} {y0:.2f} m {x - rise:.2f} {y1:.2f} l")
        offset += _HATCH_STEP
    canvas.addLiteral("n " + " ".join(lines) + " S")
    canvas.restoreState()
    fill_shapes(canvas, view, [shape], tolerance, stroke=AVOID_RED, width=_HATCH_OUTLINE)


def badge(canvas: Canvas, x: float, y: float, number: int, radius: float) -> None:
    """A numbered red disc with a white rim: the callout the legend explains."""
    canvas.saveState()
    canvas.setFillColor(AVOID_RED)
    canvas.setStrokeColor(colors.white)
    canvas.setLineWidth(1)
    canvas.circle(x, y, radius, stroke=1, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(BOLD, radius * 1.25)
    canvas.drawCentredString(x, y - radius * 0.42, str(number))
    canvas.restoreState()


def label(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    font: str,
    size: float,
    colour: colors.Color,
    anchor: str = "start",
) -> None:
    """One line of our own text; ``anchor`` says whether x is its start, middle or end."""
    canvas.saveState()
    canvas.setFillColor(colour)
    canvas.setFont(font, size)
    if anchor == "middle":
        canvas.drawCentredString(x, y, text)
    elif anchor == "end":
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawString(x, y, text)
    canvas.restoreState()


def side_labels(view: View, *, own: bool) -> tuple[str, str]:
    """(text at the viewer's left, text at the viewer's right)."""
    if own:  # the client's papers speak to the client, in the client's language
        left, right = _("your left"), _("your right")
    else:
        left, right = "client's left", "client's right"
    if view.clients_left == "viewer-left":
        return f"← {left}", f"{right} →"
    return f"← {right}", f"{left} →"


class Picture(Flowable):
    """A fixed-size flowable that paints itself with :meth:`paint` on the canvas."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        start_picture(self.canv)
        self.paint(self.canv)
        self.canv.restoreState()

    def paint(self, canvas: Canvas) -> None:
        """Draw the picture with its origin at the bottom left."""
        raise NotImplementedError


class Badge(Picture):
    """A legend's numbered callout, the same as the one on the body map."""

    def __init__(self, number: int, size: float) -> None:
        super().__init__(size * 1.6, size * 1.4)
        self.number = number
        self.size = size

    def paint(self, canvas: Canvas) -> None:
        size = self.size
        badge(canvas, size * 0.8, size * 0.7, self.number, size * 0.62)


class Swatch(Picture):
    """A legend's colour sample, outlined like the body map's shapes."""

    def __init__(self, colour: colors.Color, size: float, *, opacity: float = 1.0) -> None:
        super().__init__(size * 1.6, size * 1.1)
        self.colour = colour
        self.opacity = opacity
        self.size = size

    def paint(self, canvas: Canvas) -> None:
        size = self.size
        canvas.setFillColor(self.colour)
        if self.opacity < 1:
            canvas.setFillAlpha(self.opacity)
        canvas.setStrokeColor(BASE_LINE)
        canvas.setLineWidth(0.5)
        canvas.rect(size * 0.1, size * 0.1, size * 1.3, size * 0.9, stroke=1, fill=1)
