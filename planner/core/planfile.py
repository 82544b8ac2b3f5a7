"""Plan files: the JSON format of PLAN_FORMAT.md, read strictly and written atomically.

Every problem in a file is reported with its place (``steps[2].minutes: must be
greater than 0``) and nothing is written when the input is bad. Saving and then
loading a plan gives back an equal plan.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from typing import Any

from planner.core import plan_sections as sections
from planner.core import validate as v
from planner.core.atomicfile import write_atomic
from planner.core.coursefile import KEYS as COURSE_KEYS
from planner.core.coursefile import course_keys_to_json, read_course_keys
from planner.core.i18n import SOURCE_LANGUAGE
from planner.core.library import (
    Exercise,
    Library,
    Technique,
    builtin_library,
    parse_exercise,
    parse_technique,
)
from planner.core.plan import (
    SessionPlan,
)

FORMAT = "session-plan"
VERSION = 2
MAX_FILE_BYTES = 20 * 1024 * 1024
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
    sections.read_header(plan, data)
    sections.read_avoid(plan, data)
    sections.read_symptoms(plan, data)
    sections.read_steps(plan, data, full_library)
    sections.read_home_care(plan, data, version, full_library)
    read_course_keys(data, version, plan)
    return plan


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
    if plan.client.language != SOURCE_LANGUAGE:
        data["client"]["language"] = plan.client.language
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
