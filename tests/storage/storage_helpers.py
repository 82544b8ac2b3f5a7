"""Plans, records and folder snapshots shared by the store tests."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from planner.core.library import Exercise, Technique
from planner.core.plan import AvoidedArea, Client, HomeCareItem, SessionPlan, Step, SymptomArea

OWN_EXERCISE = Exercise(
    id="my-toe-spread",
    title="Toe spread",
    steps=("Sit with both feet flat.", "Spread the toes.", "Hold for five breaths."),
    minutes=3,
    times_a_day=2,
    regions=("toes",),
)
OWN_TECHNIQUE = Technique(
    id="my-foot-opener",
    name="Foot opener",
    family="stroking",
    description="A slow stroke from toes to heel.",
    default_pressure="light",
    default_minutes=6,
    vigorous=False,
    regions=("foot",),
    exercises=("my-toe-spread",),
)


def make_plan(title: str = "Feet, week 1", day: int = 1, *, own: bool = False) -> SessionPlan:
    """A plan like a therapist's, optionally using (and carrying) an own technique."""
    plan = SessionPlan(
        title=title,
        date=datetime.date(2026, 3, day),
        length_minutes=45,
        client=Client("Alex Doe", ("neuropathy", "diabetes"), "Prefers feet first."),
        avoid=[AvoidedArea("heel", "left", "open-wound", "healing blister")],
        symptoms=[SymptomArea("sole", "both", "numbness", 6)],
        steps=[
            Step("effleurage", "foot", "both", 5, "light", "warm up"),
            Step("petrissage", "calf", "left", 7.5, "moderate"),
        ],
        home_care=[HomeCareItem("toe-alphabet", 5, 2, note="seated")],
    )
    if own:
        plan.steps.append(Step(OWN_TECHNIQUE.id, "foot", "right", 6, "light"))
        plan.custom_techniques = (OWN_TECHNIQUE,)
        plan.custom_exercises = (OWN_EXERCISE,)
    return plan


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (to prove a folder was left untouched)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def modes(folder: Path) -> dict[str, int]:
    result = {".": folder.stat().st_mode & 0o777}
    for path in folder.rglob("*"):
        result[str(path.relative_to(folder))] = os.stat(path).st_mode & 0o777
    return result
