"""View › Show the preview: beside the session, in its own window, or a tab in the middle."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from window_helpers import open_window

from planner.gui.common import commands as c
from planner.gui.window.preview_place import BESIDE, OWN_WINDOW, PLACES, TAB

TIMEOUT = 30_000  # ms: a loaded CI machine builds slowly; the speed target is in bench/


def _choose(main, place: str) -> None:
    """Through the menu, as the user does: View › Show the preview › ..."""
    menu = main.preview_place.menu
    assert menu.menuAction() in main.view_menu.actions()
    action = main.preview_place.actions[place]
    assert action in menu.actions()
    action.trigger()


def _where(main) -> str:
    """Where the one preview panel is, as seen on the window."""
    panel, dock, tabs = main._preview, main.preview_dock, main.central_tabs
    if tabs.indexOf(panel) >= 0:
        assert dock.isHidden() and not dock.toggleViewAction().isVisible()
        assert tabs.count() == 2 and tabs.tabBar().isVisible()
        return TAB
    assert dock.widget() is panel and tabs.count() == 1
    assert dock.toggleViewAction().isVisible()
    return OWN_WINDOW if dock.isFloating() else BESIDE


def _title(main) -> str:
    return str(main.preview.pdf.metaData(QPdfDocument.MetaDataField.Title))


def _follows_an_edit(main, qtbot, title: str) -> None:
    preview = main.preview
    qtbot.waitUntil(lambda: preview.is_current() and preview.page_count() > 0, timeout=TIMEOUT)
    with qtbot.waitSignal(preview.updated, timeout=TIMEOUT):
        main.document.push(c.SetDetails(main.document, "Title", title=title))
    qtbot.waitUntil(preview.is_current, timeout=TIMEOUT)
    assert _title(main).startswith(f"Session protocol: {title}")
    preview.wait_idle()


def test_the_three_places_are_one_choice_with_their_own_letters(window):
    actions = window.preview_place.actions
    assert [a.text() for a in window.preview_place.menu.actions()] == list(PLACES.values())
    assert actions[BESIDE].isChecked() and window.preview_place.place == BESIDE
    assert actions[BESIDE].actionGroup().isExclusive()
    letters = [text[text.index("&") + 1] for text in PLACES.values()]
    assert len(set(letters)) == 3


@pytest.mark.parametrize("place", [TAB, OWN_WINDOW, BESIDE])
def test_each_place_shows_the_preview_there_and_it_follows_an_edit(window, qtbot, place):
    panel = window._preview
    assert not panel.is_built  # until it is first shown
    if place == BESIDE:
        _choose(window, TAB)  # from somewhere else, so that the choice moves it
    _choose(window, place)
    assert _where(window) == place
    assert window.preview_place.actions[place].isChecked()
    assert panel.is_built and panel.on_screen  # drawn at once, wherever it went
    qtbot.waitUntil(window.preview.isVisible)  # a child made in a shown widget shows next turn
    if place == TAB:
        assert window.central_tabs.currentWidget() is panel
    if place == BESIDE:
        assert window.client_dock in window.tabifiedDockWidgets(window.preview_dock)
    _follows_an_edit(window, qtbot, f"Edited with the preview {place}")


def test_moving_keeps_one_preview_and_it_follows_edits_after_each_move(window, qtbot):
    _choose(window, TAB)
    pane = window.preview
    for n, place in enumerate((OWN_WINDOW, TAB, BESIDE, OWN_WINDOW, BESIDE)):
        _choose(window, place)
        assert _where(window) == place
        assert window.preview is pane
        _follows_an_edit(window, qtbot, f"Move {n}")


def test_as_a_tab_the_preview_builds_only_while_its_tab_is_current(window, qtbot):
    _choose(window, TAB)
    preview, tabs = window.preview, window.central_tabs
    qtbot.waitUntil(preview.is_current, timeout=TIMEOUT)
    tabs.setCurrentIndex(0)  # back to the session's steps
    assert tabs.currentWidget() is window.editor_host
    qtbot.waitUntil(lambda: not window._preview.on_screen)
    generation = preview.generation
    window.document.push(c.SetDetails(window.document, "Title", title="Behind the session"))
    assert not preview._timer.isActive() and preview.generation == generation
    with qtbot.waitSignal(preview.updated, timeout=TIMEOUT):
        tabs.setCurrentWidget(window._preview)
    qtbot.waitUntil(preview.is_current, timeout=TIMEOUT)
    assert _title(window).startswith("Session protocol: Behind the session")
    preview.wait_idle()


def test_floating_the_dock_by_hand_counts_as_its_own_window(window, qtbot):
    window.preview_dock.setFloating(True)  # as a double-click on its title bar does
    assert window.preview_place.place == OWN_WINDOW
    assert window.preview_place.actions[OWN_WINDOW].isChecked()
    window.preview_dock.setFloating(False)
    assert window.preview_place.place == BESIDE


@pytest.mark.parametrize("place", [TAB, OWN_WINDOW, BESIDE])
def test_the_choice_survives_closing_and_reopening_the_window(
    qtbot, store_folder: Path, monkeypatch: pytest.MonkeyPatch, place
):
    with open_window(qtbot, store_folder, monkeypatch) as main:
        _choose(main, TAB if place != TAB else OWN_WINDOW)
        _choose(main, place)
    with open_window(qtbot, store_folder, monkeypatch) as again:
        assert again.preview_place.place == place
        assert again.preview_place.actions[place].isChecked()
        assert _where(again) == place
        if place == TAB:
            # Behind the session at start, and not made until its tab is chosen.
            assert again.central_tabs.currentWidget() is again.editor_host
            assert not again._preview.is_built
            again.central_tabs.setCurrentWidget(again._preview)
            assert again._preview.is_built and again._preview.on_screen
        if place == OWN_WINDOW:
            qtbot.waitUntil(again.preview_dock.isVisible)
        _follows_an_edit(again, qtbot, f"After a restart, {place}")


def test_the_session_tab_bar_is_hidden_while_the_session_is_alone(window):
    tabs = window.central_tabs
    assert tabs.count() == 1 and not tabs.tabBar().isVisible()
    assert tabs.currentWidget() is window.editor_host
    assert window.centralWidget() is tabs
    assert window.editor.isVisible()
