"""The dialog for one of the therapist's own home-care exercises (new, edited or duplicated).

Every field is checked the way the store and plan files check an exercise
(:func:`planner.core.library.parse_exercise`): while anything is wrong, OK stays
off and the first problem is named under the form, in the form's own words
("Step 3: is too long ..."), so what the dialog accepts the store accepts.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from planner.core import validate as v
from planner.core.library import Exercise, Library, parse_exercise
from planner.core.properties import EXERCISE_PROPERTIES
from planner.gui.common.forms import (
    FormDialog,
    check_ids,
    checked_ids,
    checklist,
    count_box,
    minutes_box,
    own_id,
    property_boxes,
    region_titles,
)
from planner.gui.common.roles import SEVERITY_COLOURS
from planner.gui.homecare.step_places import StepPlaces

# What each field of an exercise is called in the dialog (one entry of a list: "Step 3").
_FIELDS = {
    "id": ("Id", "Id"),
    "title": ("Title", "Title"),
    "steps": ("Steps", "Step"),
    "minutes": ("Minutes", "Minutes"),
    "times_a_day": ("Times a day", "Times a day"),
    "days_a_week": ("Days a week", "Days a week"),
    "cautions": ("Cautions", "Caution"),
    "regions": ("Areas", "Area"),
}
_PLACE = re.compile(r"(\w+)(?:\[(\d+)\])?")
TEXT_MAX = 120  # the title (parse_exercise's limit)


def readable_problem(error: v.FormatError) -> str:
    """The problem in the dialog's words: "Step 2: must not be empty."."""
    found = _PLACE.fullmatch(error.place)
    if found is None or found.group(1) not in _FIELDS:
        return f"{error}."
    whole, one = _FIELDS[found.group(1)]
    if found.group(1) == "steps" and error.problem.startswith("needs at least"):
        return "Write at least one step, one per line."
    label = whole if found.group(2) is None else f"{one} {int(found.group(2)) + 1}"
    return f"{label}: {error.problem}."


def _lines(edit: QPlainTextEdit) -> list[str]:
    """One entry per line; blank lines are only spacing."""
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def _text_box(parent: QWidget, lines: int, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    frame = 2 * box.frameWidth() + 8
    box.setFixedHeight(lines * box.fontMetrics().lineSpacing() + frame)
    return box


class ExerciseDialog(FormDialog):
    """Create, edit or duplicate one of the therapist's own home-care exercises."""

    def __init__(self, title: str, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.library = library
        self._id = ""
        self.title = self.add("&Title:", QLineEdit(self), "Exercise title")
        self.title.setPlaceholderText("What the client reads, e.g. “Roll a ball under your foot”")
        self.title.setMaxLength(TEXT_MAX)
        steps = _text_box(self, 8, "One step per line, in the order the client does them")
        self.steps = self.add("&Steps:", steps, "Steps, one per line")
        self.minutes = self.add("&Minutes:", minutes_box(self), "Minutes")
        self.times_a_day = self.add("Times a &day:", count_box(self, 6), "Times a day")
        self.days_a_week = self.add("Days a &week:", count_box(self, 7, 7), "Days a week")
        cautions = _text_box(self, 3, "One caution per line (may be left empty)")
        self.cautions = self.add("&Cautions:", cautions, "Cautions, one per line")
        regions = checklist(region_titles(), self, 6 * self.fontMetrics().lineSpacing() + 12)
        self.regions = self.add("&Areas:", regions, "Areas the exercise works on")
        # Where each step works: "leave out" goes into the steps on an avoided area.
        self.places = self.add("Where each step &works:", StepPlaces(self), "Where each step works")
        # What the safety rules read about it (a soak, bare feet, standing...).
        properties, self.properties = property_boxes(EXERCISE_PROPERTIES, self, "khBgP")
        self.add("Safety:", properties, "What the safety rules read about it")
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("What still needs to be filled in")
        self._plain = self.problem.palette()
        self._wrong = self.problem.palette()
        self._wrong.setColor(
            QPalette.ColorRole.WindowText, QColor(SEVERITY_COLOURS["contraindicated"])
        )
        self.form.addRow(self.problem)
        self.finish()
        # Wide enough that a step of two sentences takes two lines, not four.
        self.setMinimumWidth(580)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        for signal in (
            self.title.textChanged,
            self.steps.textChanged,
            self.minutes.valueChanged,
            self.times_a_day.valueChanged,
            self.days_a_week.valueChanged,
            self.cautions.textChanged,
            self.regions.itemChanged,
            *(box.toggled for box in self.properties.values()),
        ):
            signal.connect(self._check)
        self.places.on_change.append(self._check)
        self.places.before = self.regions
        self.places.after = next(iter(self.properties.values()))
        self._check()

    def show_exercise(self, exercise: Exercise, *, keep_id: bool) -> None:
        """Fill the form from an exercise: edited (same id) or duplicated (a new one)."""
        self._id = exercise.id if keep_id else ""
        self.title.setText(exercise.title if keep_id else f"{exercise.title} (my version)")
        self.steps.setPlainText("\n".join(exercise.steps))
        self.minutes.setValue(float(exercise.minutes))
        self.times_a_day.setValue(exercise.times_a_day)
        self.days_a_week.setValue(exercise.days_a_week)
        self.cautions.setPlainText("\n".join(exercise.cautions))
        check_ids(self.regions, exercise.regions)
        self.places.load(exercise.to_json()["steps"], exercise.regions)
        for name, box in self.properties.items():
            box.setChecked(getattr(exercise, name))
        self._check()

    def exercise_json(self) -> dict[str, Any]:
        """The form as an exercise's JSON form (what the store and plan files hold)."""
        title = self.title.text().strip()
        minutes = self.minutes.value()
        return {
            "id": self._id or own_id(title, set(self.library.exercises), "exercise"),
            "title": title,
            "steps": self._steps_json(),
            "minutes": int(minutes) if minutes.is_integer() else minutes,
            "times_a_day": self.times_a_day.value(),
            "days_a_week": self.days_a_week.value(),
            "cautions": _lines(self.cautions),
            "regions": list(checked_ids(self.regions)),
            **{name: box.isChecked() for name, box in self.properties.items()},
        }

    def _steps_json(self) -> list[Any]:
        """The steps as typed, each with where it works when the therapist said (a copy
        of a built-in exercise keeps its steps' places, and so its "leave out" lines)."""
        areas = checked_ids(self.regions)
        self.places.show_steps(_lines(self.steps), areas)
        return self.places.steps_json(areas)

    def first_problem(self) -> str:
        """What keeps the exercise from being saved ("" when nothing does)."""
        try:
            parse_exercise(self.exercise_json(), "")
        except v.FormatError as error:
            return readable_problem(error)
        return ""

    def _check(self, *_: object) -> None:
        problem = self.first_problem()
        # Something still to fill in reads as a hint; something wrong, in red.
        unfilled = "must not be empty" in problem or "at least one step" in problem
        self.problem.setPalette(self._plain if unfilled else self._wrong)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.ok.setEnabled(not problem)

    def value(self) -> Exercise:
        return parse_exercise(self.exercise_json(), "")
