"""The client's sessions, newest first, in the client panel: open with a double-click or Enter.

Read as summaries (:meth:`planner.storage.Store.session_summaries`), without
parsing each plan, and shown through a small model, so the view asks only for
the rows in sight: a client with 500 sessions lists at once.

Signals flow out: the window opens or deletes (after asking).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from planner.gui.common.document import SESSION_STATUSES
from planner.gui.common.roles import Role

if TYPE_CHECKING:
    from planner.storage.records import SessionSummary

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class SessionsModel(QAbstractTableModel):
    """Date, title and status of each session of one client (``Role.ID``: the session id)."""

    HEADERS = ("Date", "Session", "Status")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SessionSummary] = []

    def set_rows(self, rows: list[SessionSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Role.ID:
            return row.id
        title = row.title or "Untitled session"
        if role == Qt.ItemDataRole.DisplayRole:
            status = SESSION_STATUSES.get(row.status, row.status)
            return (row.date, title, status)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{title}, {row.minutes:g} min (double-click to open)"
        return None


class SessionList(QTreeView):
    """The list of one client's sessions.

    Signals:
        open_requested(str): a session was double-clicked or Enter was pressed on it.
        delete_requested(str): the Delete key on a session.
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions_model = SessionsModel()
        self.setModel(self.sessions_model)
        self.setAccessibleName("The client's sessions")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from every row (500 rows measured cost 20 ms).
        metrics = self.fontMetrics()
        self.setColumnWidth(0, metrics.horizontalAdvance("0000-00-00") + 16)
        self.setColumnWidth(2, metrics.horizontalAdvance("Status") + 24)

    def show_sessions(self, rows: list[SessionSummary], current: str = "") -> None:
        self.sessions_model.set_rows(rows)
        for number, row in enumerate(rows):
            if row.id == current:
                self.setCurrentIndex(self.sessions_model.index(number, 0))

    def session_ids(self) -> list[str]:
        return [row.id for row in self.sessions_model.rows]

    def current_id(self) -> str:
        index = self.currentIndex()
        return str(index.data(Role.ID)) if index.isValid() else ""

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        index = self.indexAt(event.position().toPoint())
        if not index.isValid():
            super().mouseDoubleClickEvent(event)
            return
        self.setCurrentIndex(index)
        self.open_requested.emit(str(index.data(Role.ID)))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        current = self.current_id()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current:
            self.open_requested.emit(current)
            return
        if event.matches(QKeySequence.StandardKey.Delete) and current:
            self.delete_requested.emit(current)
            return
        super().keyPressEvent(event)
