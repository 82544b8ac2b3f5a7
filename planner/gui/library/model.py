"""The technique library as a Qt model, filtered as the therapist types.

The filter is the model's own rather than a ``QSortFilterProxyModel``: matching
5,000 techniques in one Python pass and resetting the model is several times
faster than 5,000 ``filterAcceptsRow`` calls crossing from C++ into Python, and
keeps each keystroke well inside one frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from planner.core.library import FAMILIES, Library, Technique
from planner.core.vocab import PRESSURE_NAMES
from planner.gui.common.names import TECHNIQUE_MIME
from planner.gui.common.roles import Role

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QFont

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class LibraryModel(QAbstractListModel):
    """Techniques sorted by name, showing only those that match the current filter."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self._query: tuple[str, ...] = ()
        self._family = ""
        self._pressure = ""
        self._bold: QFont | None = None  # made when an own technique is first shown
        self._load(library)

    def _load(self, library: Library) -> None:
        self.library = library
        self._all: list[Technique] = sorted(
            library.techniques.values(), key=lambda t: (t.name.casefold(), t.id)
        )
        # What a search looks in: name, family (id and display name) and description;
        # the name and the family alone rank the matches (see _rank).
        self._names = [t.name.casefold() for t in self._all]
        self._families = [
            " ".join((t.name, t.family, FAMILIES.get(t.family, ""))).casefold() for t in self._all
        ]
        self._haystacks = [
            f"{family} {t.description.casefold()}"
            for family, t in zip(self._families, self._all, strict=True)
        ]
        self._shown = self._match()

    def set_library(self, library: Library) -> None:
        self.beginResetModel()
        self._load(library)
        self.endResetModel()

    def set_filter(self, text: str = "", family: str = "", pressure: str = "") -> None:
        """Show the techniques whose text holds every word typed, of that family and pressure.

        The best match comes first (Enter in the search adds it): names that start
        with what was typed, then names with a word that does, then names holding
        every word, then matches by family, then by description; by name within each.
        """
        self.beginResetModel()
        self._query = tuple(text.casefold().split())
        self._family, self._pressure = family, pressure
        self._shown = self._match()
        self.endResetModel()

    def _match(self) -> list[int]:
        query, family, pressure = self._query, self._family, self._pressure
        everything = self._all
        found = [
            i
            for i, haystack in enumerate(self._haystacks)
            if all(word in haystack for word in query)
            and (not family or everything[i].family == family)
            and (not pressure or everything[i].default_pressure == pressure)
        ]
        if not query:
            return found
        return sorted(found, key=self._rank)  # stable: by name within a rank

    def _rank(self, i: int) -> int:
        query, name = self._query, self._names[i]
        typed = " ".join(query)
        if name.startswith(typed):
            return 0
        if f" {typed}" in f" {name}":  # a word of the name starts with it
            return 1
        if all(word in name for word in query):
            return 2
        if all(word in self._families[i] for word in query):
            return 3
        return 4

    def families(self) -> list[str]:
        return sorted({t.family for t in self._all}, key=lambda f: FAMILIES.get(f, f))

    def technique(self, row: int) -> Technique:
        return self._all[self._shown[row]]

    def row_of(self, technique_id: str) -> int:
        for row, i in enumerate(self._shown):
            if self._all[i].id == technique_id:
                return row
        return -1

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        technique = self.technique(index.row())
        own = self.library.is_custom_technique(technique.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{technique.name}  (own)" if own else technique.name
        if role == Qt.ItemDataRole.ToolTipRole:
            family = FAMILIES.get(technique.family, technique.family)
            pressure = PRESSURE_NAMES[technique.default_pressure]
            kind = "your own technique" if own else "built-in"
            return f"{family}, {pressure.lower()} pressure, {kind}"
        if role == Qt.ItemDataRole.FontRole and own:
            if self._bold is None:
                from PySide6.QtGui import QFont

                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == Role.ID:
            return technique.id
        if role == Role.FAMILY:
            return technique.family
        if role == Role.PRESSURE:
            return technique.default_pressure
        if role == Role.OWN:
            return own
        if role == Role.ITEM:
            return technique
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [TECHNIQUE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = [index.row() for index in indexes if index.isValid()]
        if rows:
            technique = self.technique(rows[0])
            data.setData(TECHNIQUE_MIME, technique.id.encode())
            data.setText(technique.name)
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
