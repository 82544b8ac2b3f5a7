"""Edits of a session plan: each one works, can be undone, and refuses bad input."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from planner.core.plan import (
    AvoidedArea,
    Client,
    HomeCareItem,
    PlanError,
    SessionPlan,
    Step,
    SymptomArea,
    Therapist,
)

HEEL = AvoidedArea("heel", "left", "open-wound", "blister")
NUMB = SymptomArea("sole", "both", "numbness", 6)
ALPHABET = HomeCareItem("toe-alphabet", 5, 2)


@pytest.fixture
def plan() -> SessionPlan:
    return SessionPlan(
        title="Week 1",
        date=datetime.date(2026, 11, 21),
        length_minutes=60,
        therapist=Therapist("Sam", "Northside"),
        client=Client("Alex", ("neuropathy",), "Feet first."),
        avoid=[HEEL],
        symptoms=[NUMB],
        steps=[
            Step("effleurage", "foot", "both", 5, "light"),
            Step("toe-work", "toes", "right", 10, "light", "slowly"),
            Step("petrissage", "calf", "left", 7.5, "moderate"),
        ],
        home_care=[ALPHABET, HomeCareItem("foot-massage", 15)],
    )


def test_figures(plan: SessionPlan) -> None:
    assert plan.total_minutes == 22.5
    assert plan.planned_minutes == 60
    assert plan.running_minutes() == [5, 15, 22.5]
    plan.length_minutes = None
    assert plan.planned_minutes == 22.5


def test_copy_is_independent(plan: SessionPlan) -> None:
    copy = plan.copy()
    copy.steps.pop()
    copy.avoid.clear()
    copy.home_care.clear()
    assert len(plan.steps) == 3 and plan.avoid and plan.home_care


# Each edit with its inverse: (edit, undo(plan, returned)).
NEW_STEP = Step("vibration", "sole", "left", 3, "light")
EDITS: list[tuple[str, Callable[[SessionPlan], Any], Callable[[SessionPlan, Any], Any]]] = [
    ("insert_step", lambda p: p.insert_step(1, NEW_STEP), lambda p, i: p.remove_step(i)),
    ("add_step", lambda p: p.add_step(NEW_STEP), lambda p, i: p.remove_step(i)),
    ("remove_step", lambda p: p.remove_step(1), lambda p, s: p.insert_step(1, s)),
    ("move_step down", lambda p: p.move_step(0, 2), lambda p, _: p.move_step(2, 0)),
    ("move_step up", lambda p: p.move_step(2, 1), lambda p, _: p.move_step(1, 2)),
    (
        "update_step",
        lambda p: p.update_step(1, minutes=12, pressure="moderate", side="both"),
        lambda p, old: p.replace_step(1, old),
    ),
    ("replace_step", lambda p: p.replace_step(0, NEW_STEP), lambda p, old: p.replace_step(0, old)),
    (
        "avoid_area",
        lambda p: p.avoid_area(AvoidedArea("calf", "right", "bruise")),
        lambda p, i: p.remove_avoided(i),
    ),
    (
        "insert_avoided",
        lambda p: p.insert_avoided(0, AvoidedArea("neck", "midline", "client-request")),
        lambda p, i: p.remove_avoided(i),
    ),
    ("remove_avoided", lambda p: p.remove_avoided(0), lambda p, a: p.insert_avoided(0, a)),
    (
        "stop_avoiding",
        lambda p: p.stop_avoiding("heel", "left"),
        lambda p, found: p.insert_avoided(*found),
    ),
    (
        "replace_avoided",
        lambda p: p.replace_avoided(0, AvoidedArea("heel", "left", "bruise")),
        lambda p, old: p.replace_avoided(0, old),
    ),
    (
        "mark_symptom",
        lambda p: p.mark_symptom(SymptomArea("toes", "left", "burning")),
        lambda p, i: p.remove_symptom(i),
    ),
    (
        "insert_symptom",
        lambda p: p.insert_symptom(0, SymptomArea("sole", "both", "tingling", None)),
        lambda p, i: p.remove_symptom(i),
    ),
    ("remove_symptom", lambda p: p.remove_symptom(0), lambda p, s: p.insert_symptom(0, s)),
    (
        "replace_symptom",
        lambda p: p.replace_symptom(0, SymptomArea("sole", "both", "numbness", 9)),
        lambda p, old: p.replace_symptom(0, old),
    ),
    (
        "set_details",
        lambda p: p.set_details(
            title="Week 2",
            date=datetime.date(2027, 1, 2),
            length_minutes=None,
            therapist=Therapist("Kim", ""),
            client=Client("Bo", ("diabetes",)),
        ),
        lambda p, old: p.set_details(**old),
    ),
    (
        "set_conditions",
        lambda p: p.set_conditions(("diabetes", "cancer")),
        lambda p, old: p.set_conditions(old),
    ),
    ("set_home_care None", lambda p: p.set_home_care(None), lambda p, old: p.set_home_care(old)),
    ("set_home_care []", lambda p: p.set_home_care([]), lambda p, old: p.set_home_care(old)),
    (
        "insert_home_care",
        lambda p: p.insert_home_care(1, HomeCareItem("ball-roll", 5)),
        lambda p, i: p.remove_home_care(i),
    ),
    ("remove_home_care", lambda p: p.remove_home_care(0), lambda p, h: p.insert_home_care(0, h)),
    ("move_home_care", lambda p: p.move_home_care(0, 1), lambda p, _: p.move_home_care(1, 0)),
    (
        "replace_home_care",
        lambda p: p.replace_home_care(1, HomeCareItem("foot-massage", 20, note="both feet")),
        lambda p, old: p.replace_home_care(1, old),
    ),
]


@pytest.mark.parametrize(("edit", "undo"), [pytest.param(e, u, id=n) for n, e, u in EDITS])
def test_edit_changes_the_plan_and_its_inverse_restores_it(
    plan: SessionPlan,
    edit: Callable[[SessionPlan], Any],
    undo: Callable[[SessionPlan, Any], Any],
) -> None:
    before = plan.copy()
    result = edit(plan)
    assert plan != before
    undo(plan, result)
    assert plan == before


def test_edits_do_what_they_say(plan: SessionPlan) -> None:
    plan.move_step(0, 2)
    assert [s.technique for s in plan.steps] == ["toe-work", "petrissage", "effleurage"]
    old = plan.update_step(1, minutes=4, notes="gently")
    assert old.minutes == 7.5
    assert plan.steps[1] == Step("petrissage", "calf", "left", 4, "moderate", "gently")
    assert plan.stop_avoiding("heel", "left") == (0, HEEL)
    assert plan.avoid == []
    assert plan.set_conditions(("cancer",)) == ("neuropathy",)
    assert plan.client == Client("Alex", ("cancer",), "Feet first.")


def test_insert_home_care_into_a_proposed_routine_makes_it_explicit() -> None:
    plan = SessionPlan()
    assert plan.insert_home_care(0, ALPHABET) == 0
    assert plan.home_care == [ALPHABET]


def _step(**changes: Any) -> Step:
    values: dict[str, Any] = dict(
        technique="effleurage", region="foot", side="both", minutes=5, pressure="light"
    )
    values.update(changes)
    return Step(**values)


BAD_STEPS = [
    (_step(region="tail"), "'tail' is not a known body region"),
    (_step(region=None), "not a known body region"),
    (_step(side="midline"), "'left', 'right' or 'both'"),
    (_step(side="sideways"), "'left', 'right' or 'both'"),
    (_step(region="neck", side="left"), "must be 'midline'"),
    (_step(minutes=0), "greater than 0"),
    (_step(minutes=-3), "greater than 0"),
    (_step(minutes=241), "at most 240"),
    (_step(minutes=float("nan")), "greater than 0"),
    (_step(minutes=float("inf")), "at most 240"),
    (_step(minutes=True), "must be a number"),
    (_step(minutes="5"), "must be a number"),
    (_step(pressure="crushing"), "'crushing' is not a pressure"),
    (_step(technique=""), "needs a technique"),
    (_step(notes=None), "notes must be text"),
]


@pytest.mark.parametrize(("step", "words"), BAD_STEPS)
def test_bad_steps_are_refused(plan: SessionPlan, step: Step, words: str) -> None:
    before = plan.copy()
    for edit in (
        lambda: plan.add_step(step),
        lambda: plan.insert_step(0, step),
        lambda: plan.replace_step(0, step),
    ):
        with pytest.raises(PlanError, match=words):
            edit()
    assert plan == before


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        (dict(minutes=0), "greater than 0"),
        (dict(minutes=240.5), "at most 240"),
        (dict(side="midline"), "'left', 'right' or 'both'"),
        (dict(region="neck"), "must be 'midline'"),
        (dict(pressure="heavy"), "not a pressure"),
        (dict(colour="red"), "no field colour"),
    ],
)
def test_bad_step_updates_are_refused(
    plan: SessionPlan, changes: dict[str, Any], words: str
) -> None:
    before = plan.copy()
    with pytest.raises(PlanError, match=words):
        plan.update_step(0, **changes)
    assert plan == before


def test_minutes_at_the_limits_are_fine(plan: SessionPlan) -> None:
    plan.update_step(0, minutes=240)
    plan.update_step(1, minutes=0.5)
    assert [s.minutes for s in plan.steps[:2]] == [240, 0.5]


@pytest.mark.parametrize("index", [-1, 3, 99, True, "0", None, 1.0])
def test_bad_step_index(plan: SessionPlan, index: Any) -> None:
    before = plan.copy()
    for edit in (
        lambda: plan.remove_step(index),
        lambda: plan.move_step(index, 0),
        lambda: plan.move_step(0, index),
        lambda: plan.update_step(index, minutes=3),
        lambda: plan.replace_step(index, NEW_STEP),
    ):
        with pytest.raises(PlanError, match="there is no step"):
            edit()
    assert plan == before


@pytest.mark.parametrize("index", [-1, 4, True])
def test_bad_insert_index(plan: SessionPlan, index: Any) -> None:
    with pytest.raises(PlanError, match="there is no step"):
        plan.insert_step(index, NEW_STEP)


@pytest.mark.parametrize(
    ("area", "words"),
    [
        (AvoidedArea("heel", "left", "bruise"), "the client's left heel is already avoided"),
        (AvoidedArea("paw", "left", "bruise"), "'paw' is not a known body region"),
        (AvoidedArea("heel", "midline", "bruise"), "'left', 'right' or 'both'"),
        (AvoidedArea("heel", "right", "tired"), "'tired' is not a known reason"),
        (AvoidedArea("heel", "right", "other", None), "note must be text"),  # type: ignore[arg-type]
    ],
)
def test_bad_avoided_areas(plan: SessionPlan, area: AvoidedArea, words: str) -> None:
    before = plan.copy()
    with pytest.raises(PlanError, match=words):
        plan.avoid_area(area)
    assert plan == before


def test_duplicate_avoided_area_reads_well() -> None:
    plan = SessionPlan(avoid=[AvoidedArea("foot", "both", "bruise")])
    with pytest.raises(PlanError, match="^both feet is already avoided$"):
        plan.avoid_area(AvoidedArea("foot", "both", "fracture"))
    with pytest.raises(PlanError, match="^the client's left foot is not avoided$"):
        plan.stop_avoiding("foot", "left")
    plan.stop_avoiding("foot", "both")
    with pytest.raises(PlanError, match="^both feet is not avoided$"):
        plan.stop_avoiding("foot", "both")


def test_replace_avoided_keeps_areas_unique(plan: SessionPlan) -> None:
    plan.avoid_area(AvoidedArea("calf", "right", "bruise"))
    with pytest.raises(PlanError, match="already avoided"):
        plan.replace_avoided(1, AvoidedArea("heel", "left", "bruise"))
    # Changing only the reason of the same area is fine.
    plan.replace_avoided(0, AvoidedArea("heel", "left", "fracture"))


def test_stop_avoiding_an_area_that_is_not_avoided(plan: SessionPlan) -> None:
    with pytest.raises(PlanError, match="the client's right heel is not avoided"):
        plan.stop_avoiding("heel", "right")


@pytest.mark.parametrize("index", [-1, 1, True])
def test_bad_avoided_index(plan: SessionPlan, index: Any) -> None:
    with pytest.raises(PlanError, match="there is no avoided area"):
        plan.remove_avoided(index)
    with pytest.raises(PlanError, match="there is no avoided area"):
        plan.replace_avoided(index, AvoidedArea("calf", "right", "bruise"))


@pytest.mark.parametrize(
    ("symptom", "words"),
    [
        (SymptomArea("sole", "both", "numbness", 3), "numbness in both soles is already marked"),
        (SymptomArea("sole", "left", "itching"), "'itching' is not a known kind"),
        (SymptomArea("sole", "left", "burning", 11), "whole number from 0 to 10"),
        (SymptomArea("sole", "left", "burning", -1), "whole number from 0 to 10"),
        (SymptomArea("sole", "left", "burning", 5.5), "whole number from 0 to 10"),  # type: ignore[arg-type]
        (SymptomArea("sole", "left", "burning", True), "whole number from 0 to 10"),
        (SymptomArea("sole", "middle", "burning"), "'left', 'right' or 'both'"),
        (SymptomArea("nose", "midline", "burning"), "'nose' is not a known body region"),
    ],
)
def test_bad_symptoms(plan: SessionPlan, symptom: SymptomArea, words: str) -> None:
    before = plan.copy()
    with pytest.raises(PlanError, match=words):
        plan.mark_symptom(symptom)
    assert plan == before


def test_symptom_intensity_bounds_are_fine(plan: SessionPlan) -> None:
    plan.mark_symptom(SymptomArea("toes", "left", "burning", 0))
    plan.mark_symptom(SymptomArea("toes", "right", "burning", 10))
    plan.mark_symptom(SymptomArea("toes", "both", "tingling", None))
    assert len(plan.symptoms) == 4


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        (dict(title=None), "title must be text"),
        (dict(date="2026-11-21"), "calendar date"),
        (dict(length_minutes=0), "greater than 0"),
        (dict(length_minutes=-10), "greater than 0"),
        (dict(length_minutes=1441), "at most 1440"),
        (dict(length_minutes=float("nan")), "greater than 0"),
        (dict(length_minutes=False), "must be a number"),
        (dict(therapist="Sam"), "must be a Therapist"),
        (dict(therapist=Therapist(None, "")), "therapist's name must be text"),  # type: ignore[arg-type]
        (dict(client=Client("Alex", ("gout",))), "'gout' is not a known condition"),
        (dict(client=Client(5, ())), "client's name must be text"),  # type: ignore[arg-type]
        (dict(client="Alex"), "must be a Client"),
        (dict(steps=[]), "cannot change steps"),
    ],
)
def test_bad_details(plan: SessionPlan, changes: dict[str, Any], words: str) -> None:
    before = plan.copy()
    with pytest.raises(PlanError, match=words):
        plan.set_details(**changes)
    assert plan == before


@pytest.mark.parametrize(
    ("conditions", "words"),
    [
        (("gout",), "'gout' is not a known condition"),
        (("diabetes", "diabetes"), "listed twice"),
        (("Diabetes",), "not a known condition"),
    ],
)
def test_bad_conditions(plan: SessionPlan, conditions: tuple[str, ...], words: str) -> None:
    with pytest.raises(PlanError, match=words):
        plan.set_conditions(conditions)
    assert plan.client.conditions == ("neuropathy",)


@pytest.mark.parametrize(
    ("item", "words"),
    [
        (HomeCareItem("", 5), "needs an exercise"),
        (HomeCareItem("ball-roll", 0), "greater than 0"),
        (HomeCareItem("ball-roll", 241), "at most 240"),
        (HomeCareItem("ball-roll", 5, 0), "times a day must be a whole number from 1 to 6"),
        (HomeCareItem("ball-roll", 5, 1, 8), "days a week must be a whole number from 1 to 7"),
        (HomeCareItem("ball-roll", 5, 1.5), "times a day must be"),  # type: ignore[arg-type]
        (HomeCareItem("ball-roll", 5, note=3), "note must be text"),  # type: ignore[arg-type]
    ],
)
def test_bad_home_care(plan: SessionPlan, item: HomeCareItem, words: str) -> None:
    before = plan.copy()
    for edit in (
        lambda: plan.insert_home_care(0, item),
        lambda: plan.replace_home_care(0, item),
        lambda: plan.set_home_care([ALPHABET, item]),
    ):
        with pytest.raises(PlanError, match=words):
            edit()
    assert plan == before


def test_home_care_edits_on_a_proposed_routine_are_refused() -> None:
    plan = SessionPlan()
    with pytest.raises(PlanError, match="there is no home-care exercise"):
        plan.remove_home_care(0)
    with pytest.raises(PlanError, match="there is no home-care exercise"):
        plan.move_home_care(0, 0)
    with pytest.raises(PlanError, match="there is no home-care exercise"):
        plan.replace_home_care(0, ALPHABET)
    assert plan.home_care is None
