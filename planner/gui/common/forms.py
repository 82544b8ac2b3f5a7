"""The form every entry dialog is, its fields, and the two area dialogs the rooms share.

The area dialogs (an avoided area, a symptom) are asked from the client panel and the
body map alike. Each room's own dialogs (a client, a home-care exercise, a technique,
an own exercise) live in the room and build on :class:`FormDialog`.

Each dialog only lays out fields and builds a core object from them; the
questions that open them live in :mod:`planner.gui.common.asks`, where tests replace them.
"""

from __future__ import annotations

import re
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from planner.core.library import Library
from planner.core.plan import AvoidedArea, SymptomArea
from planner.core.regions import PAIRED_SIDES, REGIONS, default_side, region_title
from planner.core.vocab import (
    AVOID_REASONS,
    MAX_STEP_MINUTES,
    SYMPTOM_KINDS,
)
from planner.gui.common.names import OWN_MARK, SIDE_NAMES

W = TypeVar("W", bound=QWidget)


class FormDialog(QDialog):
    """A form with OK and Cancel; OK stays off until the form is complete.

    It opens with its first field focused, so a name typed straight away lands
    in it; Enter is OK (when the form is complete) and Escape is Cancel.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.fields: list[QWidget] = []

    def add(self, label: str, widget: W, accessible: str) -> W:
        widget.setAccessibleName(accessible)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        self.fields.append(widget)
        return widget

    def finish(self) -> None:
        self.form.addRow(self.buttons)
        self.setMinimumWidth(420)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        # The buttons were made before the fields, so Qt's focus chain starts with
        # them (Cancel took the first keystrokes): the fields come first, then OK, Cancel.
        chain = [*self.fields, ok, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def first_field(self) -> QWidget | None:
        return self.fields[0] if self.fields else None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        first = self.first_field()
        if first is not None:
            first.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


class TextDialog(FormDialog):
    """One line of text (a template's name, an addendum): typing replaces what is there."""

    def __init__(self, title: str, label: str, text: str = "", parent: QWidget | None = None):
        super().__init__(title, parent)
        self.line = self.add(label, QLineEdit(text, self), label.rstrip(":"))
        self.line.selectAll()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.line.textChanged.connect(lambda value: ok.setEnabled(bool(value.strip())))
        ok.setEnabled(bool(text.strip()))  # OK (and Enter) wait for words
        self.finish()

    def value(self) -> str:
        return self.line.text().strip()


def exercise_titles(library: Library) -> dict[str, str]:
    """Exercise id -> title, by title; the therapist's own ones marked as such."""
    return {
        e.id: e.title + (OWN_MARK if library.is_custom_exercise(e.id) else "")
        for e in sorted(library.exercises.values(), key=lambda e: e.title.casefold())
    }


def combo(items: dict[str, str], parent: QWidget) -> QComboBox:
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


def count_box(parent: QWidget, highest: int, value: int = 1) -> QSpinBox:
    """A whole number from 1 to ``highest``: times a day, days a week."""
    box = QSpinBox(parent)
    box.setRange(1, highest)
    box.setValue(value)
    return box


def checklist(items: dict[str, str], parent: QWidget, height: int) -> QListWidget:
    """A list of titles to tick, each carrying its id (see :func:`checked_ids`)."""
    listing = QListWidget(parent)
    for item_id, title in items.items():
        item = QListWidgetItem(title, listing)
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        item.setCheckState(Qt.CheckState.Unchecked)
    listing.setFixedHeight(height)
    return listing


def property_boxes(
    labels: dict[str, tuple[str, str]], parent: QWidget, mnemonics: str = ""
) -> tuple[QWidget, dict[str, QCheckBox]]:
    """Check boxes for the properties the safety rules read, two to a row.

    ``mnemonics`` gives each box's access key in turn (a letter of its label).
    """
    box = QWidget(parent)
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(16)
    boxes: dict[str, QCheckBox] = {}
    for i, (name, (label, meaning)) in enumerate(labels.items()):
        key = mnemonics[i] if i < len(mnemonics) else ""
        at = label.find(key) if key else -1
        text = label if at < 0 else label[:at] + "&" + label[at:]
        check = QCheckBox(text, box)
        check.setAccessibleName(label)
        check.setToolTip(meaning)
        check.setAccessibleDescription(meaning)
        boxes[name] = check
        grid.addWidget(check, i // 2, i % 2)
    return box, boxes


def region_titles() -> dict[str, str]:
    """Every body region by its title, in the order a therapist looks for them."""
    return {region: region_title(region) for region in sorted(REGIONS, key=region_title)}


class AreaFields:
    """A region list and a side list that only offers sides the region has."""

    def __init__(self, dialog: FormDialog) -> None:
        regions = {r: region_title(r) for r in sorted(REGIONS, key=region_title)}
        self.region = dialog.add("&Area:", combo(regions, dialog), "Area")
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
        self.reason = self.add("&Reason:", combo(AVOID_REASONS, self), "Reason")
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
        self.kind = self.add("&Symptom:", combo(SYMPTOM_KINDS, self), "Symptom")
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


def own_id(name: str, taken: set[str], fallback: str = "technique") -> str:
    """An id for a new own technique or exercise, from its name, not clashing with any other."""
    base = "my-" + (re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or fallback)
    candidate, n = base[:60], 2
    while candidate in taken:
        candidate, n = f"{base[:56]}-{n}", n + 1
    return candidate


def check_ids(checklist: QListWidget, wanted: tuple[str, ...]) -> None:
    """Tick the items whose ids are wanted, untick the rest; the first ticked one is
    scrolled into view (an edited exercise's areas are seen without scrolling)."""
    first = None
    for row in range(checklist.count()):
        item = checklist.item(row)
        on = item.data(Qt.ItemDataRole.UserRole) in wanted
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        first = first or (item if on else None)
    if first is not None:
        checklist.scrollToItem(first, QListWidget.ScrollHint.PositionAtTop)


def checked_ids(checklist: QListWidget) -> tuple[str, ...]:
    """The ids of the checked items, in list order."""
    return tuple(
        checklist.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(checklist.count())
        if checklist.item(row).checkState() == Qt.CheckState.Checked
    )
