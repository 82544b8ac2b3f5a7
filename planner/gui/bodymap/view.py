"""The clickable body map: front, back and the feet, drawn from the shared geometry.

The polygons come from ``resources/body_map.json`` (:mod:`planner.core.bodymap`), the
PDFs' own, in their colours (:mod:`planner.core.colours`), painted as vector paths scaled
to the widget. Front and back stand side by side, the soles and tops of the feet below;
the soles show the monofilament screen (:mod:`planner.gui.bodymap.sites`).

A shape shows a mark when a mark covers it: a step on "both feet" tints every part of
both feet, an avoided left heel hatches that heel only. The step selected in the steps
table has its area outlined, in every view that draws it. What the map does to the plan
(avoid, mark a symptom, remove a mark, add a step) lives in :mod:`planner.gui.bodymap.panel`,
through the same undo commands as the client panel, so the two always agree.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from planner.core.bodymap import BodyMap, Shape, load_body_map
from planner.core.regions import area_name
from planner.core.vocab import AVOID_REASONS, SYMPTOM_KINDS
from planner.gui.bodymap.layout import GUTTER, Placed, arrange, side_labels
from planner.gui.bodymap.marks import Marks, compute_marks
from planner.gui.bodymap.paint import paint_highlight, paint_shape, paint_step_outline, shape_path
from planner.gui.bodymap.sites import paint_sites
from planner.gui.common.document import SessionDocument


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class BodyMapCanvas(QWidget):
    """All views of the body, with the plan's marks; hover, click and keyboard selection.

    Signals:
        area_selected(str, str): a shape was selected (region, side).
        step_outlined(int): the outlined step changed (its row; -1: none outlined).
        menu_requested(QPointF): the actions for the selected shape were asked for,
            at this point (widget coordinates).
    """

    area_selected = Signal(str, str)
    step_outlined = Signal(int)
    menu_requested = Signal(QPointF)

    def __init__(
        self, document: SessionDocument, body: BodyMap | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.body = body or load_body_map()
        self.setObjectName("body_map")
        self.setAccessibleName("Body map")
        self.setAccessibleDescription(
            "Front, back, soles and tops of the feet. Arrow keys move between regions; "
            "Enter opens the actions for the selected region."
        )
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 260)
        self.hovered: Shape | None = None
        self._pressed: Shape | None = None  # where the left button went down
        self.selected: Shape | None = None
        self.marks: dict[int, Marks] = {}
        # The row of the step selected in the steps table (-1: none) and its area's shapes.
        self.step_row = -1
        self._step_shapes: tuple[Shape, ...] = ()
        self._outlined = -1
        self._drawn: object = None
        self._paths = {
            id(shape): shape_path(shape)
            for view in self.body.views
            for shape in self.body.shapes_in(view.id)
        }
        # Keyboard order: view by view, then top to bottom and left to right.
        self.order: list[Shape] = [
            shape
            for view in self.body.views
            for shape in sorted(
                self.body.shapes_in(view.id), key=lambda s: (round(s.anchor[1] / 6), s.anchor[0])
            )
        ]
        self._placed: list[Placed] = []
        self._placed_size = (-1, -1)
        # The paths in widget coordinates, made again only when the size changes.
        self._mapped: dict[int, QPainterPath] = {}
        self.document.changed.connect(self._on_changed)
        self._on_changed()

    # -- marks ---------------------------------------------------------------------

    def _on_changed(self) -> None:
        self._light_step()  # the step at the selected row may now work elsewhere
        plan = self.document.plan
        marks = compute_marks(plan, self.order)
        # What the map draws and describes: steps only by their numbers, marks in full.
        drawn = (marks, tuple(plan.symptoms), tuple(plan.avoid))
        if drawn == self._drawn:
            return  # e.g. a step's new pressure or note: nothing on the map changes
        self.marks, self._drawn = marks, drawn
        self._describe()
        self.update()

    def show_step(self, row: int) -> None:
        """Outline the area of the step at ``row`` (-1: no step selected)."""
        self.step_row = row
        self._light_step()

    def step_shapes(self) -> tuple[Shape, ...]:
        """The shapes outlined for the selected step, view by view in paint order."""
        return self._step_shapes

    def _light_step(self) -> None:
        steps = self.document.plan.steps
        shapes: tuple[Shape, ...] = ()
        if 0 <= self.step_row < len(steps):
            step = steps[self.step_row]
            shapes = tuple(
                shape
                for view in self.body.views
                for shape in self.body.shapes_for(view.id, step.region, step.side)
            )
        if shapes != self._step_shapes:
            self._step_shapes = shapes
            self.update()
        outlined = self.step_row if shapes else -1
        if outlined != self._outlined:
            self._outlined = outlined
            self.step_outlined.emit(outlined)

    def marks_of(self, shape: Shape) -> Marks:
        return self.marks.get(id(shape), Marks())

    def describe(self, shape: Shape) -> str:
        """The shape's name and marks, one per line (tooltip and accessible text)."""
        plan = self.document.plan
        marks = self.marks_of(shape)
        lines = [capitalised(area_name(shape.region, shape.side))]
        for i in marks.avoided:
            avoided = plan.avoid[i]
            why = AVOID_REASONS.get(avoided.reason, avoided.reason).lower()
            lines.append(f"Avoid: {why}" + (f" ({avoided.note})" if avoided.note else ""))
        for i in marks.symptoms:
            symptom = plan.symptoms[i]
            rated = "" if symptom.intensity is None else f", {symptom.intensity}/10"
            lines.append(SYMPTOM_KINDS.get(symptom.kind, symptom.kind) + rated)
        if marks.steps:
            numbers = ", ".join(str(i + 1) for i in marks.steps)
            lines.append(f"Worked in step{'s' if len(marks.steps) > 1 else ''} {numbers}")
        return "\n".join(lines)

    def _describe(self) -> None:
        if self.selected is None:
            self.setAccessibleName("Body map")
        else:
            self.setAccessibleName("Body map: " + self.describe(self.selected).replace("\n", "; "))

    # -- geometry --------------------------------------------------------------------

    def _text_heights(self) -> tuple[float, float]:
        title = QFontMetricsF(self._title_font()).height() + 4
        label = QFontMetricsF(self._label_font()).height() + 4
        return title, label

    def placed(self) -> list[Placed]:
        """Where each view is drawn at the widget's current size."""
        if self._placed_size == (self.width(), self.height()):
            return self._placed
        title_h, label_h = self._text_heights()
        placed = arrange(self.body.views, self.width(), self.height(), title_h, label_h)
        self._placed, self._placed_size = placed, (self.width(), self.height())
        self._mapped = {}
        return placed

    def widget_path(self, shape: Shape, placed: Placed) -> QPainterPath:
        """The shape's outline in widget coordinates at the current size."""
        path = self._mapped.get(id(shape))
        if path is None:
            path = self._mapped[id(shape)] = placed.transform().map(self._paths[id(shape)])
        return path

    def placement(self, view_id: str) -> Placed:
        return next(p for p in self.placed() if p.view.id == view_id)

    def point_of(self, shape: Shape) -> QPointF:
        """The shape's anchor in widget coordinates (where a click selects it)."""
        return self.placement(shape.view).to_widget(*shape.anchor)

    def shape_at(self, point: QPointF) -> Shape | None:
        for placed in self.placed():
            if placed.figure.contains(point):
                return self.body.hit_test(placed.view.id, *placed.to_view(point))
        return None

    # -- selection -------------------------------------------------------------------

    def select(self, shape: Shape | None) -> None:
        if shape is self.selected:
            return
        self.selected = shape
        self._describe()
        self.update()
        if shape is not None:
            self.area_selected.emit(shape.region, shape.side)

    def select_area(self, region: str, side: str) -> None:
        """Select the first shape that draws this area (another view's shape if need be)."""
        for view_id in self.body.views_for(region, side):
            shapes = self.body.shapes_for(view_id, region, side)
            if shapes:
                self.select(shapes[0])
                return

    def _step(self, delta: int) -> None:
        if self.selected is None or self.selected not in self.order:
            self.select(self.order[0 if delta > 0 else -1])
            return
        index = (self.order.index(self.selected) + delta) % len(self.order)
        self.select(self.order[index])

    def _next_view(self, delta: int) -> None:
        views = [view.id for view in self.body.views]
        current = views.index(self.selected.view) if self.selected else -1
        view_id = views[(current + delta) % len(views)]
        self.select(next(shape for shape in self.order if shape.view == view_id))

    # -- events ------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        shape = self.shape_at(event.position())
        if shape is not self.hovered:
            self.hovered = shape
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if shape else Qt.CursorShape.ArrowCursor
            )
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.hovered = None
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        shape = self.shape_at(event.position())
        buttons = (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton)
        if shape is not None and event.button() in buttons:
            self.select(shape)
        self._pressed = shape if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A left click on a region opens the same menu as a right click ("click a region").
        pressed, self._pressed = self._pressed, None
        super().mouseReleaseEvent(event)
        left = event.button() == Qt.MouseButton.LeftButton
        if left and pressed is not None and self.shape_at(event.position()) is pressed:
            self.menu_requested.emit(event.position())

    def contextMenuEvent(self, event: object) -> None:
        from PySide6.QtGui import QContextMenuEvent

        assert isinstance(event, QContextMenuEvent)
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            shape = self.shape_at(QPointF(event.pos()))
            if shape is None:
                return
            self.select(shape)
            self.menu_requested.emit(QPointF(event.pos()))
        else:
            self._menu_at_selection()

    def _menu_at_selection(self) -> None:
        if self.selected is None:
            self._step(1)
        if self.selected is not None:
            self.menu_requested.emit(self.point_of(self.selected))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._step(-1)
        elif key == Qt.Key.Key_Home:
            self.select(self.order[0])
        elif key == Qt.Key.Key_End:
            self.select(self.order[-1])
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._next_view(1 if key == Qt.Key.Key_PageDown else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Menu) or (
            key == Qt.Key.Key_F10 and shift
        ):
            self._menu_at_selection()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            shape = self.shape_at(QPointF(event.pos()))
            if shape is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.describe(shape), self)
            return True
        return super().event(event)

    # -- painting ------------------------------------------------------------------------

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        title_h, label_h = self._text_heights()
        for placed in self.placed():
            self._paint_view(painter, placed)
            view, figure = placed.view, placed.figure
            painter.setFont(self._title_font())
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            # Text may use half the gutter on each side of the figure.
            room = QRectF(figure.left() - GUTTER / 2, 0, figure.width() + GUTTER, title_h)
            title = view.title
            if QFontMetricsF(painter.font()).horizontalAdvance(title) > room.width():
                title = title.split()[0]  # "Soles of the feet" -> "Soles"
            room.moveTop(figure.top() - title_h)
            painter.drawText(room, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, title)
            painter.setFont(self._label_font())
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            # Side labels stay clear of the next view's: a quarter of the gutter each side.
            labels = QRectF(
                figure.left() - GUTTER / 4,
                figure.bottom() + 2,
                figure.width() + GUTTER / 2,
                label_h,
            )
            for text, align in zip(
                side_labels(view, labels.width(), QFontMetricsF(painter.font())),
                (
                    Qt.AlignmentFlag.AlignLeft,
                    Qt.AlignmentFlag.AlignHCenter,
                    Qt.AlignmentFlag.AlignRight,
                ),
                strict=True,
            ):
                painter.drawText(labels, align, text)
        painter.end()

    def _paint_view(self, painter: QPainter, placed: Placed) -> None:
        plan = self.document.plan
        for shape in self.body.shapes_in(placed.view.id):
            marks = self.marks_of(shape)
            paint_shape(
                painter,
                self.widget_path(shape, placed),
                worked=bool(marks.steps),
                symptoms=[plan.symptoms[i].kind for i in marks.symptoms],
                avoided=bool(marks.avoided),
            )
        paint_sites(painter, placed, self.body, plan.measures)
        # The selected step's area, then hover and selection on top, so that no later shape
        # hides their outlines.
        for shape in self._step_shapes:
            if shape.view == placed.view.id:
                paint_step_outline(painter, self.widget_path(shape, placed))
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        for lit, width, alpha in ((self.hovered, 1.5, 40), (self.selected, 2.6, 70)):
            if lit is not None and lit.view == placed.view.id:
                path = self.widget_path(lit, placed)
                dashed = lit is self.selected and self.hasFocus()
                paint_highlight(painter, path, highlight, width, alpha, dashed=dashed)
