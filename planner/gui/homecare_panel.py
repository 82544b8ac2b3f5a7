"""The home-care panel: the routine the client takes home, proposed or the therapist's own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.gui import asks
from planner.gui import commands as c
from planner.gui.document import SessionDocument
from planner.gui.plan_models import HomeCareModel


class HomeCarePanel(QWidget):
    """The routine table (minutes, how often and note edit in place) with its buttons."""

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = HomeCareModel(document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setAccessibleName("Home-care routine state")
        top = QHBoxLayout()
        top.addWidget(self.state, 1)
        layout.addLayout(top)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Home-care routine")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add = QPushButton("A&dd exercise…", self)
        self.remove = QPushButton("Remove", self)
        self.up = QPushButton("Up", self)
        self.down = QPushButton("Down", self)
        self.propose = QPushButton("Use the &proposal", self)
        self.propose.setToolTip("Drop your changes and let the planner propose the routine again")
        for button, name in (
            (self.add, "Add home-care exercise"),
            (self.remove, "Remove home-care exercise"),
            (self.up, "Move home-care exercise up"),
            (self.down, "Move home-care exercise down"),
            (self.propose, "Use the proposed routine"),
        ):
            button.setAccessibleName(name)
            if button is self.propose:
                top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            else:
                buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._connect_signals()
        self._on_changed()

    def _connect_signals(self) -> None:
        self.document.changed.connect(self._on_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_changed)
        self.add.clicked.connect(self._on_add)
        self.remove.clicked.connect(self._on_remove)
        self.up.clicked.connect(lambda: self._on_move(-1))
        self.down.clicked.connect(lambda: self._on_move(1))
        self.propose.clicked.connect(self._on_propose)

    def _row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _on_changed(self, *_: object) -> None:
        proposed = self.document.plan.home_care is None
        self.state.setText(
            "Proposed from the steps and the client's conditions; any change makes it your own."
            if proposed
            else "Your own routine for this client."
        )
        row, count = self._row(), self.model.rowCount()
        self.remove.setEnabled(row >= 0)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < count - 1)
        self.propose.setEnabled(not proposed)

    def _on_add(self) -> None:
        item = asks.ask_home_care_item(self, self.document.library)
        if item is not None:
            index = len(self.document.routine())
            c.own_routine_then(self.document, c.InsertHomeCare(self.document, index, item))

    def _on_remove(self) -> None:
        row = self._row()
        if row >= 0:
            c.own_routine_then(self.document, c.RemoveHomeCare(self.document, row))

    def _on_move(self, delta: int) -> None:
        row = self._row()
        target = row + delta
        if row >= 0 and 0 <= target < self.model.rowCount():
            moved = c.own_routine_then(self.document, c.MoveHomeCare(self.document, row, target))
            if moved:
                self.table.selectRow(target)

    def _on_propose(self) -> None:
        self.document.push(c.SetHomeCare(self.document, None, "Use the proposed routine"))
