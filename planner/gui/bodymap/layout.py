"""Where the body map's views go in a widget of a given size.

The views (front, back, soles, tops) can stand in a few arrangements: the body
above the feet, all in one row, or the feet stacked beside the body. The one
that lets the figures be drawn largest wins, so a tall dock, a wide pane and a
short tab all use their room. Each view has its title above and the side
labels below; sizes here are in widget pixels, geometry in view units.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QTransform

from planner.core.bodymap import View

MARGIN = 8.0
GUTTER = 20.0
ROW_GAP = 10.0

# Rows of columns of views stacked top to bottom.
Arrangement = list[list[list[View]]]


@dataclass
class Placed:
    """Where one view is drawn: its figure box in widget pixels and its scale."""

    view: View
    figure: QRectF
    scale: float

    def to_widget(self, x: float, y: float) -> QPointF:
        return QPointF(self.figure.x() + x * self.scale, self.figure.y() + y * self.scale)

    def to_view(self, point: QPointF) -> tuple[float, float]:
        return (
            (point.x() - self.figure.x()) / self.scale,
            (point.y() - self.figure.y()) / self.scale,
        )

    def transform(self) -> QTransform:
        return (
            QTransform().translate(self.figure.x(), self.figure.y()).scale(self.scale, self.scale)
        )


def arrangements(views: Sequence[View]) -> list[Arrangement]:
    """Body above feet; everything in one row; feet stacked beside the body."""
    tall = [view for view in views if view.height > view.width]
    rest = [view for view in views if view.height <= view.width]
    found: list[Arrangement] = [[[[view] for view in row] for row in (tall, rest) if row]]
    if tall and rest:
        found.append([[[view] for view in (*tall, *rest)]])
        found.append([[*([view] for view in tall), list(rest)]])
    return found


def _column_height(column: list[View], scale: float, text: float) -> float:
    return (
        sum(view.height for view in column) * scale
        + len(column) * text
        + ROW_GAP * (len(column) - 1)
    )


def _row_width(row: list[list[View]], scale: float) -> float:
    return sum(max(view.width for view in column) for column in row) * scale + GUTTER * (
        len(row) - 1
    )


def _size(arrangement: Arrangement, scale: float, text: float) -> tuple[float, float]:
    width = max(_row_width(row, scale) for row in arrangement)
    height = sum(max(_column_height(c, scale, text) for c in row) for row in arrangement)
    return width, height + ROW_GAP * (len(arrangement) - 1)


def _best_scale(arrangement: Arrangement, width: float, height: float, text: float) -> float:
    """The largest scale at which the arrangement fits (bisection: text does not scale)."""
    low, high = 0.0, 20.0
    for _ in range(40):
        middle = (low + high) / 2
        w, h = _size(arrangement, middle, text)
        if w <= width and h <= height:
            low = middle
        else:
            high = middle
    return low


def arrange(
    views: Sequence[View], width: float, height: float, title_h: float, label_h: float
) -> list[Placed]:
    """Each view's figure box, in the arrangement that draws the figures largest."""
    text = title_h + label_h
    room_w, room_h = width - 2 * MARGIN, height - 2 * MARGIN
    choices = [
        (_best_scale(a, room_w, room_h, text), i, a) for i, a in enumerate(arrangements(views))
    ]
    scale, _, arrangement = max(choices, key=lambda choice: (choice[0], -choice[1]))
    scale = max(scale, 0.05)
    _, used_h = _size(arrangement, scale, text)
    y = MARGIN + max(0.0, (room_h - used_h) / 2)
    placed: list[Placed] = []
    for row in arrangement:
        row_h = max(_column_height(column, scale, text) for column in row)
        x = (width - _row_width(row, scale)) / 2
        for column in row:
            column_w = max(view.width for view in column) * scale
            top = y + (row_h - _column_height(column, scale, text)) / 2
            for view in column:
                left = x + (column_w - view.width * scale) / 2
                figure = QRectF(left, top + title_h, view.width * scale, view.height * scale)
                placed.append(Placed(view, figure, scale))
                top += view.height * scale + text + ROW_GAP
            x += column_w + GUTTER
        y += row_h + ROW_GAP
    return placed


def side_labels(
    view: View, width: float | None = None, metrics: QFontMetricsF | None = None
) -> tuple[str, str, str]:
    """(at the viewer's left, in the middle, at the viewer's right) under a view.

    "← client's right … client's left →" when it fits in ``width``, else
    "← right  client's  left →", and "← R  client's  L →" when narrower still.
    """
    left, right = ("left", "right") if view.clients_left == "viewer-left" else ("right", "left")
    full = (f"← client's {left}", "", f"client's {right} →")
    if width is None or metrics is None:
        return full
    if sum(metrics.horizontalAdvance(text) for text in full) + 12 <= width:
        return full
    short = (f"← {left}", "client's", f"{right} →")
    if sum(metrics.horizontalAdvance(text) for text in short) + 12 <= width:
        return short
    return (f"← {left[0].upper()}", "client's", f"{right[0].upper()} →")
