"""A small line chart of one measure over a course, drawn with reportlab graphics.

Dates are spaced as they fell (a gap of a month looks like one); the scale is
the measure's whole range (0-10 for ratings), so that two charts side by side
are never misread. Values are written beside the points while there is room;
the first and the latest are always written.
"""

from __future__ import annotations

import datetime
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String

from planner.core.i18n import current
from planner.core.progress import MUCH_BETTER, WORSE, Series
from planner.export.fonts import BOLD, REGULAR
from planner.export.layout import ACCENT, INK, MUTED, RULE, SEVERITY_COLOURS

SCALE_TOP: dict[str, float] = {
    "pain_before": 10,
    "pain_after": 10,
    "symptom": 10,
    "mnsi_a": 13,
    "monofilament_not_felt": 6,
}
GOOD = ACCENT
BAD = SEVERITY_COLOURS["contraindicated"][0]
# Beyond this many visits a chart shows the trend (a summary of the values is under it).
MANY_POINTS = 60
# Points further apart than this (in points on the page) each get their value written.
LABEL_ROOM = 16


def _day(text: str) -> int:
    try:
        return datetime.date.fromisoformat(text).toordinal()
    except ValueError:
        return 0


def short_date(text: str) -> str:
    """``2026-11-21`` as ``21 Nov 2026``."""
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return text
    return current().short_date(day)


def _value(value: float) -> str:
    return current().number(value)


def _thinned(coords: list[tuple[float, float]], step: float = 3.0) -> list[tuple[float, float]]:
    """The line of a long course with the lowest and highest point of each ``step`` of width.

    Every rise and fall stays visible at the page's resolution, with a fraction of the
    points (each one is a number reportlab formats in Python).
    """
    kept: list[tuple[float, float]] = []
    bucket: list[tuple[float, float]] = []
    for point in coords:
        if bucket and point[0] - bucket[0][0] >= step:
            kept.extend(_ends(bucket))
            bucket = []
        bucket.append(point)
    kept.extend(_ends(bucket))
    kept[0], kept[-1] = coords[0], coords[-1]
    return kept


def _ends(bucket: list[tuple[float, float]]) -> list[tuple[float, float]]:
    if len(bucket) <= 2:
        return bucket
    low = min(bucket, key=lambda point: point[1])
    high = max(bucket, key=lambda point: point[1])
    return sorted({low, high}, key=lambda point: point[0])


def _text(
    drawing: Drawing,
    at: tuple[float, float],
    text: str,
    size: float,
    colour: Any,
    anchor: str,
    bold: bool = False,
) -> None:
    drawing.add(
        String(*at, text, fontName=BOLD if bold else REGULAR, fontSize=size, fillColor=colour,
               textAnchor=anchor)
    )  # fmt: skip


def chart(series: Series, width: float, height: float, font_size: float) -> Drawing:
    """The series drawn in a ``width`` x ``height`` drawing."""
    drawing = Drawing(width, height)
    small = font_size * 0.85
    top = SCALE_TOP.get(series.measure, 10)
    left, right = font_size * 2.2, font_size * 1.5
    bottom, ceiling = font_size * 2.0, font_size * 1.2
    plot_w, plot_h = width - left - right, height - bottom - ceiling
    for tick in (0, round(top / 2), top):
        y = bottom + plot_h * tick / top
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.6))
        _text(drawing, (left - 4, y - font_size * 0.35), _value(tick), small, MUTED, "end")
    days = [_day(date) for date, _ in series.points]
    first, last = min(days), max(days)
    span = max(last - first, 1)

    inset = font_size * 1.2  # the first and last points clear of the scale's labels

    def x_of(day: int) -> float:
        if last == first:
            return left + plot_w / 2
        return left + inset + (plot_w - 2 * inset) * (day - first) / span

    coords = [
        (x_of(day), bottom + plot_h * min(max(value, 0), top) / top)
        for day, (_, value) in zip(days, series.points, strict=True)
    ]
    colour = {MUCH_BETTER: GOOD, WORSE: BAD}.get(series.flag or "", INK)
    # A long course is a trend: a thinner line, dots and values at the first and latest only.
    many = len(coords) > MANY_POINTS
    if len(coords) > 1:
        line = _thinned(coords) if many else coords
        flat = [c for point in line for c in point]
        drawing.add(PolyLine(flat, strokeColor=colour, strokeWidth=1.0 if many else 1.6))
    radius = 2.4
    previous_x = -float(LABEL_ROOM)
    for index, (x, y) in enumerate(coords):
        ends = index in (0, len(coords) - 1)
        if many and not ends:
            continue
        drawing.add(Circle(x, y, radius, fillColor=colour, strokeColor=colour))
        if ends or (x - previous_x >= LABEL_ROOM and len(coords) - 1 - index > 0):
            value = _value(series.points[index][1])
            _text(drawing, (x, y + radius + 2), value, small, INK, "middle", bold=ends)
            previous_x = x
    label_y = bottom - font_size * 1.3
    dates = [series.points[0][0], series.points[-1][0]]
    _text(drawing, (left, label_y), short_date(dates[0]), small, MUTED, "start")
    if len(coords) > 1:
        _text(drawing, (left + plot_w, label_y), short_date(dates[1]), small, MUTED, "end")
    return drawing
