"""The monofilament screen drawn on the soles view of the body map."""

from __future__ import annotations

from PySide6.QtGui import QColor

from planner.core.measures import make_measures
from planner.core.sitemap import site_points
from planner.gui.bodymap.sites import NOT_FELT
from planner.gui.course.commands import SetMeasures


def _colour_at(canvas, key: str) -> QColor:  # type: ignore[no-untyped-def]
    image = canvas.grab().toImage()
    placed = canvas.placement("soles")
    point = placed.to_widget(*site_points(canvas.body)[key]).toPoint()
    return image.pixelColor(point)


def test_a_site_not_felt_is_a_filled_dot_a_felt_one_a_ring(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.body_map_dock.raise_()
    canvas = window.body_map.canvas
    qtbot.waitUntil(lambda: canvas.isVisible())
    before = _colour_at(canvas, "left-hallux")
    screen = {"left-hallux": False, "right-hallux": True}
    window.document.push(SetMeasures(window.document, make_measures(monofilament=screen), "x"))
    assert _colour_at(canvas, "left-hallux").name() == QColor(NOT_FELT).name()
    assert _colour_at(canvas, "right-hallux").name() == "#ffffff"  # the ring's white centre
    window.document.undo_stack.undo()
    assert _colour_at(canvas, "left-hallux") == before
