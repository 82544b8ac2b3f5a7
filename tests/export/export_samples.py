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


# A client with neuropathy after chemotherapy: hands and feet, blood thinners, a healing
# port scar; the routine is proposed.
HANDS_PLAN: dict[str, Any] = {
    "format": "session-plan",
    "version": 2,
    "title": "Hands and feet after chemotherapy",
    "date": "2026-11-24",
    "length_minutes": 45,
    "therapist": {"name": "Jo Lee, LMT", "clinic": "Riverside Massage"},
    "client": {"name": "Maria Gomez", "conditions": ["neuropathy", "cancer", "blood-thinners"]},
    "avoid": [{"region": "upper-arm", "side": "right", "reason": "recent-surgery", "note": "port"}],
    "symptoms": [
        {"region": "fingers", "side": "both", "kind": "tingling", "intensity": 5},
        {"region": "palm", "side": "both", "kind": "burning", "intensity": 4},
        {"region": "sole", "side": "both", "kind": "numbness", "intensity": 3},
    ],
    "steps": [
        {"technique": "effleurage", "region": "hand", "side": "both", "minutes": 8},
        {"technique": "gentle-stroking", "region": "fingers", "side": "both", "minutes": 6},
        {"technique": "effleurage", "region": "foot", "side": "both", "minutes": 8},
        {"technique": "range-of-motion", "region": "ankle", "side": "both", "minutes": 5},
    ],
}

# An older client with severe loss of feeling and fragile bones; the therapist wrote the
# routine, with a foot bath, a note and an own exercise.
WRITTEN_PLAN: dict[str, Any] = {
    "format": "session-plan",
    "version": 2,
    "title": "Gentle foot care",
    "date": "2026-11-26",
    "therapist": {"name": "Sam Rivera, LMT"},
    "client": {
        "name": "Walter Brown",
        "conditions": ["neuropathy", "osteoporosis", "severe-sensory-loss"],
    },
    "avoid": [{"region": "toes", "side": "left", "reason": "client-request"}],
    "symptoms": [{"region": "foot", "side": "both", "kind": "numbness", "intensity": 7}],
    "steps": [
        {"technique": "gentle-stroking", "region": "foot", "side": "both", "minutes": 10},
        {"technique": "circular-friction", "region": "sole", "side": "both", "minutes": 8},
    ],
    "home_care": [
        {"exercise": "foot-check", "minutes": 2},
        {"exercise": "marble-bath", "minutes": 5, "days_a_week": 3, "note": "After your shower."},
        {"exercise": "toe-alphabet", "minutes": 3, "times_a_day": 2},
        {"exercise": "my-sock-roll", "minutes": 2},
    ],
    "custom_exercises": [
        {
            "id": "my-sock-roll",
            "title": "Roll a towel with your toes",
            "steps": [
                "Sit down. Put a small towel on the floor.",
                "Keep your socks on. Pull the towel to you with your toes.",
                "Push it back out the same way.",
            ],
            "minutes": 2,
            "cautions": ["Stay seated the whole time."],
            "regions": ["toes"],
        }
    ],
}

REALISTIC_PLANS: dict[str, dict[str, Any]] = {
    "diabetic feet, proposed": NEUROPATHY_PLAN,
    "hands after chemotherapy, proposed": HANDS_PLAN,
    "older client, written": WRITTEN_PLAN,
}
