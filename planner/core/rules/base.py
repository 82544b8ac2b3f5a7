"""What a safety rule is, and the facts about a plan that rules read.

A :class:`Rule` is one small, named check: its id, its severity, the part of the
plan it looks at (the plan as a whole, each step, each home-care item, or both
kinds of work), the facts it reads, one sentence for the rulebook and a message
template with named fields. Its function yields one dict of fields for every
place it fires; the runner in :mod:`planner.core.safety` fills the template.

Rule texts are marked with :func:`N_` so that a gettext extractor
(``xgettext --keyword=N_``) finds them; translation happens when the message is
built, never in the rule's logic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from planner.core.library import Exercise, Library, Technique
from planner.core.plan import AvoidedArea, HomeCareItem, SessionPlan, Step
from planner.core.regions import (
    BOTH,
    LIMB_OF,
    Area,
    area_phrase,
    default_side,
    is_paired,
    limb_sides,
)
from planner.core.sensation import screened_symptoms
from planner.core.vocab import AVOID_REASONS, DEFAULT_DAILY_MINUTES, PRESSURE_RANK

PLAN, STEP, HOME_CARE, WORK = "plan", "step", "home_care", "work"
SCOPES: dict[str, str] = {
    PLAN: "the whole plan",
    STEP: "each step",
    HOME_CARE: "each home-care exercise",
    WORK: "each step and each home-care exercise",
}
INSIDE, CONTAINS, SAME_LIMB = "inside", "contains", "same-limb"
FIRM = PRESSURE_RANK["firm"]
LIGHT = PRESSURE_RANK["light"]
MODERATE = PRESSURE_RANK["moderate"]
DEEP = PRESSURE_RANK["deep"]


def N_(text: str) -> str:  # noqa: N802 (the gettext convention)
    """Marks a text for translation; returns it unchanged."""
    return text


Fields = dict[str, str]


class Rule:
    """One rule of the rulebook (a plain class: the rulebook is built at every start).

    ``when`` is a cheap test on the whole plan: when False the rule cannot fire and is
    skipped. ``home_template`` is the message for a home-care item, when it must read
    differently from a step's. ``needs``, ``min_rank`` and ``touch`` say what a step or
    item must have for the rule to fire at all (the rule checks again): one of these
    properties, at least this pressure rank, an avoided area it touches.
    """

    __slots__ = (
        "id",
        "severity",
        "scope",
        "reads",
        "checks",
        "template",
        "fire",
        "when",
        "home_template",
        "needs",
        "min_rank",
        "touch",
    )

    def __init__(
        self,
        rule_id: str,
        severity: str,
        scope: str,
        reads: tuple[str, ...],
        checks: str,
        template: str,
        fire: Callable[..., Iterable[Fields]],
        when: Callable[[Facts], bool],
        home_template: str = "",
        needs: frozenset[str] = frozenset(),
        min_rank: int = -1,
        touch: bool = False,
    ) -> None:
        self.id = rule_id
        self.severity = severity
        self.scope = scope
        self.reads = reads
        self.checks = checks
        self.template = template
        self.fire = fire
        self.when = when
        self.home_template = home_template
        self.needs = needs
        self.min_rank = min_rank
        self.touch = touch

    def __repr__(self) -> str:
        return f"Rule({self.id!r}, {self.severity!r}, {self.scope!r})"

    def could_fire(self, work: Work) -> bool:
        """False when the rule cannot fire on this work: a cheap filter before the rule."""
        return (
            (not self.needs or not self.needs.isdisjoint(work.properties))
            and work.rank >= self.min_rank
            and (not self.touch or bool(work.touches))
        )

    def to_json(self) -> dict[str, Any]:
        """The rule as the rulebook shows it (``planner rules --json``)."""
        return {
            "id": self.id,
            "severity": self.severity,
            "applies_to": self.scope,
            "reads": list(self.reads),
            "checks": self.checks,
        }

    def message(self, fields: Mapping[str, str], *, home_care: bool = False) -> str:
        template = self.home_template if home_care and self.home_template else self.template
        return template.format_map(fields)


def rule(
    rule_id: str,
    severity: str,
    scope: str,
    reads: tuple[str, ...],
    checks: str,
    template: str,
    *,
    when: Callable[[Facts], bool] = lambda facts: True,
    home_template: str = "",
    needs: tuple[str, ...] = (),
    min_rank: int = -1,
    touch: bool = False,
) -> Callable[[Callable[..., Iterable[Fields]]], Rule]:
    """Declares a rule: the decorated function yields the fields of each finding."""

    def make(fire: Callable[..., Iterable[Fields]]) -> Rule:
        return Rule(
            rule_id,
            severity,
            scope,
            reads,
            checks,
            template,
            fire,
            when,
            home_template,
            frozenset(needs),
            min_rank,
            touch,
        )

    return make


@dataclass(frozen=True)
class Avoided:
    """An avoided area with what the rules need to say about it."""

    entry: AvoidedArea
    area: Area
    reason: str
    why: str
    phrase: str
    limbs: frozenset[tuple[str, str]]
    # The limb it lies on ("the client's left leg"), or the area itself when on no limb.
    limb: str


class Work:
    """A step or a home-care item, as the rules see it.

    ``touches``: each avoided area this work touches, with how (inside it, containing
    it, or elsewhere on the same limb); ``felt``: the kinds of symptom the client feels
    somewhere on the work's areas.
    """

    __slots__ = (
        "kind",
        "index",
        "areas",
        "properties",
        "label",
        "pressure",
        "rank",
        "region",
        "side",
        "touches",
        "felt",
    )

    def __init__(
        self,
        kind: str,
        index: int,
        areas: tuple[Area, ...],
        properties: frozenset[str],
        label: str,
        pressure: str = "",
        rank: int = -1,
        region: str | None = None,
        side: str | None = None,
    ) -> None:
        self.kind = kind
        self.index = index
        self.areas = areas
        self.properties = properties
        self.label = label
        self.pressure = pressure
        self.rank = rank
        self.region = region
        self.side = side
        self.touches: list[tuple[Avoided, str]] = []
        self.felt: frozenset[str] = frozenset()


def _limb_phrase(avoided: AvoidedArea) -> str:
    limb = LIMB_OF.get(avoided.region)
    return area_phrase(limb or avoided.region, avoided.side)


def _why(avoided: AvoidedArea) -> str:
    why = AVOID_REASONS.get(avoided.reason, avoided.reason).lower()
    return f"{why}: {avoided.note}" if avoided.note else why


class Facts:
    """Everything about a plan the rules read, worked out once per check."""

    def __init__(
        self, plan: SessionPlan, library: Library, daily_minutes: float | None = None
    ) -> None:
        self.plan = plan
        self.library = library
        # The therapist's limit for home care a day (the settings'; 30 by default).
        self.daily_minutes = DEFAULT_DAILY_MINUTES if daily_minutes is None else daily_minutes
        self.conditions = frozenset(plan.client.conditions)
        self.techniques: dict[str, Technique] = dict(library.techniques)
        self.techniques.update((t.id, t) for t in plan.custom_techniques)
        self.exercises: dict[str, Exercise] = dict(library.exercises)
        self.exercises.update((e.id, e) for e in plan.custom_exercises)
        self.avoided = [
            Avoided(
                a,
                a.area,
                a.reason,
                _why(a),
                area_phrase(a.region, a.side),
                limb_sides(a.area),
                _limb_phrase(a),
            )
            for a in plan.avoid
        ]
        self.reasons = frozenset(a.reason for a in plan.avoid)
        self.symptoms: dict[str, list[Area]] = {}
        # A monofilament site not felt counts as numbness there.
        for symptom in screened_symptoms(plan):
            self.symptoms.setdefault(symptom.kind, []).append(symptom.area)
        self._touches: dict[Area, list[tuple[Avoided, str]]] = {}
        self._felt: dict[Area, frozenset[str]] = {}

    # -- what the rules ask ------------------------------------------------

    def felt(self, kind: str, work: Work) -> bool:
        """True when the client feels ``kind`` somewhere on the work's areas."""
        return kind in work.felt

    def felt_on(self, area: Area) -> frozenset[str]:
        """Every kind of symptom marked somewhere on the area (worked out once per area)."""
        known = self._felt.get(area)
        if known is None:
            known = frozenset(
                kind
                for kind, marked in self.symptoms.items()
                if any(m.overlaps(area) for m in marked)
            )
            self._felt[area] = known
        return known

    def numb_feet(self) -> bool:
        """Severe sensory loss, or numbness marked anywhere on the feet."""
        if "severe-sensory-loss" in self.conditions:
            return True
        return any(area.overlaps(_FEET) for area in self.symptoms.get("numbness", ()))

    def touches(self, area: Area) -> list[tuple[Avoided, str]]:
        """How an area meets each avoided area (worked out once per distinct area)."""
        known = self._touches.get(area)
        if known is not None:
            return known
        result: list[tuple[Avoided, str]] = []
        limbs = limb_sides(area)
        for avoided in self.avoided:
            if avoided.area.covers(area):
                result.append((avoided, INSIDE))
            elif avoided.area.overlaps(area):
                result.append((avoided, CONTAINS))
            elif avoided.limbs & limbs:
                result.append((avoided, SAME_LIMB))
        self._touches[area] = result
        return result

    # -- the plan's work ---------------------------------------------------

    def step_work(self, index: int, step: Step) -> Work:
        technique = self.techniques.get(step.technique)
        name = technique.name if technique else step.technique
        area = step.area
        work = Work(
            STEP,
            index,
            (area,),
            technique.properties if technique else frozenset(),
            f"Step {index + 1} ({name} on {area_phrase(step.region, step.side)}, {step.pressure})",
            step.pressure,
            PRESSURE_RANK.get(step.pressure, 0),
            step.region,
            step.side,
        )
        if self.avoided:
            work.touches = self.touches(area)
        if self.symptoms:
            work.felt = self.felt_on(area)
        return work

    def home_work(self, index: int, item: HomeCareItem) -> Work:
        exercise = self.exercises.get(item.exercise)
        title = exercise.title if exercise else item.exercise
        areas = tuple(exercise_areas(exercise)) if exercise else ()
        work = Work(
            HOME_CARE,
            index,
            areas,
            exercise.properties if exercise else frozenset(),
            f'Home-care exercise {index + 1} ("{title}")',
        )
        if self.avoided:
            work.touches = merge_touches(self.touches(area) for area in areas)
        if self.symptoms:
            work.felt = frozenset().union(*(self.felt_on(area) for area in areas))
        return work


_FEET = Area("foot", BOTH)
_STRENGTH = {INSIDE: 0, CONTAINS: 1, SAME_LIMB: 2}


def exercise_areas(exercise: Exercise) -> Iterator[Area]:
    """A home exercise is done on both sides of each region it touches (a foot check,
    which only looks, touches none)."""
    for region in exercise.touch_regions:
        yield Area(region, BOTH if is_paired(region) else default_side(region))


def merge_touches(parts: Any) -> list[tuple[Avoided, str]]:
    """The strongest way several areas meet each avoided area (inside, contains, limb)."""
    best: dict[int, tuple[Avoided, str]] = {}
    for touches in parts:
        for avoided, how in touches:
            known = best.get(id(avoided))
            if known is None or _STRENGTH[how] < _STRENGTH[known[1]]:
                best[id(avoided)] = (avoided, how)
    return list(best.values())
