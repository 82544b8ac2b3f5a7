"""The parts of a session plan: its steps, areas, home-care items and people, and their checks.

Each part is an immutable record; each ``check_...`` returns it unchanged or
raises :class:`PlanError` with a clear message. :mod:`planner.core.plan` holds
the plan itself and its edits.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core import howoften
from planner.core import regions as r
from planner.core.vocab import (
    AVOID_REASONS,
    CONDITIONS,
    MAX_INTENSITY,
    MAX_STEP_MINUTES,
    PRESSURES,
    SYMPTOM_KINDS,
)


class PlanError(ValueError):
    """An edit or a value that a session plan cannot take."""


@dataclass(frozen=True)
class Step:
    """One step of the session: a technique on an area, for some minutes."""

    technique: str
    region: str
    side: str
    minutes: int | float
    pressure: str
    notes: str = ""

    @property
    def area(self) -> r.Area:
        return r.Area(self.region, self.side)


@dataclass(frozen=True)
class AvoidedArea:
    """An area the session must leave alone, and why."""

    region: str
    side: str
    reason: str
    note: str = ""

    @property
    def area(self) -> r.Area:
        return r.Area(self.region, self.side)


@dataclass(frozen=True)
class SymptomArea:
    """Where the client feels something: numbness, tingling, pain..."""

    region: str
    side: str
    kind: str
    intensity: int | None = None

    @property
    def area(self) -> r.Area:
        return r.Area(self.region, self.side)


@dataclass(frozen=True)
class HomeCareItem:
    """One exercise of the client's home-care routine.

    ``minutes`` is each time; the item takes ``minutes * times_a_day`` of a day on
    which it is done. ``note`` is for the client ("after your shower").
    """

    exercise: str
    minutes: int | float
    times_a_day: int = 1
    days_a_week: int = 7
    note: str = ""

    @property
    def daily_minutes(self) -> float:
        return self.minutes * self.times_a_day


@dataclass(frozen=True)
class Therapist:
    name: str = ""
    clinic: str = ""


@dataclass(frozen=True)
class Client:
    name: str = ""
    conditions: tuple[str, ...] = ()
    notes: str = ""
    # The language of the client's papers (a code of planner.core.i18n.available()).
    language: str = "en"


def _check_area(region: object, side: object) -> None:
    if not r.is_region(region):
        raise PlanError(f"{region!r} is not a known body region")
    problem = r.side_problem(region, side)  # type: ignore[arg-type]
    if problem:
        raise PlanError(f"side {problem}")


def check_minutes(minutes: object, maximum: float) -> None:
    if isinstance(minutes, bool) or not isinstance(minutes, (int, float)):
        raise PlanError("minutes must be a number")
    if not minutes > 0:
        raise PlanError("minutes must be greater than 0")
    if minutes > maximum:
        raise PlanError(f"minutes must be at most {maximum:g}")


def check_text(value: object, what: str) -> None:
    if not isinstance(value, str):
        raise PlanError(f"{what} must be text")


def check_step(step: Step) -> Step:
    if not isinstance(step.technique, str) or not step.technique:
        raise PlanError("a step needs a technique")
    _check_area(step.region, step.side)
    check_minutes(step.minutes, MAX_STEP_MINUTES)
    if step.pressure not in PRESSURES:
        raise PlanError(f"{step.pressure!r} is not a pressure (light, moderate, firm or deep)")
    check_text(step.notes, "notes")
    return step


def check_avoided(area: AvoidedArea) -> AvoidedArea:
    _check_area(area.region, area.side)
    if area.reason not in AVOID_REASONS:
        raise PlanError(f"{area.reason!r} is not a known reason to avoid an area")
    check_text(area.note, "the note")
    return area


def check_symptom(symptom: SymptomArea) -> SymptomArea:
    _check_area(symptom.region, symptom.side)
    if symptom.kind not in SYMPTOM_KINDS:
        raise PlanError(f"{symptom.kind!r} is not a known kind of symptom")
    intensity = symptom.intensity
    if intensity is not None and (
        isinstance(intensity, bool)
        or not isinstance(intensity, int)
        or not 0 <= intensity <= MAX_INTENSITY
    ):
        raise PlanError("intensity must be a whole number from 0 to 10")
    return symptom


def check_home_care_item(item: HomeCareItem) -> HomeCareItem:
    if not isinstance(item.exercise, str) or not item.exercise:
        raise PlanError("a home-care entry needs an exercise")
    check_minutes(item.minutes, MAX_STEP_MINUTES)
    problem = howoften.check(item.times_a_day, item.days_a_week)
    if problem:
        raise PlanError(problem)
    check_text(item.note, "the note")
    return item


def check_conditions(conditions: tuple[str, ...]) -> tuple[str, ...]:
    for condition in conditions:
        if condition not in CONDITIONS:
            raise PlanError(f"{condition!r} is not a known condition")
    if len(set(conditions)) != len(conditions):
        raise PlanError("a condition is listed twice")
    return tuple(conditions)
