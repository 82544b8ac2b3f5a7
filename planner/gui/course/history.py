"""A client's history: sessions newest first with their status, one chart per measure.

The visits are read from the stored form (no plans built), so a client with
500 sessions opens at once. Double-click a session to open it in the window.

Signals:
    open_requested(str): the id of the session to open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.core.progress import MUCH_BETTER, WORSE, Series, Visit, course_series
from planner.gui.common.roles import HeadedTable, Role
from planner.gui.course.chart import FLAG_COLOURS, SeriesChart

_NO_INDEX = QModelIndex()


class VisitsModel(HeadedTable):
    """A client's sessions, newest first: date, title, status (signed sessions say so)."""

    HEADERS = ("Date", "Session", "Status")

    def __init__(self, visits: list[Visit]) -> None:
        super().__init__()
        self.visits = visits[::-1]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.visits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        visit = self.visits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return visit.date
            if column == 1:
                return visit.title or "Untitled"
            return "signed" if visit.signed else visit.status
        if role == Role.ID:
            return visit.id
        return None


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
        splitter.setSizes([420, 580])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.sessions.activated.connect(self._on_open)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.activated.connect(self.close)
        if self.model.rowCount():
            self.sessions.setCurrentIndex(self.model.index(0, 0))
        self.sessions.setFocus()

    def _sessions(self) -> QTreeView:
        view = QTreeView(self)
        self.model = VisitsModel(self.visits)
        view.setModel(self.model)
        view.setRootIsDecorated(False)
        view.setAlternatingRowColors(True)
        view.setAccessibleName("Sessions, newest first")
        view.setUniformRowHeights(True)  # a row's height is not measured 500 times
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        width = view.fontMetrics().horizontalAdvance("2026-10-31  ")
        view.setColumnWidth(0, width)
        view.setColumnWidth(1, 210)
        self.sessions = view
        return view

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

    def _on_open(self, index: QModelIndex) -> None:
        self.open_requested.emit(str(self.model.data(index, Role.ID)))
