"""The body picture, drawn with reportlab graphics from the shared body-map geometry.

The geometry (``resources/body_map.json``, read by :mod:`planner.core.bodymap`)
is the one the window draws too: polygons by region id, never positions stored
in plans. Here every shape is painted in the map's order with a soft neutral
fill; on top come, in this order, the areas the session works (a light tint),
the symptom areas (a colour per kind) and the areas to avoid (red hatching
clipped to the shape, a red outline and a numbered callout that the legend
explains). Each view is labelled with the client's left and right as the view
shows them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from planner.core import colours as palette
from planner.core.bodymap import BodyMap, Point, Shape, View, load_body_map
from planner.core.library import Exercise, Library
from planner.core.plan import SessionPlan
from planner.core.regions import BOTH, DESCENDANTS, area_name
from planner.core.vocab import AVOID_REASONS, SYMPTOM_KINDS
from planner.export.common import FittingRow, capitalised, gap, para
from planner.export.fonts import BOLD, REGULAR
from planner.export.layout import ACCENT, INK, MUTED, Styles, table_base_style

PROTOCOL_VIEWS = ("front", "back", "soles")
# The window's body map uses the same colours (planner.core.colours).
BASE_FILL = colors.HexColor(palette.BASE_FILL)
BASE_LINE = colors.HexColor(palette.BASE_LINE)
WORKED_FILL = colors.HexColor(palette.WORKED_FILL)
AVOID_RED = colors.HexColor(palette.AVOID_RED)
SYMPTOM_COLOURS: dict[str, colors.Color] = {
    kind: colors.HexColor(value) for kind, value in palette.SYMPTOM_COLOURS.items()
}
_SYMPTOM_OPACITY = palette.SYMPTOM_OPACITY
_HATCH_STEP = 3.2
# Outline detail finer than this (in points on paper) is dropped before drawing.
_TOLERANCE = 0.3


def _new_drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is ours: the default would put Helvetica in the PDF."""
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR
    return drawing


def _flip(points: Iterable[Sequence[float]], view_height: float) -> list[float]:
    """Map coordinates (y grows downwards) to reportlab's (y grows upwards), flattened."""
    flat: list[float] = []
    for x, y in points:
        flat += [float(x), view_height - float(y)]
    return flat


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


@lru_cache(maxsize=4096)
def _simplified(polygon: tuple[Point, ...], tolerance: float) -> tuple[Point, ...]:
    """The outline with the points a printer could not show removed.

    Every point costs drawing time and file size; at the sizes we print, points
    closer than a fraction of a point to their neighbours' line are invisible.
    """
    if len(polygon) <= 8:
        return polygon
    closed = [*polygon, polygon[0]]
    simple = _rdp(closed, tolerance)[:-1]
    return tuple(simple) if len(simple) >= 3 else polygon


def _polygon(shape: Shape, view: View, tolerance: float = 0.0, **style: Any) -> Polygon:
    points = _simplified(shape.polygon, round(tolerance, 3)) if tolerance else shape.polygon
    return Polygon(_flip(points, view.height), **style)


def _hatched(shape: Shape, view: View, tolerance: float) -> Group:
    """Red diagonal hatching clipped to the shape, with a red outline."""
    points = _flip(_simplified(shape.polygon, round(tolerance, 3)), view.height)
    clip = Path(strokeColor=None, fillColor=None, isClipPath=1)
    clip.moveTo(points[0], points[1])
    for i in range(2, len(points), 2):
        clip.lineTo(points[i], points[i + 1])
    clip.closePath()
    x0, y0, x1, y1 = _bounds(points)
    group = Group(clip)
    group.add(Rect(x0, y0, x1 - x0, y1 - y0, fillColor=colors.white, strokeColor=None))
    span = (x1 - x0) + (y1 - y0)
    offset = 0.0
    while offset <= span:
        group.add(
            Line(
                x0 + offset, y0, x0 + offset - (y1 - y0), y1, strokeColor=AVOID_RED, strokeWidth=0.9
            )
        )
        offset += _HATCH_STEP
    outer = Group(group)
    outer.add(Polygon(points, fillColor=None, strokeColor=AVOID_RED, strokeWidth=1.1))
    return outer


def _bounds(flat: Sequence[float]) -> tuple[float, float, float, float]:
    xs, ys = flat[0::2], flat[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def _matches(body: BodyMap, view: View, region: str, side: str) -> list[Shape]:
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
    return _in_paint_order(body, view, parts)


def _in_paint_order(body: BodyMap, view: View, chosen: Iterable[Shape]) -> list[Shape]:
    wanted = {id(shape) for shape in chosen}
    return [shape for shape in body.shapes_in(view.id) if id(shape) in wanted]


def _side_labels(view: View, *, own: bool) -> tuple[str, str]:
    """(text at the viewer's left, text at the viewer's right)."""
    left, right = ("your left", "your right") if own else ("client's left", "client's right")
    if view.clients_left == "viewer-left":
        return f"← {left}", f"{right} →"
    return f"← {right}", f"{left} →"


def _callout(x: float, y: float, number: int, radius: float) -> Group:
    badge = Group(
        Circle(x, y, radius, fillColor=AVOID_RED, strokeColor=colors.white, strokeWidth=1)
    )
    badge.add(
        String(
            x,
            y - radius * 0.42,
            str(number),
            fontName=BOLD,
            fontSize=radius * 1.25,
            fillColor=colors.white,
            textAnchor="middle",
        )
    )
    return badge


def _view_drawing(
    body: BodyMap,
    view: View,
    plan: SessionPlan,
    scale: float,
    font_size: float,
) -> Drawing:
    """One view of the body with the plan's worked, symptom and avoided areas."""
    title_h = font_size * 1.8
    label_h = font_size * 1.9
    width = view.width * scale
    height = view.height * scale
    drawing = _new_drawing(width, height + title_h + label_h)
    figure = Group(transform=(scale, 0, 0, scale, 0, label_h))
    tolerance = _TOLERANCE / scale
    line = 0.6 / scale
    for shape in body.shapes_in(view.id):
        figure.add(
            _polygon(
                shape, view, tolerance, fillColor=BASE_FILL, strokeColor=BASE_LINE, strokeWidth=line
            )
        )
    tinted: list[Shape] = []
    worked = [s for step in plan.steps for s in _matches(body, view, step.region, step.side)]
    for shape in _in_paint_order(body, view, worked):
        figure.add(_polygon(shape, view, tolerance, fillColor=WORKED_FILL, strokeColor=None))
        tinted.append(shape)
    for symptom in plan.symptoms:
        colour = SYMPTOM_COLOURS.get(symptom.kind, MUTED)
        for shape in _matches(body, view, symptom.region, symptom.side):
            figure.add(
                _polygon(
                    shape,
                    view,
                    tolerance,
                    fillColor=colour,
                    fillOpacity=_SYMPTOM_OPACITY,
                    strokeColor=None,
                )
            )
            tinted.append(shape)
    # Outlines again over the tints, so that the parts under a tinted container show.
    for shape in _overlapping(body, view, tinted):
        figure.add(
            _polygon(
                shape, view, tolerance, fillColor=None, strokeColor=BASE_LINE, strokeWidth=line
            )
        )
    placed: list[tuple[float, float]] = []
    badges = Group()
    radius = max(font_size * 0.75, 5.5)
    for number, avoided in enumerate(plan.avoid, start=1):
        shapes = _in_paint_order(body, view, _matches(body, view, avoided.region, avoided.side))
        for shape in shapes:
            group = _hatched(shape, view, tolerance)
            group.transform = (1, 0, 0, 1, 0, 0)
            figure.add(group)
        for shape in _callout_shapes(shapes):
            x = shape.anchor[0] * scale
            y = (view.height - shape.anchor[1]) * scale + label_h
            while any(abs(x - px) < radius * 2 and abs(y - py) < radius * 2 for px, py in placed):
                y -= radius * 2.1
            placed.append((x, y))
            badges.add(_callout(x, y, number, radius))
    drawing.add(figure)
    drawing.add(badges)
    drawing.add(
        String(
            width / 2,
            height + label_h + font_size * 0.6,
            view.title,
            fontName=BOLD,
            fontSize=font_size * 1.05,
            fillColor=INK,
            textAnchor="middle",
        )
    )
    at_left, at_right = _side_labels(view, own=False)
    for x, text, anchor in ((0, at_left, "start"), (width, at_right, "end")):
        drawing.add(
            String(
                x,
                font_size * 0.4,
                text,
                fontName=REGULAR,
                fontSize=font_size * 0.85,
                fillColor=MUTED,
                textAnchor=anchor,
            )
        )
    return drawing


def _overlapping(body: BodyMap, view: View, shapes: list[Shape]) -> list[Shape]:
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


def _callout_shapes(shapes: list[Shape]) -> list[Shape]:
    """The largest shape on each side: one callout per side and view is enough."""
    best: dict[str, Shape] = {}
    for shape in shapes:
        current = best.get(shape.side)
        if current is None or shape.area > current.area:
            best[shape.side] = shape
    return list(best.values())


def _views(body: BodyMap, wanted: Sequence[str]) -> list[View]:
    views = list(body.views.values()) if isinstance(body.views, dict) else list(body.views)
    chosen = [view for name in wanted for view in views if view.id == name]
    return chosen or views


def _badge_drawing(number: int, size: float) -> Drawing:
    drawing = _new_drawing(size * 1.6, size * 1.4)
    drawing.add(_callout(size * 0.8, size * 0.7, number, size * 0.62))
    return drawing


def _swatch(colour: colors.Color, size: float, *, opacity: float = 1.0) -> Drawing:
    drawing = _new_drawing(size * 1.6, size * 1.1)
    drawing.add(
        Rect(
            size * 0.1,
            size * 0.1,
            size * 1.3,
            size * 0.9,
            fillColor=colour,
            fillOpacity=opacity,
            strokeColor=BASE_LINE,
            strokeWidth=0.5,
        )
    )
    return drawing


def _legend(
    plan: SessionPlan, body: BodyMap, views: list[View], styles: Styles, width: float
) -> Table:
    cell = styles.cell
    size = styles.size
    rows: list[list[Any]] = []
    shown = {
        index
        for index, avoided in enumerate(plan.avoid)
        for view in views
        if _matches(body, view, avoided.region, avoided.side)
    }
    headers = []
    if plan.avoid:
        headers.append(len(rows))
        rows.append([Paragraph("Areas to avoid (red hatching)", styles.cell_bold), ""])
    for index, avoided in enumerate(plan.avoid):
        text = f"{capitalised(area_name(avoided.region, avoided.side))}: "
        text += AVOID_REASONS.get(avoided.reason, avoided.reason).lower()
        if avoided.note.strip():
            text += f" ({avoided.note.strip()})"
        if index not in shown:
            text += " (not visible in these views)"
        rows.append([_badge_drawing(index + 1, size), para(text, cell)])
    if plan.symptoms:
        headers.append(len(rows))
        rows.append([Paragraph("What the client feels", styles.cell_bold), ""])
    for symptom in plan.symptoms:
        text = f"{SYMPTOM_KINDS.get(symptom.kind, symptom.kind)}: "
        text += area_name(symptom.region, symptom.side)
        if symptom.intensity is not None:
            text += f", {symptom.intensity}/10"
        colour = SYMPTOM_COLOURS.get(symptom.kind, MUTED)
        rows.append([_swatch(colour, size, opacity=_SYMPTOM_OPACITY), para(text, cell)])
    rows.append([_swatch(WORKED_FILL, size), Paragraph("Worked in this session", cell)])
    table = Table(rows, colWidths=[size * 2.2, width - size * 2.2], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            table_base_style(styles)
            + [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
            + [("SPAN", (0, row), (1, row)) for row in headers]
            + [("TOPPADDING", (0, row), (-1, row), styles.size * 0.5) for row in headers[1:]]
        )
    )
    return table


def protocol_map(plan: SessionPlan, library: Library, styles: Styles, width: float) -> list[Any]:
    """Front, back and soles side by side, then the legend of reasons and symptoms."""
    body = load_body_map()
    views = _views(body, PROTOCOL_VIEWS)
    gutter = styles.size * 1.6
    cell = (width - gutter * (len(views) - 1)) / len(views)
    max_height = styles.size * 31
    scale = min(min(cell / view.width, max_height / view.height) for view in views)
    drawings = [_view_drawing(body, view, plan, scale, styles.size) for view in views]
    row = FittingRow(drawings, width)
    return [row, gap(styles.size * 0.8), _legend(plan, body, views, styles, width)]


def exercise_picture(exercise: Exercise, styles: Styles, size: float) -> Drawing | None:
    """A small picture of where the exercise is done, both sides highlighted."""
    if not exercise.regions:
        return None
    body = load_body_map()
    best: tuple[float, View, list[Shape]] | None = None
    for view in _views(body, ()):
        shapes = [s for region in exercise.regions for s in _matches(body, view, region, BOTH)]
        score = sum(shape.area for shape in shapes)
        if shapes and (best is None or score > best[0]):
            best = (score, view, shapes)
    if best is None:
        return None
    _, view, shapes = best
    return _cropped_view(body, view, shapes, size, styles.size * 0.72)


def _cropped_view(
    body: BodyMap, view: View, highlight: list[Shape], size: float, font_size: float
) -> Drawing:
    """The part of ``view`` around the highlighted shapes, scaled into a square."""
    xs = [x for shape in highlight for x, _ in shape.polygon]
    ys = [y for shape in highlight for _, y in shape.polygon]
    pad = max(view.height * 0.08, (max(ys) - min(ys)) * 0.35)
    x0, x1 = max(0.0, min(xs) - pad), min(view.width, max(xs) + pad)
    y0, y1 = max(0.0, min(ys) - pad), min(view.height, max(ys) + pad)
    # Whole width of the view when it is narrow enough: left and right both show.
    if (view.width) <= (y1 - y0) * 1.2:
        x0, x1 = 0.0, view.width
    side = max(x1 - x0, y1 - y0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    x0, y0 = cx - side / 2, cy - side / 2
    label_h = font_size * 1.7
    scale = size / side
    at_left, at_right = _side_labels(view, own=True)
    # The labels may be wider than the picture (large print): then widen the drawing.
    labels_width = sum(stringWidth(text, REGULAR, font_size) for text in (at_left, at_right))
    total_width = max(size, labels_width + font_size)
    left = (total_width - size) / 2
    drawing = _new_drawing(total_width, size + label_h)
    frame = Path(strokeColor=None, fillColor=None, isClipPath=1)
    frame.moveTo(left, label_h)
    for px, py in ((left + size, label_h), (left + size, label_h + size), (left, label_h + size)):
        frame.lineTo(px, py)
    frame.closePath()
    clipped = Group(frame)
    # Shift the crop box to the origin and flip y: view (x, y) -> drawing coordinates.
    figure = Group(
        transform=(
            scale,
            0,
            0,
            scale,
            left - x0 * scale,
            label_h - (view.height - (y0 + side)) * scale,
        )
    )
    line = 0.6 / scale
    tolerance = _TOLERANCE / scale
    crop = (x0, y0, x0 + side, y0 + side)
    visible = [
        shape
        for shape in body.shapes_in(view.id)
        if shape.bounds[0] <= crop[2]
        and crop[0] <= shape.bounds[2]
        and shape.bounds[1] <= crop[3]
        and crop[1] <= shape.bounds[3]
    ]
    for shape in visible:
        figure.add(
            _polygon(
                shape, view, tolerance, fillColor=BASE_FILL, strokeColor=BASE_LINE, strokeWidth=line
            )
        )
    # Highlights over every base fill (a container's polygon then covers its parts),
    # then the outlines of what lies under them once more.
    for shape in _in_paint_order(body, view, highlight):
        figure.add(
            _polygon(shape, view, tolerance, fillColor=ACCENT, fillOpacity=0.7, strokeColor=None)
        )
    for shape in _overlapping(body, view, highlight):
        figure.add(
            _polygon(
                shape, view, tolerance, fillColor=None, strokeColor=BASE_LINE, strokeWidth=line
            )
        )
    clipped.add(figure)
    drawing.add(clipped)
    drawing.add(
        Rect(left, label_h, size, size, fillColor=None, strokeColor=BASE_LINE, strokeWidth=0.5)
    )
    for x, text, anchor in ((0, at_left, "start"), (total_width, at_right, "end")):
        drawing.add(
            String(
                x,
                font_size * 0.45,
                text,
                fontName=REGULAR,
                fontSize=font_size,
                fillColor=MUTED,
                textAnchor=anchor,
            )
        )
    return drawing
