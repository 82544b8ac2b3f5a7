"""Every dialog takes typing straight after it opens: first field focused, Enter, Escape."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from planner.core.library import builtin_library
from planner.core.plan import SessionPlan
from planner.storage import SessionRecord, Settings, TemplateRecord

LIBRARY = builtin_library()


def _client() -> QDialog:
    from planner.gui.client.dialogs import ClientDialog

    return ClientDialog()


def _technique() -> QDialog:
    from planner.gui.library.technique_dialog import TechniqueDialog

    return TechniqueDialog("New technique", LIBRARY)


def _exercise() -> QDialog:
    from planner.gui.homecare.exercise_dialog import ExerciseDialog

    return ExerciseDialog("New exercise", LIBRARY)


def _home_care() -> QDialog:
    from planner.gui.homecare.dialogs import HomeCareDialog

    return HomeCareDialog(LIBRARY)


def _avoid() -> QDialog:
    from planner.gui.common.forms import AvoidDialog

    return AvoidDialog()


def _symptom() -> QDialog:
    from planner.gui.common.forms import SymptomDialog

    return SymptomDialog()


def _settings() -> QDialog:
    from planner.gui.window.choosers import SettingsDialog

    return SettingsDialog(Settings())


def _sessions() -> QDialog:
    from planner.gui.window.choosers import SessionChooser

    plans = [SessionPlan(title=t, date=datetime.date(2026, 3, d)) for t, d in (("B", 2), ("A", 1))]
    return SessionChooser([SessionRecord(f"c1-s{n}", "c1", p) for n, p in enumerate(plans)])


def _templates() -> QDialog:
    from planner.gui.window.choosers import TemplateChooser

    return TemplateChooser([TemplateRecord("t1", "Feet", SessionPlan(title="Feet"))])


def _open(qtbot, make: Callable[[], QDialog]) -> tuple[QDialog, QWidget]:
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog, QApplication.focusWidget()


# (dialog, what to type into whatever has the focus, how the typing shows in the value)
TYPED = [
    (_client, "Margaret Olsen", lambda d: d.value().name == "Margaret Olsen"),
    (_technique, "Slow foot glide", lambda d: d.value().name == "Slow foot glide"),
    (_home_care, "Foot", lambda d: d.value().exercise == "marble-bath"),
    (_avoid, "Heel", lambda d: d.value().region == "heel"),
    (_symptom, "Sole", lambda d: d.value().region == "sole"),
    (_settings, "Sam Rivera", lambda d: d.value().therapist == "Sam Rivera"),
]


@pytest.mark.parametrize(("make", "typed", "landed"), TYPED)
def test_typing_lands_in_the_first_field_and_enter_accepts(qtbot, make, typed, landed):
    dialog, focused = _open(qtbot, make)
    assert focused.accessibleName() not in ("", "Cancel"), focused
    qtbot.keyClicks(focused, typed)
    assert dialog.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert landed(dialog)


@pytest.mark.parametrize(
    "make",
    [
        _client,
        _technique,
        _exercise,
        _home_care,
        _avoid,
        _symptom,
        _settings,
        _sessions,
        _templates,
    ],
)
def test_escape_cancels_straight_after_opening(qtbot, make):
    dialog, focused = _open(qtbot, make)
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_enter_does_not_accept_an_incomplete_form(qtbot):
    dialog, focused = _open(qtbot, _client)
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert dialog.isVisible()  # no name yet: OK is off, Enter does nothing
    qtbot.keyClicks(focused, "  ")
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert dialog.isVisible()


def test_exercise_title_is_typed_and_enter_waits_for_steps(qtbot):
    dialog, focused = _open(qtbot, _exercise)
    qtbot.keyClicks(focused, "Roll a ball")
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.title.text() == "Roll a ball"
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Sit down.")
    assert dialog.steps.toPlainText() == "Sit down."
    dialog.regions.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value().title == "Roll a ball"


@pytest.mark.parametrize("make", [_sessions, _templates])
def test_choosers_open_on_the_first_row_and_enter_opens_it(qtbot, make):
    dialog, focused = _open(qtbot, make)
    assert focused is dialog.list
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() is not None
