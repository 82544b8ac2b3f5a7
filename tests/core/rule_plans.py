"""Small plans for the safety-rule tests, and their findings as comparable rows."""

from __future__ import annotations

from planner.core.library import Exercise, Technique
from planner.core.plan import AvoidedArea, Client, HomeCareItem, SessionPlan, Step, SymptomArea
from planner.core.safety import check_plan

# (severity, rule, where, region, side): where is a step index, "home N" or None.
Row = tuple[str, str, int | str | None, str | None, str | None]


def step(
    region: str = "foot",
    side: str = "both",
    pressure: str = "light",
    technique: str = "effleurage",
    minutes: float = 5,
) -> Step:
    return Step(technique, region, side, minutes, pressure)


def make_plan(
    *steps: Step,
    conditions: tuple[str, ...] = (),
    avoid: tuple[tuple[str, ...], ...] = (),
    symptoms: tuple[tuple[str, str, str], ...] = (),
    length: float | None = None,
    home_care: tuple[str, ...] | None = None,
    course: tuple[str, ...] = (),
    custom_techniques: tuple[Technique, ...] = (),
    custom_exercises: tuple[Exercise, ...] = (),
) -> SessionPlan:
    """A plan; an avoided area is (region, side) for an open wound or (region, side, reason).

    ``home_care`` None lets the planner propose the routine.
    """
    return SessionPlan(
        title="Test",
        length_minutes=length,
        client=Client("Alex", conditions),
        avoid=[AvoidedArea(a[0], a[1], a[2] if len(a) > 2 else "open-wound") for a in avoid],
        symptoms=[SymptomArea(region, side, kind, 5) for region, side, kind in symptoms],
        steps=list(steps),
        home_care=None if home_care is None else [HomeCareItem(x, 5) for x in home_care],
        custom_techniques=custom_techniques,
        custom_exercises=custom_exercises,
        course_notes=course,
    )


def rows(plan: SessionPlan, rule: str | None = None) -> list[Row]:
    """The plan's findings as rows, only those of ``rule`` when it is given."""
    return [
        (
            f.severity,
            f.rule,
            f"home {f.home_care}" if f.home_care is not None else f.step,
            f.region,
            f.side,
        )
        for f in check_plan(plan)
        if rule is None or f.rule == rule
    ]
