"""Where the client has reduced sensation, as the rulebook and the sheet read it.

A monofilament site the client did not feel counts as numbness there (the big
toe on the toes, the two ball-of-foot sites on the sole): it calls for light
pressure and a daily foot check just as a numbness the client reports does.
"""

from __future__ import annotations

from planner.core.measures import site_area
from planner.core.plan import SessionPlan, SymptomArea


def screened_symptoms(plan: SessionPlan) -> list[SymptomArea]:
    """The plan's symptom areas plus numbness where a monofilament was not felt."""
    symptoms = list(plan.symptoms)
    marked = {(s.region, s.side, s.kind) for s in symptoms}
    for key in plan.measures.not_felt():
        region, side = site_area(key)
        if (region, side, "numbness") not in marked:
            marked.add((region, side, "numbness"))
            symptoms.append(SymptomArea(region, side, "numbness"))
    return symptoms


def monofilament_not_felt(plan: SessionPlan) -> bool:
    return bool(plan.measures.not_felt())
