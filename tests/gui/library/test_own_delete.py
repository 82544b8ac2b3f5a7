"""Deleting the therapist's own techniques and exercises in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyboard_checks import tab_stops
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from window_helpers import open_window

from planner.core.library import Exercise, Technique
from planner.core.plan import Client, HomeCareItem, SessionPlan, Step
from planner.core.planfile import load_plan
from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.gui.common.asks import ask_delete as real_ask_delete  # before conftest replaces it
from planner.gui.common.names import OWN_MARK
from planner.gui.library.own_delete import BUILTIN_TECHNIQUE, READ_ONLY
from planner.gui.session.steps_model import StepsModel
from planner.storage import ClientRecord, SessionRecord, Store, StoreError

OPENER = Technique(
    "my-foot-opener", "Foot opener", "stroking", "Slow strokes.", "light", 6, False, ("foot",)
)
SPREAD = Exercise("my-toe-spread", "Toe spread", ("Spread the toes.",), 3)
BALL = Exercise("my-ball-roll", "Ball roll", ("Roll a ball under the foot.",), 4)


def _seed(folder: Path, *, suggest: bool = False) -> None:
    """An own technique and two own exercises in the store (the technique may suggest one)."""
    with Store.open(folder) as store:
        store.save_exercise(SPREAD)
        store.save_exercise(BALL)
        opener = Technique(**{**OPENER.__dict__, "exercises": (SPREAD.id,) if suggest else ()})
        store.save_technique(opener)


def _answer(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[tuple[str, str, str]]:
    """Answer the delete question with ``answer``; the questions asked are kept."""
    asked: list[tuple[str, str, str]] = []

    def ask(parent, title, text, detail):
        asked.append((title, text, detail))
        return answer

    monkeypatch.setattr(asks, "ask_delete", ask)
    return asked


def _errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    errors: list[str] = []
    monkeypatch.setattr(asks, "show_error", lambda parent, title, text: errors.append(text))
    return errors


def _home_care(main, qtbot):
    main.home_care_dock.raise_()
    qtbot.waitUntil(lambda: main._home_care.is_built and main.home_care.isVisible())
    return main.home_care


def _ids(combo) -> list[str]:
    return [combo.itemData(i) for i in range(combo.count())]


def _check_delete_button(button, before, choose_builtin, choose_own, kind: str) -> None:
    """Off for a built-in entry (the tooltip says why), on for an own one, after ``before``."""
    choose_builtin()
    assert not button.isEnabled()
    assert button.toolTip().startswith(f"Built-in {kind}s cannot be deleted")
    assert button.accessibleName() == f"Delete your {kind}"
    choose_own()
    assert button.isEnabled()
    assert tab_stops(before, 1) == [button]


def test_delete_question_defaults_to_cancel(qtbot):
    seen: list[tuple[str, bool]] = []

    def answer(key: Qt.Key | None) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), box.defaultButton() is box.escapeButton()))
        if key is None:
            next(b for b in box.buttons() if b.text() == "&Delete").click()
        else:
            qtbot.keyClick(box, key)
        if box.isVisible():  # never left open, whatever the keys did
            box.done(0)

    question = "Delete your technique “Foot opener”?"
    for key, expected in ((Qt.Key.Key_Escape, False), (Qt.Key.Key_Return, False), (None, True)):
        QTimer.singleShot(0, lambda key=key: answer(key))
        assert real_ask_delete(None, "Delete technique", question, "") is expected
    assert seen == [(question, True)] * 3


def test_own_technique_deleted_after_asking_and_gone_after_a_restart(
    qtbot, store_folder, monkeypatch
):
    _seed(store_folder)
    with open_window(qtbot, store_folder, monkeypatch) as main:
        dock = main.library_dock
        # A built-in technique: no deleting, and the tooltip says why.
        _check_delete_button(
            dock.delete_button,
            dock.duplicate_button,
            lambda: dock.select("effleurage"),
            lambda: dock.select(OPENER.id),
            "technique",
        )
        row = dock.list.currentIndex().row()

        # Cancelled: nothing changes.
        asked = _answer(monkeypatch, False)
        qtbot.mouseClick(dock.delete_button, Qt.MouseButton.LeftButton)
        title, text, detail = asked[-1]
        assert (title, text) == ("Delete technique", "Delete your technique “Foot opener”?")
        assert "for good" in detail and "keep their own copy" in detail
        assert "open session" not in detail  # the new session does not use it
        assert OPENER.id in main.store.library().techniques
        assert dock.current().id == OPENER.id

        # Confirmed: out of the store and the list at once; the row below moves up into
        # the selection, and the session's undo history is not touched.
        asked = _answer(monkeypatch, True)
        qtbot.mouseClick(dock.delete_button, Qt.MouseButton.LeftButton)
        assert len(asked) == 1
        assert OPENER.id not in main.store.library().techniques
        assert OPENER.id not in main.document.library.techniques
        assert dock.model.row_of(OPENER.id) < 0
        assert dock.list.currentIndex().row() == min(row, dock.model.rowCount() - 1)
        assert main.statusBar().currentMessage() == "Deleted your technique “Foot opener”"
        assert main.document.undo_stack.count() == 0 and not main.document.modified
        assert main.document.plan.custom_techniques == ()

    with open_window(qtbot, store_folder, monkeypatch) as main:
        assert OPENER.id not in main.document.library.techniques
        assert main.library_dock.model.row_of(OPENER.id) < 0
        assert SPREAD.id in main.document.library.exercises  # only what was deleted went


def test_delete_key_in_the_library_list(window, qtbot, monkeypatch):
    main = window
    main.store.save_technique(OPENER)
    main.document.set_library(main.store.library())
    dock = main.library_dock
    # On a built-in technique: no question (one would fail this test), the status bar says why.
    dock.select("effleurage")
    dock.list.setFocus()
    qtbot.keyClick(dock.list, Qt.Key.Key_Delete)
    assert main.statusBar().currentMessage() == BUILTIN_TECHNIQUE
    assert "effleurage" in main.document.library.techniques
    dock.select(OPENER.id)
    asked = _answer(monkeypatch, True)
    qtbot.keyClick(dock.list, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert OPENER.id not in main.store.library().techniques
    assert dock.list.hasFocus() and dock.current() is not None


def test_a_technique_the_open_session_uses_stays_readable_everywhere(
    qtbot, store_folder, monkeypatch, tmp_path
):
    _seed(store_folder)
    with Store.open(store_folder) as store:
        client = store.save_client(ClientRecord("", "Alex Doe"))
        plan = SessionPlan(title="Feet, week 1", client=Client("Alex Doe"))
        plan.steps.append(Step(OPENER.id, "foot", "both", 6, "light"))
        saved = store.save_session(SessionRecord("", client.id, plan))
        store.save_template("Feet", plan)
    with open_window(qtbot, store_folder, monkeypatch) as main:
        document = main.document
        document.push(c.SetDetails(document, "Client", client=Client("Alex Doe")))
        step = Step("effleurage", "hand", "both", 5, "light")
        document.push(c.InsertStep(document, 0, step))
        main._on_add_technique(OPENER.id)
        main._on_add_technique(OPENER.id)
        assert [s.technique for s in document.plan.steps][1:] == [OPENER.id, OPENER.id]
        findings_before = [f.message for f in document.findings]

        main.library_dock.select(OPENER.id)
        asked = _answer(monkeypatch, True)
        qtbot.mouseClick(main.library_dock.delete_button, Qt.MouseButton.LeftButton)
        detail = asked[-1][2]
        assert "The open session uses it in steps 2 and 3" in detail
        assert "Those steps stay as they are" in detail
        # Gone from the library, kept by the open session: the steps read as before.
        assert OPENER.id not in document.library.techniques
        assert document.plan.custom_techniques == (OPENER,)
        model = main.editor.model
        assert model.data(model.index(1, StepsModel.TECHNIQUE)) == "Foot opener"
        assert [f.message for f in document.findings] == findings_before
        # Saved as a plan file and in the store, it reads back whole.
        path = tmp_path / "plan.json"
        monkeypatch.setattr(asks, "ask_save_path", lambda *args: path)
        main.files.save_plan_file()
        assert [s.technique for s in load_plan(path).steps][1:] == [OPENER.id, OPENER.id]
        assert main.files.save()
        session_id = document.session_id

    with open_window(qtbot, store_folder, monkeypatch) as main:
        store = main.store
        assert OPENER.id not in store.library().techniques
        # The session saved before the deletion, the one saved after, and the template.
        for sid in (saved.id, session_id):
            record = store.session(sid)
            assert OPENER.id in [s.technique for s in record.plan.steps]
            assert OPENER in record.plan.custom_techniques
        assert store.templates()[0].plan.custom_techniques == (OPENER,)
        main.files.open_session_id(saved.id)
        model = main.editor.model
        assert model.data(model.index(0, StepsModel.TECHNIQUE)) == "Foot opener"


def test_a_step_undo_can_bring_back_keeps_its_technique(window, qtbot, monkeypatch, tmp_path):
    main = window
    main.store.save_technique(OPENER)
    document = main.document
    document.set_library(main.store.library())
    main._on_add_technique(OPENER.id)
    document.push(c.RemoveStep(document, 0))
    main.library_dock.select(OPENER.id)
    asked = _answer(monkeypatch, True)
    qtbot.mouseClick(main.library_dock.delete_button, Qt.MouseButton.LeftButton)
    assert "open session" not in asked[-1][2]  # not in the session as it stands
    assert OPENER.id not in document.library.techniques
    main.undo_action.trigger()
    assert [s.technique for s in document.plan.steps] == [OPENER.id]
    path = tmp_path / "plan.json"
    monkeypatch.setattr(asks, "ask_save_path", lambda *args: path)
    main.files.save_plan_file()
    assert load_plan(path).custom_techniques == (OPENER,)


def test_own_exercise_deleted_after_asking_and_gone_after_a_restart(
    qtbot, store_folder, monkeypatch
):
    _seed(store_folder)
    with open_window(qtbot, store_folder, monkeypatch) as main:
        panel = _home_care(main, qtbot)
        _check_delete_button(
            panel.delete_exercise,
            panel.duplicate_exercise,
            lambda: panel.choose("foot-massage"),
            lambda: panel.choose(SPREAD.id),
            "exercise",
        )
        position = panel.exercises.currentIndex()

        asked = _answer(monkeypatch, False)
        qtbot.mouseClick(panel.delete_exercise, Qt.MouseButton.LeftButton)
        assert asked[-1][:2] == ("Delete exercise", "Delete your exercise “Toe spread”?")
        assert "routine" not in asked[-1][2]
        assert SPREAD.id in main.store.library().exercises and panel.chosen() == SPREAD.id

        asked = _answer(monkeypatch, True)
        qtbot.mouseClick(panel.delete_exercise, Qt.MouseButton.LeftButton)
        assert len(asked) == 1
        assert SPREAD.id not in main.store.library().exercises
        # The chooser and the Add dialog's picker no longer offer it; the next one is chosen.
        assert SPREAD.id not in _ids(panel.exercises)
        assert panel.exercises.currentIndex() == min(position, panel.exercises.count() - 1)
        from planner.gui.homecare.dialogs import HomeCareDialog

        picker = HomeCareDialog(main.document.library)
        qtbot.addWidget(picker)
        assert SPREAD.id not in _ids(picker.exercise) and BALL.id in _ids(picker.exercise)
        assert main.statusBar().currentMessage() == "Deleted your exercise “Toe spread”"
        assert not main.document.modified

    with open_window(qtbot, store_folder, monkeypatch) as main:
        assert SPREAD.id not in main.document.library.exercises
        assert SPREAD.id not in _ids(_home_care(main, qtbot).exercises)
        assert BALL.id in main.document.library.exercises


def test_an_exercise_in_the_routine_stays_in_it(qtbot, store_folder, monkeypatch):
    _seed(store_folder)
    with Store.open(store_folder) as store:
        store.save_client(ClientRecord("", "Alex Doe"))
    with open_window(qtbot, store_folder, monkeypatch) as main:
        document = main.document
        panel = _home_care(main, qtbot)
        document.push(c.SetDetails(document, "Client", client=Client("Alex Doe")))
        item = HomeCareItem(BALL.id, 4, note="evenings")
        c.own_routine_then(document, c.InsertHomeCare(document, 0, item))
        panel.choose(BALL.id)
        asked = _answer(monkeypatch, True)
        qtbot.mouseClick(panel.delete_exercise, Qt.MouseButton.LeftButton)
        assert "home-care routine includes it" in asked[-1][2]
        assert BALL.id not in document.library.exercises
        assert document.plan.home_care[0] == item
        assert document.plan.custom_exercises == (BALL,)
        model = panel.model
        assert model.data(model.index(0, 0)) == "Ball roll" + OWN_MARK
        assert main.files.save()
        session_id = document.session_id
    with Store.open(store_folder, read_only=True) as store:
        record = store.session(session_id)
        assert record.plan.home_care == [item] and record.plan.custom_exercises == (BALL,)


def test_an_exercise_an_own_technique_suggests_is_refused_naming_it(
    qtbot, store_folder, monkeypatch
):
    _seed(store_folder, suggest=True)
    with open_window(qtbot, store_folder, monkeypatch) as main:
        panel = _home_care(main, qtbot)
        before = main.document.library
        panel.choose(SPREAD.id)
        errors = _errors(monkeypatch)  # and no question: ask_delete is not answered here
        qtbot.mouseClick(panel.delete_exercise, Qt.MouseButton.LeftButton)
        assert len(errors) == 1
        assert "your technique “Foot opener” suggests it" in errors[0]
        assert errors[0].startswith("“Toe spread” cannot be deleted")
        assert main.document.library is before
        assert SPREAD.id in main.store.library().exercises and panel.chosen() == SPREAD.id


def test_a_failing_store_write_says_so_once_and_changes_nothing(window, qtbot, monkeypatch):
    main = window
    main.store.save_technique(OPENER)
    main.store.save_exercise(SPREAD)
    document = main.document
    document.set_library(main.store.library())
    main._on_add_technique(OPENER.id)
    before = document.library

    def refuse(entry_id: str) -> None:
        raise StoreError("The disk is full.")

    monkeypatch.setattr(main.store, "delete_technique", refuse)
    monkeypatch.setattr(main.store, "delete_exercise", refuse)
    errors = _errors(monkeypatch)
    _answer(monkeypatch, True)
    main.library_dock.select(OPENER.id)
    qtbot.mouseClick(main.library_dock.delete_button, Qt.MouseButton.LeftButton)
    panel = _home_care(main, qtbot)
    panel.choose(SPREAD.id)
    qtbot.mouseClick(panel.delete_exercise, Qt.MouseButton.LeftButton)
    assert errors == ["The disk is full.", "The disk is full."]
    assert document.library is before
    assert document.plan.custom_techniques == () and document.plan.custom_exercises == ()
    assert main.library_dock.current().id == OPENER.id and panel.chosen() == SPREAD.id
    library = main.store.library()
    assert OPENER.id in library.techniques and SPREAD.id in library.exercises


def test_read_only_window_cannot_delete_and_says_why(window, qtbot, store_folder, monkeypatch):
    from planner.gui.window.app import build_window, open_store

    main = window
    main.store.save_technique(OPENER)
    main.store.save_exercise(SPREAD)
    opened = open_store(store_folder)
    assert opened is not None
    store, reason = opened
    try:
        assert store.read_only
        second = build_window(store, reason)
        qtbot.addWidget(second)
        second.show()
        dock = second.library_dock
        dock.select(OPENER.id)
        assert not dock.delete_button.isEnabled()
        assert dock.delete_button.toolTip() == dock.edit_button.toolTip()
        assert "read-only" in dock.delete_button.toolTip()
        # The Delete key asks nothing (a question would fail this test) and says why.
        dock.list.setFocus()
        qtbot.keyClick(dock.list, Qt.Key.Key_Delete)
        assert second.statusBar().currentMessage() == READ_ONLY
        panel = _home_care(second, qtbot)
        panel.choose(SPREAD.id)
        assert not panel.delete_exercise.isEnabled()
        assert panel.delete_exercise.toolTip() == panel.edit_exercise.toolTip()
        assert panel.delete_own(SPREAD.id) is False
        second.close()
    finally:
        store.close()
    library = main.store.library()
    assert OPENER.id in library.techniques and SPREAD.id in library.exercises
