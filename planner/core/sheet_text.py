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
from planner.core.i18n import N_, SOURCE_LANGUAGE, _, current, speaking
from planner.core.i18n.places import place
from planner.core.library import Exercise, Library
from planner.core.plan import AvoidedArea, HomeCareItem, SessionPlan
from planner.core.regions import (
    Area,
    default_side,
)
from planner.core.sheet_care import HelpGroup, take_care_lines

INTRO = N_(
    "These are the moves we agreed on at your visit. A little each day helps more than a lot "
    "now and then. Left and right mean your own left and right."
)
NO_ROUTINE = N_("Your therapist did not give you any moves this time.")
LEAVE_ALONE_INTRO = N_(
    "Do not rub or press these places until your doctor or therapist says it is OK."
)
WEEK_INTRO = N_(
    "Write the date in the top row. Tick each time you do a move. In the last row, rate your "
    "symptoms from 0 to 10."
)
WEEK_TICK = N_("Tick each time you do it")
WEEK_SCORE = N_("How bad were your symptoms today? 0 = none, 10 = worst.")
CLOSING = N_("Questions? Ask your therapist at your next visit.")
PICTURE_KEY_WORKED = N_("Dark: work here.")
PICTURE_KEY_LOOK = N_("Dark: look here.")
PICTURE_KEY_LEFT_OUT = N_("Striped: leave out.")
WRITTEN_BY_THERAPIST = N_("Your therapist wrote this move for you in their own words.")

# Why a place is left alone, in a sentence a client reads.
REASONS_PLAIN: dict[str, str] = {
    "open-wound": N_("A wound there is healing. Touch can slow it down."),
    "skin-infection": N_("The skin there is infected. Rubbing can spread it."),
    "bruise": N_("There is a bruise. Pressing can make it worse."),
    "blood-clot": N_("There may be a blood clot. Rubbing could move it."),
    "fracture": N_("A bone there is broken or still healing."),
    "recent-surgery": N_("You had surgery there, and it is still healing."),
    "weakened-bone": N_("The bone there is weak. Pressure could hurt it."),
    "tumor": N_("Do not press on a lump."),
    "client-request": N_("You asked us to leave it alone."),
    "other": N_("Your therapist asked you to leave it alone."),
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
    # An own exercise on a sheet in another language than the one it was written in.
    written_by_therapist: bool = False

    @property
    def picture_key(self) -> str:
        """What the shading means: where to work, or where to look (a foot check)."""
        touches = self.exercise is not None and self.exercise.touch_regions
        return _(PICTURE_KEY_WORKED if touches else PICTURE_KEY_LOOK)


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
    # The language the words are in; the headings and fixed texts come out in it too.
    language: str = SOURCE_LANGUAGE

    def headings(self) -> list[str]:
        with speaking(self.language):
            return self._headings()

    def _headings(self) -> list[str]:
        return [
            _("Your home-care plan"),
            self.routine_heading(),
            _("Leave these places alone"),
            _("Take care"),
            _("Get help"),
            _("Your week"),
        ]

    def routine_heading(self) -> str:
        with speaking(self.language):
            return self._routine_heading()

    def _routine_heading(self) -> str:
        return _("Your routine: about {minutes} a day").format(
            minutes=minutes_text(self.daily_minutes)
        )

    def sentences(self) -> list[str]:
        """Every text of the sheet as the client reads it, one block per line."""
        with speaking(self.language):
            return self._sentences()

    def _sentences(self) -> list[str]:
        lines = [self.for_whom, self.given, _(INTRO), *self.headings()]
        lines.append(_(NO_ROUTINE) if not self.routine else "")
        for position, entry in enumerate(self.routine, start=1):
            lines += [f"{position}. {entry.title}", entry.how_long, *entry.steps, entry.note]
            lines += [_("Take care"), *entry.cautions]
            if entry.regions:
                lines.append(entry.picture_key)
            if entry.left_out:
                lines.append(_(PICTURE_KEY_LEFT_OUT))
            if entry.written_by_therapist:
                lines.append(_(WRITTEN_BY_THERAPIST))
        if self.leave_alone:
            lines += [_(LEAVE_ALONE_INTRO), *self.leave_alone]
        lines += self.take_care
        for group in self.get_help:
            lines += [group.action, *group.signs]
        lines += [_(CLOSING), _(WEEK_INTRO), _(WEEK_TICK), _(WEEK_SCORE)]
        lines += [f"{n}. {entry.title}" for n, entry in enumerate(self.routine, start=1)]
        return [line for line in lines if line.strip()]


def minutes_text(minutes: float) -> str:
    """ "1 minute", "2.5 minutes", in the sheet's language."""
    return current().minutes(minutes)


def how_long(item: HomeCareItem) -> str:
    """ "3 minutes, twice a day, every day"."""
    return _("{minutes}, {how_often}").format(
        minutes=minutes_text(item.minutes),
        how_often=in_words(item.times_a_day, item.days_a_week),
    )


def client_steps(
    plan: SessionPlan, exercise: Exercise, *, translate: bool = True
) -> tuple[str, ...]:
    """The exercise's steps, with "Leave out your left heel." where a step works there.

    An exercise whose steps do not say where they touch (an own exercise written as
    plain lines) gets the sentence as a first step of its own. ``translate``: the steps
    are the catalogs' (a built-in exercise's), else the therapist's own words.
    """
    steps = [_(step) for step in exercise.steps] if translate else list(exercise.steps)
    if exercise.step_regions:
        for index, text in enumerate(steps):
            sentence = leave_out_sentence(plan, exercise.regions_of_step(index))
            if sentence:
                steps[index] = f"{text} {sentence}"
        return tuple(steps)
    sentence = leave_out_sentence(plan, exercise.regions)
    return tuple([sentence, *steps] if sentence else steps)


def _sheet_exercise(
    plan: SessionPlan, item: HomeCareItem, exercise: Exercise | None, *, own: bool = False
) -> SheetExercise:
    """One item of the routine; a built-in exercise in the sheet's language, the
    therapist's own one in their words (and, in another language, marked as theirs)."""
    if exercise is None:
        # An exercise the library no longer has: its id and the item's own words.
        return SheetExercise(item.exercise, item.exercise, how_long(item), (), item.note, (), None)
    areas = [Area(region, default_side(region)) for region in exercise.touch_regions]
    on_it = tuple(a for a in plan.avoid if any(a.area.overlaps(area) for area in areas))
    words = (lambda text: text) if own else _
    return SheetExercise(
        exercise_id=exercise.id,
        title=words(exercise.title),
        how_long=how_long(item),
        steps=client_steps(plan, exercise, translate=not own),
        note=item.note.strip(),
        cautions=tuple(words(caution) for caution in exercise.cautions),
        exercise=exercise,
        regions=exercise.regions,
        left_out=on_it,
        written_by_therapist=own and current().code != SOURCE_LANGUAGE,
    )


def plain_place(region: str, side: str) -> str:
    """A place as the client reads it: "your left heel", "both feet", "your neck"."""
    return place(region, side)


def leave_alone_lines(plan: SessionPlan) -> list[str]:
    lines = []
    for area in plan.avoid:
        place = plain_place(area.region, area.side)
        reason = _(REASONS_PLAIN.get(area.reason, REASONS_PLAIN["other"]))
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
        _sheet_exercise(
            plan,
            item,
            library.exercises.get(item.exercise),
            own=library.is_custom_exercise(item.exercise),
        )
        for item in routine
    ]
    return SheetText(
        for_whom=_("For {name}").format(name=name) if name else _("For you"),
        given=given,
        routine=entries,
        daily_minutes=daily_minutes(routine),
        leave_alone=leave_alone_lines(plan),
        take_care=take_care_lines(
            plan, has_foot_check=any(i.exercise == FOOT_CHECK for i in routine)
        ),
        get_help=list(get_help or []),
        language=current().code,
    )


__all__ = ["FOOT_RISK", "HelpGroup", "SheetExercise", "SheetText", "sheet_text"]
