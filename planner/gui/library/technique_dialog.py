"""The library room's dialog: create, edit or duplicate one of the therapist's own techniques."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget

from planner.core.library import FAMILIES, Library, Technique
from planner.core.properties import TECHNIQUE_PROPERTIES
from planner.core.vocab import PRESSURE_NAMES, PRESSURES
from planner.gui.common.forms import (
    FormDialog,
    check_ids,
    checked_ids,
    checklist,
    combo,
    exercise_titles,
    minutes_box,
    own_id,
    property_boxes,
    region_titles,
)


class TechniqueDialog(FormDialog):
    """Create, edit or duplicate one of the therapist's own techniques."""

    def __init__(self, title: str, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.library = library
        self.name = self.add("&Name:", QLineEdit(self), "Technique name")
        self.family = self.add("&Family:", combo(FAMILIES, self), "Family")
        self.pressure = self.add("Default &pressure:", combo(PRESSURE_NAMES, self), "Pressure")
        self.minutes = self.add("Default &minutes:", minutes_box(self), "Default minutes")
        # What the safety rules read about it (vigorous, percussive, pulls the skin...).
        properties, self.properties = property_boxes(TECHNIQUE_PROPERTIES, self, "Vrktd")
        self.add("Safety:", properties, "What the safety rules read about it")
        self.vigorous = self.properties["vigorous"]
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
        for name, box in self.properties.items():
            box.setChecked(getattr(technique, name))
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
            regions=checked_ids(self.regions),
            exercises=checked_ids(self.exercises),
            **{name: box.isChecked() for name, box in self.properties.items()},  # type: ignore[arg-type]
        )
