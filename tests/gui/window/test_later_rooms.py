"""The course and sync rooms wait for the second turn of the event loop, or the first need."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "cli"))
from course_helpers import make_course  # type: ignore[import-not-found]  # noqa: E402


@contextmanager
def built(qtbot, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A window built as the planner builds it, its event loop not yet run."""
    from planner.gui.common import asks
    from planner.gui.window.app import build_window, open_store

    monkeypatch.setattr(asks, "ask_save_changes", lambda parent, what: "discard")
    opened = open_store(folder)
    assert opened is not None
    store, reason = opened
    window = build_window(store, reason)
    qtbot.addWidget(window)
    try:
        yield window
    finally:
        window.close()
        store.close()


def menus(window) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {
        action.text(): [entry.text() for entry in action.menu().actions()]
        for action in window.menuBar().actions()
    }


def test_the_rooms_come_on_the_second_turn_with_their_menus(
    qtbot, store_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with built(qtbot, store_folder, monkeypatch) as window:
        window.show()
        assert not window.rooms.installed
        assert "Export pro&gress report…" not in menus(window)["&File"]
        qtbot.waitUntil(lambda: window.rooms.installed)
        entries = menus(window)
        assert "Export pro&gress report…" in entries["&File"]
        assert entries["&File"][-1] == "&Quit"
        assert {"&Measures and notes", "Clinic s&ync…", "Sync &now"} <= set(entries["&Tools"])
        assert window.rooms.course_dock.toggleViewAction().text() in entries["&View"]


def test_a_menu_opened_sooner_has_every_entry_in_its_place(
    qtbot, store_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with built(qtbot, store_folder, monkeypatch) as window:
        window.show()
        qtbot.waitUntil(lambda: window.rooms.installed)
        usual = menus(window)
    with built(qtbot, store_folder, monkeypatch) as window:
        tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
        tools.aboutToShow.emit()
        assert window.rooms.installed
        assert menus(window) == usual


def test_the_rooms_are_there_when_asked_for(
    qtbot, store_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with built(qtbot, store_folder, monkeypatch) as window:
        sync_room = window.sync_room
        assert window.rooms.installed and window.sync_room is sync_room
        assert window.course.dock is window.rooms.course_dock


@pytest.fixture
def course_folder(store_folder: Path) -> tuple[Path, str]:
    client_id, _ = make_course(store_folder)
    return store_folder, client_id


def test_a_session_opened_sooner_gets_the_course_rooms_warning(
    qtbot, course_folder: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, client_id = course_folder
    with built(qtbot, folder, monkeypatch) as window:
        plan = window.document.plan.copy()
        plan.date = datetime.date(2026, 11, 7)
        window.document.load(plan, client_id=client_id, clean=False)
        assert window.rooms.installed
        worse = [f for f in window.document.findings if f.rule == "course-worse"]
        assert len(worse) == 1


def test_history_asked_for_sooner_opens(
    qtbot, course_folder: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, client_id = course_folder
    with built(qtbot, folder, monkeypatch) as window:
        window.client_panel.history_requested.emit(client_id)
        history = window.course.history_window
        assert history is not None
        assert history.windowTitle() == "History — Margaret Olsen"
        history.close()
