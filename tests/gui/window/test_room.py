"""Room to work: whole tab labels at 1088x663 and after narrowing, plain floating titles."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.gui.window.docks import elided_tabs, plain_title


def _settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.client_dock.minimumWidth() > 0)


def test_no_dock_tab_is_elided_at_1088x663(window, qtbot):
    window.resize(1088, 663)
    _settle(qtbot, window)
    for dock in (window.body_map_dock, window.home_care_dock, window.preview_dock):
        dock.raise_()
        qtbot.wait(10)
        assert elided_tabs(window) == []


def test_tabs_stay_whole_when_the_dock_is_narrowed(window, qtbot):
    window.resize(1088, 663)
    _settle(qtbot, window)
    window.resizeDocks([window.client_dock], [60], Qt.Orientation.Horizontal)
    qtbot.wait(10)
    assert elided_tabs(window) == []
    assert window.client_dock.width() >= window.client_dock.minimumWidth()


def test_a_floating_dock_has_no_ampersand_in_its_title(window, qtbot):
    dock = window.preview_dock
    assert dock.windowTitle() == "&Preview"  # the tab's Alt+P
    dock.setFloating(True)
    assert dock.windowTitle() == "Preview"
    dock.setFloating(False)
    assert dock.windowTitle() == "&Preview"
    assert "&" not in window.windowTitle().replace("&&", "")


def test_plain_title_keeps_a_literal_ampersand():
    assert plain_title("Body && &map") == "Body & map"
