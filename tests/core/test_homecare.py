"""The home-care proposal: a routine a client can keep, most useful first, never repeated."""

from __future__ import annotations

import pytest

from planner.core.homecare import (
    DEFAULT_DAILY_MINUTES,
    MAX_EXERCISES,
    daily_minutes,
    effective_routine,
    leave_out_sentence,
    propose_routine,
)
from planner.core.library import Exercise, Technique, builtin_library
from planner.core.plan import AvoidedArea, Client, HomeCareItem, SessionPlan, Step, SymptomArea


def make_plan(
    *steps: tuple[str, str, str],
    conditions: tuple[str, ...] = (),
    avoid: tuple[tuple[str, str], ...] = (),
) -> SessionPlan:
    return SessionPlan(
        client=Client("Alex", conditions),
        steps=[Step(technique, region, side, 5, "light") for technique, region, side in steps],
        avoid=[AvoidedArea(region, side, "open-wound") for region, side in avoid],
    )


def ids(plan: SessionPlan, budget: float | None = None) -> list[str]:
    routine = propose_routine(plan, daily_minutes=budget)
    result = [item.exercise for item in routine]
    assert len(result) == len(set(result)), "an exercise is proposed twice"
    return result


@pytest.mark.parametrize(
    ("steps", "conditions", "expected"),
    [
        ((), (), []),
        ((("effleurage", "foot", "both"),), (), ["foot-massage"]),
        ((("effleurage", "calf", "left"),), (), ["calf-massage"]),
        ((("effleurage", "hand", "right"),), (), ["hand-massage"]),
        ((("toe-work", "toes", "both"),), (), ["toe-squeeze", "between-toes"]),
        ((("deep-tissue", "upper-back", "midline"),), (), []),
        ((("gentle-stroking", "hand", "both"),), ("neuropathy",),
         ["foot-check", "finger-stroke", "hand-massage"]),
    ],
)  # fmt: skip
def test_proposal(
    steps: tuple[tuple[str, str, str], ...], conditions: tuple[str, ...], expected: list[str]
) -> None:
    assert ids(make_plan(*steps, conditions=conditions)) == expected


@pytest.mark.parametrize("condition", ["neuropathy", "diabetes", "severe-sensory-loss"])
def test_every_client_with_feet_at_risk_checks_them_first(condition: str) -> None:
    assert ids(make_plan(("effleurage", "upper-back", "midline"), conditions=(condition,))) == [
        "foot-check"
    ]
    assert ids(make_plan(("effleurage", "foot", "both"), conditions=(condition,)))[0] == (
        "foot-check"
    )
    # A near miss: fragile bones alone put no feet at risk.
    assert "foot-check" not in ids(make_plan(conditions=("osteoporosis",)))


def test_a_neuropathy_foot_session_gets_at_most_five_within_thirty_minutes() -> None:
    plan = make_plan(
        ("effleurage", "foot", "both"),
        ("petrissage", "calf", "both"),
        ("thumb-pressure", "sole", "both"),
        ("toe-work", "toes", "both"),
        ("range-of-motion", "ankle", "both"),
        conditions=("neuropathy",),
    )
    routine = propose_routine(plan)
    assert len(routine) == MAX_EXERCISES
    assert daily_minutes(routine) <= DEFAULT_DAILY_MINUTES
    assert routine[0].exercise == "foot-check"


def test_the_therapists_budget_is_kept() -> None:
    plan = make_plan(("effleurage", "foot", "both"), ("effleurage", "hand", "both"),
                     conditions=("neuropathy",))  # fmt: skip
    for budget in (2, 5, 10, 12, 30, 60):
        routine = propose_routine(plan, daily_minutes=budget)
        assert daily_minutes(routine) <= budget
    assert ids(plan, 2) == ["foot-check"]
    assert ids(plan, 1) == []


def test_most_useful_first_follows_the_symptoms() -> None:
    plan = make_plan(("effleurage", "foot", "both"), ("effleurage", "hand", "both"),
                     conditions=("neuropathy",))  # fmt: skip
    plan.symptoms = [SymptomArea("fingers", "both", "tingling", 8)]
    first = ids(plan)
    assert first[:2] == ["foot-check", "finger-stroke"]
    plan.symptoms = [SymptomArea("calf", "both", "burning", 8)]
    assert ids(plan)[1] == "calf-massage"


def test_no_soak_for_a_diabetic_client_unless_the_therapist_adds_it() -> None:
    soles = make_plan(("circular-friction", "sole", "both"))
    assert "marble-bath" in ids(soles)
    soles.client = Client("Alex", ("diabetes",))
    assert "marble-bath" not in ids(soles)
    soles.home_care = [HomeCareItem("marble-bath", 5)]
    assert [item.exercise for item in effective_routine(soles)] == ["marble-bath"]


def test_items_take_the_exercise_defaults() -> None:
    library = builtin_library()
    routine = propose_routine(make_plan(("effleurage", "foot", "both")))
    exercise = library.exercise("foot-massage")
    assert routine == [
        HomeCareItem("foot-massage", exercise.minutes, exercise.times_a_day, exercise.days_a_week)
    ]


@pytest.mark.parametrize(
    "avoid",
    [
        (("foot", "both"),),
        (("foot", "left"), ("foot", "right")),
        (("leg", "left"), ("foot", "right")),
    ],
)
def test_exercise_left_out_when_its_whole_area_is_avoided(
    avoid: tuple[tuple[str, str], ...],
) -> None:
    plan = make_plan(("effleurage", "calf", "both"), ("effleurage", "foot", "left"), avoid=avoid)
    plan.client = Client("Alex", ("neuropathy",))
    proposed = ids(plan, 60)
    # Everything done only on the feet is gone; the calves are fine unless a whole leg is
    # avoided (rubbing both calves would press on the avoided one).
    for foot_only in ("foot-massage", "toe-squeeze", "between-toes", "floor-foot-rub"):
        assert foot_only not in proposed
    assert ("calf-massage" in proposed) is (avoid[0][0] != "leg")


def test_leave_out_names_each_avoided_part() -> None:
    plan = make_plan(avoid=(("toes", "right"), ("heel", "left")))
    assert leave_out_sentence(plan, ("foot",)) == "Leave out your right toes and your left heel."
    assert leave_out_sentence(plan, ("toes",)) == "Leave out your right toes."
    assert leave_out_sentence(plan, ("calf",)) == ""
    plan = make_plan(avoid=(("sole", "both"),))
    assert leave_out_sentence(plan, ("sole", "toes")) == "Leave out both your soles."


def test_explicit_routine_is_used_exactly() -> None:
    plan = make_plan(("effleurage", "foot", "both"), conditions=("neuropathy",))
    plan.home_care = []
    assert effective_routine(plan) == []
    own = [HomeCareItem("marble-bath", 12, note="lukewarm")]
    plan.home_care = own
    assert effective_routine(plan) == own
    assert effective_routine(plan) is not own  # the caller may not change the plan through it
    plan.home_care = None
    assert effective_routine(plan) == propose_routine(plan)


def test_custom_technique_and_exercise() -> None:
    stretch = Exercise("my-towel-stretch", "Towel stretch", ("Sit.", "Pull.", "Hold."), 3)
    technique = Technique(
        "my-foot-opener", "Foot opener", "movement", "", "light", 5, False, ("foot",),
        ("my-towel-stretch", "toe-alphabet"),
    )  # fmt: skip
    plan = make_plan(("my-foot-opener", "foot", "left"))
    plan.custom_techniques = (technique,)
    plan.custom_exercises = (stretch,)
    # Equally useful: the library's order (built-in first, then the user's own).
    assert ids(plan) == ["toe-alphabet", "my-towel-stretch"]


def test_pressing_exercises_leave_a_foot_with_an_avoided_heel_alone() -> None:
    # The rulebook: a client cannot be trusted to work around a spot, so anything that
    # presses or rubs the foot is left out; what does not touch the heel stays.
    plan = make_plan(
        ("effleurage", "foot", "both"), conditions=("neuropathy",), avoid=(("heel", "left"),)
    )
    proposed = ids(plan, 60)
    assert "foot-massage" not in proposed and "floor-foot-rub" not in proposed
    assert proposed[0] == "foot-check" and "toe-alphabet" in proposed


def test_an_avoided_ankle_is_left_out_inside_the_alphabet_steps() -> None:
    from planner.core.sheet_text import client_steps

    plan = make_plan(
        ("effleurage", "foot", "both"), conditions=("neuropathy",), avoid=(("ankle", "left"),)
    )
    assert "toe-alphabet" in ids(plan, 60)
    steps = client_steps(plan, builtin_library().exercise("toe-alphabet"))
    assert [s for s in steps if s.endswith("Leave out your left ankle.")] == [steps[1], steps[2]]


def test_a_proposal_is_never_contraindicated() -> None:
    from planner.core.safety import check_plan

    plan = make_plan(
        ("effleurage", "foot", "both"), ("effleurage", "hand", "both"),
        conditions=("neuropathy", "diabetes"), avoid=(("toes", "left"), ("palm", "right")),
    )  # fmt: skip
    assert propose_routine(plan)
    assert not [f for f in check_plan(plan) if f.home_care is not None and
                f.severity == "contraindicated"]  # fmt: skip
