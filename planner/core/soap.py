"""A session's notes in the four SOAP parts: Subjective, Objective, Assessment, Plan.

:mod:`planner.core.soapfill` drafts them from the session; the therapist edits
them freely. In a plan file they are ``"soap": {"subjective", "objective",
"assessment", "plan"}``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from planner.core import validate as v

PARTS: dict[str, str] = {
    "subjective": "Subjective",
    "objective": "Objective",
    "assessment": "Assessment",
    "plan": "Plan",
}


@dataclass(frozen=True)
class Soap:
    subjective: str = ""
    objective: str = ""
    assessment: str = ""
    plan: str = ""

    @property
    def empty(self) -> bool:
        return not any(getattr(self, part).strip() for part in PARTS)

    def parts(self) -> list[tuple[str, str]]:
        """(heading, text) of each part, in SOAP order."""
        return [(PARTS[f.name], getattr(self, f.name)) for f in fields(self)]


def check_soap(soap: Soap) -> Soap:
    for part in PARTS:
        value = getattr(soap, part)
        if not isinstance(value, str):
            raise ValueError(f"the {part} part of the notes must be text")
        if len(value) > v.MAX_TEXT:
            raise ValueError(f"the {part} part of the notes is too long")
    return soap


def parse_soap(data: Any, place: str) -> Soap:
    entry = v.obj(data, place, (), tuple(PARTS))
    return Soap(**{part: v.text(entry.get(part, ""), v.join(place, part)) for part in PARTS})


def soap_to_json(soap: Soap) -> dict[str, str]:
    return {part: getattr(soap, part) for part in PARTS}
