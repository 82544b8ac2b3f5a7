"""One measure over the course, painted with QPainter: points, line, scale, flag colour.

QPainter rather than a plotting library: a chart here is a few dozen lines and
points, and QtCharts comes only in the PySide6 Addons wheel (over 100 MB), which
the project does not take; pyqtgraph would add numpy and its own start-up cost
for the same picture. Dates are spaced as they fell; the scale is the measure's
whole range, so charts side by side are never misread.
"""

from __future__ import annotations

import datetime
import functools

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from planner.core.progress import MUCH_BETTER, WORSE, Series

SCALE_TOP = {"mnsi_a": 13.0, "monofilament_not_felt": 6.0}
FLAG_COLOURS = {MUCH_BETTER: QColor("#1b6f6a"), WORSE: QColor("#b3261e")}
# Beyond this many visits a chart is a trend: a thin line, the first and latest points.
MANY_POINTS = 60


@functools.lru_cache(maxsize=4096)
def _day(text: str) -> int:
    try:
        return datetime.date.fromisoformat(text).toordinal()
    except ValueError:
        return 0


class SeriesChart(QWidget):
    """A small line chart of one series (about 110 pixels high)."""

    def __init__(self, series: Series, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(f"Chart: {series.label}")
        first, latest = series.points[0][1], series.points[-1][1]
        self.setAccessibleDescription(
            f"{len(series.points)} values from {first:g} to {latest:g}"
            + (f", {series.flag}" if series.flag else "")
        )
        days = [_day(date) for date, _ in series.points]
        self._first_day, self._span = min(days), max(max(days) - min(days), 1)
        self._days = days

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, 110)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(160, 110)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        top_value = SCALE_TOP.get(self.series.measure, 10.0)
        left = metrics.horizontalAdvance("13") + 8
        plot = QRectF(left, 6, self.width() - left - 10, self.height() - 6 - metrics.height() - 6)
        grid = self.palette().mid().color()
        text = self.palette().text().color()
        for tick in (0.0, round(top_value / 2), top_value):
            y = plot.bottom() - plot.height() * tick / top_value
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, left - 4, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{tick:g}",
            )
        points = self._points(plot, top_value)
        colour = FLAG_COLOURS.get(self.series.flag or "", text)
        many = len(points) > MANY_POINTS
        # A one-pixel line takes Qt's quick path: a wider antialiased line through 500
        # points took over 100 ms to paint, a thin one under 1 ms.
        painter.setPen(QPen(colour, 1 if many else 2))
        if len(points) > 1:
            painter.drawPolyline(QPolygonF(points))
        painter.setBrush(colour)
        for point in (points[0], points[-1]) if many else points:
            painter.drawEllipse(point, 3.0, 3.0)
        painter.setPen(text)
        baseline = QRectF(plot.left(), plot.bottom() + 4, plot.width(), metrics.height())
        dates = self.series.points
        painter.drawText(baseline, int(Qt.AlignmentFlag.AlignLeft), dates[0][0])
        if len(dates) > 1:
            painter.drawText(baseline, int(Qt.AlignmentFlag.AlignRight), dates[-1][0])
        painter.end()

    def _points(self, plot: QRectF, top_value: float) -> list[QPointF]:
        inset = 6.0
        width = plot.width() - 2 * inset
        result = []
        for day, (_, value) in zip(self._days, self.series.points, strict=True):
            if len(self._days) == 1 or self._span == 0:
                x = plot.center().x()
            else:
                x = plot.left() + inset + width * (day - self._first_day) / self._span
            y = plot.bottom() - plot.height() * min(max(value, 0.0), top_value) / top_value
            result.append(QPointF(x, y))
        return result
