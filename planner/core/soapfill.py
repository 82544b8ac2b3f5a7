"""SOAP notes drafted from the session, for the therapist to edit.

- **Subjective**: the client's pain ratings and the symptoms they report, with intensities.
- **Objective**: the areas avoided and why, the monofilament screen, the MNSI
  score against its published cut-offs, the work done, and the safety findings.
- **Assessment**: the course so far: each measure flagged much better or
  worse, and what has not clearly changed.
- **Plan**: the home-care routine and the next visit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planner.core.homecare import effective_routine
from planner.core.howoften import in_words
from planner.core.library import Library, builtin_library
from planner.core.measures import MNSI_CUTOFFS, MNSI_MAX_SCORE, site_label
from planner.core.plan import SessionPlan
from planner.core.progress import MUCH_BETTER, WORSE, Series
from planner.core.regions import area_phrase
from planner.core.soap import Soap
from planner.core.vocab import AVOID_REASONS, SYMPTOM_KINDS


def _number(value: float) -> str:
    return f"{value:g}"


def subjective(plan: SessionPlan) -> str:
    lines = []
    m = plan.measures
    if m.pain_before is not None or m.pain_after is not None:
        parts = []
        if m.pain_before is not None:
            parts.append(f"{m.pain_before}/10 before the session")
        if m.pain_after is not None:
            parts.append(f"{m.pain_after}/10 after it")
        lines.append(f"Pain rated {' and '.join(parts)}.")
    for s in plan.symptoms:
        rated = f" ({s.intensity}/10)" if s.intensity is not None else ""
        lines.append(f"{SYMPTOM_KINDS[s.kind]} in {area_phrase(s.region, s.side)}{rated}.")
    if not lines:
        lines.append("No pain rating or symptoms recorded.")
    return "\n".join(lines)


def _mnsi_line(plan: SessionPlan) -> str | None:
    score = plan.measures.mnsi_score()
    if score is None:
        return None
    answered = len(plan.measures.mnsi_a)
    reached = [f"{cutoff} or more" for cutoff, _ in MNSI_CUTOFFS if score >= cutoff]
    verdict = (
        f"at or above the published cut-off of {reached[-1]}"
        if reached
        else "below the published cut-offs (4 or more; 7 or more)"
    )
    return (
        f"MNSI questionnaire: {score} of {MNSI_MAX_SCORE} ({answered} of 15 items answered), "
        f"{verdict}."
    )


def objective(plan: SessionPlan, findings: Sequence[str] = ()) -> str:
    lines = []
    for a in plan.avoid:
        why = AVOID_REASONS.get(a.reason, a.reason).lower() + (f": {a.note}" if a.note else "")
        lines.append(f"Avoided {area_phrase(a.region, a.side)} ({why}).")
    screen = plan.measures.monofilament
    if screen:
        missed = [site_label(key) for key, felt in screen if not felt]
        if missed:
            lines.append(
                f"Monofilament (10 g): not felt at {', '.join(missed)}; felt at "
                f"{len(screen) - len(missed)} of {len(screen)} sites tested."
            )
        else:
            lines.append(f"Monofilament (10 g): felt at all {len(screen)} sites tested.")
    mnsi = _mnsi_line(plan)
    if mnsi:
        lines.append(mnsi)
    if plan.steps:
        lines.append(
            f"Worked {len(plan.steps)} step{'s' if len(plan.steps) != 1 else ''}, "
            f"{_number(plan.total_minutes)} minutes in all."
        )
    lines.extend(f"Safety check: {finding}" for finding in findings)
    return "\n".join(lines) or "Nothing recorded."


def assessment(series: Iterable[Series]) -> str:
    better, worse, steady = [], [], []
    for one in series:
        if len(one.points) < 2:
            continue
        first, latest = one.points[0][1], one.points[-1][1]
        text = (
            f"{one.phrase()}, {_number(first)} to {_number(latest)} over {len(one.points)} visits"
        )
        if one.flag == MUCH_BETTER:
            better.append(text)
        elif one.flag == WORSE:
            worse.append(text)
        else:
            steady.append(one.phrase())
    lines = []
    if better:
        lines.append("Much better: " + "; ".join(better) + ".")
    if worse:
        lines.append("Worse: " + "; ".join(worse) + ". Ask about it; consider referring.")
    if steady:
        lines.append("No clear change: " + "; ".join(steady) + ".")
    return "\n".join(lines) or "First measures of the course: a baseline to compare with."


def plan_part(plan: SessionPlan, library: Library, next_visit: str = "") -> str:
    lines = []
    exercises = {e.id: e for e in plan.custom_exercises}
    for item in effective_routine(plan, library):
        exercise = exercises.get(item.exercise) or library.exercises.get(item.exercise)
        title = exercise.title if exercise else item.exercise
        lines.append(
            f"Home care: {title}, {_number(item.minutes)} min, "
            f"{in_words(item.times_a_day, item.days_a_week)}."
        )
    lines.append(f"Next visit: {next_visit.strip() or 'to be booked'}.")
    return "\n".join(lines)


def draft_soap(
    plan: SessionPlan,
    series: Iterable[Series] = (),
    *,
    library: Library | None = None,
    findings: Sequence[str] = (),
    next_visit: str = "",
) -> Soap:
    """SOAP notes drafted from the plan and the course's series (the therapist edits them)."""
    library = library or builtin_library()
    return Soap(
        subjective=subjective(plan),
        objective=objective(plan, findings),
        assessment=assessment(series),
        plan=plan_part(plan, library, next_visit),
    )
