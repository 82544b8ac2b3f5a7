"""Small entry dialogs: an avoided area, a symptom, a client, a home-care exercise, a technique.

(An own exercise's dialog is in :mod:`planner.gui.exercise_dialog`.)

Each dialog only lays out fields and builds a core object from them; the
questions that open them live in :mod:`planner.gui.asks`, where tests replace them.
"""

from __future__ import annotations

import re
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from planner.core.library import FAMILIES, Library, Technique
from planner.core.plan import AvoidedArea, HomeCareItem, SymptomArea
from planner.core.regions import PAIRED_SIDES, REGIONS, default_side, region_title
from planner.core.vocab import (
    AVOID_REASONS,
    MAX_STEP_MINUTES,
    PRESSURE_NAMES,
    PRESSURES,
    SYMPTOM_KINDS,
)
from planner.gui.models import SIDE_NAMES
from planner.gui.plan_models import OWN_MARK

W = TypeVar("W", bound=QWidget)


class FormDialog(QDialog):
    """A form with OK and Cancel; OK stays off until the form is complete."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def add(self, label: str, widget: W, accessible: str) -> W:
        widget.setAccessibleName(accessible)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        return widget

    def finish(self) -> None:
        self.form.addRow(self.buttons)
        self.setMinimumWidth(420)


def exercise_titles(library: Library) -> dict[str, str]:
    """Exercise id -> title, by title; the therapist's own ones marked as such."""
    return {
        e.id: e.title + (OWN_MARK if library.is_custom_exercise(e.id) else "")
        for e in sorted(library.exercises.values(), key=lambda e: e.title.casefold())
    }


def _combo(items: dict[str, str], parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for key, name in items.items():
        combo.addItem(name, key)
    return combo


def minutes_box(parent: QWidget, value: float = 5) -> QDoubleSpinBox:
    """Minutes in half-minute steps, as steps and exercises take them."""
    minutes = QDoubleSpinBox(parent)
    minutes.setRange(0.5, MAX_STEP_MINUTES)
    minutes.setDecimals(1)
    minutes.setValue(value)
    minutes.setSuffix(" min")
    return minutes


def checklist(items: dict[str, str], parent: QWidget, height: int) -> QListWidget:
    """A list of titles to tick, each carrying its id (see :func:`checked_ids`)."""
    listing = QListWidget(parent)
    for item_id, title in items.items():
        item = QListWidgetItem(title, listing)
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        item.setCheckState(Qt.CheckState.Unchecked)
    listing.setFixedHeight(height)
    return listing


def region_titles() -> dict[str, str]:
    """Every body region by its title, in the order a therapist looks for them."""
    return {region: region_title(region) for region in sorted(REGIONS, key=region_title)}


class AreaFields:
    """A region list and a side list that only offers sides the region has."""

    def __init__(self, dialog: FormDialog) -> None:
        regions = {r: region_title(r) for r in sorted(REGIONS, key=region_title)}
        self.region = dialog.add("&Area:", _combo(regions, dialog), "Area")
        self.side = dialog.add("&Side:", QComboBox(dialog), "Side")
        self.region.currentIndexChanged.connect(self._on_region)
        self.region.setCurrentIndex(self.region.findData("foot"))
        self._on_region()

    def _on_region(self) -> None:
        region = self.region.currentData()
        sides = ("midline",) if default_side(region) == "midline" else PAIRED_SIDES
        current = self.side.currentData()
        self.side.clear()
        for side in sides:
            self.side.addItem(SIDE_NAMES[side], side)
        self.side.setCurrentIndex(max(self.side.findData(current), 0))

    def set(self, region: str, side: str) -> None:
        self.region.setCurrentIndex(self.region.findData(region))
        self.side.setCurrentIndex(max(self.side.findData(side), 0))


class AvoidDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Avoid an area", parent)
        self.area = AreaFields(self)
        self.reason = self.add("&Reason:", _combo(AVOID_REASONS, self), "Reason")
        self.note = self.add("&Note:", QLineEdit(self), "Note")
        self.finish()

    def value(self) -> AvoidedArea:
        return AvoidedArea(
            self.area.region.currentData(),
            self.area.side.currentData(),
            self.reason.currentData(),
            self.note.text().strip(),
        )


class SymptomDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Mark a symptom", parent)
        self.area = AreaFields(self)
        self.kind = self.add("&Symptom:", _combo(SYMPTOM_KINDS, self), "Symptom")
        spin = QSpinBox(self)
        spin.setRange(-1, 10)
        spin.setSpecialValueText("Not rated")
        spin.setValue(-1)
        self.intensity = self.add("&Intensity (0–10):", spin, "Intensity from 0 to 10")
        self.finish()

    def value(self) -> SymptomArea:
        intensity = self.intensity.value()
        return SymptomArea(
            self.area.region.currentData(),
            self.area.side.currentData(),
            self.kind.currentData(),
            None if intensity < 0 else intensity,
        )


class ClientDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("New client", parent)
        self.name = self.add("&Name:", QLineEdit(self), "Client name")
        self.contact = self.add("&Contact:", QLineEdit(self), "Contact notes")
        notes = QPlainTextEdit(self)
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(70)
        self.notes = self.add("N&otes:", notes, "Client notes")
        self.finish()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))

    def value(self) -> tuple[str, str, str]:
        return (
            self.name.text().strip(),
            self.contact.text().strip(),
            self.notes.toPlainText().strip(),
        )


class HomeCareDialog(FormDialog):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__("Add a home-care exercise", parent)
        self.library = library
        titles = exercise_titles(library)
        self.exercise = self.add("&Exercise:", _combo(titles, self), "Exercise")
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


def own_id(name: str, taken: set[str], fallback: str = "technique") -> str:
    """An id for a new own technique or exercise, from its name, not clashing with any other."""
    base = "my-" + (re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or fallback)
    candidate, n = base[:60], 2
    while candidate in taken:
        candidate, n = f"{base[:56]}-{n}", n + 1
    return candidate


class TechniqueDialog(FormDialog):
    """Create, edit or duplicate one of the therapist's own techniques."""

    def __init__(self, title: str, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.library = library
        self.name = self.add("&Name:", QLineEdit(self), "Technique name")
        self.family = self.add("&Family:", _combo(FAMILIES, self), "Family")
        self.pressure = self.add("Default &pressure:", _combo(PRESSURE_NAMES, self), "Pressure")
        self.minutes = self.add("Default &minutes:", minutes_box(self), "Default minutes")
        self.vigorous = self.add("", QCheckBox("&Vigorous (brisk or forceful)", self), "Vigorous")
        description = QPlainTextEdit(self)
        description.setTabChangesFocus(True)
        description.setFixedHeight(90)
        self.description = self.add("&How it is done:", description, "Description")
        regions = checklist(region_titles(), self, 120)
        self.regions = self.add("&Suits:", regions, "Areas it suits")
        # The home care it suggests: what the proposed routine adds when a step uses it.
        self.exercises = checklist(exercise_titles(library), self, 100)
        self.add("Home &care:", self.exercises, "Home-care exercises it suggests")
        self.finish()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self._id = ""

    def show_technique(self, technique: Technique, *, keep_id: bool) -> None:
        self._id = technique.id if keep_id else ""
        self.name.setText(technique.name if keep_id else f"{technique.name} (my version)")
        self.family.setCurrentIndex(max(self.family.findData(technique.family), 0))
        self.pressure.setCurrentIndex(PRESSURES.index(technique.default_pressure))
        self.minutes.setValue(float(technique.default_minutes))
        self.vigorous.setChecked(technique.vigorous)
        self.description.setPlainText(technique.description)
        check_ids(self.regions, technique.regions)
        check_ids(self.exercises, technique.exercises)

    def value(self) -> Technique:
        name = self.name.text().strip()
        minutes = self.minutes.value()
        return Technique(
            id=self._id or own_id(name, set(self.library.techniques)),
            name=name,
            family=self.family.currentData(),
            description=self.description.toPlainText().strip(),
            default_pressure=self.pressure.currentData(),
            default_minutes=int(minutes) if minutes.is_integer() else minutes,
            vigorous=self.vigorous.isChecked(),
            regions=checked_ids(self.regions),
            exercises=checked_ids(self.exercises),
        )


def check_ids(checklist: QListWidget, wanted: tuple[str, ...]) -> None:
    """Tick the items whose ids are wanted, untick the rest."""
    for row in range(checklist.count()):
        item = checklist.item(row)
        on = item.data(Qt.ItemDataRole.UserRole) in wanted
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def checked_ids(checklist: QListWidget) -> tuple[str, ...]:
    """The ids of the checked items, in list order."""
    return tuple(
        checklist.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(checklist.count())
        if checklist.item(row).checkState() == Qt.CheckState.Checked
    )
