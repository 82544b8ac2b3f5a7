"""The home-care routine: the one the therapist wrote, or one the planner proposes.

A proposal is a routine a client can keep: at most :data:`MAX_EXERCISES`
exercises and at most the therapist's daily budget (:data:`DEFAULT_DAILY_MINUTES`
unless the settings say otherwise), counted as minutes x times a day. The
candidates are the exercises the session's techniques suggest for the areas
worked, the daily neuropathy routines for feet and hands, and the daily foot
check for every client whose feet are at risk. They are ranked by how useful
they are for this session (minutes worked on their areas, symptoms felt there)
and taken most useful first while they fit. Left out: an exercise done only on
areas the client must leave alone, every exercise the safety rules would rule out
for this plan (a soak over a wound, pressing on an avoided area, anything on a
limb with a blood clot), and a soak for a client with diabetes (the therapist
may still add one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.core.i18n import _, pgettext
from planner.core.i18n.places import PLACE_CONTEXT, english_own_place
from planner.core.library import Exercise, Library, builtin_library
from planner.core.plan import HomeCareItem, SessionPlan
from planner.core.regions import (
    BOTH,
    LEFT,
    MIDLINE,
    RIGHT,
    Area,
    default_side,
    is_paired,
)
from planner.core.vocab import DEFAULT_DAILY_MINUTES

if TYPE_CHECKING:
    # The rulebook is read when a routine is proposed, not when the window starts.
    from planner.core.rules import Facts

MAX_EXERCISES = 5
# Clients whose feet may be hurt without their feeling it: they check them daily.
FOOT_RISK = frozenset(("neuropathy", "diabetes", "severe-sensory-loss"))
FOOT_CHECK = "foot-check"
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
# Ranking weights: a technique's own suggestion counts more than the general routine.
_SUGGESTED = 3.0
_ROUTINE = 1.0


def _exercise_lookup(plan: SessionPlan, library: Library) -> dict[str, Exercise]:
    lookup = dict(library.exercises)
    lookup.update((exercise.id, exercise) for exercise in plan.custom_exercises)
    return lookup


def _candidates(
    plan: SessionPlan, library: Library, exercises: dict[str, Exercise]
) -> dict[str, float]:
    """Each candidate exercise id with the weight of what brought it in."""
    techniques = dict(library.techniques)
    techniques.update((technique.id, technique) for technique in plan.custom_techniques)
    weights: dict[str, float] = {}

    def add(exercise_id: str, weight: float) -> None:
        if exercise_id in exercises:
            weights[exercise_id] = max(weights.get(exercise_id, 0.0), weight)

    for step in plan.steps:
        technique = techniques.get(step.technique)
        for exercise_id in technique.exercises if technique else ():
            if exercise_id in exercises and _suits(exercises[exercise_id], step.area):
                add(exercise_id, _SUGGESTED)
    if "neuropathy" in plan.client.conditions:
        if any(step.area.overlaps(_FEET) for step in plan.steps):
            for exercise_id in NEUROPATHY_FOOT_ROUTINE:
                add(exercise_id, _ROUTINE)
        if any(step.area.overlaps(_HANDS) for step in plan.steps):
            for exercise_id in NEUROPATHY_HAND_ROUTINE:
                add(exercise_id, _ROUTINE)
    return weights


def feet_at_risk(plan: SessionPlan) -> bool:
    """The client may hurt their feet without feeling it: they check them every day."""
    from planner.core.sensation import monofilament_not_felt

    return bool(FOOT_RISK & set(plan.client.conditions)) or monofilament_not_felt(plan)


def usefulness(plan: SessionPlan, exercise: Exercise, weight: float = _ROUTINE) -> float:
    """How much the exercise does for this session: minutes worked and symptoms felt there."""
    if exercise.id == FOOT_CHECK and feet_at_risk(plan):
        return float("inf")  # safety first: found early, a sore heals before it is an ulcer
    areas = [Area(region, default_side(region)) for region in exercise.regions]
    worked = sum(step.minutes for step in plan.steps if any(step.area.overlaps(a) for a in areas))
    felt = sum(
        1 + (5 if symptom.intensity is None else symptom.intensity)
        for symptom in plan.symptoms
        if any(symptom.area.overlaps(a) for a in areas)
    )
    # What the client feels weighs most: that is what they do the routine for.
    return weight * 4 + worked + 2 * felt


def propose_routine(
    plan: SessionPlan,
    library: Library | None = None,
    daily_minutes: float | None = None,
    facts: Facts | None = None,
) -> list[HomeCareItem]:
    """A routine drawn from the plan's steps and the client's conditions, most useful first.

    Args:
        daily_minutes: the therapist's daily budget (:data:`DEFAULT_DAILY_MINUTES` when None).
        facts: the rulebook's facts about the plan, when the caller has them already.
    """
    from planner.core.rules import Facts

    library = library or builtin_library()
    facts = facts or Facts(plan, library)
    budget = DEFAULT_DAILY_MINUTES if daily_minutes is None else daily_minutes
    exercises = _exercise_lookup(plan, library)
    weights = _candidates(plan, library, exercises)
    if feet_at_risk(plan) and FOOT_CHECK in exercises:
        weights[FOOT_CHECK] = _SUGGESTED
    order = {exercise_id: rank for rank, exercise_id in enumerate(exercises)}
    ranked = sorted(
        weights,
        key=lambda exercise_id: (
            -usefulness(plan, exercises[exercise_id], weights[exercise_id]),
            order[exercise_id],
        ),
    )
    routine: list[HomeCareItem] = []
    total = 0.0
    for exercise_id in ranked:
        exercise = exercises[exercise_id]
        item = HomeCareItem(
            exercise_id, exercise.minutes, exercise.times_a_day, exercise.days_a_week
        )
        if len(routine) >= MAX_EXERCISES or total + item.daily_minutes > budget:
            continue
        if not _allowed(plan, exercise) or _ruled_out(facts, item):
            continue
        routine.append(item)
        total += item.daily_minutes
    return routine


def _ruled_out(facts: Facts, item: HomeCareItem) -> bool:
    """True when a rule finds the item contraindicated for this plan."""
    from planner.core.rules import HOME_CARE, RULEBOOK, WORK

    work = facts.home_work(0, item)
    return any(
        rule.severity == "contraindicated"
        and rule.scope in (HOME_CARE, WORK)
        and rule.when(facts)
        and any(True for _ in rule.fire(facts, work))
        for rule in RULEBOOK
    )


def _allowed(plan: SessionPlan, exercise: Exercise) -> bool:
    """False for an exercise done only where the client must leave alone, or a diabetic soak."""
    if exercise.soak and "diabetes" in plan.client.conditions:
        return False
    if not exercise.regions:
        return True
    for region in exercise.regions:
        # Left and right may be avoided by two separate entries: both count.
        sides = (LEFT, RIGHT) if is_paired(region) else (MIDLINE,)
        if not all(
            any(avoided.area.covers(Area(region, side)) for avoided in plan.avoid) for side in sides
        ):
            return True
    return False


def daily_minutes(routine: list[HomeCareItem]) -> float:
    """Minutes a day the routine takes: each item's minutes times its times a day."""
    return sum(item.daily_minutes for item in routine)


def _suits(exercise: Exercise, area: Area) -> bool:
    """True when the exercise works somewhere on the area the step worked."""
    if not exercise.regions:
        return True
    return any(Area(region, default_side(region)).overlaps(area) for region in exercise.regions)


def left_out(plan: SessionPlan, regions: tuple[str, ...]) -> list[str]:
    """The avoided areas on these regions, in the client's words ("your left heel")."""
    skipped: list[str] = []
    for region in regions:
        whole = Area(region, default_side(region))
        skipped.extend(
            _your(avoided.region, avoided.side)
            for avoided in plan.avoid
            if avoided.area.overlaps(whole)
        )
    return list(dict.fromkeys(skipped))


def leave_out_sentence(plan: SessionPlan, regions: tuple[str, ...]) -> str:
    """ "Leave out your left heel." for what is avoided on these regions; "" when nothing is."""
    skipped = left_out(plan, regions)
    if not skipped:
        return ""
    places = (
        skipped[0]
        if len(skipped) == 1
        else _("{places} and {last}").format(places=", ".join(skipped[:-1]), last=skipped[-1])
    )
    return _("Leave out {places}.").format(places=places)


def _your(region: str, side: str) -> str:
    """The area in the client's words: "your left heel", "both your feet", "your neck"."""
    return pgettext(PLACE_CONTEXT, english_own_place(region, side))


def effective_routine(
    plan: SessionPlan,
    library: Library | None = None,
    daily_minutes: float | None = None,
    facts: Facts | None = None,
) -> list[HomeCareItem]:
    """The routine the client gets: the plan's own, or the proposed one."""
    if plan.home_care is not None:
        return list(plan.home_care)
    return propose_routine(plan, library, daily_minutes, facts)
