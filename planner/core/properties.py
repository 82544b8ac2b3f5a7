"""What the safety rules may read about a technique or an exercise.

Each property is a yes/no that reads as "no" when an entry leaves it out (older own
entries and plan files); the label is what the therapist's dialogs show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from planner.core import validate as v

TECHNIQUE_PROPERTIES: dict[str, str] = {
    "vigorous": "Vigorous (brisk or forceful)",
    "percussive": "Percussive (strikes or taps the body)",
    "skin_pull": "Pulls the skin (shears or drags it)",
    "heat": "Uses heat (hot stones, packs, warm towels)",
    "deep_static": "Sustained deep pressure (held on one spot)",
}
EXERCISE_PROPERTIES: dict[str, str] = {
    "soak": "Soak (feet or hands in water)",
    "heat": "Uses heat (warm water, heat pad)",
    "barefoot": "Bare feet on the floor",
    "standing": "Standing (needs balance)",
    "self_pressure": "The client presses on their own tissue",
}


def read_properties(data: Mapping[str, Any], place: str, names: Iterable[str]) -> dict[str, bool]:
    """Each property as a boolean; a missing one reads as False."""
    return {name: v.boolean(data.get(name, False), v.join(place, name)) for name in names}
