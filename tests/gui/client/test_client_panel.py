"""The client panel reads whole in its dock: areas to avoid and symptoms, at two screen sizes."""

from __future__ import annotations

import pytest
from keyboard_checks import mnemonics, tab_stops
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle, QTableView

from planner.core.plan import AvoidedArea, SymptomArea
from planner.core.vocab import CONDITIONS
from planner.gui.common import commands as c

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
    # The docks take their new widths when the window's layout next runs: run it now, so
    # that what is waited for below is this size's layout and not the one before.
    main.layout().activate()
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
    stops = tab_stops(panel.client, len(boxes) + 9)
    assert stops == [
        panel.language,
        panel.new_client,  # (Edit and Delete client are off: no client is chosen)
        *boxes,
        panel.avoided,
        panel.add_avoided,
        panel.remove_avoided,
        panel.symptoms,
        panel.add_symptom,
        panel.remove_symptom,
        panel.sessions,
    ]
    for table, name in ((panel.avoided, "Areas to avoid"), (panel.symptoms, "Symptoms")):
        assert table.accessibleName() == name and table.accessibleDescription()
    keys = mnemonics(panel)
    assert len(keys) == len(set(keys)), keys
    # Remove s&ymptom: its letter is taken nowhere else in the window.
    assert mnemonics(main).count("y") == 1


def _conditions_read_whole(panel, least_columns: int = 1) -> None:
    """Every label whole, inside its box, no two ticks overlapping, read down each column.

    For ``qtbot.waitUntil``: the ticks are placed again when the dock's width changes, and
    the layout catches up on the event loop.
    """
    group = next(iter(panel.conditions.values())).parentWidget()
    margins = panel.layout().contentsMargins()
    # The panel fills the dock's width, and the ticks' box the panel's.
    assert panel.width() == panel.parentWidget().width()
    assert group.width() == panel.width() - margins.left() - margins.right()
    boxes = list(panel.conditions.values())
    for box, name in zip(boxes, CONDITIONS.values(), strict=True):
        # A long label may take two lines; its words and the name read out are the same.
        assert box.text().split() == name.split()
        assert box.text().count("\n") <= 1
        assert box.accessibleName() == name
        assert group.contentsRect().contains(box.geometry()), name
        assert box.width() >= box.sizeHint().width(), f"{name!r} is cut off"
        assert box.height() >= box.sizeHint().height(), f"{name!r} is cut off"
    for i, box in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert not box.geometry().intersects(other.geometry())
    # Down each column, then the next: the order they were made, so Tab goes the same way.
    lefts = sorted({box.x() for box in boxes})
    assert sorted(boxes, key=lambda box: (lefts.index(box.x()), box.y())) == boxes
    assert len(lefts) >= least_columns


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_conditions_take_columns_and_labels_read_whole(window, qtbot, size):
    main = window
    _at_size(main, qtbot, *size)
    # Nine ticks in one column took most of a short dock; the dock holds two columns.
    qtbot.waitUntil(lambda: _conditions_read_whole(main.client_panel, least_columns=2))
    assert main.client_dock.widget().horizontalScrollBar().maximum() == 0


def test_narrow_dock_keeps_labels_whole_and_never_scrolls_sideways(window, qtbot):
    main = window
    _at_size(main, qtbot, 1280, 800)
    panel = main.client_panel
    # As narrow as the panel's buttons let it be without scrolling sideways.
    narrow = panel.minimumSizeHint().width() + 20
    main.resizeDocks([main.client_dock], [narrow], Qt.Orientation.Horizontal)
    main.layout().activate()
    qtbot.waitUntil(lambda: main.client_dock.width() < narrow + 10)
    qtbot.waitUntil(lambda: _conditions_read_whole(panel))
    assert main.client_dock.widget().horizontalScrollBar().maximum() == 0
    # Wider again: the ticks go back into columns.
    main.resizeDocks([main.client_dock], [500], Qt.Orientation.Horizontal)
    main.layout().activate()
    qtbot.waitUntil(lambda: _conditions_read_whole(panel, least_columns=2))


def _avoided_in_view(panel, scroll) -> None:
    group = panel.add_avoided.parentWidget()
    assert scroll.verticalScrollBar().value() == 0
    # The whole group, the table and its buttons, on screen as the dock first shows.
    shown = group.geometry().translated(panel.pos())
    assert scroll.viewport().rect().contains(shown), (shown, scroll.viewport().rect())


def test_areas_to_avoid_in_view_without_scrolling_at_1280x800(window, qtbot):
    main = window
    _at_size(main, qtbot, 1280, 800)
    for area in (
        AvoidedArea("heel", "left", "open-wound", "healing blister"),
        AvoidedArea("shin", "right", "bruise", ""),
    ):
        assert main.document.push(c.AvoidArea(main.document, area))
    panel = main.client_panel
    table = panel.avoided
    qtbot.waitUntil(lambda: _conditions_read_whole(panel))
    qtbot.waitUntil(lambda: table.height() >= table.minimumSizeHint().height())
    qtbot.waitUntil(lambda: _avoided_in_view(panel, main.client_dock.widget()))


def test_at_1920x1080_the_client_dock_reads_whole_without_scrolling(window, qtbot):
    main = window
    _at_size(main, qtbot, 1920, 1080)
    for area in _AREAS:
        assert main.document.push(c.AvoidArea(main.document, area))
    for symptom in _SYMPTOMS:
        assert main.document.push(c.MarkSymptom(main.document, symptom))
    panel = main.client_panel
    scroll = main.client_dock.widget()
    qtbot.waitUntil(lambda: _conditions_read_whole(panel))
    tables = (panel.avoided, panel.symptoms)
    qtbot.waitUntil(lambda: all(t.height() >= t.minimumSizeHint().height() for t in tables))
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() == 0)
    assert scroll.horizontalScrollBar().maximum() == 0
