"""The visit's measures: pain before and after, symptom intensities, MNSI, monofilament.

Every change is one undoable edit of the plan's measures. Symptom intensities
take one keystroke each: select an area and type a digit (0-9; + and - step, so
10 is 9 then +); the selection then moves to the next area.

Signals:
    none (edits go through the document).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.core.measures import (
    MNSI_CUTOFFS,
    MNSI_ITEMS,
    MNSI_MAX_SCORE,
    MNSI_POINT_FOR_NO,
    MNSI_UNSCORED,
    MONOFILAMENT_SITES,
    Measures,
    make_measures,
)
from planner.core.regions import area_phrase
from planner.core.vocab import SYMPTOM_KINDS
from planner.gui.common.document import SessionDocument
from planner.gui.course.commands import SetIntensity, SetMeasures, SetSymptoms

NOT_ASKED = "—"


class IntensityList(QListWidget):
    """Symptom areas with their intensity; a digit key sets the selected one and moves on."""

    def __init__(self, on_set: Callable[[int, int | None], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.on_set = on_set
        self.setAccessibleName("Symptom intensities")
        self.setAccessibleDescription("Select an area and type 0 to 9; + and - change by one")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        row = self.currentRow()
        text = event.text()
        if row < 0 or not text or text not in "0123456789+-=":
            super().keyPressEvent(event)
            return
        current = self.item(row).data(Qt.ItemDataRole.UserRole)
        if text.isdigit():
            value: int | None = int(text)
        else:
            base = 0 if current is None else int(current)
            value = max(0, min(10, base + (-1 if text == "-" else 1)))
        self.on_set(row, value)
        if text.isdigit() and row + 1 < self.count():
            self.setCurrentRow(row + 1)


class MeasuresPanel(QWidget):
    """Pain ratings, symptom intensities, the MNSI questionnaire and the monofilament screen."""

    def __init__(
        self,
        document: SessionDocument,
        last_symptoms: Callable[[], tuple[str, list]] | None = None,  # type: ignore[type-arg]
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.last_symptoms = last_symptoms
        self._loading = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._pain_box())
        layout.addWidget(self._symptom_box())
        layout.addWidget(self._mnsi_box())
        layout.addWidget(self._monofilament_box())
        layout.addStretch(1)
        self._connect_signals()
        self.refresh()

    # -- layout --------------------------------------------------------------

    def _spin(self, name: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(-1, 10)
        spin.setSpecialValueText(NOT_ASKED)
        spin.setAccessibleName(name)
        spin.setSuffix(" / 10")
        return spin

    def _pain_box(self) -> QGroupBox:
        box = QGroupBox("Pain (0 none, 10 the worst imaginable)", self)
        form = QFormLayout(box)
        self.pain_before = self._spin("Pain before the session")
        self.pain_after = self._spin("Pain after the session")
        form.addRow("&Before the session:", self.pain_before)
        form.addRow("&After the session:", self.pain_after)
        return box

    def _symptom_box(self) -> QGroupBox:
        box = QGroupBox("Symptom intensities (select, then type 0-9)", self)
        layout = QVBoxLayout(box)
        self.intensities = IntensityList(self._on_intensity, box)
        rows = self.intensities.fontMetrics().lineSpacing()
        self.intensities.setMaximumHeight(rows * 6 + 8)  # about five areas in view
        self.from_last = QPushButton("Take the areas from the &last visit", box)
        self.from_last.setToolTip("Copies the last visit's symptom areas, to rate them again")
        layout.addWidget(self.intensities)
        layout.addWidget(self.from_last)
        return box

    def _answer_combo(self, choices: tuple[str, ...], name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItems(choices)
        combo.setAccessibleName(name)
        return combo

    def _mnsi_box(self) -> QGroupBox:
        box = QGroupBox("MNSI questionnaire (answers from the client's form)", self)
        grid = QGridLayout(box)
        self.mnsi: dict[int, QComboBox] = {}
        for row, (item, label) in enumerate(MNSI_ITEMS.items()):
            note = " (not scored)" if item in MNSI_UNSCORED else ""
            note = " (scores on No)" if item in MNSI_POINT_FOR_NO else note
            text = QLabel(f"{item}. {label}{note}", box)
            text.setWordWrap(True)
            combo = self._answer_combo((NOT_ASKED, "Yes", "No"), f"MNSI item {item}: {label}")
            text.setBuddy(combo)
            grid.addWidget(text, row, 0)
            grid.addWidget(combo, row, 1)
            self.mnsi[item] = combo
        grid.setColumnStretch(0, 1)
        self.mnsi_score = QLabel(box)
        self.mnsi_score.setWordWrap(True)
        self.mnsi_score.setAccessibleName("MNSI score")
        grid.addWidget(self.mnsi_score, len(MNSI_ITEMS), 0, 1, 2)
        return box

    def _monofilament_box(self) -> QGroupBox:
        box = QGroupBox("Monofilament, 10 g (client's left and right)", self)
        grid = QGridLayout(box)
        grid.addWidget(QLabel("Left", box), 0, 1)
        grid.addWidget(QLabel("Right", box), 0, 2)
        self.monofilament: dict[str, QComboBox] = {}
        for row, (site, name) in enumerate(MONOFILAMENT_SITES.items(), start=1):
            label = QLabel(name.capitalize(), box)
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            for column, side in enumerate(("left", "right"), start=1):
                combo = self._answer_combo(
                    (NOT_ASKED, "Felt", "Not felt"), f"Monofilament, {side} {name}"
                )
                grid.addWidget(combo, row, column)
                self.monofilament[f"{side}-{site}"] = combo
        grid.setColumnStretch(0, 1)
        return box

    # -- signals -------------------------------------------------------------

    def _connect_signals(self) -> None:
        self.document.changed.connect(self.refresh)
        self.document.replaced.connect(self.refresh)
        self.pain_before.valueChanged.connect(lambda _: self._on_edit("Pain before"))
        self.pain_after.valueChanged.connect(lambda _: self._on_edit("Pain after"))
        for item, combo in self.mnsi.items():
            combo.currentIndexChanged.connect(lambda _, i=item: self._on_edit(f"MNSI item {i}"))
        for combo in self.monofilament.values():
            combo.currentIndexChanged.connect(lambda _: self._on_edit("Monofilament"))
        self.from_last.clicked.connect(self._on_from_last)

    def _read(self) -> Measures:
        def rating(spin: QSpinBox) -> int | None:
            return None if spin.value() < 0 else spin.value()

        answers = {i: c.currentIndex() == 1 for i, c in self.mnsi.items() if c.currentIndex() > 0}
        screen = {
            k: c.currentIndex() == 1 for k, c in self.monofilament.items() if c.currentIndex() > 0
        }
        return make_measures(rating(self.pain_before), rating(self.pain_after), answers, screen)

    def _on_edit(self, what: str) -> None:
        if self._loading:
            return
        measures = self._read()
        if measures == self.document.plan.measures:
            return
        if not self.document.push(SetMeasures(self.document, measures, f"Set {what}")):
            self.refresh()

    def _on_intensity(self, row: int, value: int | None) -> None:
        self.document.push(SetIntensity(self.document, row, value))

    def _on_from_last(self) -> None:
        if self.last_symptoms is None:
            return
        when, symptoms = self.last_symptoms()
        if not symptoms:
            self.document.refused.emit("no earlier visit of this client has symptom areas")
            return
        self.document.push(SetSymptoms(self.document, symptoms, f"Symptom areas of {when}"))
        self.intensities.setCurrentRow(0)
        self.intensities.setFocus()

    # -- showing the plan ------------------------------------------------------

    def refresh(self) -> None:
        plan = self.document.plan
        m = plan.measures
        self._loading = True
        try:
            self.pain_before.setValue(-1 if m.pain_before is None else m.pain_before)
            self.pain_after.setValue(-1 if m.pain_after is None else m.pain_after)
            answers = m.mnsi_answers()
            for item, combo in self.mnsi.items():
                answer = answers.get(item)
                combo.setCurrentIndex(0 if answer is None else (1 if answer else 2))
            screen = dict(m.monofilament)
            for key, combo in self.monofilament.items():
                felt = screen.get(key)
                combo.setCurrentIndex(0 if felt is None else (1 if felt else 2))
            self._show_intensities()
        finally:
            self._loading = False
        self._show_score(m)
        signed = plan.signature is not None
        for widget in (self.pain_before, self.pain_after, self.from_last, *self.mnsi.values()):
            widget.setEnabled(not signed)
        for widget in self.monofilament.values():
            widget.setEnabled(not signed)

    def _show_intensities(self) -> None:
        row = self.intensities.currentRow()
        self.intensities.clear()
        for symptom in self.document.plan.symptoms:
            rated = "not rated" if symptom.intensity is None else f"{symptom.intensity} / 10"
            where = area_phrase(symptom.region, symptom.side)
            item = QListWidgetItem(f"{SYMPTOM_KINDS[symptom.kind]}, {where}: {rated}")
            item.setData(Qt.ItemDataRole.UserRole, symptom.intensity)
            self.intensities.addItem(item)
        if 0 <= row < self.intensities.count():
            self.intensities.setCurrentRow(row)

    def _show_score(self, measures: Measures) -> None:
        score = measures.mnsi_score()
        if score is None:
            self.mnsi_score.setText("Score: no answers entered.")
            return
        reached = [cutoff for cutoff, _ in MNSI_CUTOFFS if score >= cutoff]
        verdict = (
            f"at or above the published cut-off of {max(reached)} or more"
            if reached
            else "below the published cut-offs (4 or more; 7 or more)"
        )
        self.mnsi_score.setText(
            f"<b>Score {score} of {MNSI_MAX_SCORE}</b> ({len(measures.mnsi_a)} of 15 answered): "
            f"{verdict}. A screen, not a diagnosis."
        )
