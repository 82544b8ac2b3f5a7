"""Where each step of an own exercise works: chosen in the dialog, kept while typing,
and read by the sheet ("Leave out your left heel." inside the steps that work there)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.core.library import builtin_library
from planner.core.plan import AvoidedArea, SessionPlan
from planner.core.sheet_text import client_steps
from planner.gui.common.forms import check_ids
from planner.gui.homecare.exercise_dialog import ExerciseDialog
from planner.gui.homecare.step_places import ALL, NOWHERE

STEPS = "\n".join(
    [
        "Sit down and look at your sole.",
        "Press your heel with your thumb.",
        "Roll the ball under the foot.",
    ]
)


def _dialog(qtbot) -> ExerciseDialog:
    dialog = ExerciseDialog("New exercise", builtin_library())
    qtbot.addWidget(dialog)
    dialog.title.setText("Heel and sole")
    dialog.steps.setPlainText(STEPS)
    check_ids(dialog.regions, ("heel", "sole"))
    dialog.exercise_json()  # the rows follow the steps and areas as they are typed
    return dialog


def _choose(dialog: ExerciseDialog, row: int, choice: str) -> None:
    combo = dialog.places.combos[row]
    combo.setCurrentIndex(combo.findData(choice))


def _left_heel_avoided() -> SessionPlan:
    plan = SessionPlan(title="Feet")
    plan.avoid.append(AvoidedArea("heel", "left", "open-wound"))
    return plan


def test_each_step_says_where_it_works_and_the_sheet_follows(qtbot) -> None:
    dialog = _dialog(qtbot)
    assert len(dialog.places.combos) == 3
    _choose(dialog, 0, NOWHERE)
    _choose(dialog, 1, "heel")
    exercise = dialog.value()
    assert exercise.step_regions == ((), ("heel",), ("heel", "sole"))
    assert exercise.touch_regions == ("heel", "sole")
    steps = client_steps(_left_heel_avoided(), exercise, translate=False)
    assert "Leave out" not in steps[0]
    assert steps[1].endswith("Leave out your left heel.") and "Leave out" in steps[2]
    assert len(steps) == 3  # no extra first step


def test_near_miss_every_step_on_all_areas_is_plain_lines(qtbot) -> None:
    dialog = _dialog(qtbot)
    exercise = dialog.value()
    assert exercise.step_regions == ()
    steps = client_steps(_left_heel_avoided(), exercise, translate=False)
    assert steps[0] == "Leave out your left heel." and len(steps) == 4


def test_typing_a_step_keeps_the_other_steps_places(qtbot) -> None:
    dialog = _dialog(qtbot)
    _choose(dialog, 0, NOWHERE)
    _choose(dialog, 1, "heel")
    dialog.steps.setPlainText(STEPS.replace("Roll the ball", "Roll a soft ball"))
    exercise = dialog.value()
    assert exercise.step_regions[:2] == ((), ("heel",))
    assert set(exercise.step_regions[2]) == {"heel", "sole"}  # a new line: all its areas


def test_an_area_unticked_falls_back_to_all_areas(qtbot) -> None:
    dialog = _dialog(qtbot)
    _choose(dialog, 1, "heel")
    _choose(dialog, 0, NOWHERE)
    check_ids(dialog.regions, ("sole",))
    exercise = dialog.value()
    assert exercise.step_regions == ((), ("sole",), ("sole",))
    assert [dialog.places.combos[1].itemData(i) for i in range(3)] == [ALL, "sole", NOWHERE]


def test_tab_reaches_the_steps_places_after_the_areas(qtbot) -> None:
    dialog = _dialog(qtbot)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    dialog.regions.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.regions)
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:3] == dialog.places.combos
    assert order[3] not in dialog.places.combos and order[3] is not dialog.places
