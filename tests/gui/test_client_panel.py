"""The client panel reads whole in its dock: areas to avoid and symptoms, at two screen sizes."""

from __future__ import annotations

import pytest
from keyboard_checks import mnemonics, tab_stops
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle, QTableView

from planner.core.plan import AvoidedArea, SymptomArea
from planner.gui import commands as c

_AREAS = (
    AvoidedArea("foot", "left", "open-wound", "healing blister, keep 5 cm away"),
    AvoidedArea("top-of-foot", "right", "bruise", "fell on the stairs last Tuesday, still tender"),
)
_SYMPTOMS = (
    SymptomArea("foot", "both", "hypersensitivity", 6),
    SymptomArea("hand", "right", "tingling", None),
)


def _at_size(main, qtbot, width: int, height: int) -> None:
    """The window at a therapist's screen size, docks at their first-start widths."""
    main.resize(width, height)
    qtbot.waitUntil(lambda: main.width() == width and main.height() == height)
    # The first-start dock widths are set once the window is laid out at its size.
    qtbot.waitUntil(lambda: not main._default_layout_pending)
    main._default_dock_sizes()
    qtbot.waitUntil(lambda: main.client_dock.width() >= 250)


def _assert_reads_whole(table: QTableView) -> None:
    """No sideways scrolling, and every cell's text fits its cell once wrapped."""
    viewport = table.viewport().width()
    assert table.horizontalHeader().length() <= viewport, "the columns are wider than the table"
    assert table.horizontalScrollBar().maximum() == 0
    # The table is as tall as its rows: nothing hides below a scroll bar of its own.
    assert table.verticalScrollBar().maximum() == 0
    model = table.model()
    assert model.rowCount() > 0
    metrics = table.fontMetrics()
    # The room a cell gives its text: the style keeps a margin on each side.
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = index.data()
            if not text:
                continue
            room = table.columnWidth(column) - 2 * margin
            longest_word = max(metrics.horizontalAdvance(word) for word in text.split())
            assert longest_word <= room, f"{text!r} cannot wrap into {room} px"
            needed = metrics.boundingRect(
                QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text
            ).height()
            assert needed <= table.rowHeight(row), f"{text!r} is cut off in row {row}"
            assert index.data(Qt.ItemDataRole.ToolTipRole) == text


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_areas_to_avoid_and_symptoms_read_whole_without_sideways_scrolling(window, qtbot, size):
    main = window
    _at_size(main, qtbot, *size)
    for area in _AREAS:
        assert main.document.push(c.AvoidArea(main.document, area))
    for symptom in _SYMPTOMS:
        assert main.document.push(c.MarkSymptom(main.document, symptom))
    panel = main.client_panel
    dock_area = main.client_dock.widget()
    # The dock lays the panel out again on the event loop (its scroll bar may come).
    qtbot.waitUntil(
        lambda: (
            panel.width() == dock_area.viewport().width()
            and all(
                t.height() >= t.minimumSizeHint().height() for t in (panel.avoided, panel.symptoms)
            )
        )
    )
    _assert_reads_whole(panel.avoided)
    _assert_reads_whole(panel.symptoms)
    # The dock scrolls up and down, never sideways.
    assert dock_area.horizontalScrollBar().maximum() == 0


def test_rows_grow_and_shrink_with_their_text(window, qtbot):
    main = window
    _at_size(main, qtbot, 1280, 800)
    table = main.client_panel.avoided
    empty_height = table.minimumSizeHint().height()
    main.document.push(c.AvoidArea(main.document, AvoidedArea("calf", "left", "bruise", "")))
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    short = table.rowHeight(0)
    main.document.undo_stack.undo()
    long_note = "healing blister, keep 5 cm away; the client will say if it is sore again"
    main.document.push(c.AvoidArea(main.document, AvoidedArea("calf", "left", "bruise", long_note)))
    qtbot.waitUntil(lambda: table.rowHeight(0) > short)
    _assert_reads_whole(table)
    # The table asks for the height of its rows, so the panel (not the table) scrolls.
    assert table.minimumSizeHint().height() > empty_height - short
    qtbot.waitUntil(lambda: table.height() >= table.minimumSizeHint().height())


def test_panel_by_keyboard_tab_order_names_and_mnemonics(window, qtbot):
    main = window
    panel = main.client_panel
    main.document.push(c.AvoidArea(main.document, _AREAS[0]))
    main.document.push(c.MarkSymptom(main.document, _SYMPTOMS[0]))
    boxes = list(panel.conditions.values())
    stops = tab_stops(panel.client, len(boxes) + 7)
    assert stops == [
        panel.new_client,
        *boxes,
        panel.avoided,
        panel.add_avoided,
        panel.remove_avoided,
        panel.symptoms,
        panel.add_symptom,
        panel.remove_symptom,
    ]
    for table, name in ((panel.avoided, "Areas to avoid"), (panel.symptoms, "Symptoms")):
        assert table.accessibleName() == name and table.accessibleDescription()
    keys = mnemonics(panel)
    assert len(keys) == len(set(keys)), keys
    # Remove s&ymptom: its letter is taken nowhere else in the window.
    assert mnemonics(main).count("y") == 1
