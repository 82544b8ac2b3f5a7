"""What the intake and consent form is filled in with: the client's record and the plan.

The form is pre-filled from what the store knows; what it does not know is
left as a blank line for the client to fill in, never guessed. A condition
not on record is asked, not answered "no".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.core.i18n import N_
from planner.core.library import Library, Technique
from planner.core.plan import AvoidedArea, SessionPlan, SymptomArea

CONSENT = N_(
    "I have told my therapist about my health as far as I know it, and I will tell them "
    "when anything changes. I understand that massage does not replace medical care and "
    "that my therapist does not diagnose illness or prescribe treatment. I agree to the "
    "massage described on this form. I may ask questions at any time, ask for lighter "
    "pressure or a break, or ask to stop. I can withdraw my consent at any time, before "
    "or during a session, without giving a reason."
)


@dataclass(frozen=True)
class Intake:
    """Everything the form shows; empty text means "leave a line to fill in"."""

    name: str
    birth_date: str = ""
    contact: str = ""
    conditions: tuple[str, ...] = ()
    notes: str = ""
    avoid: tuple[AvoidedArea, ...] = ()
    symptoms: tuple[SymptomArea, ...] = ()
    planned_areas: tuple[tuple[str, str], ...] = ()
    techniques: tuple[Technique, ...] = ()
    therapist: str = ""
    clinic: str = ""
    language: str = "en"  # the client's: the form is in it


def first_sentence(description: str) -> str:
    """How a technique is done, in its first sentence (without the full stop)."""
    return description.split(". ")[0].rstrip(".")


def _unique(items: Sequence[object]) -> tuple:  # type: ignore[type-arg]
    seen: list[object] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return tuple(seen)


def make_intake(
    name: str,
    *,
    birth_date: str = "",
    contact: str = "",
    conditions: Sequence[str] = (),
    notes: str = "",
    avoid: Sequence[AvoidedArea] = (),
    symptoms: Sequence[SymptomArea] = (),
    plan: SessionPlan | None = None,
    library: Library | None = None,
    language: str = "en",
) -> Intake:
    """The form's content from a client's record and their latest (or next) session's plan."""
    planned: list[tuple[str, str]] = []
    techniques: list[Technique] = []
    therapist = clinic = ""
    if plan is not None:
        own = {t.id: t for t in plan.custom_techniques}
        for step in plan.steps:
            planned.append((step.region, step.side))
            found = own.get(step.technique) or (
                library.techniques.get(step.technique) if library else None
            )
            if found is not None:
                techniques.append(found)
        # The plan is newer than the standing record: its entries come first.
        avoid = [*plan.avoid, *avoid]
        symptoms = [*plan.symptoms, *symptoms]
        conditions = [*conditions, *plan.client.conditions]
        therapist, clinic = plan.therapist.name, plan.therapist.clinic
    standing_avoid: dict[tuple[str, str], AvoidedArea] = {}
    for area in avoid:
        standing_avoid.setdefault((area.region, area.side), area)
    felt: dict[tuple[str, str, str], SymptomArea] = {}
    for symptom in symptoms:
        felt.setdefault((symptom.region, symptom.side, symptom.kind), symptom)
    return Intake(
        name=name,
        birth_date=birth_date,
        contact=contact,
        conditions=_unique(list(conditions)),
        notes=notes,
        avoid=tuple(standing_avoid.values()),
        symptoms=tuple(felt.values()),
        planned_areas=_unique(planned),
        techniques=_unique(techniques),
        therapist=therapist,
        clinic=clinic,
        language=language,
    )
