"""The later rooms' dialogs take typing straight after they open, as the first ones do.

Templates manager and the name input, the safety rulebook, the course of care
(sign, addendum, client history) and clinic sync (server, conflicts): each opens
with its first field or its main list focused, Enter accepts when the form is
valid, and Escape cancels.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from planner.core.plan import SessionPlan
from planner.storage import Store


def _open(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    if isinstance(dialog, QDialog):
        dialog.open()
    else:
        dialog.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return QApplication.focusWidget()


# -- the name input (a template's name, an addendum) ---------------------------------------


def _text(text: str = "") -> QDialog:
    from planner.gui.common.asks import text_dialog

    return text_dialog(None, "Save as template", "Template name:", text)


def test_a_name_is_typed_and_enter_accepts(qtbot) -> None:
    dialog = _text()
    focused = _open(qtbot, dialog)
    qtbot.keyClicks(focused, "Feet, first visit")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == "Feet, first visit"


def test_typing_replaces_the_old_name(qtbot) -> None:
    dialog = _text("Feet")
    focused = _open(qtbot, dialog)
    qtbot.keyClicks(focused, "Hands")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == "Hands"


def test_enter_waits_for_a_name(qtbot) -> None:
    dialog = _text()
    focused = _open(qtbot, dialog)
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClicks(focused, "   ")
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert dialog.isVisible()  # spaces are no name
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


# -- the templates manager ----------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "store") as opened:
        for name in ("Feet", "Hands", "Neck"):
            opened.save_template(name, SessionPlan(title=name))
        yield opened


def test_templates_manager_opens_on_its_list_and_typing_finds_one(qtbot, store) -> None:
    from planner.gui.window.manage import TemplatesManager

    dialog = TemplatesManager(store)
    focused = _open(qtbot, dialog)
    assert focused is dialog.list and dialog.current().name == "Feet"
    qtbot.keyClicks(focused, "n")
    assert dialog.current().name == "Neck"
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert [t.name for t in store.templates()] == ["Feet", "Hands", "Neck"]  # nothing changed


def test_templates_manager_closes_on_escape(qtbot, store) -> None:
    from planner.gui.window.manage import TemplatesManager

    dialog = TemplatesManager(store)
    focused = _open(qtbot, dialog)
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_f2_renames_the_chosen_template(qtbot, store, monkeypatch) -> None:
    from planner.gui.common import asks
    from planner.gui.window.manage import TemplatesManager

    asked: list[str] = []

    def answer(parent, title, label, text=""):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "Hands, long"

    monkeypatch.setattr(asks, "ask_text", answer)
    dialog = TemplatesManager(store)
    focused = _open(qtbot, dialog)
    qtbot.keyClicks(focused, "h")
    qtbot.keyClick(focused, Qt.Key.Key_F2)
    assert asked == ["Hands"] and dialog.isVisible()
    assert dialog.current().name == "Hands, long"


def test_delete_asks_then_deletes_the_chosen_template(qtbot, store, monkeypatch) -> None:
    from planner.gui.common import asks
    from planner.gui.window.manage import TemplatesManager

    answers = iter([False, True])
    monkeypatch.setattr(asks, "ask_yes_no", lambda *args: next(answers))
    dialog = TemplatesManager(store)
    focused = _open(qtbot, dialog)
    qtbot.keyClicks(focused, "n")
    qtbot.keyClick(focused, Qt.Key.Key_Delete)  # answered No: kept
    assert [t.name for t in store.templates()] == ["Feet", "Hands", "Neck"]
    qtbot.keyClick(focused, Qt.Key.Key_Delete)
    assert [t.name for t in store.templates()] == ["Feet", "Hands"] and dialog.isVisible()


# -- the safety rulebook --------------------------------------------------------------------


def test_rulebook_opens_on_its_text_and_closes_on_escape_or_enter(qtbot) -> None:
    from planner.gui.window.rulebook_dialog import RulebookDialog

    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Return):
        dialog = RulebookDialog()
        focused = _open(qtbot, dialog)
        assert focused is dialog.text
        bar = dialog.text.verticalScrollBar()
        qtbot.keyClick(focused, Qt.Key.Key_PageDown)
        assert bar.value() > 0  # the keys read the rulebook
        qtbot.keyClick(focused, key)
        assert not dialog.isVisible()


# -- signing a session -----------------------------------------------------------------------


@pytest.mark.parametrize(("key", "signed"), [(Qt.Key.Key_Return, True), (Qt.Key.Key_Escape, False)])
def test_the_sign_question_takes_enter_and_escape(qtbot, key, signed) -> None:
    from PySide6.QtWidgets import QMessageBox

    from planner.gui.common.asks import yes_no_box

    box = yes_no_box(None, "Sign session", "Sign this session?")
    focused = _open(qtbot, box)
    qtbot.keyClick(focused, key)
    assert not box.isVisible()
    assert (box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes) is signed


# -- a client's history ------------------------------------------------------------------------


def test_history_opens_on_the_newest_visit_enter_opens_it_escape_closes(qtbot) -> None:
    from planner.core.progress import Visit
    from planner.gui.course.history import HistoryWindow

    visits = [
        Visit(f"s{d}", datetime.date(2026, 10, d).isoformat(), f"Visit {d}", "done")
        for d in (3, 10)  # as the store gives them: oldest first
    ]
    window = HistoryWindow("Margaret Olsen", visits)
    focused = _open(qtbot, window)
    assert focused is window.sessions
    opened: list[str] = []
    window.open_requested.connect(opened.append)
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert opened == ["s10"]
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not window.isVisible()


# -- clinic sync -------------------------------------------------------------------------------


def test_server_dialog_takes_the_address_then_the_user(qtbot) -> None:
    from planner.gui.sync.dialogs import ServerDialog

    dialog = ServerDialog(None, "", "")
    focused = _open(qtbot, dialog)
    assert focused is dialog.url
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert dialog.isVisible()  # no address yet: Enter waits
    qtbot.keyClicks(focused, "http://127.0.0.1:5984/practice")
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "sam")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == ("http://127.0.0.1:5984/practice", "sam", "")


def test_server_dialog_cancels_on_escape(qtbot) -> None:
    from planner.gui.sync.dialogs import ServerDialog

    dialog = ServerDialog(None, "http://127.0.0.1:5984/practice", "sam")
    focused = _open(qtbot, dialog)
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def _conflict(title: str) -> dict:  # type: ignore[type-arg]
    def version(rev: str, text: str) -> dict:  # type: ignore[type-arg]
        return {"rev": rev, "shown": rev.startswith("1"), "made_here": True, "deleted": False,
                "record": {"name": title, "notes": text}}  # fmt: skip

    return {"kind": "client", "id": title.lower(), "title": title,
            "versions": [version("1-a", "here"), version("1-b", "there")]}  # fmt: skip


def test_conflicts_open_on_the_list_and_enter_resolves_nothing(qtbot, monkeypatch) -> None:
    import planner.sync.conflicts as conflicts
    from planner.gui.sync.dialogs import ConflictsDialog

    monkeypatch.setattr(
        conflicts, "list_conflicts", lambda store: [_conflict("Ann"), _conflict("Bo")]
    )
    resolved: list[str] = []
    monkeypatch.setattr(conflicts, "resolve_conflict", lambda *a, **k: resolved.append(a[1]))
    dialog = ConflictsDialog(None, store=None)
    focused = _open(qtbot, dialog)
    assert focused is dialog.list and dialog.list.currentRow() == 0
    qtbot.keyClick(focused, Qt.Key.Key_Down)
    assert "there" in dialog.right.toPlainText() and dialog.list.currentRow() == 1
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert resolved == []  # keeping a version is a button press, never a stray Enter
    assert not dialog.isVisible()


def test_conflicts_close_on_escape(qtbot, monkeypatch) -> None:
    import planner.sync.conflicts as conflicts
    from planner.gui.sync.dialogs import ConflictsDialog

    monkeypatch.setattr(conflicts, "list_conflicts", lambda store: [_conflict("Ann")])
    dialog = ConflictsDialog(None, store=None)
    focused = _open(qtbot, dialog)
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
