"""The Qt model over the session plan's steps.

A thin adapter: it reads the document's plan and findings, and an edit
made in a view becomes an undo command. When only values change it reports
``dataChanged`` (so an open editor survives); when rows come or go it resets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from planner.core.plan import Step
from planner.core.regions import area_name, default_side, region_title
from planner.core.vocab import PRESSURE_NAMES, SEVERITY_RANK
from planner.gui.common import commands as c
from planner.gui.common.document import SessionDocument
from planner.gui.common.names import SIDE_NAMES, TECHNIQUE_MIME, step_from_technique
from planner.gui.common.roles import HeadedTable, Role, severity_icon

if TYPE_CHECKING:
    from collections.abc import Sequence

STEP_MIME = "application/x-planner-step"
_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


def minutes_text(value: float) -> str:
    return f"{value:g}"


class _Row(NamedTuple):
    """What one row of the steps table shows; compared to find the rows an edit changed.

    A named tuple: made at start-up in a sixth of a frozen dataclass's time, and
    compared as fast as a tuple.
    """

    step: Step
    name: str
    worst: str
    messages: tuple[str, ...]
    ends: float


class StepsModel(HeadedTable):
    """The session's steps, one per row; every cell but the last is editable in place.

    After an edit only the rows whose cells changed are reported (``dataChanged``
    over runs of such rows), so an open editor survives and the view repaints
    what changed; when rows come or go the model resets. What each row shows is
    worked out once per change (:class:`_Row`), not once per cell and role.
    """

    TECHNIQUE, REGION, SIDE, MINUTES, PRESSURE, NOTES, ENDS = range(7)
    HEADERS = ("Technique", "Area", "Side", "Min", "Pressure", "Notes", "Ends")
    _FIELDS = {REGION: "region", SIDE: "side", MINUTES: "minutes", PRESSURE: "pressure"}
    # Computed once: combining Qt flags is slow in Python, and flags() is asked per cell.
    _NO_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
    _FIXED_FLAGS = (
        _NO_FLAGS
        | Qt.ItemFlag.ItemIsEnabled
        | Qt.ItemFlag.ItemIsSelectable
        | Qt.ItemFlag.ItemIsDragEnabled
    )
    _EDIT_FLAGS = _FIXED_FLAGS | Qt.ItemFlag.ItemIsEditable

    def __init__(self, document: SessionDocument) -> None:
        super().__init__()
        self.document = document
        self._rows_shown: list[_Row] = self._compute_rows()
        self._rows = len(self._rows_shown)
        # Connected before any view's slot, so rows are right before views repaint.
        document.replaced.connect(self._on_changed)
        document.changed.connect(self._on_changed)

    def _count(self) -> int:
        return len(self.document.plan.steps)

    def _compute_rows(self) -> list[_Row]:
        plan = self.document.plan
        findings: dict[int, list[Any]] = {}
        for finding in self.document.findings:
            if finding.step is not None:
                findings.setdefault(finding.step, []).append(finding)
        rows = []
        for row, (step, ends) in enumerate(zip(plan.steps, plan.running_minutes(), strict=True)):
            found = findings.get(row, ())
            worst = min((f.severity for f in found), key=SEVERITY_RANK.__getitem__, default="")
            messages = tuple(f.message for f in found)
            rows.append(_Row(step, self._technique_name(step), worst, messages, ends))
        return rows

    def _technique_name(self, step: Step) -> str:
        technique = self.document.library.techniques.get(step.technique)
        if technique is None:
            technique = next(
                (t for t in self.document.plan.custom_techniques if t.id == step.technique),
                None,
            )
        return technique.name if technique else step.technique

    def _on_changed(self) -> None:
        rows = self._compute_rows()
        if len(rows) != self._rows:
            self.beginResetModel()
            self._rows_shown, self._rows = rows, len(rows)
            self.endResetModel()
            return
        old, self._rows_shown = self._rows_shown, rows
        last_column = self.columnCount() - 1
        row = 0
        while row < len(rows):
            if rows[row] == old[row]:
                row += 1
                continue
            first = row
            while row < len(rows) and rows[row] != old[row]:
                row += 1
            self.dataChanged.emit(self.index(first, 0), self.index(row - 1, last_column))

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else self._rows

    def _worst(self, row: int) -> str:
        return self._rows_shown[row].worst

    def data(self, index: _Index, role: int = 0) -> Any:
        # The plan may already hold fewer steps than the view knows of (mid-update).
        if not index.isValid() or index.row() >= min(self._rows, self._count()):
            return None
        row, column = index.row(), index.column()
        step = self._rows_shown[row].step
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            edit = role == Qt.ItemDataRole.EditRole
            return self._cell(row, column, step, edit)
        if role == Qt.ItemDataRole.DecorationRole and column == self.TECHNIQUE:
            # A blank circle keeps the names lined up on rows without findings.
            return severity_icon(self._worst(row) or "none")
        if role == Qt.ItemDataRole.ToolTipRole:
            messages = self._rows_shown[row].messages
            return "\n".join(messages) or area_name(step.region, step.side)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return str(self._cell(row, column, step, False))
        return self._role(step, row, role)

    def _role(self, step: Step, row: int, role: int) -> Any:
        if role == Role.ID:
            return step.technique
        if role == Role.REGION:
            return step.region
        if role == Role.SIDE:
            return step.side
        if role == Role.PRESSURE:
            return step.pressure
        if role == Role.SEVERITY:
            return self._worst(row)
        if role == Role.ITEM:
            return step
        return None

    def _cell(self, row: int, column: int, step: Step, edit: bool) -> Any:
        if column == self.TECHNIQUE:
            return self._rows_shown[row].name
        if column == self.REGION:
            return step.region if edit else region_title(step.region)
        if column == self.SIDE:
            return step.side if edit else SIDE_NAMES[step.side]
        if column == self.MINUTES:
            return step.minutes if edit else minutes_text(step.minutes)
        if column == self.PRESSURE:
            return step.pressure if edit else PRESSURE_NAMES[step.pressure]
        if column == self.NOTES:
            return step.notes
        ends = self._rows_shown[row].ends
        return f"{int(ends // 60)}:{int(ends % 60):02d}"

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return self._NO_FLAGS
        if index.column() in (self.TECHNIQUE, self.ENDS):
            return self._FIXED_FLAGS
        return self._EDIT_FLAGS

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = index.row(), index.column()
        step = self.document.plan.steps[row]
        if column == self.NOTES:
            changes: dict[str, Any] = {"notes": str(value)}
        elif column == self.REGION:
            region = str(value)
            side = step.side if default_side(region) == default_side(step.region) else None
            changes = {"region": region, "side": side or default_side(region)}
        elif column in self._FIELDS:
            changes = {self._FIELDS[column]: value}
        else:
            return False
        if all(getattr(step, name) == new for name, new in changes.items()):
            return True
        return self.document.push(c.UpdateStep(self.document, row, **changes))

    # -- drag and drop: reorder steps, or drop a technique from the library --

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [STEP_MIME, TECHNIQUE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            data.setData(STEP_MIME, str(rows[0]).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, *args: Any) -> bool:
        return data.hasFormat(STEP_MIME) or data.hasFormat(TECHNIQUE_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        if row < 0:
            row = parent.row() if parent.isValid() else self._rows
        if data.hasFormat(TECHNIQUE_MIME):
            technique_id = bytes(data.data(TECHNIQUE_MIME).data()).decode()
            technique = self.document.library.techniques.get(technique_id)
            if technique is None:
                return False
            return self.document.push(
                c.InsertStep(self.document, row, step_from_technique(technique))
            )
        if not data.hasFormat(STEP_MIME):
            return False
        source = int(bytes(data.data(STEP_MIME).data()).decode())
        target = min(row if row < source else row - 1, self._rows - 1)
        if not 0 <= source < self._rows or target == source:
            return False
        return self.document.push(c.MoveStep(self.document, source, target))
