"""The monofilament screen on the soles view: a ring where the filament was felt, a filled
dot where it was not (that site counts as numbness for the safety check)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QPainter, QPen

from planner.core.bodymap import BodyMap
from planner.core.measures import Measures
from planner.core.sitemap import SOLES, site_points
from planner.gui.bodymap.layout import Placed

NOT_FELT = "#6a1b9a"
RADIUS_PX = 4.5


@lru_cache(maxsize=4)
def _points(body: BodyMap) -> dict[str, tuple[float, float]]:
    return site_points(body)


def paint_sites(painter: QPainter, placed: Placed, body: BodyMap, measures: Measures) -> None:
    """Draw the screened sites of ``measures`` on the soles view (nothing on other views)."""
    if placed.view.id != SOLES or not measures.monofilament:
        return
    points = _points(body)
    for key, felt in measures.monofilament:
        if key not in points:
            continue
        pen = QPen(QColor(NOT_FELT if felt else "#ffffff"), 1.6)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QColor("#ffffff") if felt else QColor(NOT_FELT))
        painter.drawEllipse(placed.to_widget(*points[key]), RADIUS_PX, RADIUS_PX)
