"""The home-care room's dialog: an exercise from the library added to the routine.

(An own exercise's dialog is in :mod:`planner.gui.homecare.exercise_dialog`.)
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from planner.core.library import Library
from planner.core.plan import HomeCareItem
from planner.gui.common.forms import FormDialog, combo, exercise_titles, minutes_box


class HomeCareDialog(FormDialog):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__("Add a home-care exercise", parent)
        self.library = library
        titles = exercise_titles(library)
        self.exercise = self.add("&Exercise:", combo(titles, self), "Exercise")
        self.minutes = self.add("&Minutes:", minutes_box(self), "Minutes")
        self.frequency = self.add("How &often:", QLineEdit(self), "How often")
        self.note = self.add("&Note:", QLineEdit(self), "Note")
        self.exercise.currentIndexChanged.connect(self._on_exercise)
        self._on_exercise()
        self.finish()

    def _on_exercise(self) -> None:
        exercise = self.library.exercises[self.exercise.currentData()]
        self.minutes.setValue(float(exercise.minutes))
        self.frequency.setText(exercise.frequency)

    def value(self) -> HomeCareItem:
        minutes = self.minutes.value()
        return HomeCareItem(
            self.exercise.currentData(),
            int(minutes) if minutes.is_integer() else minutes,
            self.frequency.text().strip() or "daily",
            self.note.text().strip(),
        )
