"""Painting the body map's shapes with QPainter, in the PDF's colours.

Shared by the map (:mod:`planner.gui.bodymap.view`) and its legend. Paths come in
widget coordinates; pens are cosmetic, so lines keep their width at any scale.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from planner.core import colours
from planner.core.bodymap import Shape

HATCH_PX = 5.0
# The outline of the step selected in the steps table: dark, so that it stands apart from
# the palette-coloured hover and selection and from the red of an avoided area.
STEP_LINE = "#0b3d35"


def _pen(colour: str | QColor, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)
    return pen


def symptom_colour(kind: str) -> QColor:
    """The kind's colour at the PDF's opacity."""
    colour = QColor(colours.SYMPTOM_COLOURS.get(kind, colours.SYMPTOM_OTHER))
    colour.setAlphaF(colours.SYMPTOM_OPACITY)
    return colour


def shape_path(shape: Shape) -> QPainterPath:
    """The shape's polygon as a closed path, in view units."""
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in shape.polygon]))
    path.closeSubpath()
    return path


def paint_shape(
    painter: QPainter,
    path: QPainterPath,
    *,
    worked: bool,
    symptoms: Sequence[str],
    avoided: bool,
) -> None:
    """Fill (worked or plain), symptom tints, red hatching when avoided, then the outline."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colours.WORKED_FILL if worked else colours.BASE_FILL))
    painter.drawPath(path)
    for kind in symptoms:
        painter.setBrush(symptom_colour(kind))
        painter.drawPath(path)
    if avoided:
        hatch(painter, path)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(_pen(colours.AVOID_RED, 1.6) if avoided else _pen(colours.BASE_LINE, 1.0))
    painter.drawPath(path)


def paint_highlight(
    painter: QPainter, path: QPainterPath, colour: QColor, width: float, alpha: int, *, dashed: bool
) -> None:
    """A wash and an outline in the palette's highlight colour (hover, selection)."""
    wash = QColor(colour)
    wash.setAlpha(alpha)
    pen = _pen(colour, width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(wash)
    painter.drawPath(path)


def paint_step_outline(painter: QPainter, path: QPainterPath) -> None:
    """The selected step's area: a dark outline on a light halo, readable on any fill."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(_pen("#ffffff", 5.0))
    painter.drawPath(path)
    pen = _pen(STEP_LINE, 2.6)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.drawPath(path)


def hatch(painter: QPainter, path: QPainterPath, step: float = HATCH_PX) -> None:
    """Red diagonal lines ``step`` pixels apart, clipped to the path (as in the PDF)."""
    painter.save()
    painter.setClipPath(path)
    painter.setPen(_pen(colours.AVOID_RED, 1.0))
    box = path.boundingRect()
    offset = 0.0
    while offset <= box.width() + box.height():
        x = box.left() + offset
        painter.drawLine(QPointF(x, box.top()), QPointF(x - box.height(), box.bottom()))
        offset += step
    painter.restore()


def paint_swatch(painter: QPainter, box: QRectF, key: str) -> None:
    """A legend swatch: "worked", "avoid", "step" (the selected one) or a symptom kind."""
    path = QPainterPath()
    path.addRect(box)
    if key == "step":
        paint_shape(painter, path, worked=True, symptoms=(), avoided=False)
        paint_step_outline(painter, path)
    elif key in ("worked", "avoid"):
        paint_shape(painter, path, worked=key == "worked", symptoms=(), avoided=key == "avoid")
    else:
        paint_shape(painter, path, worked=False, symptoms=(key,), avoided=False)
