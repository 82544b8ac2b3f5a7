"""The technique library as a Qt model, filtered as the therapist types.

The filter is the model's own rather than a ``QSortFilterProxyModel``: matching
5,000 techniques in one Python pass and resetting the model is several times
faster than 5,000 ``filterAcceptsRow`` calls crossing from C++ into Python, and
keeps each keystroke well inside one frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, QStringListModel, Qt

from planner.core.library import FAMILIES, Library, Technique
from planner.core.vocab import PRESSURE_NAMES
from planner.gui.common.names import TECHNIQUE_MIME
from planner.gui.common.roles import Role

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QFont

_Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QStringListModel):
    """Techniques sorted by name, showing only those that match the current filter.

    A string-list model underneath, holding the shown techniques' labels, so that the
    row count the list view asks of every row while it lays out 5,000 rows is
    answered in C++ rather than by a Python ``rowCount``.
    """

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
        self._labels = [
            f"{t.name}  (own)" if library.is_custom_technique(t.id) else t.name for t in self._all
        ]
        # What a search looks in: name, family (id and display name) and description;
        # the name and the family alone rank the matches (see _ranked).
        self._names = [t.name.casefold() for t in self._all]
        self._spaced = [f" {name}" for name in self._names]
        self._families = [
            " ".join((t.name, t.family, FAMILIES.get(t.family, ""))).casefold() for t in self._all
        ]
        self._haystacks = [
            f"{family} {t.description.casefold()}"
            for family, t in zip(self._families, self._all, strict=True)
        ]
        self._found = self._match(None)
        self._show()

    def set_library(self, library: Library) -> None:
        self._load(library)

    def set_filter(self, text: str = "", family: str = "", pressure: str = "") -> None:
        """Show the techniques whose text holds every word typed, of that family and pressure.

        The best match comes first (Enter in the search adds it): names that start
        with what was typed, then names with a word that does, then names holding
        every word, then matches by family, then by description; by name within each.
        """
        query = tuple(text.casefold().split())
        # Typing on narrows: what matches the longer words matched the shorter ones.
        narrower = (family, pressure) == (self._family, self._pressure) and all(
            any(word in new for new in query) for word in self._query
        )
        self._query, self._family, self._pressure = query, family, pressure
        self._found = self._match(self._found if narrower else None)
        self._show()

    def _show(self) -> None:
        """Reset the model to the found techniques, best match first."""
        found = self._found
        self._shown = self._ranked(found) if self._query else found
        labels = self._labels
        self.setStringList([labels[i] for i in self._shown])

    def _match(self, among: list[int] | None) -> list[int]:
        """The techniques (among those given, else all) that pass the filter, by name."""
        everything = self._all
        found = list(range(len(everything))) if among is None else among
        if self._family:
            found = [i for i in found if everything[i].family == self._family]
        if self._pressure:
            found = [i for i in found if everything[i].default_pressure == self._pressure]
        haystacks = self._haystacks
        for word in self._query:
            found = [i for i in found if word in haystacks[i]]
        return found

    def _ranked(self, found: list[int]) -> list[int]:
        """The found techniques by rank (see set_filter), by name within a rank."""
        query, names, spaced, families = self._query, self._names, self._spaced, self._families
        typed = " ".join(query)
        word_start = f" {typed}"
        ranks: list[list[int]] = [[], [], [], [], []]
        for i in found:
            name = names[i]
            if name.startswith(typed):
                ranks[0].append(i)
            elif word_start in spaced[i]:  # a word of the name starts with it
                ranks[1].append(i)
            elif all(word in name for word in query):
                ranks[2].append(i)
            elif all(word in families[i] for word in query):
                ranks[3].append(i)
            else:
                ranks[4].append(i)
        return [i for rank in ranks for i in rank]

    def families(self) -> list[str]:
        return sorted({t.family for t in self._all}, key=lambda f: FAMILIES.get(f, f))

    def technique(self, row: int) -> Technique:
        return self._all[self._shown[row]]

    def row_of(self, technique_id: str) -> int:
        for row, i in enumerate(self._shown):
            if self._all[i].id == technique_id:
                return row
        return -1

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._labels[self._shown[index.row()]]
        technique = self.technique(index.row())
        own = self.library.is_custom_technique(technique.id)
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
