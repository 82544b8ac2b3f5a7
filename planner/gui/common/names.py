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


_LISTS = {
    "steps": "step",
    "avoid": "avoided area",
    "symptoms": "symptom area",
    "home_care": "home-care item",
    "templates": "template",
    "custom_techniques": "own technique",
    "custom_exercises": "own exercise",
}


def counted_from_one(text: str) -> str:
    """A file error as people count: "steps[2].minutes" becomes "step 3, minutes".

    Plan and templates files name places as paths counted from 0 (the command
    line keeps that: a script can find the place); the window speaks to a person.
    """
    import re

    def one(found: re.Match[str]) -> str:
        name, number, rest = found.group(1), int(found.group(2)), found.group(3)
        label = _LISTS.get(name, name.replace("_", " "))
        return f"{label} {number + 1}" + (f", {rest}" if rest else "")

    return re.sub(r"\b([a-z_]+)\[(\d+)\](?:\.([a-z_]+))?", one, text)
