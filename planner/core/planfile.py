"""Plan files: the JSON format of PLAN_FORMAT.md, read strictly and written atomically.

Every problem in a file is reported with its place (``steps[2].minutes: must be
greater than 0``) and nothing is written when the input is bad. Saving and then
loading a plan gives back an equal plan.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import stat
from collections.abc import Callable
from typing import Any

from planner.core import howoften
from planner.core import validate as v
from planner.core.atomicfile import write_atomic
from planner.core.coursefile import KEYS as COURSE_KEYS
from planner.core.coursefile import course_keys_to_json, read_course_keys
from planner.core.library import (
    Exercise,
    Library,
    Technique,
    builtin_library,
    how_often,
    parse_exercise,
    parse_technique,
)
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

FORMAT = "session-plan"
VERSION = 2
# Version 1 said how often a home-care exercise is done in words ("frequency");
# version 2 says it in two numbers (times_a_day, days_a_week). Both are read.
_HOME_CARE_KEYS = {
    1: ("exercise", "minutes", "frequency", "note"),
    2: ("exercise", "minutes", "times_a_day", "days_a_week", "note"),
}
MAX_FILE_BYTES = 20 * 1024 * 1024
_DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TOP_KEYS = (
    "format",
    "version",
    "title",
    "date",
    "length_minutes",
    "therapist",
    "client",
    "avoid",
    "symptoms",
    "steps",
    "home_care",
    "custom_techniques",
    "custom_exercises",
    *COURSE_KEYS,
)


class PlanFileError(ValueError):
    """A plan file that cannot be read or written; the text names file and place."""

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        self.path = str(path)
        self.problem = message
        super().__init__(f"{path}: {message}")


# -- reading ----------------------------------------------------------------


def _area(data: Any, place: str) -> tuple[str, str]:
    region = v.choice(data["region"], v.join(place, "region"), REGIONS, "body region")
    side = data.get("side", default_side(region))
    problem = side_problem(region, side)
    if problem:
        raise v.FormatError(v.join(place, "side"), problem)
    return region, side


def _own_entries(
    data: Any, key: str, kind: str, builtin: frozenset[str], parse: Callable[[Any, str], Any]
) -> list[Any]:
    """The plan's own techniques or exercises under ``key``: each parsed, none built in, none twice.

    Args:
        parse: ``parse(item, place)``, e.g. :func:`parse_exercise`.
    """
    entries: list[Any] = []
    seen: set[str] = set()
    for i, item in enumerate(v.array(data.get(key, []), key)):
        place = v.join(key, i)
        entry = parse(item, place)
        if entry.id in builtin:
            raise v.FormatError(
                v.join(place, "id"),
                f"{v.quote(entry.id)} is a built-in {kind}; give your own {kind} another id",
            )
        if entry.id in seen:
            raise v.FormatError(v.join(place, "id"), f"{v.quote(entry.id)} is defined twice")
        seen.add(entry.id)
        entries.append(entry)
    return entries


def _custom_library(
    data: Any, library: Library
) -> tuple[Library, tuple[Technique, ...], tuple[Exercise, ...]]:
    exercises: list[Exercise] = _own_entries(
        data, "custom_exercises", "exercise", library.builtin_exercises, parse_exercise
    )
    # A technique may suggest a built-in exercise or one of the plan's own.
    exercise_ids = set(library.exercises) | {exercise.id for exercise in exercises}
    techniques: list[Technique] = _own_entries(
        data,
        "custom_techniques",
        "technique",
        library.builtin_techniques,
        lambda item, place: parse_technique(item, place, exercise_ids),
    )
    return library.with_custom(techniques, exercises), tuple(techniques), tuple(exercises)


def parse_plan(data: Any, library: Library | None = None) -> SessionPlan:
    """A plan from its decoded JSON; raises :class:`FormatError` naming the place."""
    library = library or builtin_library()
    data = v.obj(data, "", ("format", "version", "steps"), TOP_KEYS)
    if data["format"] != FORMAT:
        raise v.FormatError("format", f"must be {FORMAT!r}: this is not a session plan file")
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise v.FormatError("version", "must be a whole number")
    if version > VERSION:
        raise v.FormatError(
            "version",
            f"this file is version {version}, but this program reads "
            f"versions up to {VERSION}: update the planner to open it",
        )
    if version < 1:
        raise v.FormatError("version", "must be at least 1")

    full_library, custom_techniques, custom_exercises = _custom_library(data, library)
    plan = SessionPlan(custom_techniques=custom_techniques, custom_exercises=custom_exercises)
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
        client = v.obj(data["client"], "client", (), ("name", "conditions", "notes"))
        plan.client = Client(
            name=v.text(client.get("name", ""), "client.name", max_length=300),
            conditions=v.id_list(
                client.get("conditions", []), "client.conditions", CONDITIONS, "condition"
            ),
            notes=v.text(client.get("notes", ""), "client.notes"),
        )

    for i, item in enumerate(v.array(data.get("avoid", []), "avoid")):
        place = v.join("avoid", i)
        entry = v.obj(item, place, ("region", "reason"), ("region", "side", "reason", "note"))
        region, side = _area(entry, place)
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

    for i, item in enumerate(v.array(data.get("symptoms", []), "symptoms")):
        place = v.join("symptoms", i)
        entry = v.obj(item, place, ("region", "kind"), ("region", "side", "kind", "intensity"))
        region, side = _area(entry, place)
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

    for i, item in enumerate(v.array(data["steps"], "steps")):
        place = v.join("steps", i)
        entry = v.obj(
            item,
            place,
            ("technique", "region"),
            ("technique", "region", "side", "minutes", "pressure", "notes"),
        )
        technique_id = v.text(entry["technique"], v.join(place, "technique"))
        technique = full_library.techniques.get(technique_id)
        if technique is None:
            raise v.FormatError(
                v.join(place, "technique"), f"{v.quote(technique_id)} is not a known technique"
            )
        region, side = _area(entry, place)
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

    if "home_care" in data:
        plan.home_care = [
            _home_care_item(item, v.join("home_care", i), version, full_library)
            for i, item in enumerate(v.array(data["home_care"], "home_care"))
        ]
    read_course_keys(data, version, plan)
    return plan


def _home_care_item(item: Any, place: str, version: int, library: Library) -> HomeCareItem:
    """One home-care entry; a version 1 "frequency" becomes the nearest two numbers.

    Its words are kept in the note (unless they say no more than the numbers).
    """
    entry = v.obj(item, place, ("exercise",), _HOME_CARE_KEYS[min(version, VERSION)])
    exercise_id = v.text(entry["exercise"], v.join(place, "exercise"))
    exercise = library.exercises.get(exercise_id)
    if exercise is None:
        raise v.FormatError(
            v.join(place, "exercise"), f"{v.quote(exercise_id)} is not a known exercise"
        )
    times, days = how_often(entry, place, (exercise.times_a_day, exercise.days_a_week))
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


def loads_plan(text: str, library: Library | None = None) -> SessionPlan:
    """A plan from JSON text; raises :class:`FormatError` naming the place."""
    data = v.strict_json(text)
    return parse_plan(data, library)


def read_text_file(path: str | os.PathLike[str], what: str = "plan file") -> str:
    """The text of a small UTF-8 file, or :class:`PlanFileError` saying why not.

    Only a regular file is read: a FIFO, a device or a socket is refused at once
    (opened without blocking, so a FIFO with no writer cannot hang the command).
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise PlanFileError(path, "no such file") from None
    except PermissionError:
        raise PlanFileError(path, "cannot be read: permission denied") from None
    except IsADirectoryError:
        raise PlanFileError(path, f"is a folder, not a {what}") from None
    except OSError as error:
        raise PlanFileError(path, f"cannot be read: {error.strerror or error}") from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise PlanFileError(path, f"is a folder, not a {what}")
        raise PlanFileError(path, f"is not a regular file (a {what} must be one)")
    with open(descriptor, "rb", closefd=True) as handle:
        try:
            raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise PlanFileError(path, f"cannot be read: {error.strerror or error}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise PlanFileError(path, f"is too large for a {what}")
    if b"\x00" in raw:
        raise PlanFileError(path, f"is not a {what} (it holds binary data)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PlanFileError(
            path, f"is not UTF-8 text (bad byte at position {error.start})"
        ) from None


def load_plan(path: str | os.PathLike[str], library: Library | None = None) -> SessionPlan:
    """Read a plan file; any problem raises :class:`PlanFileError` naming file and place."""
    text = read_text_file(path)
    try:
        return loads_plan(text, library)
    except v.FormatError as error:
        raise PlanFileError(path, str(error)) from None


# -- writing ----------------------------------------------------------------


def plan_to_json(plan: SessionPlan) -> dict[str, Any]:
    """The plan in the file format's shape (only what differs from the defaults is optional)."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "title": plan.title,
        "date": plan.date.isoformat(),
    }
    if plan.length_minutes is not None:
        data["length_minutes"] = plan.length_minutes
    data["therapist"] = {"name": plan.therapist.name, "clinic": plan.therapist.clinic}
    data["client"] = {
        "name": plan.client.name,
        "conditions": list(plan.client.conditions),
        "notes": plan.client.notes,
    }
    data["avoid"] = [
        {"region": a.region, "side": a.side, "reason": a.reason, "note": a.note} for a in plan.avoid
    ]
    data["symptoms"] = []
    for s in plan.symptoms:
        symptom: dict[str, Any] = {"region": s.region, "side": s.side, "kind": s.kind}
        if s.intensity is not None:
            symptom["intensity"] = s.intensity
        data["symptoms"].append(symptom)
    data["steps"] = [
        {
            "technique": s.technique,
            "region": s.region,
            "side": s.side,
            "minutes": s.minutes,
            "pressure": s.pressure,
            "notes": s.notes,
        }
        for s in plan.steps
    ]
    if plan.home_care is not None:
        data["home_care"] = [
            {
                "exercise": h.exercise,
                "minutes": h.minutes,
                "times_a_day": h.times_a_day,
                "days_a_week": h.days_a_week,
                "note": h.note,
            }
            for h in plan.home_care
        ]
    if plan.custom_techniques:
        data["custom_techniques"] = [t.to_json() for t in plan.custom_techniques]
    if plan.custom_exercises:
        data["custom_exercises"] = [e.to_json() for e in plan.custom_exercises]
    data.update(course_keys_to_json(plan))
    return data


def dumps_plan(plan: SessionPlan) -> str:
    return json.dumps(plan_to_json(plan), indent=2, ensure_ascii=False) + "\n"


def with_own_definitions(plan: SessionPlan, library: Library) -> SessionPlan:
    """A copy of the plan that carries the definitions of the user's own entries it uses.

    A plan file must stand alone: a colleague without our store still needs to
    know what "my-foot-opener" is.
    """
    techniques = {t.id: t for t in plan.custom_techniques}
    for step in plan.steps:
        if step.technique not in techniques and library.is_custom_technique(step.technique):
            found = library.techniques.get(step.technique)
            if found is not None:
                techniques[found.id] = found
    exercises = {e.id: e for e in plan.custom_exercises}
    used_exercises = [item.exercise for item in plan.home_care or []]
    used_exercises += [x for t in techniques.values() for x in t.exercises]
    for exercise_id in used_exercises:
        if exercise_id not in exercises and library.is_custom_exercise(exercise_id):
            found_exercise = library.exercises.get(exercise_id)
            if found_exercise is not None:
                exercises[found_exercise.id] = found_exercise
    copy = plan.copy()
    copy.custom_techniques = tuple(techniques.values())
    copy.custom_exercises = tuple(exercises.values())
    return copy


def save_plan(plan: SessionPlan, path: str | os.PathLike[str]) -> None:
    """Write a plan file atomically; raises :class:`PlanFileError` when it cannot."""
    data = dumps_plan(plan).encode("utf-8")
    try:
        write_atomic(path, data)
    except IsADirectoryError:
        raise PlanFileError(path, "is a folder") from None
    except FileNotFoundError:
        raise PlanFileError(path, "cannot be written: the folder does not exist") from None
    except PermissionError:
        raise PlanFileError(path, "cannot be written: permission denied") from None
    except OSError as error:
        raise PlanFileError(path, f"cannot be written: {error.strerror or error}") from None
