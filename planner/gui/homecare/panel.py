"""The home-care panel: the routine the client takes home, proposed or the therapist's own.

Below the routine, the exercises it can draw on: the therapist creates their own
here, edits them, starts one from a copy of another, or deletes one. Own exercises are saved
in the store at once (like own techniques, they are library entries, not edits of
this session, so they are not on the undo stack) and the library of the open
session is replaced, so the picker and the proposed routine have them at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.core.homecare import DEFAULT_DAILY_MINUTES, daily_minutes
from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.gui.common.document import SessionDocument
from planner.gui.common.names import OWN_MARK
from planner.gui.common.roles import SEVERITY_COLOURS, Role
from planner.gui.homecare.model import HomeCareModel

if TYPE_CHECKING:
    from planner.core.library import Exercise
    from planner.storage import Store

READ_ONLY = "This window is read-only: your own exercises can be used here but not saved."
NO_STORE = "No store is open: your own exercises cannot be saved."


class HomeCarePanel(QWidget):
    """The routine table (minutes, how often and note edit in place) with its buttons,
    and the exercises it draws on, with New, Edit, Duplicate and Delete for the therapist's own.

    Args:
        document: the open session.
        store: where own exercises are saved (None, or read-only: they cannot be).
    """

    def __init__(
        self, document: SessionDocument, store: Store | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.store = store
        self.model = HomeCareModel(document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setAccessibleName("Home-care routine state")
        top = QHBoxLayout()
        top.addWidget(self.state, 1)
        layout.addLayout(top)
        layout.addWidget(self._daily_total())
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Home-care routine")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # The dock is narrow: the text columns share its width and wrap, and each row is as
        # tall as its text, so titles and notes read whole instead of ending in "…".
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for number_column in (1, 2, 3):  # minutes, times a day, days a week
            header.setSectionResizeMode(number_column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        # One Alt+letter here, free on every screen (Alt+D is the date, Alt+P the preview's
        # tab); the other buttons are reached by Tab.
        self.add = QPushButton("Add e&xercise…", self)
        self.remove = QPushButton("Remove", self)
        self.up = QPushButton("Up", self)
        self.down = QPushButton("Down", self)
        self.propose = QPushButton("Use the proposal", self)
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
        self._build_exercises(layout)
        self._connect_signals()
        self._fill_exercises()
        self._on_changed()

    def _daily_total(self) -> QLabel:
        """The routine's daily total, beside the routine: the time the client must find."""
        self.total = QLabel(self)
        self.total.setWordWrap(True)
        self.total.setAccessibleName("Home care a day")
        self._plain_total = self.total.palette()
        self._over_total = self.total.palette()
        caution = QColor(SEVERITY_COLOURS["caution"])
        self._over_total.setColor(QPalette.ColorRole.WindowText, caution)
        return self.total

    def _build_exercises(self, layout: QVBoxLayout) -> None:
        """The exercise chooser and the own-exercise buttons, under the routine."""
        self.exercises = QComboBox(self)
        self.exercises.setAccessibleName("Exercises")
        self.exercises.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.exercises.setMinimumContentsLength(12)
        label = QLabel("Exercises:", self)
        label.setBuddy(self.exercises)
        chooser = QHBoxLayout()
        chooser.addWidget(label)
        chooser.addWidget(self.exercises, 1)
        layout.addSpacing(4)
        layout.addLayout(chooser)
        own = QHBoxLayout()
        self.new_exercise = QPushButton("New exercise…", self)
        self.edit_exercise = QPushButton("Edit…", self)
        self.duplicate_exercise = QPushButton("Duplicate…", self)
        self.delete_exercise = QPushButton("Delete", self)
        for button, name in (
            (self.new_exercise, "New exercise of your own"),
            (self.edit_exercise, "Edit your exercise"),
            (self.duplicate_exercise, "Duplicate exercise as your own"),
            (self.delete_exercise, "Delete your exercise"),
        ):
            button.setAccessibleName(name)
            own.addWidget(button)
        own.addStretch(1)
        layout.addLayout(own)
        self.own_note = QLabel(self)
        self.own_note.setWordWrap(True)
        self.own_note.setAccessibleName("Why your own exercises cannot be saved")
        self.own_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.own_note)

    def _connect_signals(self) -> None:
        self.document.changed.connect(self._on_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_routine_row)
        self.add.clicked.connect(self._on_add)
        self.remove.clicked.connect(self._on_remove)
        self.up.clicked.connect(lambda: self._on_move(-1))
        self.down.clicked.connect(lambda: self._on_move(1))
        self.propose.clicked.connect(self._on_propose)
        self.document.library_changed.connect(self._fill_exercises)
        self.exercises.currentIndexChanged.connect(self._on_exercise)
        self.new_exercise.clicked.connect(lambda: self.edit_own(None, editing=False))
        self.edit_exercise.clicked.connect(lambda: self.edit_own(self.chosen(), editing=True))
        self.duplicate_exercise.clicked.connect(lambda: self.edit_own(self.chosen(), editing=False))
        self.delete_exercise.clicked.connect(lambda: self.delete_own(self.chosen()))

    def select_row(self, row: int) -> None:
        """Select one row of the routine (a safety finding about it was chosen)."""
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

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
        self._show_total()
        row, count = self._row(), self.model.rowCount()
        self.remove.setEnabled(row >= 0)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < count - 1)
        self.propose.setEnabled(not proposed)

    def _show_total(self) -> None:
        routine = self.document.routine()
        total = daily_minutes(routine)
        limit = self.document.daily_minutes or DEFAULT_DAILY_MINUTES
        text = f"About {total:g} minutes a day, {len(routine)} exercises"
        if total > limit:
            text += f": more than your {limit:g} minutes"
        else:
            text += f" (at most {limit:g})"
        self.total.setText(text)
        self.total.setPalette(self._over_total if total > limit else self._plain_total)

    def _on_routine_row(self, *_: object) -> None:
        # The chooser follows the routine, so Edit and Duplicate act on the exercise picked
        # there; only when the row changes, so an edit never undoes a choice made since.
        row = self._row()
        if row >= 0:
            self.choose(self.model.data(self.model.index(row, 0), Role.ID))

    # -- the exercises and the therapist's own ---------------------------------------------

    def why_not_writable(self) -> str:
        """Why own exercises cannot be saved here ("" when they can)."""
        if self.store is None:
            return NO_STORE
        return READ_ONLY if self.store.read_only else ""

    def chosen(self) -> str:
        """The id of the exercise in the chooser ("" for none)."""
        return self.exercises.currentData() or ""

    def choose(self, exercise_id: str) -> None:
        index = self.exercises.findData(exercise_id)
        if index >= 0:
            self.exercises.setCurrentIndex(index)

    def _fill_exercises(self) -> None:
        library = self.document.library
        current = self.chosen()
        self.exercises.blockSignals(True)
        self.exercises.clear()
        for exercise in sorted(library.exercises.values(), key=lambda e: e.title.casefold()):
            own = library.is_custom_exercise(exercise.id)
            self.exercises.addItem(exercise.title + (OWN_MARK if own else ""), exercise.id)
            tip = "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, 1))
            self.exercises.setItemData(self.exercises.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.exercises.setCurrentIndex(max(self.exercises.findData(current), 0))
        self.exercises.blockSignals(False)
        self._on_exercise()

    def _on_exercise(self, *_: object) -> None:
        library = self.document.library
        chosen = self.chosen()
        own = bool(chosen) and library.is_custom_exercise(chosen)
        why = self.why_not_writable()
        self.new_exercise.setEnabled(not why)
        self.duplicate_exercise.setEnabled(not why and bool(chosen))
        self.edit_exercise.setEnabled(not why and own)
        self.delete_exercise.setEnabled(not why and own)
        self.own_note.setText(why)
        self.own_note.setVisible(bool(why))
        self.new_exercise.setToolTip(why or "Write a home-care exercise of your own")
        self.duplicate_exercise.setToolTip(
            why or "Start an exercise of your own from a copy of the chosen one"
        )
        self.edit_exercise.setToolTip(
            why
            or (
                "Change the chosen exercise (one of your own)"
                if own
                else "Built-in exercises cannot be changed: duplicate one to make it your own"
            )
        )
        self.delete_exercise.setToolTip(
            why
            or (
                "Delete the chosen exercise (one of your own)"
                if own
                else "Built-in exercises cannot be deleted: only your own ones can"
            )
        )

    def edit_own(self, exercise_id: str | None, *, editing: bool) -> Exercise | None:
        """Create (``exercise_id`` None), edit or duplicate an own exercise and save it.

        Returns the exercise saved, or None (cancelled, not allowed, or refused by the
        store, which is then said in one message).
        """
        library = self.document.library
        start = library.exercises.get(exercise_id) if exercise_id else None
        if self.why_not_writable() or (
            editing and (start is None or not library.is_custom_exercise(start.id))
        ):
            return None
        from planner.gui.common.editing import open_in_dialog
        from planner.storage import StoreError

        assert self.store is not None
        # A sync while the dialog is open leaves the exercise edited alone.
        with open_in_dialog(self.store, "exercise", start.id if editing and start else ""):
            exercise = asks.ask_exercise(self, library, start, editing=editing)
            if exercise is None:
                return None
            try:
                self.store.save_exercise(exercise)
                new_library = self.store.library()
            except StoreError as error:
                asks.show_error(self, "Exercise", str(error))
                return None
        self.document.set_library(new_library)
        self.choose(exercise.id)
        self._status(f"Saved your exercise “{exercise.title}”")
        return exercise

    def delete_own(self, exercise_id: str) -> bool:
        """Ask, then delete an own exercise (what may go: :mod:`planner.gui.library.own_delete`).

        Returns True when it was deleted; the chooser then shows the exercise that took
        its place in the list.
        """
        if not exercise_id or self.why_not_writable():
            return False
        from planner.gui.library.own_delete import delete_exercise

        position = self.exercises.currentIndex()
        existed = exercise_id in self.document.library.exercises
        said = delete_exercise(self, self.store, self.document, exercise_id)
        deleted = existed and exercise_id not in self.document.library.exercises
        if deleted and self.exercises.count():
            self.exercises.setCurrentIndex(min(position, self.exercises.count() - 1))
            self.exercises.setFocus()
        self._status(said)
        return deleted

    def _status(self, text: str) -> None:
        status = getattr(self.window(), "statusBar", None)
        if text and status is not None:
            status().showMessage(text, 5000)

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
