"""Where each step of an own exercise works: the whole exercise's areas, one of them, or
nowhere (a step that only sits, looks or rests).

The home-care sheet puts "Leave out your left heel." into the steps that work on an
avoided area, and the safety rules read where the steps work. A step left at "All its
areas" is the safe reading; when every step is, the exercise is saved as plain lines and
the sheet says what to leave out before the first step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QScrollArea, QSizePolicy, QWidget

from planner.core.regions import region_title

ALL = "*"  # the step works on every area of the exercise
NOWHERE = ""  # the step touches nothing (sit, look, rest)
_ROWS_SHOWN = 4


def _choice_of(regions: list[str], areas: tuple[str, ...]) -> str:
    """A stored step's regions as a choice of the list: all, one area, nowhere, or a set."""
    if not regions:
        return NOWHERE
    if set(regions) == set(areas):
        return ALL
    return ",".join(regions)


class StepPlaces(QScrollArea):
    """A row for each step: its words, and a list of where it works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its rows take the focus, not the frame
        self._inner = QWidget(self)
        self._rows = QGridLayout(self._inner)
        self._rows.setContentsMargins(6, 4, 6, 4)
        self._rows.setColumnStretch(0, 1)
        # Rows from the top, each step's words level with its list (not spread apart
        # when there are only a few).
        self._rows.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._inner)
        self.combos: list[QComboBox] = []
        self.labels: list[QLabel] = []
        self._steps: list[str] = []
        self._areas: tuple[str, ...] = ()
        # What the therapist chose, by the step's words: kept while steps are typed.
        self._chosen: dict[str, str] = {}
        height = _ROWS_SHOWN * (self.fontMetrics().lineSpacing() + 14) + 8
        self.setFixedHeight(height)
        self.on_change: list[Any] = []
        # The fields before and after this list in the dialog's Tab order.
        self.before: QWidget | None = None
        self.after: QWidget | None = None

    def load(self, stored: list[Any], areas: tuple[str, ...]) -> None:
        """The choices of an exercise shown (its steps as its JSON form holds them)."""
        explicit = any(isinstance(step, dict) for step in stored)
        self._chosen = {}
        for step in stored:
            if isinstance(step, dict):
                self._chosen[step["text"]] = _choice_of(list(step.get("regions", [])), areas)
            elif explicit:
                self._chosen[step] = NOWHERE
        self._rebuild([s["text"] if isinstance(s, dict) else s for s in stored], areas)

    def show_steps(self, steps: list[str], areas: tuple[str, ...]) -> None:
        """Rows for these steps, offering these areas; earlier choices kept by the words."""
        for combo, text in zip(self.combos, self._steps, strict=False):
            self._chosen[text] = combo.currentData()
        if steps != self._steps or tuple(areas) != self._areas:
            self._rebuild(steps, areas)

    def _rebuild(self, steps: list[str], areas: tuple[str, ...]) -> None:
        """One row a step: rows are reused as steps are typed, added or taken away."""
        self._steps, self._areas = list(steps), tuple(areas)
        while len(self.combos) > len(steps):
            for widget in (self.labels.pop(), self.combos.pop()):
                self._rows.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        while len(self.combos) < len(steps):
            row = len(self.combos)
            label = QLabel(self._inner)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
            combo = QComboBox(self._inner)
            combo.currentIndexChanged.connect(self._changed)
            self._rows.addWidget(label, row, 0)
            self._rows.addWidget(combo, row, 1)
            self.labels.append(label)
            self.combos.append(combo)
        for number, (text, label, combo) in enumerate(
            zip(steps, self.labels, self.combos, strict=True), start=1
        ):
            label.setText(f"{number}. {text}")
            label.setToolTip(text)
            combo.setAccessibleName(f"Where step {number} works")
            combo.blockSignals(True)
            self._fill(combo, self._chosen.get(text, ALL))
            combo.blockSignals(False)
        # Tab goes from the field before this list through the rows, in step order,
        # then on to the field after it.
        chain = [self.before, *self.combos, self.after]
        for first, second in zip(chain, chain[1:], strict=False):
            if first is not None and second is not None:
                QWidget.setTabOrder(first, second)

    def _fill(self, combo: QComboBox, chosen: str) -> None:
        combo.clear()
        combo.addItem("All its areas", ALL)
        for area in self._areas:
            combo.addItem(region_title(area), area)
        several = chosen.split(",")
        if chosen not in (ALL, NOWHERE, *self._areas) and set(several) <= set(self._areas):
            combo.addItem(" and ".join(region_title(r) for r in several), chosen)
        combo.addItem("Nowhere (sit, look or rest)", NOWHERE)
        found = combo.findData(chosen)
        combo.setCurrentIndex(found if found >= 0 else 0)

    def _changed(self, *_: object) -> None:
        for listener in self.on_change:
            listener()

    def steps_json(self, areas: tuple[str, ...]) -> list[Any]:
        """The steps as an exercise's JSON holds them: plain lines when every step works
        on all the areas, else each step with where it works."""
        chosen = [combo.currentData() for combo in self.combos]
        if all(choice == ALL for choice in chosen):
            return list(self._steps)
        steps: list[Any] = []
        for text, choice in zip(self._steps, chosen, strict=True):
            regions = list(areas) if choice == ALL else [r for r in choice.split(",") if r]
            steps.append({"text": text, "regions": regions})
        return steps
