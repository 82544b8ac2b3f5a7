"""The findings panel: what the safety check says about the plan, most serious first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from planner.core.vocab import SEVERITY_NAMES
from planner.gui.common.document import SessionDocument
from planner.gui.common.roles import Role, severity_icon

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class FindingsModel(QAbstractListModel):
    """The plan's safety findings, most serious first, each with a coloured circle."""

    def __init__(self, document: SessionDocument) -> None:
        super().__init__()
        self.document = document
        self._rows = len(document.findings)
        document.replaced.connect(self._on_changed)
        document.changed.connect(self._on_changed)

    def _on_changed(self) -> None:
        # Findings are replaced wholesale after every edit: a reset is the honest signal.
        self.beginResetModel()
        self._rows = len(self.document.findings)
        self.endResetModel()

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else self._rows

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= min(self._rows, len(self.document.findings)):
            return None
        finding = self.document.findings[index.row()]
        if finding.step is not None:
            where = f"Step {finding.step + 1}"
        elif finding.home_care is not None:
            where = f"Home care {finding.home_care + 1}"
        else:
            where = "Whole plan"
        if role == Qt.ItemDataRole.DisplayRole:
            # Step findings name their step in the message already.
            return finding.message
        if role == Qt.ItemDataRole.DecorationRole:
            return severity_icon(finding.severity)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{SEVERITY_NAMES[finding.severity]}. {where}: {finding.message}"
        if role == Role.SEVERITY:
            return finding.severity
        if role == Role.STEP:
            return -1 if finding.step is None else finding.step
        if role == Role.ID:
            return finding.rule
        if role == Role.ITEM:
            return finding
        return None


class FindingsPanel(QWidget):
    """A list of findings with coloured circles and a one-line summary.

    Signals:
        step_selected(int): the chosen finding is about this step.
        home_care_selected(int): the chosen finding is about this home-care row.
    """

    step_selected = Signal(int)
    home_care_selected = Signal(int)

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = FindingsModel(document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Findings summary")
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(14, 14))
        self.list.setSpacing(2)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setAccessibleName("Safety findings")
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self._connect_signals()
        self._on_changed()

    def _connect_signals(self) -> None:
        self.document.changed.connect(self._on_changed)
        self.list.clicked.connect(self._on_chosen)
        self.list.activated.connect(self._on_chosen)
        self.list.selectionModel().currentChanged.connect(self._on_chosen)

    def _on_changed(self) -> None:
        counts = {"contraindicated": 0, "caution": 0, "info": 0}
        for finding in self.document.findings:
            counts[finding.severity] += 1
        if not self.document.findings:
            self.summary.setText("No safety findings.")
            return
        parts = []
        if counts["contraindicated"]:
            parts.append(f"{counts['contraindicated']} contraindicated")
        if counts["caution"]:
            parts.append(f"{counts['caution']} caution" + ("s" if counts["caution"] > 1 else ""))
        if counts["info"]:
            parts.append(f"{counts['info']} note" + ("s" if counts["info"] > 1 else ""))
        self.summary.setText(", ".join(parts).capitalize() + ".")

    def _on_chosen(self, index: QModelIndex, *_: object) -> None:
        if not index.isValid():
            return
        step = index.data(Role.STEP)
        if step is not None and step >= 0:
            self.step_selected.emit(step)
            return
        finding = index.data(Role.ITEM)
        if finding is not None and finding.home_care is not None:
            self.home_care_selected.emit(finding.home_care)
