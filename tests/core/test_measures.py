"""Measures at a visit: pain ratings, the MNSI questionnaire's scoring, the monofilament screen."""

from __future__ import annotations

import json

import pytest

from planner.core import validate as v
from planner.core.measures import (
    MNSI_ITEMS,
    MNSI_MAX_SCORE,
    MONOFILAMENT_KEYS,
    MeasureError,
    Measures,
    make_measures,
    measures_to_json,
    mnsi_cutoffs_met,
    mnsi_points,
    mnsi_score,
    parse_measures,
    site_area,
)
from planner.core.planfile import dumps_plan, loads_plan

# The published scoring, item by item: (point for "yes", point for "no").
PUBLISHED = {
    1: (1, 0), 2: (1, 0), 3: (1, 0), 4: (0, 0), 5: (1, 0), 6: (1, 0), 7: (0, 1), 8: (1, 0),
    9: (1, 0), 10: (0, 0), 11: (1, 0), 12: (1, 0), 13: (0, 1), 14: (1, 0), 15: (1, 0),
}  # fmt: skip


@pytest.mark.parametrize("item", sorted(PUBLISHED))
def test_each_mnsi_item_scores_as_published(item: int) -> None:
    yes, no = PUBLISHED[item]
    assert mnsi_points(item, True) == yes
    assert mnsi_points(item, False) == no
    assert mnsi_score({item: True}) == yes
    assert mnsi_score({item: False}) == no
    assert make_measures(mnsi_a={item: True}).mnsi_score() == yes
    assert make_measures(mnsi_a={item: False}).mnsi_score() == no


def test_mnsi_worst_and_best_answers() -> None:
    worst = {item: item not in (7, 13) for item in MNSI_ITEMS}
    best = {item: item in (7, 13) for item in MNSI_ITEMS}
    assert mnsi_score(worst) == MNSI_MAX_SCORE == 13
    assert make_measures(mnsi_a=worst).mnsi_score() == 13
    assert mnsi_score(best) == 0
    assert make_measures(mnsi_a=best).mnsi_score() == 0
    # Cramps (4) and weakness (10) never count.
    assert mnsi_score({4: True, 10: True}) == 0


def test_mnsi_cutoffs_are_named() -> None:
    assert mnsi_cutoffs_met(3) == []
    assert [label[:9] for label in mnsi_cutoffs_met(4)] == ["4 or more"]
    assert [label[:9] for label in mnsi_cutoffs_met(7)] == ["7 or more", "4 or more"]
    assert "Feldman" in mnsi_cutoffs_met(7)[0]


def test_item_labels_are_short_and_our_own() -> None:
    assert sorted(MNSI_ITEMS) == list(range(1, 16))
    for label in MNSI_ITEMS.values():
        assert len(label) <= 50
        assert "?" not in label  # statements, not the form's questions


def test_no_item_16() -> None:
    with pytest.raises(MeasureError):
        mnsi_points(16, True)
    with pytest.raises(MeasureError, match="no item"):
        make_measures(mnsi_a={16: True})


@pytest.mark.parametrize("bad", [-1, 11, 5.5, True, "5"])
def test_pain_out_of_range(bad: object) -> None:
    with pytest.raises(MeasureError, match="0 to 10"):
        make_measures(pain_before=bad)
    with pytest.raises(MeasureError, match="0 to 10"):
        make_measures(pain_after=bad)


def test_pain_bounds_are_allowed() -> None:
    assert make_measures(0, 10) == Measures(0, 10)


def test_monofilament_sites() -> None:
    assert len(MONOFILAMENT_KEYS) == 6
    assert site_area("left-hallux") == ("toes", "left")
    assert site_area("right-met5") == ("sole", "right")
    measures = make_measures(monofilament={"right-met1": True, "left-hallux": False})
    # Kept in the fixed site order, whatever order they came in.
    assert measures.monofilament == (("left-hallux", False), ("right-met1", True))
    assert measures.not_felt() == ["left-hallux"]
    with pytest.raises(MeasureError, match="not a monofilament site"):
        make_measures(monofilament={"left-heel": False})


def test_plan_file_round_trip() -> None:
    data = {
        "format": "session-plan",
        "version": 2,
        "steps": [],
        "measures": {
            "pain_before": 6,
            "pain_after": 3,
            "mnsi_a": {"1": True, "7": False, "4": True},
            "monofilament": {"left-hallux": "not-felt", "right-hallux": "felt"},
        },
    }
    plan = loads_plan(json.dumps(data))
    assert plan.measures.mnsi_score() == 2
    again = json.loads(dumps_plan(plan))
    assert again["measures"] == {
        "pain_before": 6,
        "pain_after": 3,
        "mnsi_a": {"1": True, "4": True, "7": False},
        "monofilament": {"left-hallux": "not-felt", "right-hallux": "felt"},
    }
    assert loads_plan(dumps_plan(plan)) == plan


def test_a_plan_without_measures_writes_none() -> None:
    plan = loads_plan('{"format": "session-plan", "version": 2, "steps": []}')
    assert "measures" not in json.loads(dumps_plan(plan))
    assert measures_to_json(Measures()) == {}


@pytest.mark.parametrize(
    ("measures", "place"),
    [
        ({"pain_before": 11}, "measures.pain_before: must be at most 10"),
        ({"pain_after": -1}, "measures.pain_after: must not be negative"),
        ({"pain_after": 2.5}, "measures.pain_after: must be a whole number"),
        ({"mnsi_a": {"16": True}}, "measures.mnsi_a.16: not an item"),
        ({"mnsi_a": {"01": True}}, "measures.mnsi_a.01: not an item"),
        ({"mnsi_a": {"3": "yes"}}, "measures.mnsi_a.3: must be true or false"),
        ({"mnsi_a": []}, "measures.mnsi_a: must be an object"),
        ({"monofilament": {"left-heel": "felt"}}, "measures.monofilament.left-heel: not a"),
        ({"monofilament": {"left-met1": "no"}}, "measures.monofilament.left-met1: 'no' is not"),
        ({"pain": 3}, "measures.pain: unknown key"),
    ],
)
def test_bad_measures_name_their_place(measures: dict, place: str) -> None:
    with pytest.raises(v.FormatError) as caught:
        parse_measures(measures, "measures")
    assert str(caught.value).startswith(place)


def test_version_1_cannot_hold_measures() -> None:
    text = '{"format": "session-plan", "version": 1, "steps": [], "measures": {}}'
    with pytest.raises(v.FormatError, match="measures: needs a plan file of version 2"):
        loads_plan(text)


def test_stored_measures_read_as_the_plan_file_does() -> None:
    from planner.core.measures import stored_measures

    data = {
        "pain_before": 6,
        "mnsi_a": {"13": False, "1": True, "4": True},
        "monofilament": {"right-met5": "felt", "left-hallux": "not-felt"},
    }
    assert stored_measures(data) == parse_measures(data, "measures")
    assert stored_measures(None) == stored_measures({}) == Measures()
    with pytest.raises(MeasureError):
        stored_measures({"pain_after": 11})
