"""Progress over hand-made courses: series, changes and flags, gaps and missing measures."""

from __future__ import annotations

import dataclasses

import pytest

from planner.core.measures import make_measures
from planner.core.plan import SymptomArea
from planner.core.progress import (
    MUCH_BETTER,
    WORSE,
    Rating,
    Visit,
    course_series,
    flag_for,
    progress_json,
    visit_from_doc,
    worsening_notes,
)


def visit(day: int, pain: int | None = None, numb: int | None = None, **more: object) -> Visit:
    symptoms = () if numb is None else (SymptomArea("sole", "both", "numbness", numb),)
    return Visit(
        id=f"c1-v{day}",
        date=f"2026-11-{day:02d}",
        title=f"Visit {day}",
        measures=make_measures(pain_before=pain, **more),  # type: ignore[arg-type]
        symptoms=symptoms,
    )


def by_measure(visits: list[Visit]) -> dict[str, object]:
    return {s.measure if s.measure != "symptom" else s.kind: s for s in course_series(visits)}


def test_improving_course_is_much_better() -> None:
    series = by_measure([visit(1, 7), visit(8, 5), visit(15, 3)])["pain_before"]
    assert series.points == (("2026-11-01", 7), ("2026-11-08", 5), ("2026-11-15", 3))  # type: ignore[attr-defined]
    assert series.change == -4  # type: ignore[attr-defined]
    assert series.flag == MUCH_BETTER  # type: ignore[attr-defined]


def test_worsening_course_is_worse_and_warns_the_next_session() -> None:
    series = course_series([visit(1, numb=4), visit(8, numb=5), visit(15, numb=7)])
    (numb,) = series
    assert (numb.measure, numb.region, numb.side, numb.kind) == (
        "symptom",
        "sole",
        "both",
        "numbness",
    )
    assert numb.change == 3
    assert numb.flag == WORSE
    (note,) = worsening_notes(series)
    assert note.startswith("Numbness on both soles has risen from 4 to 7 over 3 visits")
    assert "consider referring" in note


def test_flat_course_has_no_flag() -> None:
    series = by_measure([visit(1, 5), visit(8, 5), visit(15, 5)])["pain_before"]
    assert series.change == 0  # type: ignore[attr-defined]
    assert series.flag is None  # type: ignore[attr-defined]


def test_one_visit_has_no_change() -> None:
    (series,) = course_series([visit(1, 8)])
    assert series.points == (("2026-11-01", 8),)
    assert series.change is None and series.flag is None
    assert worsening_notes([series]) == ()


def test_visits_are_put_in_date_order() -> None:
    series = by_measure([visit(15, 3), visit(1, 7), visit(8, 5)])["pain_before"]
    assert [date for date, _ in series.points] == ["2026-11-01", "2026-11-08", "2026-11-15"]  # type: ignore[attr-defined]
    assert series.flag == MUCH_BETTER  # type: ignore[attr-defined]


def test_gaps_and_missing_measures_are_not_zeros() -> None:
    visits = [visit(1, 6, numb=5), visit(8, None, numb=None), visit(15, 6, numb=None)]
    found = by_measure(visits)
    assert found["pain_before"].points == (("2026-11-01", 6), ("2026-11-15", 6))  # type: ignore[attr-defined]
    assert found["numbness"].points == (("2026-11-01", 5),)  # type: ignore[attr-defined]
    assert "pain_after" not in found and "mnsi_a" not in found
    assert "monofilament_not_felt" not in found


def test_a_visit_with_nothing_measured_adds_no_series() -> None:
    assert course_series([visit(1), visit(8)]) == []


@pytest.mark.parametrize(
    ("first", "latest", "expected"),
    [
        (10, 8, None),  # fell by 2 points but only 20%
        (10, 7, MUCH_BETTER),  # 3 points and 30%
        (5, 3, MUCH_BETTER),  # 2 points and 40%
        (2, 1, None),  # 50% but only 1 point
        (6, 4.5, None),  # 1.5 points
        (4, 6, WORSE),
        (0, 2, WORSE),  # from nothing to 2
        (8, 10, None),  # rose by 2 but only 25%
        (3, 3, None),
    ],
)
def test_flag_thresholds(first: float, latest: float, expected: str | None) -> None:
    assert flag_for(first, latest) == expected


def test_mnsi_and_monofilament_series() -> None:
    visits = [
        visit(1, mnsi_a={1: True, 2: True, 7: False}, monofilament={"left-hallux": True}),
        visit(8, mnsi_a={1: True}, monofilament={"left-hallux": False, "left-met1": False}),
    ]
    found = by_measure(visits)
    assert found["mnsi_a"].points == (("2026-11-01", 3), ("2026-11-08", 1))  # type: ignore[attr-defined]
    mono = found["monofilament_not_felt"]
    assert mono.points == (("2026-11-01", 0), ("2026-11-08", 2))  # type: ignore[attr-defined]
    assert mono.flag == WORSE  # type: ignore[attr-defined]


def test_json_shape() -> None:
    data = progress_json("c1", "Alex Doe", [visit(8, 5, numb=6), visit(1, 7, numb=6)])
    assert data["client"] == {"id": "c1", "name": "Alex Doe"}
    assert data["sessions"] == [
        {"id": "c1-v1", "date": "2026-11-01", "title": "Visit 1"},
        {"id": "c1-v8", "date": "2026-11-08", "title": "Visit 8"},
    ]
    pain, numb = data["series"]
    assert pain == {
        "measure": "pain_before",
        "region": None,
        "side": None,
        "kind": None,
        "points": [{"date": "2026-11-01", "value": 7}, {"date": "2026-11-08", "value": 5}],
        "change": -2,
        "flag": None,
    }
    assert (numb["measure"], numb["region"], numb["side"], numb["kind"]) == (
        "symptom",
        "sole",
        "both",
        "numbness",
    )
    assert numb["change"] == 0 and numb["flag"] is None


def test_visit_from_a_stored_session() -> None:
    doc = {
        "id": "c1-abc",
        "status": "done",
        "saved_at": "2026-11-01T10:00:00+00:00",
        "plan": {
            "format": "session-plan",
            "version": 2,
            "date": "2026-11-01",
            "title": "Week 1",
            "symptoms": [{"region": "sole", "side": "left", "kind": "tingling", "intensity": 3}],
            "steps": [],
            "measures": {"pain_after": 2},
            "signature": {"therapist": "Sam", "signed_at": "x", "sha256": "0" * 64},
        },
    }
    one = visit_from_doc(doc)
    assert (one.id, one.date, one.title, one.status, one.signed) == (
        "c1-abc",
        "2026-11-01",
        "Week 1",
        "done",
        True,
    )
    assert one.measures.pain_after == 2
    assert one.symptoms == (Rating("sole", "left", "tingling", 3),)
    assert tuple(one.symptoms[0]) == dataclasses.astuple(SymptomArea("sole", "left", "tingling", 3))
    with pytest.raises(ValueError, match="c1-bad"):
        visit_from_doc({"id": "c1-bad", "plan": {"measures": {"pain_after": 12}}})
