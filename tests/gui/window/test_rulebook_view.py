"""The rulebook in the window: Help > Safety rulebook, home-care findings that lead to
their row, and the property check boxes of the own technique and exercise dialogs."""

from __future__ import annotations

from planner.core.library import Exercise, Technique, builtin_library
from planner.core.plan import AvoidedArea, Client, HomeCareItem, SessionPlan, Step
from planner.core.properties import EXERCISE_PROPERTIES, TECHNIQUE_PROPERTIES
from planner.core.rules import RULEBOOK
from planner.core.rules.redflags import RED_FLAGS
from planner.gui.common.roles import Role
from planner.gui.homecare.exercise_dialog import ExerciseDialog
from planner.gui.library.technique_dialog import TechniqueDialog
from planner.gui.window.rulebook_dialog import RulebookDialog


def test_help_menu_opens_the_rulebook(window, qtbot, monkeypatch) -> None:
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    assert list(menus)[-1] == "Help"
    assert [a.text() for a in menus["Help"].actions()][0] == "Safety &rulebook…"
    shown: list[RulebookDialog] = []
    monkeypatch.setattr(RulebookDialog, "exec", lambda self: shown.append(self) or 0)
    assert window.rulebook_action.shortcut().toString() == "F1"
    window.rulebook_action.trigger()
    (dialog,) = shown
    text = dialog.text.toPlainText()
    for rule in RULEBOOK:
        assert rule.id in text and rule.checks in text
    for flag in RED_FLAGS:
        assert flag.sign in text
    assert text.index("Contraindicated") < text.index("Caution") < text.index("Note")
    assert "Call the emergency number now (911, 999 or 112)." in text


def _plan_with_a_bad_soak() -> SessionPlan:
    return SessionPlan(
        title="Feet",
        client=Client("Alex", ("diabetes",)),
        avoid=[AvoidedArea("heel", "left", "open-wound")],
        steps=[Step("effleurage", "hand", "both", 5, "light")],
        home_care=[HomeCareItem("toe-alphabet", 4), HomeCareItem("marble-bath", 10)],
    )


def test_a_home_care_finding_selects_its_row(window, qtbot) -> None:
    window.document.load(_plan_with_a_bad_soak())
    findings = window.findings
    model = findings.model
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    soak = next(i for i in rows if i.data(Role.ID) == "soak-over-wound")
    assert soak.data(Role.STEP) == -1
    assert "Home care 2" in soak.data(0x03)  # the tool tip says where
    findings.list.setCurrentIndex(soak)
    panel = window.home_care
    qtbot.waitUntil(lambda: panel.table.currentIndex().row() == 1)
    assert panel.table.selectionModel().isRowSelected(1)
    assert not window.home_care_dock.visibleRegion().isEmpty()
    # A plan-wide finding leaves the home-care selection alone.
    diabetes = next(i for i in rows if i.data(Role.ID) == "diabetes")
    findings.list.setCurrentIndex(diabetes)
    assert panel.table.currentIndex().row() == 1


def test_technique_dialog_has_every_property(qtbot) -> None:
    dialog = TechniqueDialog("New technique", builtin_library())
    qtbot.addWidget(dialog)
    assert list(dialog.properties) == list(TECHNIQUE_PROPERTIES)
    stones = Technique(
        "my-stones", "Hot stones", "other", "", "light", 5, False, ("calf",), heat=True,
        deep_static=True,
    )  # fmt: skip
    dialog.show_technique(stones, keep_id=True)
    checked = {name for name, box in dialog.properties.items() if box.isChecked()}
    assert checked == {"heat", "deep_static"}
    dialog.properties["skin_pull"].setChecked(True)
    dialog.properties["heat"].setChecked(False)
    assert dialog.value().properties == {"skin_pull", "deep_static"}
    texts = [box.text() for box in dialog.properties.values()]
    assert all(text.count("&") == 1 for text in texts), texts


def test_exercise_dialog_has_every_property(qtbot) -> None:
    dialog = ExerciseDialog("New exercise", builtin_library())
    qtbot.addWidget(dialog)
    assert list(dialog.properties) == list(EXERCISE_PROPERTIES)
    walk = Exercise("my-walk", "Walk barefoot", ("Walk on the grass.",), 5, barefoot=True)
    dialog.show_exercise(walk, keep_id=True)
    dialog.properties["standing"].setChecked(True)
    value = dialog.value()
    assert value.properties == {"barefoot", "standing"}
    assert dialog.exercise_json()["standing"] is True
    texts = [box.text() for box in dialog.properties.values()]
    assert all(text.count("&") == 1 for text in texts), texts


def test_home_care_rows_show_their_findings(window, qtbot) -> None:
    from planner.gui.common import commands as c

    window.document.load(_plan_with_a_bad_soak())
    model = window.home_care.model
    soak = model.index(1, 0)
    assert soak.data(Role.SEVERITY) == "contraindicated"
    assert "soaking softens healing skin" in soak.data(0x03)
    assert model.index(0, 0).data(Role.SEVERITY) == ""
    # The wound healed: the row's circle changes although the row itself did not.
    changes: list[int] = []
    model.dataChanged.connect(lambda first, last, *_: changes.append(first.row()))
    window.document.push(c.RemoveAvoided(window.document, 0))
    assert soak.data(Role.SEVERITY) == "caution"  # still a soak for a diabetic client
    assert changes
