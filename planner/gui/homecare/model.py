"""The Qt model over the plan's home-care routine."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from planner.core.plan import HomeCareItem
from planner.gui.common import commands as c
from planner.gui.common.list_table import ListTable
from planner.gui.common.names import OWN_MARK
from planner.gui.common.roles import Role, severity_icon

_Index = QModelIndex | QPersistentModelIndex
_FINDING_ROLES = (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, Role.SEVERITY)


class HomeCareModel(ListTable):
    """The routine the client takes home; editing a proposal makes it the plan's own."""

    # Short headings: the numbers are narrow, the titles and notes need the dock's width.
    HEADERS = ("Exercise", "Min", "Per day", "Days/week", "Note")
    _FIELDS = {1: "minutes", 2: "times_a_day", 3: "days_a_week", 4: "note"}

    def __init__(self, document: Any) -> None:
        super().__init__(document)
        self._found = self._findings_by_row()

    def _findings_by_row(self) -> dict[int, list[Any]]:
        """The safety findings about each row, most serious first (as the check orders them)."""
        found: dict[int, list[Any]] = {}
        for finding in self.document.findings:
            if finding.home_care is not None:
                found.setdefault(finding.home_care, []).append(finding)
        return found

    def _on_changed(self) -> None:
        # A change elsewhere (a condition, an avoided area) can change a row's findings
        # without changing the row: its circle is redrawn then too.
        found = self._findings_by_row()
        marks = {row: [f.severity for f in fs] for row, fs in found.items()}
        redraw = marks != {row: [f.severity for f in fs] for row, fs in self._found.items()}
        self._found = found
        before = self._items
        super()._on_changed()
        if redraw and self._items is before and self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, 0))

    def items(self) -> list[Any]:
        return self.document.routine()

    def proposed(self) -> bool:
        return self.document.plan.home_care is None

    def cell(self, item: HomeCareItem, column: int) -> Any:
        if column == 0:
            library = self.document.library
            exercise = library.exercises.get(item.exercise)
            if exercise is None:
                # An own exercise deleted from the library: the plan keeps its copy.
                plan_copies = self.document.plan.custom_exercises
                exercise = next((e for e in plan_copies if e.id == item.exercise), None)
            if exercise is None:
                return item.exercise
            own = library.is_custom_exercise(exercise.id)
            return exercise.title + (OWN_MARK if own else "")
        if column == 1:
            return f"{item.minutes:g}"
        return getattr(item, self._FIELDS[column])

    def data(self, index: _Index, role: int = 0) -> Any:
        valid = index.isValid() and index.row() < len(self._items)
        if role == Qt.ItemDataRole.EditRole and valid and index.column() in self._FIELDS:
            return getattr(self._items[index.row()], self._FIELDS[index.column()])
        if role == Role.ID and valid:
            return self._items[index.row()].exercise
        if valid and index.column() == 0 and role in _FINDING_ROLES:
            found = self._found.get(index.row(), [])
            worst = found[0].severity if found else ""
            if role == Qt.ItemDataRole.DecorationRole:
                # A blank circle keeps the titles lined up on rows without findings.
                return severity_icon(worst or "none")
            if role == Role.SEVERITY:
                return worst
            if found:
                return "\n".join(f.message for f in found)
        return super().data(index, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in self._FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() not in self._FIELDS:
            return False
        item = self._items[index.row()]
        name = self._FIELDS[index.column()]
        if getattr(item, name) == value:
            return True
        new = dataclasses.replace(item, **{name: value})
        return c.own_routine_then(self.document, c.ReplaceHomeCare(self.document, index.row(), new))
