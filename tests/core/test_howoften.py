"""How often an exercise is done: two numbers, old words mapped to them, plain words back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core import howoften


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("daily", (1, 7)),
        ("once a day", (1, 7)),
        ("every day", (1, 7)),
        ("twice daily", (2, 7)),
        ("twice daily, morning and evening", (2, 7)),
        ("morning and evening", (2, 7)),
        ("three times a day", (3, 7)),
        ("3x per day", (3, 7)),
        ("a few times during the day", (3, 7)),
        ("twice each routine, at the start and at the end", (2, 7)),
        ("3 times a week", (1, 3)),
        ("twice a week", (1, 2)),
        ("once a week", (1, 1)),
        ("weekly", (1, 1)),
        ("every other day", (1, 4)),
        ("weekdays", (1, 5)),
        ("twice a day, 5 days a week", (2, 5)),
        ("10 times a day", (6, 7)),
        ("every hour", (6, 7)),
        ("when the feet feel cold", (1, 7)),
        ("", (1, 7)),
    ],
)
def test_words_map_to_the_nearest_numbers(text: str, expected: tuple[int, int]) -> None:
    assert howoften.from_text(text) == expected


@given(st.text(max_size=80))
def test_any_words_give_numbers_in_range(text: str) -> None:
    times, days = howoften.from_text(text)
    assert howoften.check(times, days) is None


def test_plain_phrases_are_not_kept_as_a_note() -> None:
    assert howoften.kept_note("daily", "") == ""
    assert howoften.kept_note("Twice daily", "after your shower") == "after your shower"
    assert howoften.kept_note("after the shower", "") == "after the shower"
    assert howoften.kept_note("every evening", "seated") == "every evening; seated"


@pytest.mark.parametrize(
    ("times", "days", "words"),
    [
        (1, 7, "once a day, every day"),
        (2, 7, "twice a day, every day"),
        (3, 5, "3 times a day, 5 days a week"),
        (1, 1, "once a day, 1 day a week"),
    ],
)
def test_in_words(times: int, days: int, words: str) -> None:
    assert howoften.in_words(times, days) == words


@pytest.mark.parametrize(
    ("times", "days", "problem"),
    [
        (0, 7, "times a day must be a whole number from 1 to 6"),
        (7, 7, "times a day must be a whole number from 1 to 6"),
        (True, 7, "times a day"),
        (1, 0, "days a week must be a whole number from 1 to 7"),
        (1, 8, "days a week"),
        (1, 2.0, "days a week"),
    ],
)
def test_check_names_what_is_out_of_range(times: object, days: object, problem: str) -> None:
    found = howoften.check(times, days)
    assert found is not None and found.startswith(problem)
    assert howoften.check(6, 7) is None and howoften.check(1, 1) is None


def test_an_exercise_step_may_name_the_regions_it_works() -> None:
    from planner.core.library import parse_exercise
    from planner.core.validate import FormatError

    data = {
        "id": "my-heel-rub",
        "title": "Rub your heels",
        "steps": ["Sit down.", {"text": "Rub each heel.", "regions": ["heel"]}],
        "times_a_day": 2,
    }
    exercise = parse_exercise(data, "")
    assert exercise.steps == ("Sit down.", "Rub each heel.")
    assert exercise.regions_of_step(0) == () and exercise.regions_of_step(1) == ("heel",)
    assert exercise.regions_of_step(5) == ()
    assert parse_exercise(exercise.to_json(), "") == exercise
    data["steps"] = [{"text": "Rub.", "regions": ["hoof"]}]
    with pytest.raises(FormatError, match=r"steps\[0\].regions\[0\]: 'hoof' is not a known region"):
        parse_exercise(data, "")
