"""The language of the client's papers: in the client's record, and in the session's panel."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from planner.gui.client.dialogs import ClientDialog
from planner.gui.common import asks
from planner.storage import ClientRecord


def test_the_client_dialog_shows_and_keeps_the_language(qtbot) -> None:
    dialog = ClientDialog(ClientRecord("c1", "Rosa Díaz", language="es"))
    qtbot.addWidget(dialog)
    assert dialog.language.code() == "es"
    assert dialog.language.itemText(dialog.language.findData("es")) == "Español (es)"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.value().language == "en"
    new = ClientDialog(None)
    qtbot.addWidget(new)
    assert new.language.code() == "en"


def test_a_client_in_spanish_gives_the_session_spanish_papers(window, qtbot, monkeypatch) -> None:
    main = window
    monkeypatch.setattr(
        asks, "ask_client", lambda parent, record: ClientRecord("", "Rosa Díaz", language="es")
    )
    qtbot.mouseClick(main.client_panel.new_client, Qt.MouseButton.LeftButton)
    assert main.store.clients()[0].language == "es"
    assert main.document.plan.client.language == "es"
    assert main.client_panel.language.code() == "es"


def test_the_panel_changes_this_sessions_language_undoably(window, qtbot, monkeypatch) -> None:
    main = window
    monkeypatch.setattr(asks, "ask_client", lambda parent, record: ClientRecord("", "Alex Doe"))
    qtbot.mouseClick(main.client_panel.new_client, Qt.MouseButton.LeftButton)
    box = main.client_panel.language
    box.setCurrentIndex(box.findData("es"))
    box.activated.emit(box.currentIndex())
    assert main.document.plan.client.language == "es"
    assert main.isWindowModified()
    main.document.undo_stack.undo()
    assert main.document.plan.client.language == "en"
    assert box.code() == "en"
    # The record keeps its own: Edit client… is where the next sessions' language is set.
    assert main.store.clients()[0].language == "en"
    record = dataclasses.replace(main.store.clients()[0], language="es")
    monkeypatch.setattr(asks, "ask_client", lambda parent, given: record)
    qtbot.mouseClick(main.client_panel.edit_client, Qt.MouseButton.LeftButton)
    assert main.store.clients()[0].language == "es"
    assert main.document.plan.client.language == "es" and box.code() == "es"
