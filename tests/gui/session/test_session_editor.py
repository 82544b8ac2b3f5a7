"""The session editor's header: status and notes after the session, by keyboard, undoable, kept."""

from __future__ import annotations

from pathlib import Path

from keyboard_checks import mnemonics, tab_stops
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.gui.common import asks
from planner.gui.window.choosers import SessionChooser
from planner.storage import ClientRecord


def _new_client(main, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(asks, "ask_client", lambda parent, record: ClientRecord("", "Alex Doe"))
    qtbot.mouseClick(main.client_panel.new_client, Qt.MouseButton.LeftButton)
    assert main.document.plan.client.name == "Alex Doe"


def _reopen_store(main, store_folder: Path) -> None:
    """Read back through a fresh store, as the next start of the program would."""
    from planner.storage import Store

    main.store.close()
    main.store = main.files.store = main.client_panel.store = Store.open(store_folder)


def test_status_and_notes_undo_redo_save_reopen(window, qtbot, monkeypatch, store_folder):
    main, editor = window, window.editor
    _new_client(main, qtbot, monkeypatch)
    stack = main.document.undo_stack
    stack.setClean()  # the client was chosen before; the edits below are counted from here
    start = stack.count()
    assert editor.status.currentData() == "draft"
    assert not main.isWindowModified()

    # Status by keyboard: Down on the combo box picks "Done".
    editor.status.setFocus()
    qtbot.keyClick(editor.status, Qt.Key.Key_Down)
    assert main.document.status == "done"
    assert main.isWindowModified() and "[*]" in main.windowTitle()
    assert stack.count() == start + 1 and stack.undoText() == "Mark session done"

    # Notes typed in one spell are one undo entry, marked modified from the first key.
    notes = "Feet less numb; skip the calf next time"
    qtbot.keyClicks(editor.after_notes, notes)
    assert main.document.after_notes == notes
    assert stack.count() == start + 2

    main.undo_action.trigger()
    assert main.document.after_notes == "" and editor.after_notes.toPlainText() == ""
    main.undo_action.trigger()
    assert main.document.status == "draft" and editor.status.currentData() == "draft"
    assert not main.isWindowModified()
    main.redo_action.trigger()
    main.redo_action.trigger()
    assert main.document.status == "done" and editor.status.currentData() == "done"
    assert editor.after_notes.toPlainText() == notes
    assert main.isWindowModified()

    main.save_action.trigger()
    assert not main.isWindowModified()
    session_id = main.document.session_id
    _reopen_store(main, store_folder)
    saved = main.store.session(session_id)
    assert (saved.status, saved.after_notes) == ("done", notes)

    # New session starts as a draft without notes...
    main.files.new_session()
    assert (main.document.status, main.document.after_notes) == ("draft", "")
    assert editor.status.currentData() == "draft" and editor.after_notes.toPlainText() == ""
    assert not main.isWindowModified()

    # ...and the saved one comes back whole, unmodified.
    main.client_panel.refresh_clients()
    combo = main.client_panel.client
    combo.setCurrentIndex(combo.findText("Alex Doe"))
    combo.activated.emit(combo.currentIndex())
    monkeypatch.setattr(asks, "ask_session", lambda parent, sessions: sessions[0])
    main.files.open_session()
    assert (main.document.status, main.document.after_notes) == ("done", notes)
    assert editor.status.currentData() == "done" and editor.after_notes.toPlainText() == notes
    assert not main.isWindowModified()
    assert not stack.canUndo()

    # A second save keeps them (and an edited note replaces the old one).
    editor.after_notes.moveCursor(editor.after_notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.after_notes, ".")
    main.save_action.trigger()
    assert main.store.session(session_id).after_notes == notes + "."
    assert main.store.session(session_id).status == "done"


def test_new_from_template_and_plan_file_start_as_draft(window, qtbot, monkeypatch, tmp_path):
    main, editor = window, window.editor
    editor.status.setCurrentIndex(editor.status.findData("done"))
    editor.status.activated.emit(editor.status.currentIndex())
    editor.after_notes.setPlainText("Went well")
    assert (main.document.status, main.document.after_notes) == ("done", "Went well")

    monkeypatch.setattr(asks, "ask_text", lambda parent, title, label, text="": "Feet")
    main.template_action.trigger()
    monkeypatch.setattr(asks, "ask_template", lambda parent, templates: templates[0])
    main.files.new_from_template()
    assert (main.document.status, main.document.after_notes) == ("draft", "")
    assert editor.after_notes.toPlainText() == "" and editor.status.currentData() == "draft"

    # A plan file carries no status either.
    editor.after_notes.setPlainText("Something")
    path = tmp_path / "plan.json"
    monkeypatch.setattr(asks, "ask_save_path", lambda *args: path)
    main.files.save_plan_file()
    monkeypatch.setattr(asks, "ask_open_path", lambda *args: path)
    main.files.open_plan_file()
    assert main.document.after_notes == "" and editor.after_notes.toPlainText() == ""


def test_typing_back_to_the_saved_notes_is_not_a_change(window, qtbot, monkeypatch):
    main, editor = window, window.editor
    _new_client(main, qtbot, monkeypatch)
    qtbot.keyClicks(editor.after_notes, "Calm")
    main.save_action.trigger()
    assert not main.isWindowModified()
    qtbot.keyClick(editor.after_notes, Qt.Key.Key_X)
    assert main.isWindowModified()
    qtbot.keyClick(editor.after_notes, Qt.Key.Key_Backspace)
    assert main.document.after_notes == "Calm"
    assert not main.isWindowModified()


def _activate(main, qtbot) -> None:
    """Focus only moves inside the active window."""
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)


def test_leaving_the_notes_ends_one_undo_entry(window, qtbot):
    main, editor = window, window.editor
    stack = main.document.undo_stack
    start = stack.count()
    _activate(main, qtbot)
    editor.after_notes.setFocus()
    qtbot.waitUntil(editor.after_notes.hasFocus)
    qtbot.keyClicks(editor.after_notes, "one")
    editor.title.setFocus()
    qtbot.waitUntil(lambda: not editor.after_notes.hasFocus())
    editor.after_notes.setFocus()
    qtbot.waitUntil(editor.after_notes.hasFocus)
    qtbot.keyClicks(editor.after_notes, " two")
    assert main.document.after_notes == "one two"
    assert stack.count() == start + 2
    main.undo_action.trigger()
    assert main.document.after_notes == "one"


def test_title_being_typed_is_saved_by_ctrl_s(window, qtbot, monkeypatch, store_folder):
    main, editor = window, window.editor
    _new_client(main, qtbot, monkeypatch)
    editor.title.setFocus()
    qtbot.keyClicks(editor.title, "Feet")
    main.save_action.trigger()  # no editingFinished: the field still has the focus
    assert main.store.session(main.document.session_id).plan.title == "Feet"
    assert not main.isWindowModified()


def test_a_bad_status_is_refused_without_an_undo_entry(window, qtbot):
    from planner.gui.common import commands as c

    document = window.document
    with qtbot.waitSignal(document.refused):
        assert not document.push(c.SetSessionDetails(document, "Bad", status="finished"))
    assert document.status == "draft" and not document.undo_stack.canUndo()


def test_session_chooser_shows_each_status_and_notes(qtbot):
    from planner.core.plan import SessionPlan
    from planner.storage import SessionRecord

    sessions = [
        SessionRecord("a", "c", SessionPlan(title="Week two"), "draft", ""),
        SessionRecord("b", "c", SessionPlan(title="Week one"), "done", "Less tingling"),
    ]
    chooser = SessionChooser(sessions)
    qtbot.addWidget(chooser)
    first, second = chooser.list.item(0), chooser.list.item(1)
    assert first.text().endswith("Draft") and second.text().endswith("Done")
    assert "Less tingling" in second.toolTip() and not first.toolTip()


def test_header_tab_order_names_andmnemonics(window, qtbot):
    main, editor = window, window.editor
    assert editor.status.accessibleName() == "Session status"
    assert editor.after_notes.accessibleName() == "Notes after the session"
    assert tab_stops(editor.title, 5) == [
        editor.status,
        editor.date,
        editor.length,
        editor.after_notes,
        editor.table,
    ]
    # Tab leaves the notes field (it does not type a tab character).
    _activate(main, qtbot)
    editor.after_notes.setFocus()
    qtbot.waitUntil(editor.after_notes.hasFocus)
    qtbot.keyClick(editor.after_notes, Qt.Key.Key_Tab)
    assert editor.table.hasFocus() and editor.after_notes.toPlainText() == ""

    # Alt+S and Alt+O reach the new fields: each letter is used once in the editor and
    # nowhere else in the window (nor by a menu of the menu bar).
    editor_keys = mnemonics(editor)
    assert len(editor_keys) == len(set(editor_keys)), editor_keys
    menus = [
        a.text()[a.text().index("&") + 1].casefold()
        for a in main.menuBar().actions()
        if "&" in a.text()  # Help has no letter left: F1 opens the rulebook
    ]
    window_keys = mnemonics(main)
    for key, field in (("s", editor.status), ("o", editor.after_notes)):
        assert window_keys.count(key) == 1 and key not in menus
        qtbot.keyClick(main, key, Qt.KeyboardModifier.AltModifier)
        assert field.hasFocus()


def test_therapist_field_edits_the_session_and_undoes(window, qtbot):
    editor = window.editor
    editor.therapist.setFocus()
    qtbot.keyClicks(editor.therapist, "Jo Kim, LMT")
    qtbot.keyClick(editor.therapist, Qt.Key.Key_Return)
    assert window.document.plan.therapist.name == "Jo Kim, LMT"
    window.document.undo_stack.undo()
    assert window.document.plan.therapist.name == "" and editor.therapist.text() == ""


def test_a_session_saved_without_therapist_opens_with_the_settings_one(window, monkeypatch):
    from planner.core.plan import SessionPlan
    from planner.storage import SessionRecord, Settings

    client = window.store.save_client(ClientRecord("", "Alex Doe"))
    saved = window.store.save_session(SessionRecord("", client.id, SessionPlan(title="Old")))
    window.store.save_settings(Settings(therapist="Sam Rivera, LMT"))
    window.files.open_session_id(saved.id)
    assert window.editor.therapist.text() == "Sam Rivera, LMT"
