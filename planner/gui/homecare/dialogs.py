"""The home-care room's dialog: an exercise from the library added to the routine.

(An own exercise's dialog is in :mod:`planner.gui.homecare.exercise_dialog`.)
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from planner.core.library import Library
from planner.core.plan import HomeCareItem
from planner.gui.common.forms import (
    FormDialog,
    combo,
    count_box,
    exercise_titles,
    minutes_box,
)


class HomeCareDialog(FormDialog):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__("Add a home-care exercise", parent)
        self.library = library
        titles = exercise_titles(library)
        self.exercise = self.add("&Exercise:", combo(titles, self), "Exercise")
        self.minutes = self.add("&Minutes:", minutes_box(self), "Minutes")
        self.times_a_day = self.add("&Times a day:", count_box(self, 6), "Times a day")
        self.days_a_week = self.add("&Days a week:", count_box(self, 7), "Days a week")
        self.note = self.add("&Note:", QLineEdit(self), "Note")
        self.exercise.currentIndexChanged.connect(self._on_exercise)
        self._on_exercise()
        self.finish()

    def _on_exercise(self) -> None:
        exercise = self.library.exercises[self.exercise.currentData()]
        self.minutes.setValue(float(exercise.minutes))
        self.times_a_day.setValue(exercise.times_a_day)
        self.days_a_week.setValue(exercise.days_a_week)

    def value(self) -> HomeCareItem:
        minutes = self.minutes.value()
        return HomeCareItem(
            self.exercise.currentData(),
            int(minutes) if minutes.is_integer() else minutes,
            self.times_a_day.value(),
            self.days_a_week.value(),
            self.note.text().strip(),
        )
