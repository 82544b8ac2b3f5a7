"""The clickable body map: every region by click, marks by menu and keyboard, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction

from planner.core.bodymap import load_body_map
from planner.core.library import builtin_library
from planner.core.plan import AvoidedArea, SessionPlan, Step, SymptomArea
from planner.core.regions import PAIRED_REGIONS, REGIONS
from planner.gui.bodymap.panel import BodyMapPanel
from planner.gui.bodymap.view import side_labels
from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.gui.common.document import SessionDocument


def _areas() -> list[tuple[str, str]]:
    return [
        (region, side)
        for region in REGIONS
        for side in (("left", "right") if region in PAIRED_REGIONS else ("midline",))
    ]


@pytest.fixture
def panel(qtbot):
    document = SessionDocument(builtin_library(), SessionPlan())
    widget = BodyMapPanel(document, lambda: None)
    widget.menus_shown = []
    widget.exec_menu = lambda menu, at: widget.menus_shown.append(menu.accessibleName())
    qtbot.addWidget(widget)
    widget.resize(900, 1100)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _action(menu, starts: str) -> QAction:
    found = [a for a in menu.actions() if a.text().replace("&", "").startswith(starts)]
    assert len(found) == 1, [a.text() for a in menu.actions()]
    return found[0]


def test_every_region_and_side_is_drawn():
    body = load_body_map()
    missing = [area for area in _areas() if not body.views_for(*area)]
    assert missing == []


@pytest.mark.parametrize(("region", "side"), _areas())
def test_click_at_a_shape_selects_exactly_its_region_and_side(panel, qtbot, region, side):
    canvas = panel.canvas
    seen: list[tuple[str, str]] = []
    canvas.area_selected.connect(lambda r, s: seen.append((r, s)))
    views = canvas.body.views_for(region, side)
    assert views
    for view_id in views:
        shape = canvas.body.shapes_for(view_id, region, side)[0]
        canvas.select(None)
        point = canvas.point_of(shape).toPoint()
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
        assert canvas.selected is shape, (view_id, canvas.selected)
        assert seen[-1] == (region, side)
        assert panel.menus_shown[-1] == panel.menu_for(shape).accessibleName()


def test_left_click_opens_the_same_menu_as_right_click(panel, qtbot):
    canvas = panel.canvas
    shape = canvas.body.shapes_for("soles", "heel", "left")[0]
    point = canvas.point_of(shape).toPoint()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    from PySide6.QtGui import QContextMenuEvent

    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, canvas.mapToGlobal(point))
    canvas.contextMenuEvent(event)
    assert panel.menus_shown == ["Actions for the client's left heel"] * 2


def test_left_click_outside_a_region_or_dragged_off_opens_no_menu(panel, qtbot):
    canvas = panel.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.rect().topLeft())
    shape = canvas.body.shapes_for("soles", "heel", "left")[0]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=canvas.point_of(shape).toPoint())
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=canvas.rect().topLeft())
    assert panel.menus_shown == []


def test_left_and_right_sit_where_each_view_says(panel):
    """Front: the client's left on the viewer's right; back: on the viewer's left."""
    canvas = panel.canvas
    for view in canvas.body.views:
        for region in PAIRED_REGIONS:
            left = canvas.body.shapes_for(view.id, region, "left")
            right = canvas.body.shapes_for(view.id, region, "right")
            if not (left and right):
                continue
            left_x = canvas.point_of(left[0]).x()
            right_x = canvas.point_of(right[0]).x()
            if view.clients_left == "viewer-right":
                assert left_x > right_x, (view.id, region)
            else:
                assert left_x < right_x, (view.id, region)
    front, back = canvas.body.view("front"), canvas.body.view("back")
    assert side_labels(front) == ("← client's right", "", "client's left →")
    assert side_labels(back) == ("← client's left", "", "client's right →")


def test_hover_and_tooltip_name_the_area(panel, qtbot):
    canvas = panel.canvas
    shape = canvas.body.shapes_for("back", "heel", "left")[0]
    qtbot.mouseMove(canvas, canvas.point_of(shape).toPoint())
    qtbot.waitUntil(lambda: canvas.hovered is shape)
    assert canvas.describe(shape).startswith("Client's left heel")


def test_avoid_from_the_map_adds_area_and_finding_and_undo_removes_both(window, qtbot, monkeypatch):
    main = window
    document = main.document
    technique = document.library.techniques["gentle-stroking"]
    document.push(c.InsertStep(document, 0, Step(technique.id, "foot", "both", 5, "light")))
    main.body_map_dock.raise_()
    canvas = main.body_map.canvas
    qtbot.waitUntil(canvas.isVisible)
    shape = canvas.body.shapes_for("soles", "heel", "left")[0]
    shown: list[str] = []
    monkeypatch.setattr(
        main.body_map, "exec_menu", lambda menu, at: shown.append(menu.accessibleName())
    )
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.point_of(shape).toPoint())
    assert canvas.selected is shape
    assert shown == ["Actions for the client's left heel"]  # a left click opens the menu too

    asked: list[tuple[str | None, str | None]] = []

    def answer(parent, region=None, side=None):
        asked.append((region, side))
        return AvoidedArea(region, side, "open-wound", "healing blister")

    monkeypatch.setattr(asks, "ask_avoided_area", answer)
    # The keyboard way: Enter opens the region's menu; the test picks "Avoid".
    opened = []

    def pick(menu, at):
        opened.append(menu.title() or menu.accessibleName())
        _action(menu, "Avoid this area").trigger()

    monkeypatch.setattr(main.body_map, "exec_menu", pick)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert opened == ["Actions for the client's left heel"]
    assert asked == [("heel", "left")]
    assert document.plan.avoid == [AvoidedArea("heel", "left", "open-wound", "healing blister")]
    assert [(f.rule, f.step) for f in document.findings if "avoided" in f.rule] == [
        ("contains-avoided-area", 0)
    ]
    # The client panel shows the same list.
    assert main.client_panel.avoided_model.rowCount() == 1
    # The map shows it: the heel is hatched, the other heel is not.
    assert canvas.marks_of(shape).avoided == [0]
    other = canvas.body.shapes_for("soles", "heel", "right")[0]
    assert canvas.marks_of(other).avoided == []

    main.document.undo_stack.undo()
    assert document.plan.avoid == []
    assert not any(f.rule in ("contains-avoided-area", "avoided-area") for f in document.findings)
    assert main.client_panel.avoided_model.rowCount() == 0
    assert canvas.marks_of(shape).avoided == []


def test_symptom_step_and_removal_from_the_menu(window, qtbot, monkeypatch):
    main = window
    document = main.document
    canvas = main.body_map.canvas
    panel = main.body_map
    sole = canvas.body.shapes_for("soles", "sole", "right")[0]
    canvas.select(sole)

    monkeypatch.setattr(
        asks,
        "ask_symptom",
        lambda parent, region=None, side=None: SymptomArea(region, side, "numbness", 6),
    )
    _action(panel.menu_for(sole), "Mark a symptom here").trigger()
    assert document.plan.symptoms == [SymptomArea("sole", "right", "numbness", 6)]
    assert main.client_panel.symptoms_model.rowCount() == 1
    assert canvas.marks_of(sole).symptoms == [0]

    main.library_dock.select("circular-friction")
    _action(panel.menu_for(sole), "Add “Circular friction” here").trigger()
    step = document.plan.steps[-1]
    assert (step.technique, step.region, step.side) == ("circular-friction", "sole", "right")
    assert canvas.marks_of(sole).steps == [len(document.plan.steps) - 1]
    assert main.editor.current_row() == len(document.plan.steps) - 1

    _action(panel.menu_for(sole), "Remove numbness on the client's right sole").trigger()
    assert document.plan.symptoms == []
    assert main.client_panel.symptoms_model.rowCount() == 0

    # A mark added in the client panel shows on the map, and the map can remove it.
    monkeypatch.setattr(
        asks, "ask_avoided_area", lambda parent: AvoidedArea("foot", "right", "skin-infection", "")
    )
    main.client_panel.add_avoided.click()
    assert document.plan.avoid == [AvoidedArea("foot", "right", "skin-infection", "")]
    assert canvas.marks_of(sole).avoided == [0]
    menu = panel.menu_for(sole)
    _action(menu, "Stop avoiding the client's right foot").trigger()
    assert document.plan.avoid == []
    # Five edits, five undo entries, back to the empty plan.
    assert document.undo_stack.count() == 5
    for _ in range(5):
        document.undo_stack.undo()
    assert (document.plan.steps, document.plan.avoid, document.plan.symptoms) == ([], [], [])


def test_keyboard_walks_every_shape_and_views(panel, qtbot):
    canvas = panel.canvas
    canvas.setFocus()
    seen = set()
    for _ in range(len(canvas.order)):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
        seen.add(id(canvas.selected))
    assert len(seen) == len(canvas.order)
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.selected is canvas.order[0]
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert canvas.selected.view == canvas.body.views[1].id
    assert canvas.accessibleName().startswith("Body map: ")
    # With no technique chosen in a library, adding a step is offered but off.
    assert not _action(panel.menu_for(canvas.selected), "Add a step here").isEnabled()


def test_map_is_drawn_at_any_size(panel, qtbot):
    canvas = panel.canvas
    for width, height in ((240, 280), (380, 420), (1400, 700)):
        panel.resize(width, height)
        qtbot.waitUntil(lambda w=width: canvas.width() <= w)
        for placed in canvas.placed():
            assert canvas.rect().toRectF().adjusted(-1, -1, 1, 1).contains(placed.figure)
        image = canvas.grab().toImage()
        assert not image.isNull()
    shape = canvas.body.shapes_for("front", "chest", "midline")[0]
    assert canvas.shape_at(canvas.point_of(shape)) is shape
    assert canvas.shape_at(QPointF(1, 1)) is None
