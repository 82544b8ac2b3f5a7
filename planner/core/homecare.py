"""The home-care routine: the one the therapist wrote, or one the planner proposes.

A proposal follows the session: every exercise related to a technique used in the
steps, plus the daily neuropathy foot routine when the client has neuropathy and
the feet are worked (and the hand routine when the hands are). Exercises come in
a sensible order (warm the feet, move the ankles, work the toes, then the rest),
each once. An exercise done only on an area the client must leave alone entirely
is left out, and so is every exercise the safety rules would rule out for this
plan (a soak over a wound, pressing on an avoided area, anything on a limb with a
blood clot), and a soak for a diabetic client (the therapist may still add one).
"""

from __future__ import annotations

from planner.core.library import Exercise, Library, builtin_library
from planner.core.plan import HomeCareItem, SessionPlan
from planner.core.regions import (
    BOTH,
    LEFT,
    MIDLINE,
    REGION_NAMES,
    RIGHT,
    Area,
    area_name,
    default_side,
    is_paired,
)
from planner.core.rules import HOME_CARE, RULEBOOK, WORK, Facts

# The daily self-care routine for neuropathy in the feet, in the order it is done.
NEUROPATHY_FOOT_ROUTINE: tuple[str, ...] = (
    "foot-massage",
    "toe-alphabet",
    "toe-squeeze",
    "between-toes",
    "calf-massage",
    "floor-foot-rub",
)
NEUROPATHY_HAND_ROUTINE: tuple[str, ...] = ("hand-massage", "finger-stroke")
_FEET = Area("foot", BOTH)
_HANDS = Area("hand", BOTH)


def _exercise_lookup(plan: SessionPlan, library: Library) -> dict[str, Exercise]:
    lookup = dict(library.exercises)
    lookup.update((exercise.id, exercise) for exercise in plan.custom_exercises)
    return lookup


def propose_routine(
    plan: SessionPlan, library: Library | None = None, facts: Facts | None = None
) -> list[HomeCareItem]:
    """A routine drawn from the plan's steps and the client's conditions."""
    library = library or builtin_library()
    facts = facts or Facts(plan, library)
    exercises = _exercise_lookup(plan, library)
    techniques = dict(library.techniques)
    techniques.update((technique.id, technique) for technique in plan.custom_techniques)

    wanted: list[str] = []
    for step in plan.steps:
        technique = techniques.get(step.technique)
        if technique:
            wanted.extend(
                exercise_id
                for exercise_id in technique.exercises
                if exercise_id in exercises and _suits(exercises[exercise_id], step.area)
            )
    if "neuropathy" in plan.client.conditions:
        if any(step.area.overlaps(_FEET) for step in plan.steps):
            wanted.extend(NEUROPATHY_FOOT_ROUTINE)
        if any(step.area.overlaps(_HANDS) for step in plan.steps):
            wanted.extend(NEUROPATHY_HAND_ROUTINE)

    order = {exercise_id: rank for rank, exercise_id in enumerate(exercises)}
    chosen = sorted(
        {exercise_id for exercise_id in wanted if exercise_id in exercises},
        key=lambda exercise_id: order[exercise_id],
    )
    routine = []
    for exercise_id in chosen:
        exercise = exercises[exercise_id]
        note = _leave_out_note(plan, exercise)
        if note is None or (exercise.soak and "diabetes" in facts.conditions):
            continue
        item = HomeCareItem(
            exercise_id, exercise.minutes, exercise.times_a_day, exercise.days_a_week, note
        )
        if not _ruled_out(facts, item):
            routine.append(item)
    return routine


def _ruled_out(facts: Facts, item: HomeCareItem) -> bool:
    """True when a rule finds the item contraindicated for this plan."""
    work = facts.home_work(0, item)
    return any(
        rule.severity == "contraindicated"
        and rule.scope in (HOME_CARE, WORK)
        and rule.when(facts)
        and any(True for _ in rule.fire(facts, work))
        for rule in RULEBOOK
    )


def _suits(exercise: Exercise, area: Area) -> bool:
    """True when the exercise works somewhere on the area the step worked."""
    if not exercise.regions:
        return True
    return any(Area(region, default_side(region)).overlaps(area) for region in exercise.regions)


def _leave_out_note(plan: SessionPlan, exercise: Exercise) -> str | None:
    """None when every area of the exercise is avoided; else a note naming what to skip."""
    if not exercise.regions:
        return ""
    skipped: list[str] = []
    usable = False
    for region in exercise.regions:
        # Left and right may be avoided by two separate entries: both count.
        sides = (LEFT, RIGHT) if is_paired(region) else (MIDLINE,)
        if not all(
            any(avoided.area.covers(Area(region, side)) for avoided in plan.avoid) for side in sides
        ):
            usable = True
        whole = Area(region, default_side(region))
        skipped.extend(
            _your(avoided.region, avoided.side)
            for avoided in plan.avoid
            if avoided.area.overlaps(whole)
        )
    if not usable:
        return None
    if not skipped:
        return ""
    unique = list(dict.fromkeys(skipped))
    return "Leave out " + " and ".join(unique) + "."


def _your(region: str, side: str) -> str:
    """The area in the client's words: "your left heel", "both your feet", "your neck"."""
    if side == BOTH:
        return "both your " + area_name(region, BOTH).removeprefix("both ")
    if side in (LEFT, RIGHT):
        return f"your {side} {REGION_NAMES[region]}"
    return f"your {REGION_NAMES[region]}"


def effective_routine(
    plan: SessionPlan, library: Library | None = None, facts: Facts | None = None
) -> list[HomeCareItem]:
    """The routine the client gets: the plan's own, or the proposed one."""
    if plan.home_care is not None:
        return list(plan.home_care)
    return propose_routine(plan, library, facts)
