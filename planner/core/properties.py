"""What the safety rules may read about a technique or an exercise.

Each property is a yes/no that reads as "no" when an entry leaves it out (older own
entries and plan files); the dialogs show the label, with the meaning as a tip.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from planner.core import validate as v

# name: (short label, what it means)
TECHNIQUE_PROPERTIES: dict[str, tuple[str, str]] = {
    "vigorous": ("Vigorous", "Brisk or forceful work."),
    "percussive": ("Percussive", "Strikes or taps the body, as tapotement does."),
    "skin_pull": ("Pulls the skin", "Shears or drags the skin, as connective-tissue work does."),
    "heat": ("Uses heat", "Hot stones, heat packs or warm towels."),
    "deep_static": ("Sustained hold", "Sustained (deep) pressure held on one spot."),
}
EXERCISE_PROPERTIES: dict[str, tuple[str, str]] = {
    "soak": ("Soak", "Feet or hands go into water."),
    "heat": ("Uses heat", "Warm water or a heat pad."),
    "barefoot": ("Bare feet on the floor", "Done with bare feet on the floor or ground."),
    "standing": ("Standing", "Done standing, so it needs balance."),
    "self_pressure": ("Presses own tissue", "The client presses or rubs their own tissue."),
}


def read_properties(data: Mapping[str, Any], place: str, names: Iterable[str]) -> dict[str, bool]:
    """Each property as a boolean; a missing one reads as False."""
    return {name: v.boolean(data.get(name, False), v.join(place, name)) for name in names}


def property_words(entry: object, table: dict[str, tuple[str, str]]) -> list[str]:
    """The properties an entry has, in words for a list: ["vigorous", "percussive"]."""
    return [label.lower() for name, (label, _) in table.items() if getattr(entry, name, False)]
