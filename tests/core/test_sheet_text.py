"""What the client's sheet says: exercise texts that follow the plan, precautions, help."""

from __future__ import annotations

import re

import pytest

from planner.core.emergency import check_number, country_of, default_number, emergency_number
from planner.core.homecare import propose_routine
from planner.core.library import Exercise, builtin_library
from planner.core.plan import AvoidedArea, Client, HomeCareItem, SessionPlan, Step, SymptomArea
from planner.core.sheet_care import help_groups, take_care_lines
from planner.core.sheet_text import client_steps, how_long, sheet_text

LIBRARY = builtin_library()
EXERCISES = sorted(LIBRARY.exercises)
MINUTES = re.compile(r"\b\d+\s*(?:min|minute)", re.IGNORECASE)


def _plan(conditions: tuple[str, ...] = (), avoid: tuple[tuple[str, str], ...] = ()) -> SessionPlan:
    return SessionPlan(
        client=Client("Alex", conditions),
        steps=[Step("effleurage", "foot", "both", 5, "light")],
        avoid=[AvoidedArea(region, side, "open-wound") for region, side in avoid],
    )


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_built_in_texts_are_short_plain_and_timeless(exercise_id: str) -> None:
    exercise = LIBRARY.exercise(exercise_id)
    for line in (exercise.title, *exercise.steps, *exercise.cautions):
        assert not MINUTES.search(line), f"minutes belong to the routine, not to {line!r}"
        for sentence in _sentences(line):
            assert len(sentence.split()) <= 20, sentence
        assert "barefoot" not in line.lower() and "bare feet" not in line.lower()
    # Minutes and times are the item's: sized for a routine of 30 minutes a day.
    assert exercise.minutes * exercise.times_a_day <= 6


def test_sitting_exercises_never_say_to_stand_or_hold_on() -> None:
    for exercise in LIBRARY.exercises.values():
        text = " ".join((*exercise.steps, *exercise.cautions)).lower()
        if "sit" in text:
            assert "hold on to" not in text and "stand on" not in text, exercise.id


def test_numb_feet_are_checked_by_eye_not_by_feel() -> None:
    for exercise in LIBRARY.exercises.values():
        for line in exercise.cautions:
            assert "sore spot alone" not in line, exercise.id
    check = LIBRARY.exercise("foot-check")
    assert any("eyes" in line for line in check.cautions)


def test_toe_alphabet_is_one_sitting_sequence() -> None:
    steps = LIBRARY.exercise("toe-alphabet").steps
    assert steps[0].startswith("Sit")
    assert "A to Z" in steps[1]
    assert "other foot" in steps[-1]


def test_leave_out_goes_into_the_steps_that_work_there() -> None:
    plan = _plan(avoid=(("heel", "left"),))
    ball = client_steps(plan, LIBRARY.exercise("ball-roll"))
    flagged = [step for step in ball if "Leave out your left heel." in step]
    assert flagged == [s for s in ball if "heel" in s.split("Leave")[0]]
    assert len(flagged) == 1
    # The foot check only looks: a healing heel is exactly what to look at.
    check = client_steps(plan, LIBRARY.exercise("foot-check"))
    assert not any("Leave out" in step for step in check)
    # A near miss: nothing avoided, nothing to leave out.
    assert (
        client_steps(_plan(), LIBRARY.exercise("ball-roll")) == LIBRARY.exercise("ball-roll").steps
    )


def test_own_exercise_in_plain_lines_gets_a_first_step_to_leave_out() -> None:
    own = Exercise("my-rub", "Rub", ("Sit.", "Rub the sole."), 3, regions=("sole", "heel"))
    steps = client_steps(_plan(avoid=(("heel", "right"),)), own)
    assert steps == ("Leave out your right heel.", "Sit.", "Rub the sole.")


def test_how_long_comes_from_the_item() -> None:
    assert how_long(HomeCareItem("toe-alphabet", 10, 2, 5)) == (
        "10 minutes, twice a day, 5 days a week"
    )
    assert how_long(HomeCareItem("floor-foot-rub", 1, 3)) == "1 minute, 3 times a day, every day"


@pytest.mark.parametrize("condition", ["neuropathy", "diabetes", "severe-sensory-loss"])
def test_feet_at_risk_get_checks_shoes_heat_and_blood_flow(condition: str) -> None:
    lines = " ".join(take_care_lines(_plan((condition,)), has_foot_check=False))
    for expected in ("every day", "shoes", "heat", "care your doctor gave"):
        assert expected in lines
    near_miss = " ".join(take_care_lines(_plan(("osteoporosis",)), has_foot_check=False))
    assert "shoes" not in near_miss and "care your doctor gave" in near_miss


def test_help_groups_follow_the_rulebook_by_urgency() -> None:
    groups = help_groups(_plan(("diabetes",)), "999")
    assert [g.urgency for g in groups] == ["emergency", "today", "soon"]
    assert groups[0].action == "Call 999 now if:"
    assert groups[1].action == "Call your doctor today if:"
    assert all(g.signs for g in groups)
    # Poor blood flow is a sign to bring up soon.
    assert any("cold, pale or blue" in sign for sign in groups[2].signs)
    # Foot signs are for feet at risk only.
    plain = help_groups(_plan(), "112")
    assert sum(len(g.signs) for g in plain) < sum(len(g.signs) for g in groups)


def test_the_whole_sheet_has_no_sentence_over_twenty_words() -> None:
    plan = _plan(("neuropathy", "diabetes", "blood-thinners", "osteoporosis", "cancer",
                  "pregnancy", "lubricant-allergy"), avoid=(("heel", "left"),))  # fmt: skip
    plan.symptoms = [SymptomArea("sole", "both", "numbness", 6),
                     SymptomArea("toes", "left", "burning", 3)]  # fmt: skip
    text = sheet_text(plan, LIBRARY, propose_routine(plan), given="Given today",
                      get_help=help_groups(plan, "911"))  # fmt: skip
    for block in text.sentences():
        for sentence in _sentences(block):
            assert len(re.findall(r"[\w°']+", sentence)) <= 20, sentence


@pytest.mark.parametrize(
    ("locale_name", "number"),
    [("en_US.UTF-8", "911"), ("fr_CA", "911"), ("en_GB.UTF-8", "999"), ("de_DE", "112"),
     ("es_ES@euro", "112"), ("C.UTF-8", "911"), ("", "911")],
)  # fmt: skip
def test_emergency_number_from_the_locale(locale_name: str, number: str) -> None:
    assert default_number(locale_name) == number


def test_emergency_number_setting_wins_and_is_checked() -> None:
    assert emergency_number(" 000 ") == "000"
    assert emergency_number("") == default_number()
    assert country_of("pt_BR.UTF-8") == "BR"
    assert check_number("") is None and check_number("+44 20 7946") is None
    assert check_number("call Bob") is not None


def test_the_daily_foot_check_is_said_once_on_the_sheet() -> None:
    """In the routine when it has the check (its first move), else in "Take care"."""
    plan = _plan(("diabetes",))
    with_check = " ".join(take_care_lines(plan, has_foot_check=True))
    without = " ".join(take_care_lines(plan, has_foot_check=False))
    assert "Look at both feet every day" in without
    assert "every day" not in with_check  # the routine's first move says it
    for line in ("shoes", "heat", "elbow", "care your doctor gave"):
        assert line in with_check and line in without
