"""Words and small pieces every room shows or passes the same way."""

from __future__ import annotations

from planner.core.library import Technique
from planner.core.plan import Step
from planner.core.regions import default_side

# A technique dragged from the library onto the steps table or the body map.
TECHNIQUE_MIME = "application/x-planner-technique"
SIDE_NAMES = {
    "left": "Client's left",
    "right": "Client's right",
    "both": "Both",
    "midline": "Midline",
}
# After the title of the therapist's own exercise, wherever exercises are listed.
OWN_MARK = " (your own)"


def step_from_technique(technique: Technique) -> Step:
    """A new step with the technique's defaults, on the first region it suits."""
    region = technique.regions[0] if technique.regions else "upper-back"
    return Step(
        technique.id,
        region,
        default_side(region),
        technique.default_minutes,
        technique.default_pressure,
    )
