"""Plan files of version 2: how often as two numbers; version 1 files still load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.core.library import builtin_library
from planner.core.plan import HomeCareItem
from planner.core.planfile import VERSION, dumps_plan, load_plan, loads_plan, save_plan
from planner.core.validate import FormatError

BALL = builtin_library().exercise("ball-roll")


def _plan(version: int, *items: dict) -> str:
    return json.dumps(
        {"format": "session-plan", "version": version, "steps": [], "home_care": list(items)}
    )


def test_version_2_items_carry_times_a_day_and_days_a_week() -> None:
    plan = loads_plan(
        _plan(
            2,
            {"exercise": "toe-alphabet", "minutes": 3, "times_a_day": 2, "days_a_week": 5},
            {"exercise": "ball-roll", "note": "after your shower"},
        )
    )
    assert plan.home_care == [
        HomeCareItem("toe-alphabet", 3, 2, 5, ""),
        HomeCareItem("ball-roll", BALL.minutes, 1, 7, "after your shower"),
    ]


def test_a_saved_plan_is_version_2_and_loads_back_equal(tmp_path: Path) -> None:
    plan = loads_plan(
        _plan(1, {"exercise": "ball-roll", "minutes": 5, "frequency": "every evening"})
    )
    save_plan(plan, tmp_path / "plan.json")
    data = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert data["version"] == VERSION == 2
    assert data["home_care"] == [
        {"exercise": "ball-roll", "minutes": 5, "times_a_day": 1, "days_a_week": 7,
         "note": "every evening"}
    ]  # fmt: skip
    assert load_plan(tmp_path / "plan.json") == plan


def test_version_1_frequency_maps_to_numbers_and_keeps_its_words() -> None:
    plan = loads_plan(
        _plan(
            1,
            {"exercise": "ball-roll", "frequency": "3 times a week", "note": "sitting"},
            {"exercise": "toe-squeeze", "frequency": "twice daily"},
            {"exercise": "hand-massage"},
        )
    )
    assert plan.home_care is not None
    first, second, third = plan.home_care
    assert (first.times_a_day, first.days_a_week, first.note) == (1, 3, "3 times a week; sitting")
    # Words that say no more than the numbers are not repeated as a note.
    assert (second.times_a_day, second.note) == (2, "")
    # No frequency at all: the exercise's own numbers.
    assert (third.times_a_day, third.days_a_week) == (2, 7)
    assert loads_plan(dumps_plan(plan)) == plan


def test_version_1_own_exercise_keeps_its_words_as_a_last_step() -> None:
    own = {"id": "my-sock-check", "title": "Check your socks", "steps": ["Turn them inside out."],
           "frequency": "every morning"}  # fmt: skip
    data = json.loads(_plan(1, {"exercise": "my-sock-check"}))
    data["custom_exercises"] = [own]
    plan = loads_plan(json.dumps(data))
    exercise = plan.custom_exercises[0]
    assert exercise.steps == ("Turn them inside out.", "How often: every morning.")
    assert (exercise.times_a_day, exercise.days_a_week) == (1, 7)


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"exercise": "ball-roll", "frequency": "daily"},
         "home_care[0].frequency: unknown key (check the spelling)"),
        ({"exercise": "ball-roll", "times_a_day": 0}, "home_care[0].times_a_day: must be greater"),
        ({"exercise": "ball-roll", "times_a_day": 7},
         "home_care[0].times_a_day: must be at most 6"),
        ({"exercise": "ball-roll", "times_a_day": 1.5},
         "home_care[0].times_a_day: must be a whole number"),
        ({"exercise": "ball-roll", "days_a_week": 8},
         "home_care[0].days_a_week: must be at most 7"),
        ({"exercise": "ball-roll", "days_a_week": "daily"},
         "home_care[0].days_a_week: must be a number, not text"),
    ],
)  # fmt: skip
def test_version_2_bad_numbers_name_their_place(item: dict, message: str) -> None:
    with pytest.raises(FormatError) as raised:
        loads_plan(_plan(2, item))
    assert str(raised.value).startswith(message)


def test_version_1_rejects_the_new_keys() -> None:
    with pytest.raises(FormatError, match=r"home_care\[0\].times_a_day: unknown key"):
        loads_plan(_plan(1, {"exercise": "ball-roll", "times_a_day": 2}))


def test_the_plan_format_document_shows_a_file_that_loads() -> None:
    doc = Path(__file__).parents[2] / "docs" / "plan-format.md"
    text = doc.read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    plan = loads_plan(example)
    assert plan.home_care is not None and plan.home_care[0].times_a_day == 2
