"""Qt models over the client's areas and the home-care routine of the plan."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from planner.core.plan import HomeCareItem
from planner.core.regions import area_name
from planner.core.vocab import AVOID_REASONS, SYMPTOM_KINDS
from planner.gui import commands as c
from planner.gui.document import SessionDocument
from planner.gui.roles import HeadedTable, Role

_Index = QModelIndex | QPersistentModelIndex
# After the title of the therapist's own exercise, wherever exercises are listed.
OWN_MARK = " (your own)"
_NO_INDEX = QModelIndex()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _ListTable(HeadedTable):
    """Rows from a list the document holds; reset whenever the plan changes."""

    def __init__(self, document: SessionDocument) -> None:
        super().__init__()
        self.document = document
        self._items = self.items()
        document.replaced.connect(self._on_changed)
        document.changed.connect(self._on_changed)
        document.library_changed.connect(self._on_library)

    def _on_library(self) -> None:
        # Same rows, but an own exercise may have a new title: redraw them all.
        if self._items:
            last = self.index(len(self._items) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def items(self) -> list[Any]:
        raise NotImplementedError

    def cell(self, item: Any, column: int) -> Any:
        raise NotImplementedError

    def _on_changed(self) -> None:
        items = self.items()
        if items == self._items:
            return
        if len(items) == len(self._items):
            self._items = items
            last = self.index(len(items) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.cell(item, index.column())
        if role == Role.ITEM:
            return item
        if role == Role.REGION:
            return getattr(item, "region", None)
        if role == Role.SIDE:
            return getattr(item, "side", None)
        return None


class AvoidedModel(_ListTable):
    """Areas the session leaves alone: where, why, and a note."""

    HEADERS = ("Area", "Reason", "Note")

    def items(self) -> list[Any]:
        return list(self.document.plan.avoid)

    def cell(self, item: Any, column: int) -> Any:
        if column == 0:
            return _capital(area_name(item.region, item.side))
        if column == 1:
            return AVOID_REASONS[item.reason]
        return item.note


class SymptomsModel(_ListTable):
    """What the client feels where, with the intensity they gave (0 to 10)."""

    HEADERS = ("Area", "Symptom", "Intensity")

    def items(self) -> list[Any]:
        return list(self.document.plan.symptoms)

    def cell(self, item: Any, column: int) -> Any:
        if column == 0:
            return _capital(area_name(item.region, item.side))
        if column == 1:
            return SYMPTOM_KINDS[item.kind]
        return "" if item.intensity is None else f"{item.intensity} of 10"


class HomeCareModel(_ListTable):
    """The routine the client takes home; editing a proposal makes it the plan's own."""

    HEADERS = ("Exercise", "Min", "How often", "Note")
    _FIELDS = {1: "minutes", 2: "frequency", 3: "note"}

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
