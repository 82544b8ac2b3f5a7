"""SOAP notes drafted from a session and its course."""

from __future__ import annotations

import datetime
import json

from planner.core.measures import make_measures
from planner.core.plan import AvoidedArea, Client, HomeCareItem, SessionPlan, Step, SymptomArea
from planner.core.planfile import dumps_plan, loads_plan
from planner.core.progress import Visit, course_series
from planner.core.soap import Soap
from planner.core.soapfill import draft_soap

MNSI = {1: True, 2: True, 3: True, 5: True, 7: False}


def plan() -> SessionPlan:
    return SessionPlan(
        title="Week 3",
        date=datetime.date(2026, 11, 21),
        client=Client("Alex Doe", ("neuropathy", "diabetes")),
        avoid=[AvoidedArea("heel", "left", "open-wound", "healing blister")],
        symptoms=[SymptomArea("sole", "both", "numbness", 7)],
        steps=[
            Step("effleurage", "foot", "both", 5, "light"),
            Step("toe-work", "toes", "both", 10, "light"),
        ],
        home_care=[HomeCareItem("toe-alphabet", 3, 2, 7)],
        measures=make_measures(6, 3, MNSI, {"left-hallux": False, "right-hallux": True}),
    )


def course() -> list:
    def v(day: int, pain: int, numb: int) -> Visit:
        return Visit(
            f"c-{day}",
            f"2026-11-{day:02d}",
            "",
            measures=make_measures(pain_before=pain),
            symptoms=(SymptomArea("sole", "both", "numbness", numb),),
        )

    return course_series([v(7, 8, 4), v(14, 6, 5), v(21, 4, 7)])


def test_each_part_is_drafted_from_the_session() -> None:
    soap = draft_soap(plan(), course(), next_visit="2026-11-28")
    assert "Pain rated 6/10 before the session and 3/10 after it." in soap.subjective
    assert "Numbness in both soles (7/10)." in soap.subjective
    assert (
        "Avoided the client's left heel (open or healing wound: healing blister)." in soap.objective
    )
    assert (
        "Monofilament (10 g): not felt at left big toe; felt at 1 of 2 sites tested."
        in soap.objective
    )
    assert (
        "MNSI questionnaire: 5 of 13 (5 of 15 items answered), "
        "at or above the published cut-off of 4 or more." in soap.objective
    )
    assert "Worked 2 steps, 15 minutes in all." in soap.objective
    assert (
        "Much better: the pain rating before the session, 8 to 4 over 3 visits." in soap.assessment
    )
    assert "Worse: numbness on both soles, 4 to 7 over 3 visits." in soap.assessment
    assert soap.plan.startswith("Home care: ")
    assert ", 3 min, twice a day, every day." in soap.plan
    assert soap.plan.endswith("Next visit: 2026-11-28.")


def test_a_first_visit_is_a_baseline() -> None:
    soap = draft_soap(SessionPlan(), [])
    assert soap.subjective == "No pain rating or symptoms recorded."
    assert soap.objective == "Nothing recorded."
    assert soap.assessment.startswith("First measures of the course")
    assert soap.plan.endswith("Next visit: to be booked.")


def test_findings_go_into_the_objective() -> None:
    soap = draft_soap(plan(), [], findings=["Step 1 is firm on numb soles."])
    assert soap.objective.endswith("Safety check: Step 1 is firm on numb soles.")


def test_soap_in_the_plan_file() -> None:
    edited = plan()
    edited.set_soap(Soap("S", "O", "A", "P"))
    data = json.loads(dumps_plan(edited))
    assert data["soap"] == {"subjective": "S", "objective": "O", "assessment": "A", "plan": "P"}
    assert loads_plan(dumps_plan(edited)).soap == Soap("S", "O", "A", "P")
