"""A stored course of visits for the command-line and export tests."""

from __future__ import annotations

import datetime
from pathlib import Path

from planner.core.measures import make_measures
from planner.core.plan import (
    AvoidedArea,
    Client,
    HomeCareItem,
    SessionPlan,
    Step,
    SymptomArea,
    Therapist,
)
from planner.core.soap import Soap
from planner.storage import ClientRecord, SessionRecord, Store

# (day, pain before, pain after, numbness on both soles, MNSI answers "yes" among 1-3, not felt)
COURSE = [
    (3, 7, 5, 4, 3, ["left-hallux", "right-hallux"]),
    (10, 6, 4, 5, 3, ["left-hallux", "right-hallux"]),
    (17, None, None, None, None, None),  # a visit that measured nothing
    (24, 5, 3, 6, 2, ["left-hallux"]),
    (31, 4, 2, 7, 2, ["left-hallux"]),
]


def course_plan(day: int, pain: int | None, after: int | None, numb: int | None,
                mnsi: int | None, not_felt: list[str] | None) -> SessionPlan:  # fmt: skip
    date = datetime.date(2026, 10, 1) + datetime.timedelta(days=day - 1)
    answers = None if mnsi is None else {i: i <= mnsi for i in (1, 2, 3)} | {7: True, 13: True}
    screen = None
    if not_felt is not None:
        screen = {f"{s}-{x}": f"{s}-{x}" not in not_felt for s in ("left", "right")
                  for x in ("hallux", "met1", "met5")}  # fmt: skip
    return SessionPlan(
        title=f"Neuropathy foot care, {date:%d %b}",
        date=date,
        therapist=Therapist("Sam Rivera, LMT", "Northside Bodywork"),
        client=Client("Margaret Olsen", ("neuropathy", "diabetes")),
        avoid=[AvoidedArea("heel", "left", "open-wound", "healing blister")],
        symptoms=[] if numb is None else [SymptomArea("sole", "both", "numbness", numb)],
        steps=[
            Step("effleurage", "foot", "both", 5, "light"),
            Step("toe-work", "toes", "both", 10, "light"),
            Step("petrissage", "calf", "both", 10, "moderate"),
        ],
        home_care=[HomeCareItem("toe-alphabet", 3, 2, 7)],
        measures=make_measures(pain, after, answers, screen),
        soap=Soap(assessment=f"Visit of {date:%d %b}: pain easing, numbness rising."),
    )


def make_course(folder: Path, *, birth_date: str = "1948-03-21") -> tuple[str, list[str]]:
    """A store with Margaret Olsen's five visits; (client id, session ids in date order)."""
    with Store.open(folder) as store:
        client = store.save_client(
            ClientRecord(
                id="",
                name="Margaret Olsen",
                contact="555-0101",
                conditions=("neuropathy", "diabetes"),
                avoid=(AvoidedArea("heel", "left", "open-wound", "healing blister"),),
                birth_date=birth_date,
            )
        )
        ids = [
            store.save_session(
                SessionRecord(id="", client_id=client.id, plan=course_plan(*row), status="done")
            ).id
            for row in COURSE
        ]
    return client.id, ids
