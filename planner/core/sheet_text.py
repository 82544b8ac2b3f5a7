"""What the client's home-care sheet says, in plain words: no layout, no reportlab.

The sheet is for someone who is not a therapist, often an older reader: short
sentences (none over 20 words), everyday words, second person, the client's own
left and right. Everything the client reads is built here, so that it can be
measured (readability, sentence length) and laid out by :mod:`planner.export`.

Minutes and times come from the routine's items, never from an exercise's steps;
"leave out your left heel" goes into the steps that work where it applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.core.homecare import FOOT_CHECK, FOOT_RISK, daily_minutes, leave_out_sentence
from planner.core.howoften import in_words
from planner.core.library import Exercise, Library
from planner.core.plan import AvoidedArea, HomeCareItem, SessionPlan
from planner.core.regions import (
    BOTH,
    LEFT,
    MIDLINE,
    REGION_NAMES,
    RIGHT,
    Area,
    area_name,
    default_side,
)
from planner.core.sheet_care import HelpGroup, take_care_lines

INTRO = (
    "These are the moves we agreed on at your visit. A little each day helps more than a lot "
    "now and then. Left and right mean your own left and right."
)
NO_ROUTINE = "Your therapist did not give you any moves this time."
LEAVE_ALONE_INTRO = "Do not rub or press these places until your doctor or therapist says it is OK."
WEEK_INTRO = (
    "Write the date in the top row. Tick each time you do a move. In the last row, rate your "
    "symptoms from 0 to 10."
)
WEEK_TICK = "Tick each time you do it"
WEEK_SCORE = "How bad were your symptoms today? 0 = none, 10 = worst."
CLOSING = "Questions? Ask your therapist at your next visit."
PICTURE_KEY_WORKED = "Dark: work here."
PICTURE_KEY_LOOK = "Dark: look here."
PICTURE_KEY_LEFT_OUT = "Striped: leave out."

# Why a place is left alone, in a sentence a client reads.
REASONS_PLAIN: dict[str, str] = {
    "open-wound": "A wound there is healing. Touch can slow it down.",
    "skin-infection": "The skin there is infected. Rubbing can spread it.",
    "bruise": "There is a bruise. Pressing can make it worse.",
    "blood-clot": "There may be a blood clot. Rubbing could move it.",
    "fracture": "A bone there is broken or still healing.",
    "recent-surgery": "You had surgery there, and it is still healing.",
    "weakened-bone": "The bone there is weak. Pressure could hurt it.",
    "tumor": "Do not press on a lump.",
    "client-request": "You asked us to leave it alone.",
    "other": "Your therapist asked you to leave it alone.",
}


@dataclass(frozen=True)
class SheetExercise:
    """One exercise of the routine as the client reads it."""

    exercise_id: str
    title: str
    how_long: str
    steps: tuple[str, ...]
    note: str
    cautions: tuple[str, ...]
    exercise: Exercise | None
    # Where the exercise works and the avoided areas on it, for its picture.
    regions: tuple[str, ...] = ()
    left_out: tuple[AvoidedArea, ...] = ()

    @property
    def picture_key(self) -> str:
        """What the shading means: where to work, or where to look (a foot check)."""
        touches = self.exercise is not None and self.exercise.touch_regions
        return PICTURE_KEY_WORKED if touches else PICTURE_KEY_LOOK


@dataclass(frozen=True)
class SheetText:
    """Everything the client reads, section by section, in reading order."""

    for_whom: str
    given: str
    routine: list[SheetExercise]
    daily_minutes: float
    leave_alone: list[str]
    take_care: list[str]
    get_help: list[HelpGroup] = field(default_factory=list)

    def headings(self) -> list[str]:
        return [
            "Your home-care plan",
            self.routine_heading(),
            "Leave these places alone",
            "Take care",
            "Get help",
            "Your week",
        ]

    def routine_heading(self) -> str:
        return f"Your routine: about {minutes_text(self.daily_minutes)} a day"

    def sentences(self) -> list[str]:
        """Every text of the sheet as the client reads it, one block per line."""
        lines = [self.for_whom, self.given, INTRO, *self.headings()]
        lines.append(NO_ROUTINE if not self.routine else "")
        for position, entry in enumerate(self.routine, start=1):
            lines += [f"{position}. {entry.title}", entry.how_long, *entry.steps, entry.note]
            lines += ["Take care", *entry.cautions]
            if entry.regions:
                lines.append(entry.picture_key)
            if entry.left_out:
                lines.append(PICTURE_KEY_LEFT_OUT)
        if self.leave_alone:
            lines += [LEAVE_ALONE_INTRO, *self.leave_alone]
        lines += self.take_care
        for group in self.get_help:
            lines += [group.action, *group.signs]
        lines += [CLOSING, WEEK_INTRO, WEEK_TICK, WEEK_SCORE]
        lines += [f"{n}. {entry.title}" for n, entry in enumerate(self.routine, start=1)]
        return [line for line in lines if line.strip()]


def minutes_text(minutes: float) -> str:
    value = f"{minutes:g}"
    return "1 minute" if value == "1" else f"{value} minutes"


def how_long(item: HomeCareItem) -> str:
    """ "3 minutes, twice a day, every day"."""
    return f"{minutes_text(item.minutes)}, {in_words(item.times_a_day, item.days_a_week)}"


def client_steps(plan: SessionPlan, exercise: Exercise) -> tuple[str, ...]:
    """The exercise's steps, with "Leave out your left heel." where a step works there.

    An exercise whose steps do not say where they touch (an own exercise written as
    plain lines) gets the sentence as a first step of its own.
    """
    steps = list(exercise.steps)
    if exercise.step_regions:
        for index, text in enumerate(steps):
            sentence = leave_out_sentence(plan, exercise.regions_of_step(index))
            if sentence:
                steps[index] = f"{text} {sentence}"
        return tuple(steps)
    sentence = leave_out_sentence(plan, exercise.regions)
    return tuple([sentence, *steps] if sentence else steps)


def _sheet_exercise(
    plan: SessionPlan, item: HomeCareItem, exercise: Exercise | None
) -> SheetExercise:
    if exercise is None:
        # An exercise the library no longer has: its id and the item's own words.
        return SheetExercise(item.exercise, item.exercise, how_long(item), (), item.note, (), None)
    areas = [Area(region, default_side(region)) for region in exercise.touch_regions]
    on_it = tuple(a for a in plan.avoid if any(a.area.overlaps(area) for area in areas))
    return SheetExercise(
        exercise_id=exercise.id,
        title=exercise.title,
        how_long=how_long(item),
        steps=client_steps(plan, exercise),
        note=item.note.strip(),
        cautions=exercise.cautions,
        exercise=exercise,
        regions=exercise.regions,
        left_out=on_it,
    )


def plain_place(region: str, side: str) -> str:
    """A place as the client reads it: "your left heel", "both feet", "your neck"."""
    name = REGION_NAMES.get(region, region)
    if side in (LEFT, RIGHT):
        return f"your {side} {name}"
    if side == BOTH:
        return area_name(region, side)
    return f"your {name}" if side == MIDLINE else name


def leave_alone_lines(plan: SessionPlan) -> list[str]:
    lines = []
    for area in plan.avoid:
        place = plain_place(area.region, area.side)
        reason = REASONS_PLAIN.get(area.reason, REASONS_PLAIN["other"])
        line = f"{place[:1].upper()}{place[1:]}. {reason}"
        if area.note.strip():
            line += f" ({area.note.strip()})"
        lines.append(line)
    return lines


def sheet_text(
    plan: SessionPlan,
    library: Library,
    routine: list[HomeCareItem],
    *,
    given: str,
    get_help: list[HelpGroup] | None = None,
) -> SheetText:
    """The whole sheet's words for this plan and routine."""
    name = plan.client.name.strip()
    entries = [
        _sheet_exercise(plan, item, library.exercises.get(item.exercise)) for item in routine
    ]
    return SheetText(
        for_whom=f"For {name}" if name else "For you",
        given=given,
        routine=entries,
        daily_minutes=daily_minutes(routine),
        leave_alone=leave_alone_lines(plan),
        take_care=take_care_lines(
            plan, has_foot_check=any(i.exercise == FOOT_CHECK for i in routine)
        ),
        get_help=list(get_help or []),
    )


__all__ = ["FOOT_RISK", "HelpGroup", "SheetExercise", "SheetText", "sheet_text"]
