"""Plans the export tests build documents from (as plan-file JSON)."""

from __future__ import annotations

import copy
from typing import Any

from planner.core.plan import SessionPlan
from planner.core.planfile import parse_plan

NEUROPATHY_PLAN: dict[str, Any] = {
    "format": "session-plan",
    "version": 1,
    "title": "Neuropathy foot care, week 3",
    "date": "2026-11-21",
    "length_minutes": 60,
    "therapist": {"name": "Sam Rivera, LMT", "clinic": "Northside Bodywork"},
    "client": {
        "name": "Alex Doe",
        "conditions": ["neuropathy", "diabetes"],
        "notes": "Prefers feet first. Feet get cold: keep a blanket over the legs.",
    },
    "avoid": [
        {"region": "heel", "side": "left", "reason": "open-wound", "note": "healing blister"},
        {"region": "shin", "side": "right", "reason": "bruise", "note": ""},
    ],
    "symptoms": [
        {"region": "sole", "side": "both", "kind": "numbness", "intensity": 6},
        {"region": "toes", "side": "both", "kind": "tingling", "intensity": 4},
        {"region": "top-of-foot", "side": "left", "kind": "burning", "intensity": 3},
    ],
    "steps": [
        {"technique": "effleurage", "region": "lower-leg", "side": "both", "minutes": 5},
        {"technique": "gentle-stroking", "region": "foot", "side": "both", "minutes": 6},
        {
            "technique": "circular-friction",
            "region": "sole",
            "side": "left",
            "minutes": 5,
            "notes": "Ball of the foot only; keep well away from the heel.",
        },
        {"technique": "circular-friction", "region": "sole", "side": "right", "minutes": 5},
        {"technique": "toe-work", "region": "toes", "side": "both", "minutes": 8},
        {
            "technique": "range-of-motion",
            "region": "ankle",
            "side": "both",
            "minutes": 6,
            "notes": "Trace the alphabet together, slowly.",
        },
        {"technique": "petrissage", "region": "calf", "side": "both", "minutes": 10},
    ],
}

STEP_CYCLE = NEUROPATHY_PLAN["steps"]


def plan_json(**changes: Any) -> dict[str, Any]:
    """A deep copy of the neuropathy plan with top-level keys replaced."""
    data = copy.deepcopy(NEUROPATHY_PLAN)
    data.update(copy.deepcopy(changes))
    return data


def long_plan_json(steps: int) -> dict[str, Any]:
    """The neuropathy plan with ``steps`` steps (its seven repeated), one minute each."""
    cycle = [dict(step, minutes=1) for step in STEP_CYCLE]
    data = plan_json(steps=[cycle[i % len(cycle)] for i in range(steps)])
    data["length_minutes"] = steps
    return data


def make_plan(data: dict[str, Any] | None = None) -> SessionPlan:
    return parse_plan(plan_json() if data is None else data)
