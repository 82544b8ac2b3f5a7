"""The step selected in the steps table is outlined on the body map, in every view."""

from __future__ import annotations

from PySide6.QtGui import QColor

from planner.core.plan import Step
from planner.gui.bodymap.paint import STEP_LINE
from planner.gui.common import commands as c


def _areas(canvas) -> set[tuple[str, str, str]]:
    return {(shape.view, shape.region, shape.side) for shape in canvas.step_shapes()}


def _outline_pixels(canvas) -> int:
    """How many pixels of the map carry the step outline's colour (it is drawn nowhere else)."""
    image = canvas.grab().toImage()
    target = QColor(STEP_LINE)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - target.red()) <= 6
                and abs(pixel.green() - target.green()) <= 6
                and abs(pixel.blue() - target.blue()) <= 6
            ):
                count += 1
    return count


def test_selected_step_is_outlined_in_every_view_and_cleared(window, qtbot):
    main = window
    document = main.document
    document.push(c.InsertStep(document, 0, Step("effleurage", "foot", "both", 5, "light")))
    document.push(c.InsertStep(document, 1, Step("petrissage", "calf", "left", 5, "moderate")))
    document.push(c.InsertStep(document, 2, Step("effleurage", "sole", "right", 3, "light")))
    # Chosen before the map exists: the map is made lazily, when its tab is first shown.
    main.editor.select_step(0)
    assert not main._body_map.is_built
    main.body_map_dock.raise_()
    qtbot.waitUntil(lambda: main._body_map.is_built and main.body_map.canvas.isVisible())
    canvas = main.body_map.canvas
    # Both feet: the left and the right foot in each of the four views.
    assert _areas(canvas) == {
        (view, "foot", side)
        for view in ("front", "back", "soles", "tops")
        for side in ("left", "right")
    }
    assert ("step", "Step 1") in main.body_map.legend.items()
    assert _outline_pixels(canvas) > 0

    # Another step: only where its area is drawn (the calf is on the back view only).
    main.editor.select_step(1)
    assert _areas(canvas) == {("back", "calf", "left")}
    assert ("step", "Step 2") in main.body_map.legend.items()
    main.editor.select_step(2)
    assert _areas(canvas) == {("soles", "sole", "right")}

    # The selected step moves to another area: the outline follows.
    document.push(c.UpdateStep(document, 2, region="heel"))
    assert _areas(canvas) == {("back", "heel", "right"), ("soles", "heel", "right")}

    # Nothing selected: no outline.
    main.editor.table.clearSelection()
    qtbot.waitUntil(lambda: canvas.step_shapes() == ())
    assert _outline_pixels(canvas) == 0
    assert [key for key, _ in main.body_map.legend.items()] == ["worked", "avoid"]


def test_outline_follows_removal_undo_and_a_new_session(window, qtbot):
    main = window
    document = main.document
    main.body_map_dock.raise_()
    qtbot.waitUntil(lambda: main._body_map.is_built)
    canvas = main.body_map.canvas
    assert canvas.step_shapes() == ()
    document.push(c.InsertStep(document, 0, Step("effleurage", "hand", "left", 5, "light")))
    main.editor.select_step(0)
    assert _areas(canvas) == {("front", "hand", "left"), ("back", "hand", "left")}
    # Undo takes the step away (the table is reset, its selection silently gone).
    document.undo_stack.undo()
    assert document.plan.steps == []
    assert canvas.step_shapes() == ()
    document.undo_stack.redo()
    main.editor.select_step(0)
    assert canvas.step_shapes() != ()
    # Another session replaces the plan: nothing is selected in it.
    main.files.new_session()
    assert canvas.step_shapes() == ()
