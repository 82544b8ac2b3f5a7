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


def test_preview_in_its_own_window_page_sized_and_remembered(window, qtbot):
    from planner.gui.window.app import build_window

    action = window.preview_place.actions["window"]
    assert action in window.preview_place.menu.actions() and not action.isChecked()
    action.trigger()
    dock = window.preview_dock
    assert dock.isFloating() and dock.isVisible()
    area = window.screen().availableGeometry()
    assert dock.height() >= min(area.height() - 80, 1000) - 2
    assert dock.windowTitle() == "Preview"
    assert window._preview.is_built and window._preview.on_screen  # drawn at once
    window.save_layout()
    again = build_window(window.store)
    qtbot.addWidget(again)
    again.show()
    assert again.preview_dock.isFloating() and again.preview_place.place == "window"
    again.preview_place.actions["beside"].trigger()
    assert not again.preview_dock.isFloating()
    again.close()
