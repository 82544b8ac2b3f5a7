"""The Qt models: checked by qtmodeltester, and their edits become undo commands."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner.core.library import builtin_library
from planner.core.plan import AvoidedArea, SessionPlan, Step, SymptomArea
from planner.gui.client.models import AvoidedModel, SymptomsModel
from planner.gui.client.sessions import SessionsModel
from planner.gui.common import commands as c
from planner.gui.common.document import SessionDocument
from planner.gui.common.roles import Role
from planner.gui.homecare.model import HomeCareModel
from planner.gui.library.model import LibraryModel
from planner.gui.session.steps_model import StepsModel
from planner.gui.window.findings_panel import FindingsModel
from planner.storage.records import SessionSummary


def _document() -> SessionDocument:
    plan = SessionPlan(title="Feet", length_minutes=30)
    plan.set_conditions(("neuropathy", "diabetes"))
    plan.add_step(Step("effleurage", "foot", "both", 5, "light"))
    plan.add_step(Step("effleurage", "calf", "left", 5, "moderate"))
    plan.avoid_area(AvoidedArea("heel", "left", "open-wound", "blister"))
    plan.mark_symptom(SymptomArea("sole", "both", "numbness", 6))
    return SessionDocument(builtin_library(), plan)


_MODELS = {
    "steps": StepsModel,
    "findings": FindingsModel,
    "avoided": AvoidedModel,
    "symptoms": SymptomsModel,
    "home care": HomeCareModel,
    "library": lambda document: LibraryModel(document.library),
    "sessions": lambda document: _sessions_model(),
}


def _sessions_model() -> SessionsModel:
    model = SessionsModel()
    model.set_rows(
        [
            SessionSummary("c1-a", "c1", "2026-03-09", "Week 2", "done", 45),
            SessionSummary("c1-b", "c1", "2026-03-02", "", "draft", 12.5),
        ]
    )
    return model


@pytest.mark.parametrize("name", list(_MODELS))
def test_every_model_passes_the_model_tester(qtbot, qtmodeltester, name) -> None:
    # One model per test: the tester keeps watching every model it was given.
    document = _document()
    model = _MODELS[name](document)
    qtmodeltester.check(model, force_py=True)
    # The tester watches the signals of edits that change values and rows.
    document.push(c.UpdateStep(document, 0, pressure="firm"))
    document.push(c.RemoveStep(document, 1))
    document.push(c.AvoidArea(document, AvoidedArea("neck", "midline", "bruise")))
    document.push(c.RemoveSymptom(document, 0))
    document.undo_stack.undo()
    if isinstance(model, LibraryModel):
        model.set_filter("stroke", family="stroking")
    if isinstance(model, SessionsModel):
        model.set_rows(model.rows[:1])
    qtmodeltester.check(model, force_py=True)


def test_editing_a_cell_is_one_undoable_command(qtbot) -> None:
    document = _document()
    model = StepsModel(document)
    index = model.index(0, StepsModel.PRESSURE)
    assert model.setData(index, "firm")
    assert document.plan.steps[0].pressure == "firm"
    assert model.data(index) == "Firm"
    document.undo_stack.undo()
    assert document.plan.steps[0].pressure == "light"
    assert model.data(index, Role.PRESSURE) == "light"


def test_changing_region_keeps_side_only_when_it_still_fits(qtbot) -> None:
    document = _document()
    model = StepsModel(document)
    assert model.setData(model.index(1, StepsModel.REGION), "shin")
    assert document.plan.steps[1].side == "left"
    assert model.setData(model.index(1, StepsModel.REGION), "neck")
    assert document.plan.steps[1].side == "midline"


def test_a_refused_edit_leaves_no_undo_entry(qtbot) -> None:
    document = _document()
    model = StepsModel(document)
    with qtbot.waitSignal(document.refused):
        assert not model.setData(model.index(0, StepsModel.MINUTES), 0)
    assert document.undo_stack.count() == 0


def test_first_home_care_edit_owns_the_proposal_in_one_undo_step(qtbot) -> None:
    document = _document()
    model = HomeCareModel(document)
    assert document.plan.home_care is None and model.rowCount() > 0
    proposal = document.routine()
    assert model.setData(model.index(0, 2), 3)
    assert document.plan.home_care is not None
    assert document.plan.home_care[0].times_a_day == 3
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.plan.home_care is None
    assert document.routine() == proposal


def test_library_filter_matches_every_word_family_and_pressure(qtbot) -> None:
    model = LibraryModel(builtin_library())
    everything = model.rowCount()
    model.set_filter("effl")
    assert [model.data(model.index(r, 0), Role.ID) for r in range(model.rowCount())] == [
        "effleurage"
    ]
    model.set_filter("", family="friction")
    assert 0 < model.rowCount() < everything
    assert all(
        model.data(model.index(r, 0), Role.FAMILY) == "friction" for r in range(model.rowCount())
    )
    model.set_filter("", pressure="light")
    assert all(
        model.data(model.index(r, 0), Role.PRESSURE) == "light" for r in range(model.rowCount())
    )
    model.set_filter("no such words at all")
    assert model.rowCount() == 0


def test_findings_point_at_their_step(qtbot) -> None:
    document = _document()
    document.push(c.InsertStep(document, 0, Step("effleurage", "heel", "left", 3, "light")))
    model = FindingsModel(document)
    rules = [model.data(model.index(r, 0), Role.ID) for r in range(model.rowCount())]
    assert "avoided-area" in rules
    row = rules.index("avoided-area")
    assert model.data(model.index(row, 0), Role.STEP) == 0
    assert model.data(model.index(row, 0), Role.SEVERITY) == "contraindicated"
    assert model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole) is not None
