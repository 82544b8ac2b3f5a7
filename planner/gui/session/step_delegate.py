"""In-place editors for the steps table: lists of areas, sides and pressures, a minutes box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QStyledItemDelegate, QWidget

from planner.core.regions import PAIRED_SIDES, REGIONS, default_side, region_title
from planner.core.vocab import MAX_STEP_MINUTES, PRESSURE_NAMES, PRESSURES
from planner.gui.common.names import SIDE_NAMES
from planner.gui.common.roles import Role
from planner.gui.session.steps_model import StepsModel

if TYPE_CHECKING:
    # Only named in a signature: PySide6 makes the class (and its enums, ~0.8 ms) the
    # first time an editor is asked for, not while the window starts.
    from PySide6.QtWidgets import QStyleOptionViewItem

_Index = QModelIndex | QPersistentModelIndex


def whole_if_possible(value: float) -> int | float:
    """5.0 minutes is stored as 5, so plan files read the way they were typed."""
    return int(value) if float(value).is_integer() else round(value, 1)


class StepDelegate(QStyledItemDelegate):
    """Combo boxes for area, side and pressure; a spin box for minutes; text for notes."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        column = index.column()
        if column == StepsModel.REGION:
            combo = QComboBox(parent)
            combo.setAccessibleName("Area")
            for region in sorted(REGIONS, key=region_title):
                combo.addItem(region_title(region), region)
            return combo
        if column == StepsModel.SIDE:
            combo = QComboBox(parent)
            combo.setAccessibleName("Side")
            region = index.data(Role.REGION)
            sides = PAIRED_SIDES if default_side(region) != "midline" else ("midline",)
            for side in sides:
                combo.addItem(SIDE_NAMES[side], side)
            return combo
        if column == StepsModel.PRESSURE:
            combo = QComboBox(parent)
            combo.setAccessibleName("Pressure")
            for pressure in PRESSURES:
                combo.addItem(PRESSURE_NAMES[pressure], pressure)
            return combo
        if column == StepsModel.MINUTES:
            spin = QDoubleSpinBox(parent)
            spin.setAccessibleName("Minutes")
            spin.setDecimals(1)
            spin.setRange(0.5, MAX_STEP_MINUTES)
            spin.setSingleStep(1)
            spin.setSuffix(" min")
            return spin
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName("Notes")
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QDoubleSpinBox):
            editor.interpretText()
            model.setData(index, whole_if_possible(editor.value()))
        else:
            super().setModelData(editor, model, index)
