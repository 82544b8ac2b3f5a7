"""Reading the sections of a plan file: header, areas, symptoms, steps, home care.

:func:`planner.core.planfile.parse_plan` checks the format and version and calls
these in the file's order; each names the place of any problem.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from planner.core import howoften
from planner.core import validate as v
from planner.core.i18n import SOURCE_LANGUAGE, UnknownLanguageError, check_language
from planner.core.library import Library
from planner.core.plan import (
    AvoidedArea,
    Client,
    HomeCareItem,
    SessionPlan,
    Step,
    SymptomArea,
    Therapist,
)
from planner.core.regions import REGIONS, area_phrase, default_side, side_problem
from planner.core.vocab import (
    AVOID_REASONS,
    CONDITIONS,
    MAX_INTENSITY,
    MAX_SESSION_MINUTES,
    MAX_STEP_MINUTES,
    PRESSURES,
    SYMPTOM_KINDS,
)

_DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Version 1 said how often a home-care exercise is done in words ("frequency");
# version 2 says it in two numbers (times_a_day, days_a_week). Both are read.
HOME_CARE_KEYS = {
    1: ("exercise", "minutes", "frequency", "note"),
    2: ("exercise", "minutes", "times_a_day", "days_a_week", "note"),
}


def area_of(data: Any, place: str) -> tuple[str, str]:
    region = v.choice(data["region"], v.join(place, "region"), REGIONS, "body region")
    side = data.get("side", default_side(region))
    problem = side_problem(region, side)
    if problem:
        raise v.FormatError(v.join(place, "side"), problem)
    return region, side


def read_header(plan: SessionPlan, data: Any) -> None:
    """Title, date, length, therapist and client."""
    plan.title = v.text(data.get("title", ""), "title", max_length=300)
    if "date" in data:
        date_text = v.text(data["date"], "date")
        try:
            plan.date = datetime.date.fromisoformat(date_text)
        except ValueError:
            raise v.FormatError(
                "date", f"{v.quote(date_text)} is not a date like 2026-11-21"
            ) from None
        # fromisoformat also takes "20261121" and week dates ("2026-W47-1"); the format does not.
        if not _DATE_PATTERN.fullmatch(date_text):
            raise v.FormatError("date", f"{v.quote(date_text)} is not a date like 2026-11-21")
    if "length_minutes" in data:
        plan.length_minutes = v.number(
            data["length_minutes"], "length_minutes", maximum=MAX_SESSION_MINUTES
        )
    if "therapist" in data:
        therapist = v.obj(data["therapist"], "therapist", (), ("name", "clinic"))
        plan.therapist = Therapist(
            name=v.text(therapist.get("name", ""), "therapist.name", max_length=300),
            clinic=v.text(therapist.get("clinic", ""), "therapist.clinic", max_length=300),
        )
    if "client" in data:
        client = v.obj(data["client"], "client", (), ("name", "conditions", "notes", "language"))
        plan.client = Client(
            name=v.text(client.get("name", ""), "client.name", max_length=300),
            conditions=v.id_list(
                client.get("conditions", []), "client.conditions", CONDITIONS, "condition"
            ),
            notes=v.text(client.get("notes", ""), "client.notes"),
            language=_language(client.get("language", SOURCE_LANGUAGE)),
        )


def _language(value: Any) -> str:
    """The client's language: one of the planner's catalogs ("en" when the file says none)."""
    try:
        return check_language(value)
    except UnknownLanguageError as error:
        raise v.FormatError("client.language", str(error)) from None


def read_avoid(plan: SessionPlan, data: Any) -> None:
    for i, item in enumerate(v.array(data.get("avoid", []), "avoid")):
        place = v.join("avoid", i)
        entry = v.obj(item, place, ("region", "reason"), ("region", "side", "reason", "note"))
        region, side = area_of(entry, place)
        area = AvoidedArea(
            region,
            side,
            reason=v.choice(
                entry["reason"], v.join(place, "reason"), AVOID_REASONS, "reason to avoid an area"
            ),
            note=v.text(entry.get("note", ""), v.join(place, "note")),
        )
        if plan.avoided_index(region, side) is not None:
            raise v.FormatError(place, f"{area_phrase(region, side)} is already listed")
        plan.avoid.append(area)


def read_symptoms(plan: SessionPlan, data: Any) -> None:
    for i, item in enumerate(v.array(data.get("symptoms", []), "symptoms")):
        place = v.join("symptoms", i)
        entry = v.obj(item, place, ("region", "kind"), ("region", "side", "kind", "intensity"))
        region, side = area_of(entry, place)
        kind = v.choice(entry["kind"], v.join(place, "kind"), SYMPTOM_KINDS, "kind of symptom")
        intensity = entry.get("intensity")
        if intensity is not None:
            v.number(
                intensity,
                v.join(place, "intensity"),
                positive=False,
                maximum=MAX_INTENSITY,
                integer=True,
            )
        if plan.symptom_index(region, side, kind) is not None:
            raise v.FormatError(place, f"{kind} in this area is already listed")
        plan.symptoms.append(SymptomArea(region, side, kind, intensity))


def read_steps(plan: SessionPlan, data: Any, library: Library) -> None:
    for i, item in enumerate(v.array(data["steps"], "steps")):
        place = v.join("steps", i)
        entry = v.obj(
            item,
            place,
            ("technique", "region"),
            ("technique", "region", "side", "minutes", "pressure", "notes"),
        )
        technique_id = v.text(entry["technique"], v.join(place, "technique"))
        technique = library.techniques.get(technique_id)
        if technique is None:
            raise v.FormatError(
                v.join(place, "technique"), f"{v.quote(technique_id)} is not a known technique"
            )
        region, side = area_of(entry, place)
        plan.steps.append(
            Step(
                technique=technique_id,
                region=region,
                side=side,
                minutes=v.number(
                    entry.get("minutes", technique.default_minutes),
                    v.join(place, "minutes"),
                    maximum=MAX_STEP_MINUTES,
                ),
                pressure=v.choice(
                    entry.get("pressure", technique.default_pressure),
                    v.join(place, "pressure"),
                    PRESSURES,
                    "pressure",
                ),
                notes=v.text(entry.get("notes", ""), v.join(place, "notes")),
            )
        )


def read_home_care(plan: SessionPlan, data: Any, version: int, library: Library) -> None:
    if "home_care" in data:
        plan.home_care = [
            _home_care_item(item, v.join("home_care", i), version, library)
            for i, item in enumerate(v.array(data["home_care"], "home_care"))
        ]


def _home_care_item(item: Any, place: str, version: int, library: Library) -> HomeCareItem:
    """One home-care entry; a version 1 "frequency" becomes the nearest two numbers.

    Its words are kept in the note (unless they say no more than the numbers).
    """
    entry = v.obj(item, place, ("exercise",), HOME_CARE_KEYS[min(version, max(HOME_CARE_KEYS))])
    exercise_id = v.text(entry["exercise"], v.join(place, "exercise"))
    exercise = library.exercises.get(exercise_id)
    if exercise is None:
        raise v.FormatError(
            v.join(place, "exercise"), f"{v.quote(exercise_id)} is not a known exercise"
        )
    times, days = howoften.read(entry, place, (exercise.times_a_day, exercise.days_a_week))
    note = v.text(entry.get("note", ""), v.join(place, "note"))
    if "frequency" in entry:
        note = howoften.kept_note(entry["frequency"], note)
    return HomeCareItem(
        exercise=exercise_id,
        minutes=v.number(
            entry.get("minutes", exercise.minutes),
            v.join(place, "minutes"),
            maximum=MAX_STEP_MINUTES,
        ),
        times_a_day=times,
        days_a_week=days,
        note=note,
    )
