"""A client's history: sessions newest first with their status, one chart per measure.

The visits are read from the stored form (no plans built), so a client with
500 sessions opens at once. Double-click a session to open it in the window.

Signals:
    open_requested(str): the id of the session to open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.core.progress import MUCH_BETTER, WORSE, Series, Visit, course_series
from planner.gui.course.chart import FLAG_COLOURS, SeriesChart

FLAG_WORDS = {MUCH_BETTER: "much better", WORSE: "worse"}


def change_text(series: Series) -> str:
    first, latest = series.points[0][1], series.points[-1][1]
    if len(series.points) < 2:
        return f"one value: {first:g}"
    text = f"{first:g} → {latest:g} ({latest - first:+g}) over {len(series.points)} visits"
    if series.flag:
        text += f": {FLAG_WORDS[series.flag]}"
    return text


class HistoryWindow(QWidget):
    """The history of one client (a window of its own)."""

    open_requested = Signal(str)

    def __init__(self, name: str, visits: list[Visit], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(f"History — {name}")
        self.setObjectName("history_window")
        self.resize(980, 680)
        self.visits = visits
        self.series = course_series(visits)
        splitter = QSplitter(self)
        splitter.addWidget(self._sessions())
        splitter.addWidget(self._charts())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.sessions.itemActivated.connect(self._on_open)

    def _sessions(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(["Date", "Session", "Status"])
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setAccessibleName("Sessions, newest first")
        tree.setUniformRowHeights(True)
        items = []
        for visit in reversed(self.visits):
            status = "signed" if visit.signed else visit.status
            item = QTreeWidgetItem([visit.date, visit.title or "Untitled", status])
            item.setData(0, Qt.ItemDataRole.UserRole, visit.id)
            items.append(item)
        tree.addTopLevelItems(items)
        tree.resizeColumnToContents(0)
        tree.setColumnWidth(1, 220)
        self.sessions = tree
        return tree

    def _charts(self) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        host = QWidget(area)
        column = QVBoxLayout(host)
        self.charts: list[SeriesChart] = []
        if not self.series:
            column.addWidget(QLabel("No measures taken at these visits yet.", host))
        for series in self.series:
            title = QLabel(f"<b>{series.label}</b>", host)
            change = QLabel(change_text(series), host)
            colour = FLAG_COLOURS.get(series.flag or "")
            if colour is not None:
                change.setStyleSheet(f"color: {colour.name()}; font-weight: bold")
            chart = SeriesChart(series, host)
            column.addWidget(title)
            column.addWidget(change)
            column.addWidget(chart)
            self.charts.append(chart)
        column.addStretch(1)
        area.setWidget(host)
        return area

    def _on_open(self, item: QTreeWidgetItem) -> None:
        self.open_requested.emit(str(item.data(0, Qt.ItemDataRole.UserRole)))
