"""The safety check: every rule of DOMAIN.md's rulebook, applied to a plan.

:func:`check_plan` returns findings ordered by severity (contraindicated,
caution, info), then by step (plan-wide findings first), then by rule. It never
raises on a valid plan, and it is cheap enough to run after every keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.core.homecare import effective_routine
from planner.core.library import Library, Technique, builtin_library
from planner.core.plan import SessionPlan, Step
from planner.core.regions import area_phrase
from planner.core.sensation import screened_symptoms
from planner.core.vocab import (
    AVOID_REASONS,
    PRESSURE_RANK,
    SEVERITY_RANK,
)

RULES: tuple[str, ...] = (
    "avoided-area",
    "contains-avoided-area",
    "bleeding-risk",
    "fragile-bone",
    "cancer-deep-pressure",
    "pregnancy",
    "diabetes",
    "reduced-sensation",
    "hypersensitive-area",
    "neuropathy-gentle",
    "lubricant",
    "over-time",
    "warm-water",
    "course-worse",
)
_RULE_RANK = {rule: rank for rank, rule in enumerate(RULES)}
_FIRM = PRESSURE_RANK["firm"]
_LIGHT = PRESSURE_RANK["light"]
_DEEP = PRESSURE_RANK["deep"]
_BLEEDING_WORDS = {
    "blood-thinners": "takes blood thinners",
    "bleeding-disorder": "has a bleeding disorder",
}


@dataclass(frozen=True)
class Finding:
    """One safety finding: how serious, which rule, which step, where, and why."""

    severity: str
    rule: str
    message: str
    step: int | None = None
    region: str | None = None
    side: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "step": self.step,
            "region": self.region,
            "side": self.side,
        }

    def sort_key(self) -> tuple[int, int, int]:
        return (
            SEVERITY_RANK[self.severity],
            -1 if self.step is None else self.step,
            _RULE_RANK[self.rule],
        )


def _minutes(value: float) -> str:
    return f"{value:g}"


def _step_label(index: int, step: Step, technique: Technique | None) -> str:
    name = technique.name if technique else step.technique
    return f"Step {index + 1} ({name} on {area_phrase(step.region, step.side)}, {step.pressure})"


def check_plan(plan: SessionPlan, library: Library | None = None) -> list[Finding]:
    """Every safety finding of the plan, most serious first."""
    library = library or builtin_library()
    techniques = library.techniques
    custom = {technique.id: technique for technique in plan.custom_techniques}
    conditions = set(plan.client.conditions)
    bleeding = conditions & {"blood-thinners", "bleeding-disorder"}
    findings: list[Finding] = []
    add = findings.append

    if "pregnancy" in conditions:
        add(
            Finding(
                "caution",
                "pregnancy",
                "The client is pregnant: check with their pregnancy care provider before the "
                "session, and keep positioning and pressure comfortable for them.",
            )
        )
    if "diabetes" in conditions:
        add(
            Finding(
                "caution",
                "diabetes",
                "The client has diabetes: make sure their doctor agrees to massage, and look over "
                "both feet for cuts, blisters or sores before you start.",
            )
        )
    if "lubricant-allergy" in conditions:
        add(
            Finding(
                "info",
                "lubricant",
                "The client is allergic to some oils or lotions: use a product they know is safe "
                "for them, or work without one.",
            )
        )
    if plan.length_minutes is not None and plan.total_minutes > plan.length_minutes:
        add(
            Finding(
                "caution",
                "over-time",
                f"The steps add up to {_minutes(plan.total_minutes)} minutes, more than the "
                f"{_minutes(plan.length_minutes)} minutes planned: shorten or remove a step.",
            )
        )
    warm_water_conditions = conditions & {"diabetes", "neuropathy", "severe-sensory-loss"}
    if warm_water_conditions:
        routine = effective_routine(plan, library)
        if any(item.exercise == "marble-bath" for item in routine):
            add(
                Finding(
                    "caution",
                    "warm-water",
                    "The home-care routine has a warm foot bath and the client may not feel heat "
                    "properly: tell them to test the water with a thermometer or an elbow, never "
                    "with the feet.",
                )
            )

    for note in plan.course_notes:
        add(Finding("caution", "course-worse", note))

    # A monofilament site not felt counts as numbness there.
    numb = [s.area for s in screened_symptoms(plan) if s.kind == "numbness"]
    sensitive = [
        (s.area, s.kind) for s in plan.symptoms if s.kind in ("hypersensitivity", "burning")
    ]
    sensory_loss = "severe-sensory-loss" in conditions
    # Worked out once, not once per step: the window checks long plans after every keystroke.
    avoided_areas = []
    for avoided in plan.avoid:
        why = AVOID_REASONS.get(avoided.reason, avoided.reason).lower()
        if avoided.note:
            why += f": {avoided.note}"
        avoided_areas.append((avoided.area, why, area_phrase(avoided.region, avoided.side)))

    for index, step in enumerate(plan.steps):
        technique = custom.get(step.technique) or techniques.get(step.technique)
        vigorous = bool(technique and technique.vigorous)
        rank = PRESSURE_RANK.get(step.pressure, 0)
        area = step.area
        where: dict[str, Any] = {"step": index, "region": step.region, "side": step.side}
        label = _step_label(index, step, technique)

        for avoided_area, why, avoided_phrase in avoided_areas:
            if not avoided_area.overlaps(area):
                continue
            if avoided_area.covers(area):
                add(
                    Finding(
                        "contraindicated",
                        "avoided-area",
                        f"{label} is on an area to avoid, {avoided_phrase} ({why}). "
                        "Leave this step out or move it to another area.",
                        **where,
                    )
                )
            else:
                add(
                    Finding(
                        "caution",
                        "contains-avoided-area",
                        f"{label} includes {avoided_phrase}, which is to be avoided "
                        f"({why}). Work around it.",
                        **where,
                    )
                )
        if bleeding and (vigorous or rank >= _FIRM):
            what = "vigorous" if vigorous else step.pressure
            who = " and ".join(_BLEEDING_WORDS[c] for c in sorted(bleeding))
            add(
                Finding(
                    "contraindicated",
                    "bleeding-risk",
                    f"{label} is {what}, and the client {who}: they bruise and bleed "
                    "easily. Use a gentle, non-vigorous technique with light or moderate pressure.",
                    **where,
                )
            )
        if rank >= _FIRM and "osteoporosis" in conditions:
            add(
                Finding(
                    "caution",
                    "fragile-bone",
                    f"{label} uses {step.pressure} pressure, and the client has osteoporosis: "
                    "bones can break under pressure. Lighten the pressure.",
                    **where,
                )
            )
        if rank >= _FIRM and "cancer" in conditions:
            add(
                Finding(
                    "caution",
                    "cancer-deep-pressure",
                    f"{label} uses {step.pressure} pressure, and the client has cancer: "
                    "ask their oncologist before deep or intense pressure, and never press "
                    "over a tumor.",
                    **where,
                )
            )
        if rank > _LIGHT:
            if sensory_loss:
                add(
                    Finding(
                        "caution",
                        "reduced-sensation",
                        f"{label} is above light pressure, and the client has severe loss of "
                        "sensation: they may not feel harm. Use light pressure and watch the "
                        "tissue.",
                        **where,
                    )
                )
            elif any(numb_area.overlaps(area) for numb_area in numb):
                add(
                    Finding(
                        "caution",
                        "reduced-sensation",
                        f"{label} is above light pressure on an area the client feels as "
                        "numb: they may not feel harm. Use light pressure and watch the tissue.",
                        **where,
                    )
                )
            felt = {kind for sensitive_area, kind in sensitive if sensitive_area.overlaps(area)}
            if felt:
                kinds = " and ".join(sorted(felt))
                add(
                    Finding(
                        "caution",
                        "hypersensitive-area",
                        f"{label} is above light pressure where the client feels {kinds}: "
                        "start light and ask for feedback as you go.",
                        **where,
                    )
                )
        if "neuropathy" in conditions and (vigorous or rank >= _DEEP):
            what = "vigorous" if vigorous else "deep"
            add(
                Finding(
                    "caution",
                    "neuropathy-gentle",
                    f"{label} is {what}, and the client has neuropathy: harsh work can make "
                    "nerve pain worse. Choose a gentler technique or pressure.",
                    **where,
                )
            )

    findings.sort(key=Finding.sort_key)
    return findings


def has_contraindication(findings: list[Finding]) -> bool:
    return any(finding.severity == "contraindicated" for finding in findings)
