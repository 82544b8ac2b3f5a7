"""The body-map panel: the map, its legend, and what its regions' menu does to the plan.

Every change is one of the undo commands the client panel and the session
editor push (:mod:`planner.gui.common.commands`), so the map, the lists and the steps
table always show the same plan, and Undo takes back a change made on the map.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from planner.core.bodymap import Shape
from planner.core.library import Technique
from planner.core.regions import Area, area_name, area_phrase
from planner.core.vocab import SYMPTOM_KINDS
from planner.gui.bodymap.paint import paint_swatch
from planner.gui.bodymap.view import BodyMapCanvas, capitalised
from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.gui.common.document import SessionDocument
from planner.gui.common.names import step_from_technique


class MapLegend(QWidget):
    """Swatches for what the map shows: worked, avoided, and the symptoms of this plan."""

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setAccessibleName("Body map legend")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._items: list[tuple[str, str]] = []
        self._step = -1
        document.changed.connect(self._on_changed)
        self._on_changed()

    def items(self) -> list[tuple[str, str]]:
        """(colour key, text): "worked", "avoid", a symptom kind, "step" (the outlined one)."""
        kinds = list(dict.fromkeys(s.kind for s in self.document.plan.symptoms))
        step = [("step", f"Step {self._step + 1}")] if self._step >= 0 else []
        return (
            [("worked", "Worked"), ("avoid", "Avoid")]
            + [(kind, SYMPTOM_KINDS.get(kind, kind)) for kind in kinds]
            + step
        )

    def set_step(self, row: int) -> None:
        """The step outlined on the map (-1: none), named in the legend."""
        self._step = row
        self._on_changed()

    def _on_changed(self) -> None:
        items = self.items()
        if items == self._items:
            return
        self._items = items
        self.setAccessibleDescription(", ".join(text for _, text in items))
        self.updateGeometry()
        self.update()

    def _layout(self, width: float) -> list[tuple[QRectF, str, str]]:
        metrics = QFontMetricsF(self.font())
        line = metrics.height() + 6
        swatch = metrics.height() * 1.2
        x, y = 8.0, 2.0
        placed = []
        for key, text in self.items():
            item_w = swatch + 5 + metrics.horizontalAdvance(text) + 14
            if x + item_w > width - 4 and x > 8:
                x, y = 8.0, y + line
            placed.append((QRectF(x, y + 3, swatch, line - 6), key, text))
            x += item_w
        return placed

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        placed = self._layout(width)
        line = QFontMetricsF(self.font()).height() + 6
        return int((placed[-1][0].top() - 3 if placed else 0) + line + 4)

    def sizeHint(self) -> QSize:
        return QSize(300, self.heightForWidth(300))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        for box, key, text in self._layout(self.width()):
            paint_swatch(painter, box, key)
            painter.setPen(text_colour)
            label = QRectF(box.right() + 5, box.top() - 3, 400, box.height() + 6)
            painter.drawText(label, Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


class BodyMapPanel(QWidget):
    """The map with its legend; its context menu marks areas and adds steps.

    Signals:
        step_added(int): a step was added from the map, at this row.
    """

    step_added = Signal(int)

    def __init__(
        self,
        document: SessionDocument,
        current_technique: Callable[[], Technique | None],
        insert_row: Callable[[], int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.current_technique = current_technique
        self.insert_row = insert_row or (lambda: len(self.document.plan.steps))
        self.canvas = BodyMapCanvas(document, parent=self)
        self.legend = MapLegend(document, self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setAccessibleName("Selected region")
        # Two lines kept whatever it says: a click must not move the map under the pointer.
        self.hint.setMinimumHeight(2 * self.hint.fontMetrics().lineSpacing() + 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.hint)
        self._connect_signals()
        self._on_changed()

    def _connect_signals(self) -> None:
        self.canvas.menu_requested.connect(self._on_menu)
        self.canvas.area_selected.connect(lambda *_: self._on_changed())
        self.canvas.step_outlined.connect(self.legend.set_step)
        self.document.changed.connect(self._on_changed)

    def _on_changed(self) -> None:
        shape = self.canvas.selected
        if shape is None:
            self.hint.setText(
                "Click a region (or arrow keys, then Enter) to mark it or add a step."
            )
        else:
            self.hint.setText(self.canvas.describe(shape).replace("\n", " · "))

    # -- the menu -----------------------------------------------------------------------

    def menu_for(self, shape: Shape) -> QMenu:
        """The actions for one shape (built fresh: the plan may have changed)."""
        plan = self.document.plan
        area = Area(shape.region, shape.side)
        name = area_name(shape.region, shape.side)
        menu = QMenu(self)
        menu.setAccessibleName(f"Actions for the {name}")
        menu.addSection(capitalised(name))
        avoid = self._add(menu, "&Avoid this area…", lambda: self.avoid(shape))
        avoid.setEnabled(plan.avoided_index(shape.region, shape.side) is None)
        self._add(menu, "Mark a &symptom here…", lambda: self.mark_symptom(shape))
        technique = self.current_technique()
        if technique is None:
            text = "Add a ste&p here (choose a technique in the library first)"
            self._add(menu, text, lambda: None).setEnabled(False)
        else:
            self._add(menu, f"Add “{technique.name}” &here", lambda: self.add_step(shape))
        removals = [
            (i, a) for i, a in enumerate(plan.avoid) if a.area.covers(area) or area.covers(a.area)
        ]
        symptoms = [
            (i, s)
            for i, s in enumerate(plan.symptoms)
            if s.area.covers(area) or area.covers(s.area)
        ]
        if removals or symptoms:
            menu.addSeparator()
        for i, avoided in removals:
            text = f"Stop avoiding {area_phrase(avoided.region, avoided.side)}"
            self._add(menu, text, partial(self.remove_avoided, i))
        for i, symptom in symptoms:
            kind = SYMPTOM_KINDS.get(symptom.kind, symptom.kind).lower()
            text = f"Remove {kind} on {area_phrase(symptom.region, symptom.side)}"
            self._add(menu, text, partial(self.remove_symptom, i))
        return menu

    @staticmethod
    def _add(menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _=False: slot())
        return action

    def _on_menu(self, point: QPointF) -> None:
        menu = self.menu_for(self.canvas.selected) if self.canvas.selected else None
        if menu is not None:
            self.exec_menu(menu, self.canvas.mapToGlobal(point.toPoint()))
            menu.deleteLater()

    def exec_menu(self, menu: QMenu, at: object) -> None:
        """Show the menu (a method of its own: tests replace it, as a menu blocks)."""
        menu.exec(at)  # type: ignore[call-overload]

    # -- what the menu does ------------------------------------------------------------

    def avoid(self, shape: Shape) -> bool:
        area = asks.ask_avoided_area(self, shape.region, shape.side)
        return area is not None and self.document.push(c.AvoidArea(self.document, area))

    def mark_symptom(self, shape: Shape) -> bool:
        symptom = asks.ask_symptom(self, shape.region, shape.side)
        return symptom is not None and self.document.push(c.MarkSymptom(self.document, symptom))

    def remove_avoided(self, index: int) -> bool:
        return self.document.push(c.RemoveAvoided(self.document, index))

    def remove_symptom(self, index: int) -> bool:
        return self.document.push(c.RemoveSymptom(self.document, index))

    def add_step(self, shape: Shape) -> bool:
        technique = self.current_technique()
        if technique is None:
            return False
        step = dataclasses.replace(
            step_from_technique(technique), region=shape.region, side=shape.side
        )
        row = self.insert_row()
        if self.document.push(c.InsertStep(self.document, row, step)):
            self.step_added.emit(row)
            return True
        return False
