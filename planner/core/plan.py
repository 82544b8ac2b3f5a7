"""The session plan and the edits a therapist makes to it.

Every edit is one method that validates its input, raises :class:`PlanError`
with a clear message when the input is wrong, and returns what an undo needs
(the removed item, the old value). The window's undo commands call these
methods and their inverses; nothing else changes a plan.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from typing import Any

from planner.core import regions as r
from planner.core.library import Exercise, Technique
from planner.core.measures import Measures, check_measures
from planner.core.plan_items import (
    AvoidedArea,
    Client,
    HomeCareItem,
    PlanError,
    Step,
    SymptomArea,
    Therapist,
    check_avoided,
    check_conditions,
    check_home_care_item,
    check_minutes,
    check_step,
    check_symptom,
    check_text,
)
from planner.core.signing import Addendum, Signature
from planner.core.soap import Soap, check_soap
from planner.core.vocab import (
    MAX_SESSION_MINUTES,
)

__all__ = [
    "AvoidedArea",
    "Client",
    "HomeCareItem",
    "PlanError",
    "SessionPlan",
    "Step",
    "SymptomArea",
    "Therapist",
    "check_avoided",
    "check_conditions",
    "check_home_care_item",
    "check_step",
    "check_symptom",
]


def _index(items: list[Any], index: int, what: str, *, insert: bool = False) -> int:
    limit = len(items) + (1 if insert else 0)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < limit:
        raise PlanError(
            f"there is no {what} number {index + 1 if isinstance(index, int) else index}"
        )
    return index


@dataclass
class SessionPlan:
    """A whole session: who, when, what to do, what to leave alone, and home care.

    ``length_minutes`` None means "as long as the steps"; ``home_care`` None means
    "propose a routine from the steps" (see :mod:`planner.core.homecare`).
    """

    title: str = ""
    date: datetime.date = field(default_factory=datetime.date.today)
    length_minutes: int | float | None = None
    therapist: Therapist = field(default_factory=Therapist)
    client: Client = field(default_factory=Client)
    avoid: list[AvoidedArea] = field(default_factory=list)
    symptoms: list[SymptomArea] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    home_care: list[HomeCareItem] | None = None
    custom_techniques: tuple[Technique, ...] = ()
    custom_exercises: tuple[Exercise, ...] = ()
    measures: Measures = field(default_factory=Measures)
    soap: Soap = field(default_factory=Soap)
    # Set by signing (planner.core.signing); a signed plan takes only addenda.
    signature: Signature | None = None
    addenda: tuple[Addendum, ...] = ()
    # Not part of the plan file: sentences about measures that got worse over the
    # client's earlier visits (planner.core.progress.worsening_notes), set by whoever
    # opens the session for its client, read by the safety check.
    course_notes: tuple[str, ...] = field(default=(), compare=False)

    # -- figures ---------------------------------------------------------

    @property
    def total_minutes(self) -> float:
        return sum(step.minutes for step in self.steps)

    @property
    def planned_minutes(self) -> float:
        """The planned length, or the steps' total when none was set."""
        return self.total_minutes if self.length_minutes is None else self.length_minutes

    def running_minutes(self) -> list[float]:
        """Minutes elapsed at the end of each step."""
        total = 0.0
        result = []
        for step in self.steps:
            total += step.minutes
            result.append(total)
        return result

    def copy(self) -> SessionPlan:
        """An independent copy (the lists are new; the items are immutable)."""
        return dataclasses.replace(
            self,
            avoid=list(self.avoid),
            symptoms=list(self.symptoms),
            steps=list(self.steps),
            home_care=None if self.home_care is None else list(self.home_care),
        )

    # -- header ----------------------------------------------------------

    def set_details(self, **changes: Any) -> dict[str, Any]:
        """Change title, date, length_minutes, therapist or client; returns the old values."""
        allowed = {"title", "date", "length_minutes", "therapist", "client"}
        unknown = set(changes) - allowed
        if unknown:
            raise PlanError(f"cannot change {', '.join(sorted(unknown))} of a plan")
        if "title" in changes:
            check_text(changes["title"], "the title")
        if "date" in changes and not isinstance(changes["date"], datetime.date):
            raise PlanError("the date must be a calendar date")
        if "length_minutes" in changes and changes["length_minutes"] is not None:
            check_minutes(changes["length_minutes"], MAX_SESSION_MINUTES)
        if "therapist" in changes:
            therapist = changes["therapist"]
            if not isinstance(therapist, Therapist):
                raise PlanError("the therapist must be a Therapist")
            check_text(therapist.name, "the therapist's name")
            check_text(therapist.clinic, "the clinic")
        if "client" in changes:
            client = changes["client"]
            if not isinstance(client, Client):
                raise PlanError("the client must be a Client")
            check_text(client.name, "the client's name")
            check_text(client.notes, "the client notes")
            check_conditions(client.conditions)
        old = {name: getattr(self, name) for name in changes}
        for name, value in changes.items():
            setattr(self, name, value)
        return old

    def set_measures(self, measures: Measures) -> Measures:
        """Replace the visit's measures; returns the old ones."""
        try:
            checked = check_measures(measures)
        except ValueError as error:
            raise PlanError(str(error)) from None
        old, self.measures = self.measures, checked
        return old

    def set_soap(self, soap: Soap) -> Soap:
        """Replace the SOAP notes; returns the old ones."""
        try:
            checked = check_soap(soap)
        except ValueError as error:
            raise PlanError(str(error)) from None
        old, self.soap = self.soap, checked
        return old

    def set_conditions(self, conditions: tuple[str, ...]) -> tuple[str, ...]:
        """Replace the client's conditions; returns the old ones."""
        old = self.client.conditions
        self.client = dataclasses.replace(
            self.client, conditions=check_conditions(tuple(conditions))
        )
        return old

    # -- steps -----------------------------------------------------------

    def insert_step(self, index: int, step: Step) -> int:
        _index(self.steps, index, "step", insert=True)
        self.steps.insert(index, check_step(step))
        return index

    def add_step(self, step: Step) -> int:
        return self.insert_step(len(self.steps), step)

    def remove_step(self, index: int) -> Step:
        return self.steps.pop(_index(self.steps, index, "step"))

    def move_step(self, source: int, target: int) -> None:
        """Move the step at ``source`` so that it ends up at ``target``."""
        _index(self.steps, source, "step")
        _index(self.steps, target, "step")
        self.steps.insert(target, self.steps.pop(source))

    def update_step(self, index: int, **changes: Any) -> Step:
        """Change fields of one step; returns the step as it was."""
        old = self.steps[_index(self.steps, index, "step")]
        try:
            new = dataclasses.replace(old, **changes)
        except TypeError:
            raise PlanError(f"a step has no field {', '.join(sorted(changes))}") from None
        self.steps[index] = check_step(new)
        return old

    def replace_step(self, index: int, step: Step) -> Step:
        old = self.steps[_index(self.steps, index, "step")]
        self.steps[index] = check_step(step)
        return old

    # -- avoided areas -----------------------------------------------------

    def avoided_index(self, region: str, side: str) -> int | None:
        for i, area in enumerate(self.avoid):
            if area.region == region and area.side == side:
                return i
        return None

    def insert_avoided(self, index: int, area: AvoidedArea) -> int:
        _index(self.avoid, index, "avoided area", insert=True)
        check_avoided(area)
        if self.avoided_index(area.region, area.side) is not None:
            raise PlanError(f"{r.area_phrase(area.region, area.side)} is already avoided")
        self.avoid.insert(index, area)
        return index

    def avoid_area(self, area: AvoidedArea) -> int:
        return self.insert_avoided(len(self.avoid), area)

    def remove_avoided(self, index: int) -> AvoidedArea:
        return self.avoid.pop(_index(self.avoid, index, "avoided area"))

    def stop_avoiding(self, region: str, side: str) -> tuple[int, AvoidedArea]:
        index = self.avoided_index(region, side)
        if index is None:
            raise PlanError(f"{r.area_phrase(region, side)} is not avoided")
        return index, self.avoid.pop(index)

    def replace_avoided(self, index: int, area: AvoidedArea) -> AvoidedArea:
        old = self.avoid[_index(self.avoid, index, "avoided area")]
        check_avoided(area)
        other = self.avoided_index(area.region, area.side)
        if other is not None and other != index:
            raise PlanError(f"{r.area_phrase(area.region, area.side)} is already avoided")
        self.avoid[index] = area
        return old

    # -- symptom areas -----------------------------------------------------

    def symptom_index(self, region: str, side: str, kind: str) -> int | None:
        for i, symptom in enumerate(self.symptoms):
            if (symptom.region, symptom.side, symptom.kind) == (region, side, kind):
                return i
        return None

    def insert_symptom(self, index: int, symptom: SymptomArea) -> int:
        _index(self.symptoms, index, "symptom area", insert=True)
        check_symptom(symptom)
        if self.symptom_index(symptom.region, symptom.side, symptom.kind) is not None:
            raise PlanError(
                f"{symptom.kind} in {r.area_phrase(symptom.region, symptom.side)} is already marked"
            )
        self.symptoms.insert(index, symptom)
        return index

    def mark_symptom(self, symptom: SymptomArea) -> int:
        return self.insert_symptom(len(self.symptoms), symptom)

    def remove_symptom(self, index: int) -> SymptomArea:
        return self.symptoms.pop(_index(self.symptoms, index, "symptom area"))

    def replace_symptom(self, index: int, symptom: SymptomArea) -> SymptomArea:
        old = self.symptoms[_index(self.symptoms, index, "symptom area")]
        check_symptom(symptom)
        other = self.symptom_index(symptom.region, symptom.side, symptom.kind)
        if other is not None and other != index:
            raise PlanError(
                f"{symptom.kind} in {r.area_phrase(symptom.region, symptom.side)} is already marked"
            )
        self.symptoms[index] = symptom
        return old

    # -- home care ---------------------------------------------------------

    def set_home_care(self, items: list[HomeCareItem] | None) -> list[HomeCareItem] | None:
        """Replace the whole routine (None: let the planner propose one)."""
        if items is not None:
            items = [check_home_care_item(item) for item in items]
        old = self.home_care
        self.home_care = items
        return old

    def insert_home_care(self, index: int, item: HomeCareItem) -> int:
        routine = self.home_care if self.home_care is not None else []
        _index(routine, index, "home-care exercise", insert=True)
        routine.insert(index, check_home_care_item(item))
        self.home_care = routine
        return index

    def remove_home_care(self, index: int) -> HomeCareItem:
        routine = self.home_care or []
        return routine.pop(_index(routine, index, "home-care exercise"))

    def move_home_care(self, source: int, target: int) -> None:
        routine = self.home_care or []
        _index(routine, source, "home-care exercise")
        _index(routine, target, "home-care exercise")
        routine.insert(target, routine.pop(source))

    def replace_home_care(self, index: int, item: HomeCareItem) -> HomeCareItem:
        routine = self.home_care or []
        old = routine[_index(routine, index, "home-care exercise")]
        routine[index] = check_home_care_item(item)
        return old
