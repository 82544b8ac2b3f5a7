"""The therapist's own home-care exercises: created, edited and duplicated in the window."""

from __future__ import annotations

from collections.abc import Callable

from keyboard_checks import clashes, window_mnemonics
from PySide6.QtCore import Qt
from window_helpers import open_window

from planner.core.library import Exercise, builtin_library, parse_exercise
from planner.core.plan import HomeCareItem, Step
from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.gui.common.names import OWN_MARK
from planner.gui.homecare.exercise_dialog import ExerciseDialog
from planner.gui.homecare.panel import READ_ONLY

TITLE = "Roll a ball under your foot"


def _fill(dialog: ExerciseDialog, title: str = TITLE, steps: str = "") -> None:
    dialog.title.setText(title)
    dialog.steps.setPlainText(
        steps or "Sit down with a tennis ball under one foot.\n\nRoll it slowly heel to toe."
    )
    dialog.times_a_day.setValue(2)
    dialog.cautions.setPlainText("Stop if it hurts.")
    dialog.minutes.setValue(3)


def _home_care(main, qtbot):
    main.home_care_dock.raise_()
    qtbot.waitUntil(lambda: main._home_care.is_built and main.home_care.isVisible())
    return main.home_care


def _titles(combo) -> dict[str, str]:
    return {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}


def _answer_with_dialog(
    seen: list[tuple[str | None, bool]], fill: Callable[[ExerciseDialog], None]
) -> Callable[..., Exercise | None]:
    """Stands in for asks.ask_exercise: the real dialog, filled as a user would, then OK."""

    def ask(parent, library, start, *, editing):
        seen.append((start.id if start else None, editing))
        dialog = ExerciseDialog("Exercise", library, parent)
        if start is not None:
            dialog.show_exercise(start, keep_id=editing)
        fill(dialog)
        assert dialog.ok.isEnabled(), dialog.problem.text()
        value = dialog.value()
        dialog.deleteLater()
        return value

    return ask


def test_dialog_checks_every_field_as_the_store_does(qtbot):
    library = builtin_library()
    dialog = ExerciseDialog("New exercise", library)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    assert dialog.problem.text() == "Title: must not be empty."
    dialog.title.setText("   ")
    assert dialog.problem.text() == "Title: must not be empty."
    dialog.title.setText(TITLE)
    assert dialog.problem.text() == "Write at least one step, one per line."
    dialog.steps.setPlainText("\n".join(f"Step number {n}." for n in range(31)))
    assert dialog.problem.text() == "Steps: has too many entries (31, at most 30)."
    dialog.steps.setPlainText("Sit down.\n\n  Roll the ball.  ")
    dialog.cautions.setPlainText("Fine.\n" + "x" * 20_001)
    assert dialog.problem.text() == "Caution 2: is too long (20001 characters, at most 20000)."
    dialog.cautions.setPlainText("Stop if it hurts.")
    assert dialog.ok.isEnabled() and dialog.problem.isHidden()
    # The title cannot grow past what the store takes; how often stays in range.
    dialog.title.setText("y" * 500)
    assert len(dialog.title.text()) == 120
    dialog.title.setText(TITLE)
    dialog.times_a_day.setValue(9)
    dialog.days_a_week.setValue(0)
    assert (dialog.times_a_day.value(), dialog.days_a_week.value()) == (6, 1)
    dialog.times_a_day.setValue(2)
    dialog.days_a_week.setValue(5)
    dialog.minutes.setValue(2.5)
    for row in range(dialog.regions.count()):
        item = dialog.regions.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in ("sole", "toes"):
            item.setCheckState(Qt.CheckState.Checked)
    exercise = dialog.value()
    assert exercise.id == "my-roll-a-ball-under-your-foot"
    assert exercise.steps == ("Sit down.", "Roll the ball.")
    assert exercise.minutes == 2.5
    assert (exercise.times_a_day, exercise.days_a_week) == (2, 5)
    assert set(exercise.regions) == {"sole", "toes"}
    assert parse_exercise(exercise.to_json(), "") == exercise

    # A new exercise never takes an id in use; an edited one keeps its own.
    taken = library.with_custom(exercises=[exercise])
    again = ExerciseDialog("New exercise", taken)
    qtbot.addWidget(again)
    _fill(again)
    assert again.value().id == "my-roll-a-ball-under-your-foot-2"
    edit = ExerciseDialog("Edit exercise", taken)
    qtbot.addWidget(edit)
    edit.show_exercise(exercise, keep_id=True)
    assert edit.title.text() == TITLE and edit.ok.isEnabled()
    assert edit.value() == exercise
    copy = ExerciseDialog("New exercise", taken)
    qtbot.addWidget(copy)
    copy.show_exercise(library.exercises["foot-massage"], keep_id=False)
    assert copy.title.text().endswith("(my version)")
    assert copy.value().id.startswith("my-") and copy.value().steps


def test_own_exercises_round_trip_through_the_store_and_a_restart(qtbot, store_folder, monkeypatch):
    seen: list[tuple[str | None, bool]] = []
    with open_window(qtbot, store_folder, monkeypatch) as main:
        panel = _home_care(main, qtbot)
        document = main.document
        undo_entries = document.undo_stack.count()
        panel.choose("foot-massage")
        # A built-in exercise: duplicate it, never edit it.
        assert panel.new_exercise.isEnabled() and panel.duplicate_exercise.isEnabled()
        assert not panel.edit_exercise.isEnabled()
        assert "duplicate" in panel.edit_exercise.toolTip()
        assert panel.own_note.isHidden()

        # New exercise… through the real dialog.
        monkeypatch.setattr(asks, "ask_exercise", _answer_with_dialog(seen, _fill))
        qtbot.mouseClick(panel.new_exercise, Qt.MouseButton.LeftButton)
        new_id = "my-roll-a-ball-under-your-foot"
        assert seen[-1] == (None, False)
        assert main.store.library().exercises[new_id].title == TITLE
        # At once: marked as own in the chooser and chosen there, in the picker of the
        # Add dialog, and editable.
        assert panel.chosen() == new_id
        assert _titles(panel.exercises)[new_id] == TITLE + OWN_MARK
        assert _titles(panel.exercises)["foot-massage"] == "Rub your feet gently"
        assert panel.edit_exercise.isEnabled()
        from planner.gui.homecare.dialogs import HomeCareDialog

        picker = HomeCareDialog(document.library)
        qtbot.addWidget(picker)
        assert _titles(picker.exercise)[new_id] == TITLE + OWN_MARK
        # Like an own technique, an own exercise is a library entry, not an edit of the
        # session: the undo stack and the saved state are untouched.
        assert document.undo_stack.count() == undo_entries
        assert not document.modified

        # In the proposal: an own technique that suggests it, used in a step.
        def technique(parent, library, start, *, editing):
            from planner.gui.library.technique_dialog import TechniqueDialog

            dialog = TechniqueDialog("New technique", library, parent)
            dialog.name.setText("Ball rolling")
            items = dialog.exercises
            rows = [r for r in range(items.count()) if items.item(r).text() == TITLE + OWN_MARK]
            assert len(rows) == 1
            items.item(rows[0]).setCheckState(Qt.CheckState.Checked)
            value = dialog.value()
            dialog.deleteLater()
            return value

        monkeypatch.setattr(asks, "ask_technique", technique)
        main.files.edit_technique(None, False)
        technique_id = "my-ball-rolling"
        assert document.library.techniques[technique_id].exercises == (new_id,)
        document.push(c.InsertStep(document, 0, Step(technique_id, "foot", "both", 5, "light")))
        assert document.plan.home_care is None
        assert new_id in [item.exercise for item in document.routine()]
        model = panel.model
        row = [item.exercise for item in document.routine()].index(new_id)
        assert model.data(model.index(row, 0)) == TITLE + OWN_MARK

        # Edit… (the routine's row chooses the exercise): the table shows the new title.
        panel.table.selectRow(row)
        assert panel.chosen() == new_id

        def retitle(dialog: ExerciseDialog) -> None:
            dialog.title.setText("Roll a frozen bottle under your foot")
            dialog.minutes.setValue(4)

        monkeypatch.setattr(asks, "ask_exercise", _answer_with_dialog(seen, retitle))
        qtbot.mouseClick(panel.edit_exercise, Qt.MouseButton.LeftButton)
        assert seen[-1] == (new_id, True)
        edited = main.store.library().exercises[new_id]
        assert (edited.title, edited.minutes) == ("Roll a frozen bottle under your foot", 4)
        row = [item.exercise for item in document.routine()].index(new_id)
        assert model.data(model.index(row, 0)) == edited.title + OWN_MARK
        assert document.routine()[row].minutes == 4

        # Duplicate… a built-in one: a new exercise of the user's own.
        panel.choose("toe-alphabet")
        monkeypatch.setattr(asks, "ask_exercise", _answer_with_dialog(seen, lambda d: None))
        qtbot.mouseClick(panel.duplicate_exercise, Qt.MouseButton.LeftButton)
        assert seen[-1] == ("toe-alphabet", False)
        copy_id = panel.chosen()
        assert copy_id != "toe-alphabet" and copy_id.startswith("my-")
        builtin = builtin_library().exercises["toe-alphabet"]
        copy = main.store.library().exercises[copy_id]
        assert copy.steps == builtin.steps and copy.title == builtin.title + " (my version)"

        # Into the session's own routine, then saved with a client.
        monkeypatch.setattr(
            asks, "ask_home_care_item", lambda parent, library: HomeCareItem(copy_id, 4)
        )
        qtbot.mouseClick(panel.add, Qt.MouseButton.LeftButton)
        assert document.plan.home_care is not None
        assert [item.exercise for item in document.plan.home_care][-1] == copy_id

    # A restart: a new window on the same store folder has them, still marked and editable.
    with open_window(qtbot, store_folder, monkeypatch) as main:
        library = main.document.library
        assert library.exercises[new_id].title == "Roll a frozen bottle under your foot"
        assert library.is_custom_exercise(new_id) and library.is_custom_exercise(copy_id)
        panel = _home_care(main, qtbot)
        titles = _titles(panel.exercises)
        assert titles[new_id] == "Roll a frozen bottle under your foot" + OWN_MARK
        assert titles[copy_id] == builtin.title + " (my version)" + OWN_MARK
        panel.choose(new_id)
        assert panel.edit_exercise.isEnabled()
        assert library.techniques[technique_id].exercises == (new_id,)


def test_a_refused_save_says_why_and_changes_nothing(window, qtbot, monkeypatch):
    main = window
    panel = _home_care(main, qtbot)
    before = main.document.library
    monkeypatch.setattr(asks, "ask_exercise", _answer_with_dialog([], _fill))
    from planner.storage import StoreError

    def refuse(exercise):
        raise StoreError("The disk is full.")

    monkeypatch.setattr(main.store, "save_exercise", refuse)
    errors: list[str] = []
    monkeypatch.setattr(asks, "show_error", lambda parent, title, text: errors.append(text))
    assert panel.edit_own(None, editing=False) is None
    assert errors == ["The disk is full."]
    assert main.document.library is before
    assert panel.chosen() in before.exercises and not before.is_custom_exercise(panel.chosen())


def test_read_only_window_cannot_make_own_exercises_and_says_why(
    window, qtbot, store_folder, monkeypatch
):
    from planner.gui.window.app import build_window, open_store

    opened = open_store(store_folder)
    assert opened is not None
    store, reason = opened
    try:
        assert store.read_only
        second = build_window(store, reason)
        qtbot.addWidget(second)
        second.show()
        panel = _home_care(second, qtbot)
        for button in (panel.new_exercise, panel.edit_exercise, panel.duplicate_exercise):
            assert not button.isEnabled()
            assert button.toolTip() == READ_ONLY
        assert panel.own_note.isVisible() and panel.own_note.text() == READ_ONLY
        # Asked directly (e.g. a shortcut), it still refuses without a dialog.
        assert panel.edit_own(None, editing=False) is None
        second.close()
    finally:
        store.close()


def test_home_care_tab_alt_letters_clash_with_nothing_on_screen(window, qtbot):
    main = window
    _home_care(main, qtbot)

    keys = window_mnemonics(main)
    assert "x" in keys  # Add e&xercise…
    assert clashes(keys) == []
