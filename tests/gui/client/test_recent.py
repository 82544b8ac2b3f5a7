"""File › Recent sessions: newest first, each with its client, date and status; a click opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.gui.client.panel import apply_client
from planner.gui.common import asks
from planner.storage import ClientRecord


def test_recent_sessions_menu_lists_and_opens(window, qtbot, monkeypatch) -> None:
    main = window
    main.recent_menu.aboutToShow.emit()
    assert [action.text() for action in main.recent_menu.actions()] == ["(none yet)"]

    monkeypatch.setattr(asks, "ask_client", lambda parent, record: ClientRecord("", "Alex Doe"))
    qtbot.mouseClick(main.client_panel.new_client, Qt.MouseButton.LeftButton)
    main.editor.title.setText("Feet, week 1")
    main.editor.title.editingFinished.emit()
    main.save_action.trigger()
    first = main.document.session_id
    main.files.new_session()
    apply_client(main.document, main.store.clients()[0])
    main.editor.title.setText("Feet, week 2")
    main.editor.title.editingFinished.emit()
    qtbot.keyClick(main.editor.status, Qt.Key.Key_Down)  # Draft -> Done
    main.save_action.trigger()

    main.recent_menu.aboutToShow.emit()
    texts = [action.text() for action in main.recent_menu.actions()]
    assert len(texts) == 2
    assert texts[0].startswith("Alex Doe: Feet, week 2 (") and texts[0].endswith(", done)")
    assert texts[1].startswith("Alex Doe: Feet, week 1 (") and texts[1].endswith(", draft)")

    main.recent_menu.actions()[1].trigger()
    assert main.document.session_id == first
    assert main.document.plan.title == "Feet, week 1"
    assert not main.isWindowModified()
