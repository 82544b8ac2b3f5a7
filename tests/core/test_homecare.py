"""The home-care proposal: drawn from the steps and conditions, ordered, without repeats."""

from __future__ import annotations

import pytest

from planner.core.homecare import (
    NEUROPATHY_FOOT_ROUTINE,
    effective_routine,
    propose_routine,
)
from planner.core.library import Exercise, Technique, builtin_library
from planner.core.plan import AvoidedArea, Client, HomeCareItem, SessionPlan, Step

FOOT_ROUTINE = [
    "foot-massage",
    "toe-alphabet",
    "toe-squeeze",
    "between-toes",
    "calf-massage",
    "floor-foot-rub",
]


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


def ids(plan: SessionPlan) -> list[str]:
    routine = propose_routine(plan)
    result = [item.exercise for item in routine]
    assert len(result) == len(set(result)), "an exercise is proposed twice"
    return result


def test_neuropathy_foot_routine_is_in_the_order_it_is_done() -> None:
    assert list(NEUROPATHY_FOOT_ROUTINE) == FOOT_ROUTINE


@pytest.mark.parametrize(
    ("steps", "conditions", "expected"),
    [
        ((), (), []),
        ((), ("neuropathy",), []),
        ((("effleurage", "foot", "both"),), (), ["foot-massage"]),
        ((("effleurage", "calf", "left"),), (), ["calf-massage"]),
        ((("effleurage", "hand", "right"),), (), ["hand-massage"]),
        ((("toe-work", "toes", "both"),), (), ["toe-squeeze", "between-toes"]),
        ((("deep-tissue", "upper-back", "midline"),), ("neuropathy",), []),
        ((("effleurage", "foot", "both"),), ("neuropathy",), FOOT_ROUTINE),
        ((("thumb-pressure", "foot", "left"),), ("neuropathy",), [*FOOT_ROUTINE, "ball-roll"]),
        # The ball roll goes from the toes to the heel: it suits work on a heel.
        ((("thumb-pressure", "heel", "left"),), ("neuropathy",), [*FOOT_ROUTINE, "ball-roll"]),
        ((("effleurage", "leg", "right"),), ("neuropathy",), FOOT_ROUTINE),
        (
            (("circular-friction", "sole", "both"),),
            ("neuropathy",),
            [*FOOT_ROUTINE, "ball-roll", "marble-bath"],
        ),
        (
            (("gentle-stroking", "hand", "both"),),
            ("neuropathy",),
            ["hand-massage", "finger-stroke"],
        ),
        (
            (("reflexology", "palm", "left"), ("toe-work", "toes", "left")),
            ("neuropathy",),
            [*FOOT_ROUTINE, "hand-massage", "finger-stroke"],
        ),
    ],
)
def test_proposal(
    steps: tuple[tuple[str, str, str], ...], conditions: tuple[str, ...], expected: list[str]
) -> None:
    assert ids(make_plan(*steps, conditions=conditions)) == expected


def test_no_duplicates_from_many_steps() -> None:
    plan = make_plan(
        ("effleurage", "foot", "both"),
        ("petrissage", "foot", "left"),
        ("compression", "calf", "both"),
        ("thumb-pressure", "sole", "both"),
        ("effleurage", "foot", "right"),
        conditions=("neuropathy", "diabetes"),
    )
    assert ids(plan) == [*FOOT_ROUTINE, "ball-roll"]


def test_items_take_the_exercise_defaults() -> None:
    library = builtin_library()
    routine = propose_routine(make_plan(("effleurage", "foot", "both")))
    exercise = library.exercise("foot-massage")
    assert routine == [
        HomeCareItem("foot-massage", exercise.minutes, exercise.times_a_day, exercise.days_a_week)
    ]


@pytest.mark.parametrize(
    ("avoid", "calves"),
    [
        ((("foot", "both"),), True),
        ((("foot", "left"), ("foot", "right")), True),
        # The client would press on their own left calf: calf massage is out too.
        ((("leg", "left"), ("foot", "right")), False),
    ],
)
def test_exercise_left_out_when_its_whole_area_is_avoided(
    avoid: tuple[tuple[str, str], ...], calves: bool
) -> None:
    plan = make_plan(("effleurage", "calf", "both"), ("effleurage", "foot", "left"), avoid=avoid)
    plan.client = Client("Alex", ("neuropathy",))
    proposed = ids(plan)
    # Everything done only on the feet is gone.
    for foot_only in ("foot-massage", "toe-squeeze", "between-toes", "floor-foot-rub"):
        assert foot_only not in proposed
    assert ("calf-massage" in proposed) is calves


def test_pressing_exercises_leave_a_foot_with_an_avoided_heel_alone() -> None:
    # The client cannot be trusted to work around a spot: anything that presses or rubs the
    # foot is left out, what does not touch the heel stays.
    plan = make_plan(
        ("effleurage", "foot", "both"), conditions=("neuropathy",), avoid=(("heel", "left"),)
    )
    routine = {item.exercise: item.note for item in propose_routine(plan)}
    assert "foot-massage" not in routine and "floor-foot-rub" not in routine
    assert routine == {
        "toe-alphabet": "",
        "toe-squeeze": "",
        "between-toes": "",
        "calf-massage": "",
    }


def test_exercise_kept_with_a_note_when_one_side_is_avoided() -> None:
    plan = make_plan(
        ("effleurage", "foot", "both"), conditions=("neuropathy",), avoid=(("ankle", "left"),)
    )
    routine = {item.exercise: item.note for item in propose_routine(plan)}
    assert routine["toe-alphabet"] == "Leave out your left ankle."
    assert routine["toe-squeeze"] == ""


def test_note_names_both_skipped_sides() -> None:
    plan = make_plan(
        ("effleurage", "foot", "both"),
        conditions=("neuropathy",),
        avoid=(("ankle", "right"), ("toes", "left")),
    )
    routine = {item.exercise: item.note for item in propose_routine(plan)}
    assert routine["toe-alphabet"] == "Leave out your right ankle and your left toes."
    assert "toe-squeeze" not in routine  # it presses the avoided toes


def test_exercise_on_a_region_avoided_on_both_sides_is_left_out() -> None:
    # toe-alphabet moves ankles and toes: with both ankles avoided it works on an avoided
    # region, which the rules rule out, even though the toes are free.
    plan = make_plan(
        ("effleurage", "foot", "both"), conditions=("neuropathy",), avoid=(("ankle", "both"),)
    )
    routine = {item.exercise: item.note for item in propose_routine(plan)}
    assert "toe-alphabet" not in routine
    assert routine["toe-squeeze"] == ""


def test_explicit_routine_is_used_exactly() -> None:
    plan = make_plan(("effleurage", "foot", "both"), conditions=("neuropathy",))
    plan.home_care = []
    assert effective_routine(plan) == []
    own = [HomeCareItem("marble-bath", 12, note="lukewarm")]
    plan.home_care = own
    assert effective_routine(plan) == own
    assert effective_routine(plan) is not own  # the caller may not change the plan through it
    plan.home_care = None
    assert [item.exercise for item in effective_routine(plan)] == FOOT_ROUTINE


def test_custom_technique_and_exercise() -> None:
    stretch = Exercise("my-towel-stretch", "Towel stretch", ("Sit.", "Pull.", "Hold."), 3)
    technique = Technique(
        "my-foot-opener", "Foot opener", "movement", "", "light", 5, False, ("foot",),
        ("my-towel-stretch", "toe-alphabet"),
    )  # fmt: skip
    plan = make_plan(("my-foot-opener", "foot", "left"))
    plan.custom_techniques = (technique,)
    plan.custom_exercises = (stretch,)
    # Built-in exercises first (in their own order), then the user's own.
    assert ids(plan) == ["toe-alphabet", "my-towel-stretch"]


def test_unknown_technique_is_ignored() -> None:
    assert ids(make_plan(("no-such-technique", "foot", "both"))) == []
