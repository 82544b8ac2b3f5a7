"""The technique library dock: search, filter, read about a technique, add it.

Signals flow out, never in: the dock asks for a technique to be added or for an
own technique to be created or edited, and the main window decides.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.core.library import FAMILIES, Library, Technique
from planner.core.properties import TECHNIQUE_PROPERTIES, property_words
from planner.core.regions import region_title
from planner.core.vocab import PRESSURE_NAMES, PRESSURES
from planner.gui.library.model import LibraryModel


class TechniqueList(QListView):
    """The list of techniques; Enter adds the current one to the session.

    Signals:
        activated_technique(str): Enter or double-click on a technique.
        delete_pressed(str): the Delete key on a technique.
    """

    activated_technique = Signal(str)
    delete_pressed = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
            self._emit(current)
            return
        if event.matches(QKeySequence.StandardKey.Delete) and current.isValid():
            model = self.model()
            assert isinstance(model, LibraryModel)
            self.delete_pressed.emit(model.technique(current.row()).id)
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self._emit(index)
            return
        super().mouseDoubleClickEvent(event)

    def _emit(self, index: QModelIndex) -> None:
        model = self.model()
        assert isinstance(model, LibraryModel)
        self.activated_technique.emit(model.technique(index.row()).id)


class LibraryDock(QDockWidget):
    """Search and filters above the techniques, details below, own-technique buttons.

    Signals:
        add_requested(str): add this technique to the session.
        new_requested(): create an own technique.
        edit_requested(str): edit this own technique.
        duplicate_requested(str): start an own technique from this one.
        delete_requested(str): delete this own technique (the window asks first, and
            says why not for a built-in one or in a read-only window).
    """

    add_requested = Signal(str)
    new_requested = Signal()
    edit_requested = Signal(str)
    duplicate_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__("&Technique library", parent)
        self.setObjectName("library_dock")
        self.model = LibraryModel(library)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.search = QLineEdit(body)
        self.search.setPlaceholderText("Search techniques…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search techniques")
        layout.addWidget(self.search)

        filters = QHBoxLayout()
        self.family = QComboBox(body)
        self.family.setAccessibleName("Technique family")
        self.pressure = QComboBox(body)
        self.pressure.setAccessibleName("Default pressure")
        self.pressure.addItem("Any pressure", "")
        for pressure in PRESSURES:
            self.pressure.addItem(PRESSURE_NAMES[pressure], pressure)
        filters.addWidget(self.family, 1)
        filters.addWidget(self.pressure, 1)
        layout.addLayout(filters)
        self._fill_families()

        split = QSplitter(Qt.Orientation.Vertical, body)
        self.list = TechniqueList(split)
        self.list.setModel(self.model)
        self.list.setAccessibleName("Techniques")
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setUniformItemSizes(True)
        self.details = QTextBrowser(split)
        self.details.setAccessibleName("Technique details")
        self.details.setOpenLinks(False)
        split.addWidget(self.list)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

        self._add_buttons(body, layout)
        self.setWidget(body)
        self._read_only_reason = ""
        self.setTabOrder(self.search, self.family)
        self.setTabOrder(self.family, self.pressure)
        self.setTabOrder(self.pressure, self.list)
        self._connect_signals()
        self._on_filter()

    def _add_buttons(self, body: QWidget, layout: QVBoxLayout) -> None:
        """Add to session, then New, Edit, Duplicate and Delete for own techniques."""
        # Two by two: four in a row would make the dock wider than its default width.
        buttons = QGridLayout()
        self.add_button = QPushButton("&Add to session", body)
        self.new_button = QPushButton("New…", body)
        self.edit_button = QPushButton("Edit…", body)
        self.duplicate_button = QPushButton("Duplicate…", body)
        # No Alt+letter: every free one is taken on the first screen; Tab reaches it.
        self.delete_button = QPushButton("Delete", body)
        self.new_button.setToolTip("Create a technique of your own")
        self.edit_button.setToolTip("Edit the selected technique (your own techniques only)")
        self.duplicate_button.setToolTip("Start a technique of your own from the selected one")
        self.add_button.setDefault(False)
        layout.addWidget(self.add_button)
        for place, (button, name) in enumerate(
            (
                (self.new_button, "New technique of your own"),
                (self.edit_button, "Edit your technique"),
                (self.duplicate_button, "Duplicate technique as your own"),
                (self.delete_button, "Delete your technique"),
            )
        ):
            button.setAccessibleName(name)
            buttons.addWidget(button, place // 2, place % 2)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._on_filter)
        self.family.currentIndexChanged.connect(self._on_filter)
        self.pressure.currentIndexChanged.connect(self._on_filter)
        self.search.returnPressed.connect(self._on_search_enter)
        self.list.activated_technique.connect(self.add_requested)
        self.list.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._on_selection)
        self.add_button.clicked.connect(self._on_add)
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(self._on_edit)
        self.duplicate_button.clicked.connect(self._on_duplicate)
        self.delete_button.clicked.connect(self._on_delete)
        self.list.delete_pressed.connect(self._delete)

    def _fill_families(self) -> None:
        current = self.family.currentData()
        self.family.blockSignals(True)
        self.family.clear()
        self.family.addItem("All families", "")
        for family in self.model.families():
            self.family.addItem(FAMILIES.get(family, family.capitalize()), family)
        self.family.setCurrentIndex(max(self.family.findData(current), 0))
        self.family.blockSignals(False)

    def set_library(self, library: Library) -> None:
        self.model.set_library(library)
        self._fill_families()
        self._on_filter()

    def current(self) -> Technique | None:
        index = self.list.currentIndex()
        return self.model.technique(index.row()) if index.isValid() else None

    def select(self, technique_id: str) -> None:
        row = self.model.row_of(technique_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    # -- slots -------------------------------------------------------------

    def _on_filter(self) -> None:
        self.model.set_filter(
            self.search.text(), self.family.currentData() or "", self.pressure.currentData() or ""
        )
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        else:
            self._on_selection()

    def _on_search_enter(self) -> None:
        # Enter in the search box adds the best match, so typing a name is enough.
        technique = self.current()
        if technique is not None:
            self.add_requested.emit(technique.id)

    def _on_add(self) -> None:
        technique = self.current()
        if technique is not None:
            self.add_requested.emit(technique.id)

    def _on_edit(self) -> None:
        technique = self.current()
        if technique is not None:
            self.edit_requested.emit(technique.id)

    def _on_duplicate(self) -> None:
        technique = self.current()
        if technique is not None:
            self.duplicate_requested.emit(technique.id)

    def _on_delete(self) -> None:
        technique = self.current()
        if technique is not None:
            self._delete(technique.id)

    def _delete(self, technique_id: str) -> None:
        # The window asks and deletes while the signal is handled; if the technique is
        # gone then, the one that took its row is selected (not the list's first).
        row = self.list.currentIndex().row()
        self.delete_requested.emit(technique_id)
        if self.model.row_of(technique_id) < 0 and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
            self.list.setFocus()

    def set_read_only(self, reason: str) -> None:
        """Techniques can be added to the session but not created or changed (``reason`` says why).

        Args:
            reason: shown as the tooltip of the disabled buttons; "" makes them usable again.
        """
        self._read_only_reason = reason
        for button, usual in (
            (self.new_button, "Create a technique of your own"),
            (self.edit_button, "Edit the selected technique (your own techniques only)"),
            (self.duplicate_button, "Start a technique of your own from the selected one"),
        ):
            button.setToolTip(reason or usual)
        self._on_selection()

    def _on_selection(self, *_: QItemSelection) -> None:
        technique = self.current()
        own = technique is not None and self.model.library.is_custom_technique(technique.id)
        writable = not self._read_only_reason
        self.add_button.setEnabled(technique is not None)
        self.new_button.setEnabled(writable)
        self.duplicate_button.setEnabled(writable and technique is not None)
        self.edit_button.setEnabled(writable and own)
        self.delete_button.setEnabled(writable and own)
        self.delete_button.setToolTip(
            self._read_only_reason
            or (
                "Delete the selected technique (your own techniques only)"
                if technique is None
                else "Delete the selected technique from your library"
                if own
                else "Built-in techniques cannot be deleted: only your own ones can"
            )
        )
        self.details.setHtml(details_html(technique, own) if technique else "")


# What must be escaped in element text (the stdlib's html module costs 2-3 ms to import,
# and this card is drawn while the window starts).
_HTML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _escape(text: str) -> str:
    return text.translate(_HTML_TEXT)


def details_html(technique: Technique, own: bool) -> str:
    """The technique as a short readable card (colours come from the palette)."""
    family = FAMILIES.get(technique.family, technique.family.capitalize())
    facts = [
        family,
        f"{PRESSURE_NAMES[technique.default_pressure].lower()} pressure",
        f"{technique.default_minutes:g} min",
    ]
    facts.extend(property_words(technique, TECHNIQUE_PROPERTIES))
    if own:
        facts.append("your own")
    regions = ", ".join(region_title(r) for r in technique.regions) or "Any area"
    return (
        f"<h3 style='margin:0'>{_escape(technique.name)}</h3>"
        f"<p style='margin-top:2px'><i>{_escape(' · '.join(facts))}</i></p>"
        f"<p>{_escape(technique.description)}</p>"
        f"<p><b>Suits:</b> {_escape(regions)}</p>"
    )
