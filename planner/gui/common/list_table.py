"""A table of rows from a list the session document holds: the client's areas, the routine."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from planner.gui.common.document import SessionDocument
from planner.gui.common.roles import HeadedTable, Role

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class ListTable(HeadedTable):
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
