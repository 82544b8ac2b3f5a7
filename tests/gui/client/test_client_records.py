"""The client's record in the window: the dialog, the sessions list, Ctrl+N, deleting."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from window_helpers import choose_client

from planner.core.plan import AvoidedArea, SymptomArea
from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.storage import ClientRecord

MARGARET = ClientRecord(
    "",
    "Margaret Olsen",
    contact="555-0142",
    conditions=("neuropathy", "diabetes"),
    avoid=(AvoidedArea("heel", "left", "open-wound", "healing blister"),),
    symptoms=(SymptomArea("sole", "both", "numbness", 6),),
    notes="Prefers feet first.",
    birth_date="1948-03-21",
)


def _save(main, monkeypatch, title: str, day: int, *, standing: bool = False) -> str:
    main.editor.title.setText(title)
    main.editor.title.editingFinished.emit()
    main.document.push(c.SetDetails(main.document, "Date", date=datetime.date(2026, 3, day)))
    monkeypatch.setattr(asks, "ask_make_standing", lambda parent, name: (standing, False))
    assert main.files.save()
    return main.document.session_id


def test_dialog_shows_and_edits_the_whole_record(qtbot):
    from planner.gui.client.dialogs import ClientDialog

    dialog = ClientDialog(dataclasses.replace(MARGARET, id="c1"))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit client"
    assert (dialog.name.text(), dialog.birth.text()) == ("Margaret Olsen", "1948-03-21")
    assert (
        dialog.avoid.list.item(0).text()
        == "Client's left heel: open or healing wound (healing blister)"
    )
    assert dialog.symptoms.list.item(0).text() == "Both soles: numbness 6/10"
    dialog.name.setText("Margaret Olsen-Berg")
    dialog.avoid.list.setCurrentRow(0)
    dialog.avoid.remove.click()
    value = dialog.value()
    assert value.id == "c1" and value.name == "Margaret Olsen-Berg" and value.avoid == ()
    assert value.conditions == ("neuropathy", "diabetes") and value.contact == "555-0142"


def test_dialog_refuses_a_date_that_is_not_one(qtbot):
    from planner.gui.client.dialogs import ClientDialog

    dialog = ClientDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Bea Smith")
    assert dialog.ok.isEnabled()
    dialog.birth.setText("21/03/1948")
    assert not dialog.ok.isEnabled() and "not a date of birth" in dialog.problem.text()
    dialog.birth.setText("1948-03-21")
    assert dialog.ok.isEnabled() and dialog.value().birth_date == "1948-03-21"


def test_dialog_adds_a_standing_area(qtbot, monkeypatch):
    from planner.gui.client.dialogs import ClientDialog

    dialog = ClientDialog(None, None, lambda name, parent: getattr(asks, name)(parent))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(asks, "ask_symptom", lambda parent: SymptomArea("toes", "left", "tingling"))
    dialog.symptoms.add.click()
    assert dialog.symptoms.list.item(0).text() == "Client's left toes: tingling"


def test_new_client_does_not_take_what_was_ticked_before(window, qtbot, monkeypatch):
    window.client_panel.conditions["pregnancy"].click()
    seen: list[object] = []

    def answer(parent, record):
        seen.append(record)
        return ClientRecord("", "Bea Smith")

    monkeypatch.setattr(asks, "ask_client", answer)
    qtbot.mouseClick(window.client_panel.new_client, Qt.MouseButton.LeftButton)
    assert seen == [None]
    assert window.store.find_client("Bea Smith").conditions == ()


def test_edit_client_renames_and_keeps_the_sessions(window, qtbot, monkeypatch):
    client = choose_client(window, MARGARET)
    session = _save(window, monkeypatch, "Week 1", 2)
    renamed = dataclasses.replace(client, name="Margaret Olsen-Berg")
    monkeypatch.setattr(asks, "ask_client", lambda parent, record: renamed)
    qtbot.mouseClick(window.client_panel.edit_client, Qt.MouseButton.LeftButton)
    assert window.store.client(client.id).name == "Margaret Olsen-Berg"
    assert window.client_panel.client.currentText() == "Margaret Olsen-Berg"
    assert window.client_panel.sessions.session_ids() == [session]


def test_sessions_listed_newest_first_and_opened_by_double_click(window, qtbot, monkeypatch):
    choose_client(window, MARGARET)
    first = _save(window, monkeypatch, "Week 1", 2)
    window.files.new_session()
    second = _save(window, monkeypatch, "Week 2", 9)
    sessions = window.client_panel.sessions
    model = sessions.model()
    shown = [
        tuple(model.index(row, column).data() for column in range(3))
        for row in range(model.rowCount())
    ]
    assert shown == [("2026-03-09", "Week 2", "Draft"), ("2026-03-02", "Week 1", "Draft")]
    assert sessions.session_ids() == [second, first]
    opened: list[str] = []
    sessions.open_requested.connect(opened.append)
    rect = sessions.visualRect(model.index(1, 1))
    qtbot.mouseDClick(sessions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [first]
    assert window.document.session_id == first
    assert window.document.plan.title == "Week 1"


def test_ctrl_n_keeps_the_client_and_starts_from_their_record(window, qtbot, monkeypatch):
    client = choose_client(window, MARGARET)
    window.document.push(c.RemoveAvoided(window.document, 0))  # this session only
    _save(window, monkeypatch, "Week 1", 2, standing=False)
    assert window.store.client(client.id).avoid == MARGARET.avoid
    window.editor.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    plan = window.document.plan
    assert plan.client.name == "Margaret Olsen" and plan.steps == []
    assert plan.client.conditions == MARGARET.conditions
    assert tuple(plan.avoid) == MARGARET.avoid and tuple(plan.symptoms) == MARGARET.symptoms
    assert window.document.session_id == "" and window.document.client_id == client.id


def test_changes_become_standing_when_the_therapist_says_so(window, monkeypatch):
    client = choose_client(window, MARGARET)
    window.document.push(c.AvoidArea(window.document, AvoidedArea("shin", "right", "bruise")))
    _save(window, monkeypatch, "Week 1", 2, standing=True)
    assert len(window.store.client(client.id).avoid) == 2


def test_delete_a_session_from_the_list_after_asking(window, qtbot, monkeypatch):
    client = choose_client(window, MARGARET)
    first = _save(window, monkeypatch, "Week 1", 2)
    window.files.new_session()
    _save(window, monkeypatch, "Week 2", 9)
    sessions = window.client_panel.sessions
    sessions.setCurrentIndex(sessions.model().index(1, 0))
    asked: list[str] = []
    monkeypatch.setattr(asks, "ask_delete", lambda p, t, text, d: asked.append(text) or False)
    qtbot.keyClick(sessions, Qt.Key.Key_Delete)
    assert asked == ["Delete the session “Week 1” of 02 Mar 2026?"]
    assert len(window.store.session_summaries(client.id)) == 2  # cancelled
    monkeypatch.setattr(asks, "ask_delete", lambda *args: True)
    qtbot.keyClick(sessions, Qt.Key.Key_Delete)
    assert [s.title for s in window.store.session_summaries(client.id)] == ["Week 2"]
    assert sessions.model().rowCount() == 1
    assert first not in {s.id for s in window.store.session_summaries(client.id)}


def test_delete_client_with_their_sessions_after_asking(window, qtbot, monkeypatch):
    client = choose_client(window, MARGARET)
    _save(window, monkeypatch, "Week 1", 2)
    asked: list[str] = []
    monkeypatch.setattr(asks, "ask_delete", lambda p, t, text, d: asked.append(text) or True)
    qtbot.mouseClick(window.client_panel.remove_client, Qt.MouseButton.LeftButton)
    assert asked == ["Delete Margaret Olsen and their 1 session?"]
    assert window.store.clients() == []
    assert window.client_panel.client.findData(client.id) < 0
    assert window.document.plan.client.name == ""
    assert "a backup is in" in window.statusBar().currentMessage()


@pytest.mark.parametrize("read_only", [True])
def test_record_buttons_are_off_without_a_client(window, read_only):
    panel = window.client_panel
    assert not panel.edit_client.isEnabled() and not panel.remove_client.isEnabled()


def test_client_dialog_takes_typing_from_the_panel(window, qtbot, monkeypatch):
    """The real dialog through the panel: typed straight after it opens, Enter saves."""
    from planner.gui.client.dialogs import ClientDialog

    def ask(parent, record):
        dialog = ClientDialog(record, parent)
        dialog.open()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
        qtbot.keyClicks(dialog.name, "Margaret Olsen")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        return dialog.value() if dialog.result() == QDialog.DialogCode.Accepted else None

    monkeypatch.setattr(asks, "ask_client", ask)
    qtbot.mouseClick(window.client_panel.new_client, Qt.MouseButton.LeftButton)
    assert window.document.plan.client.name == "Margaret Olsen"


def test_a_plan_file_for_a_known_client_is_saved_under_them(window, monkeypatch, tmp_path):
    import json

    client = window.store.save_client(MARGARET)
    plan = {
        "format": "session-plan",
        "version": 1,
        "title": "From a file",
        "client": {"name": "  margaret   OLSEN "},
        "steps": [{"technique": "effleurage", "region": "foot", "minutes": 5}],
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    monkeypatch.setattr(asks, "ask_open_path", lambda *args: path)
    monkeypatch.setattr(asks, "ask_make_standing", lambda parent, name: (False, False))
    window.files.open_plan_file()
    assert window.files.save()
    assert [s.title for s in window.store.session_summaries(client.id)] == ["From a file"]
    assert len(window.store.clients()) == 1
