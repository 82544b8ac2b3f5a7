"""The monofilament screen on the protocol's soles view: a filled dot where the filament
was not felt, a ring where it was; and the legend's two marks."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from planner.core.bodymap import BodyMap, View
from planner.core.measures import Measures, site_label
from planner.core.sitemap import SOLES, site_points

NOT_FELT = colors.HexColor("#6a1b9a")


def site_marks(
    body: BodyMap, view: View, measures: Measures, scale: float, lift: float
) -> list[tuple[float, float, bool]]:
    """(x, y, felt) of each screened site in the picture's points (PDF y up)."""
    if view.id != SOLES or not measures.monofilament:
        return []
    points = site_points(body)
    return [
        (points[key][0] * scale, (view.height - points[key][1]) * scale + lift, felt)
        for key, felt in measures.monofilament
        if key in points
    ]


def paint_site(canvas: Any, x: float, y: float, felt: bool, radius: float) -> None:
    canvas.saveState()
    canvas.setLineWidth(max(radius * 0.35, 0.8))
    canvas.setStrokeColor(NOT_FELT if felt else colors.white)
    canvas.setFillColor(colors.white if felt else NOT_FELT)
    canvas.circle(x, y, radius, stroke=1, fill=1)
    canvas.restoreState()


class SiteDot(Flowable):
    """The legend's mark for a site felt (a ring) or not felt (a filled dot)."""

    def __init__(self, felt: bool, size: float) -> None:
        super().__init__()
        self.felt = felt
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size * 1.4, self.size * 1.2

    def draw(self) -> None:
        radius = self.size * 0.4
        # A white ring needs a dark edge to show in the legend.
        self.canv.setStrokeColor(NOT_FELT)
        self.canv.setFillColor(colors.white if self.felt else NOT_FELT)
        self.canv.circle(self.size * 0.6, self.size * 0.6, radius, stroke=1, fill=1)


def legend_rows(measures: Measures) -> list[tuple[bool, str]]:
    """(felt, text) of the legend's monofilament lines (none without a screen)."""
    if not measures.monofilament:
        return []
    missed = [site_label(key) for key, felt in measures.monofilament if not felt]
    felt = [site_label(key) for key, felt in measures.monofilament if felt]
    rows = []
    if missed:
        rows.append((False, "Monofilament (10 g) not felt: " + ", ".join(missed)))
    if felt:
        rows.append((True, "Monofilament felt: " + ", ".join(felt)))
    return rows
