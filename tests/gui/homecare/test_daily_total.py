"""The Home care tab shows the routine's daily total beside it; the settings hold the limit."""

from __future__ import annotations

from planner.core.plan import Client, HomeCareItem, SessionPlan, Step
from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.gui.window.choosers import SettingsDialog
from planner.storage import Settings


def _home_care(main, qtbot):
    main.home_care_dock.raise_()
    qtbot.waitUntil(lambda: main._home_care.is_built and main.home_care.isVisible())
    return main.home_care


def _feet_plan() -> SessionPlan:
    return SessionPlan(
        client=Client("Alex", ("neuropathy",)),
        steps=[Step("effleurage", "foot", "both", 10, "light")],
    )


def test_the_total_follows_the_routine_and_the_limit(window, qtbot) -> None:
    main = window
    panel = _home_care(main, qtbot)
    document = main.document
    document.load(_feet_plan())
    assert panel.total.text().startswith("About ")
    assert "(at most 30)" in panel.total.text()
    # A written routine over the limit says so, in the caution colour, and the rulebook
    # finds it too.
    items = [HomeCareItem("toe-alphabet", 10, 2), HomeCareItem("calf-massage", 15)]
    assert document.push(c.SetHomeCare(document, items, "Edit home care"))
    assert panel.total.text() == "About 35 minutes a day, 2 exercises: more than your 30 minutes"
    assert panel.total.palette() == panel._over_total
    assert any(f.rule == "home-care-over-budget" for f in document.findings)
    # The therapist's own limit from the settings.
    document.set_home_care_settings(40, "")
    assert panel.total.text() == "About 35 minutes a day, 2 exercises (at most 40)"
    assert not any(f.rule == "home-care-over-budget" for f in document.findings)


def test_settings_dialog_edits_the_limit_and_the_emergency_number(window, qtbot, monkeypatch):
    main = window
    dialog = SettingsDialog(Settings(), main)
    qtbot.addWidget(dialog)
    assert dialog.daily_minutes.value() == 30 and dialog.emergency.text() == ""
    assert "911" in dialog.emergency.placeholderText()  # the tests' locale is en_US
    dialog.daily_minutes.setValue(20)
    dialog.emergency.setText("999")
    value = dialog.value()
    assert (value.daily_minutes, value.emergency_number) == (20, "999")
    # Saved through the Settings menu: the open session's proposal follows at once.
    monkeypatch.setattr(asks, "ask_settings", lambda parent, settings: value)
    main.files.edit_settings()
    assert main.store.settings().daily_minutes == 20
    assert main.document.daily_minutes == 20 and main.document.emergency_number == "999"


def test_a_copy_of_a_built_in_exercise_keeps_where_its_steps_touch(qtbot) -> None:
    from planner.core.library import builtin_library
    from planner.gui.homecare.exercise_dialog import ExerciseDialog

    library = builtin_library()
    ball = library.exercise("ball-roll")
    dialog = ExerciseDialog("Duplicate", library)
    qtbot.addWidget(dialog)
    dialog.show_exercise(ball, keep_id=False)
    copy = dialog.value()
    assert copy.id != ball.id
    assert [set(r) for r in copy.step_regions] == [set(r) for r in ball.step_regions]
    # Steps changed: plain lines again, and "leave out" goes first.
    dialog.steps.setPlainText("Sit.\\nRoll the ball.")
    assert dialog.value().step_regions == ()
