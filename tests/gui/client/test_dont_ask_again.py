"""After a save: "Don't ask again" on the question about the client's record, and undoing it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox
from window_helpers import choose_client

from planner.core.plan import AvoidedArea
from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.gui.common.asks import ask_make_standing as real_ask_make_standing
from planner.gui.window.choosers import SettingsDialog
from planner.storage import ClientRecord

MARGARET = ClientRecord("", "Margaret Olsen", conditions=("neuropathy",))


def _client(main) -> ClientRecord:
    return choose_client(main, MARGARET)


def _avoid_and_save(main, region: str) -> None:
    """A change to the areas, so that the session differs from the record; then Save."""
    main.document.push(c.AvoidArea(main.document, AvoidedArea(region, "right", "bruise")))
    assert main.files.save()


def _answer(monkeypatch, keep: bool, remember: bool) -> list[str]:
    asked: list[str] = []

    def answer(parent, name: str) -> tuple[bool, bool]:
        asked.append(name)
        return keep, remember

    monkeypatch.setattr(asks, "ask_make_standing", answer)
    return asked


def _not_asked(monkeypatch) -> None:
    def fail(parent, name: str) -> None:
        raise AssertionError("asked about the record after Don't ask again")

    monkeypatch.setattr(asks, "ask_make_standing", fail)


def _regions(main, client: ClientRecord) -> list[str]:
    return [a.region for a in main.store.client(client.id).avoid]


def test_the_question_has_a_dont_ask_again_box_that_comes_back_with_the_answer(qtbot):
    seen: list[str] = []

    def answer(tick: bool, button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        check = box.checkBox()
        assert isinstance(check, QCheckBox) and not check.isChecked()
        seen.append(check.text())
        check.setChecked(tick)
        box.button(button).click()

    for tick, button, expected in (
        (True, QMessageBox.StandardButton.Yes, (True, True)),
        (True, QMessageBox.StandardButton.No, (False, True)),
        (False, QMessageBox.StandardButton.Yes, (True, False)),
    ):
        QTimer.singleShot(0, lambda tick=tick, button=button: answer(tick, button))
        assert real_ask_make_standing(None, "Margaret Olsen") == expected
    assert seen == ["&Don't ask again: give this answer after every save"] * 3


def test_escape_answers_no_for_this_save_and_remembers_nothing(qtbot):
    from PySide6.QtCore import Qt

    def escape() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.checkBox().setChecked(True)
        assert not box.button(QMessageBox.StandardButton.Cancel).isVisible()
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, escape)
    assert real_ask_make_standing(None, "Margaret Olsen") == (False, False)


def test_yes_with_dont_ask_again_keeps_later_changes_without_asking(window, monkeypatch):
    client = _client(window)
    asked = _answer(monkeypatch, keep=True, remember=True)
    _avoid_and_save(window, "shin")
    assert asked == ["Margaret Olsen"]
    assert _regions(window, client) == ["shin"]
    assert window.store.settings().keep_on_record == "always"
    _not_asked(monkeypatch)
    _avoid_and_save(window, "knee")
    assert _regions(window, client) == ["shin", "knee"]


def test_no_with_dont_ask_again_keeps_nothing_and_asks_no_more(window, monkeypatch):
    client = _client(window)
    _answer(monkeypatch, keep=False, remember=True)
    _avoid_and_save(window, "shin")
    assert window.store.settings().keep_on_record == "never"
    _not_asked(monkeypatch)
    _avoid_and_save(window, "knee")
    assert _regions(window, client) == []
    assert window.store.client(client.id).conditions == ("neuropathy",)


def test_without_the_box_it_asks_again_next_time(window, monkeypatch):
    client = _client(window)
    asked = _answer(monkeypatch, keep=True, remember=False)
    _avoid_and_save(window, "shin")
    _avoid_and_save(window, "knee")
    assert asked == ["Margaret Olsen"] * 2
    assert window.store.settings().keep_on_record == "ask"
    assert _regions(window, client) == ["shin", "knee"]


def test_settings_make_it_ask_each_time_again(window, qtbot, monkeypatch):
    client = _client(window)
    _answer(monkeypatch, keep=True, remember=True)
    _avoid_and_save(window, "shin")

    dialog = SettingsDialog(window.store.settings(), window)
    qtbot.addWidget(dialog)
    choice = dialog.keep_on_record
    assert choice.currentText() == "Always keep them on the client's record"
    assert [choice.itemText(i) for i in range(choice.count())][0] == "Ask each time"
    choice.setCurrentIndex(choice.findText("Ask each time"))
    monkeypatch.setattr(asks, "ask_settings", lambda parent, settings: dialog.value())
    window.files.edit_settings()
    assert window.store.settings().keep_on_record == "ask"

    asked = _answer(monkeypatch, keep=False, remember=False)
    _avoid_and_save(window, "knee")
    assert asked == ["Margaret Olsen"]
    assert _regions(window, client) == ["shin"]


def test_the_settings_dialog_keeps_the_other_settings_and_shows_each_answer(qtbot):
    from planner.storage import Settings

    for key, text in (
        ("ask", "Ask each time"),
        ("always", "Always keep them on the client's record"),
        ("never", "Never: they stay with the session"),
    ):
        start = Settings(therapist="Sam", keep_on_record=key)
        dialog = SettingsDialog(start)
        qtbot.addWidget(dialog)
        assert dialog.keep_on_record.currentText() == text
        assert dialog.value() == start
