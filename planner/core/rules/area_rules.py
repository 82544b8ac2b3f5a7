"""Rules about where the work is: areas to avoid, and limb-wide dangers.

These read the avoided areas and the limb table (:data:`planner.core.regions.LIMBS`)
and apply to steps and home-care exercises alike; a home-care exercise is done on
both sides of each of its regions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from planner.core.rules.base import (
    CONTAINS,
    FIRM,
    INSIDE,
    N_,
    PLAN,
    SAME_LIMB,
    STEP,
    WORK,
    Avoided,
    Facts,
    Fields,
    Rule,
    Work,
    rule,
)
from planner.core.vocab import AVOID_REASONS

# Reasons whose danger reaches beyond the marked area, along the limb.
LIMB_WIDE = ("blood-clot", "skin-infection", "tumor", "fracture", "weakened-bone")
# Reasons where pressure elsewhere on the limb still loads the marked bone or tissue.
BONE_OR_TUMOR = ("fracture", "weakened-bone", "tumor")
# Reasons a step may not simply "work around": they have stricter rules of their own.
NO_WORKING_AROUND = ("blood-clot", "skin-infection")


def _has_avoided(facts: Facts) -> bool:
    return bool(facts.avoided)


def _has_reason(*reasons: str) -> Callable[[Facts], bool]:
    return lambda facts: not facts.reasons.isdisjoint(reasons)


def _fields(work: Work, avoided: Avoided, **more: str) -> Fields:
    return {"label": work.label, "avoided": avoided.phrase, "why": avoided.why, **more}


@rule(
    "avoided-area",
    "contraindicated",
    WORK,
    ("avoid", "step area", "exercise regions"),
    N_("A step or home-care exercise lies inside an area to avoid (that region or a part of it)."),
    N_(
        "{label} is on an area to avoid, {avoided} ({why}). "
        "Leave this step out or move it to another area."
    ),
    when=_has_avoided,
    home_template=N_(
        "{label} works on an area to avoid, {avoided} ({why}). Take it out of the routine, "
        "or choose an exercise that leaves this area alone."
    ),
    touch=True,
)
def avoided_area(facts: Facts, work: Work) -> Iterable[Fields]:
    return [_fields(work, a) for a, how in work.touches if how == INSIDE]


@rule(
    "contains-avoided-area",
    "caution",
    WORK,
    ("avoid", "step area", "exercise regions"),
    N_(
        "A step or exercise covers a larger area that includes an area to avoid "
        "(a blood clot or skin infection has stricter rules)."
    ),
    N_(
        "{label} includes {avoided}, which is to be avoided ({why}). "
        "Work around it: leave that part out and keep clear of its edges."
    ),
    when=_has_avoided,
    home_template=N_(
        "{label} includes {avoided}, which is to be avoided ({why}). Tell the client to leave "
        "that part out, and say so in the exercise's note."
    ),
    touch=True,
)
def contains_avoided_area(facts: Facts, work: Work) -> Iterable[Fields]:
    return [
        _fields(work, a)
        for a, how in work.touches
        if how == CONTAINS and a.reason not in NO_WORKING_AROUND
    ]


@rule(
    "blood-clot-limb",
    "contraindicated",
    WORK,
    ("avoid: blood-clot", "limb table", "step area", "exercise regions"),
    N_(
        "A step or exercise anywhere on a limb (that side) where a blood clot is marked: "
        "the whole limb is ruled out."
    ),
    N_(
        "{label} is on {limb}, where a blood clot is marked ({avoided}). Pressure or rubbing "
        "anywhere on that limb could move the clot: leave {limb} alone entirely until a doctor "
        "has cleared it for massage."
    ),
    when=_has_reason("blood-clot"),
    home_template=N_(
        "{label} works on {limb}, where a blood clot is marked ({avoided}). Take it out of the "
        "routine until a doctor has cleared that limb for massage."
    ),
    touch=True,
)
def blood_clot_limb(facts: Facts, work: Work) -> Iterable[Fields]:
    return [
        _fields(work, a, limb=a.limb)
        for a, how in work.touches
        if a.reason == "blood-clot" and how != INSIDE
    ]


@rule(
    "skin-infection-around",
    "contraindicated",
    WORK,
    ("avoid: skin-infection", "step area", "exercise regions"),
    N_("A step or exercise covers an area that includes a skin infection."),
    N_(
        "{label} includes {avoided} ({why}). Rubbing next to an infection spreads it: leave "
        "this step out, or choose an area that does not reach it."
    ),
    when=_has_reason("skin-infection"),
    home_template=N_(
        "{label} includes {avoided} ({why}). Rubbing next to an infection spreads it: take "
        "this exercise out until the infection has cleared."
    ),
    touch=True,
)
def skin_infection_around(facts: Facts, work: Work) -> Iterable[Fields]:
    return [
        _fields(work, a)
        for a, how in work.touches
        if a.reason == "skin-infection" and how == CONTAINS
    ]


@rule(
    "skin-infection-limb",
    "caution",
    WORK,
    ("avoid: skin-infection", "limb table", "step area", "exercise regions"),
    N_("A step or exercise elsewhere on the limb (that side) of a skin infection."),
    N_(
        "{label} is on the same limb as the skin infection at {avoided}. Work with freshly "
        "washed hands and wash them again after; leave it out if the skin between here and "
        "the infection is red, warm or swollen (the infection may be spreading)."
    ),
    when=_has_reason("skin-infection"),
    home_template=N_(
        "{label} is on the same limb as the skin infection at {avoided}. Tell the client to "
        "wash their hands before and after, and to call their doctor if the redness spreads."
    ),
    touch=True,
)
def skin_infection_limb(facts: Facts, work: Work) -> Iterable[Fields]:
    return [
        _fields(work, a)
        for a, how in work.touches
        if a.reason == "skin-infection" and how == SAME_LIMB
    ]


@rule(
    "fracture-tumor-limb",
    "caution",
    STEP,
    ("avoid: fracture, weakened-bone, tumor", "limb table", "step area", "pressure"),
    N_(
        "Firm or deep pressure elsewhere on the limb (that side) of a fracture, a weakened "
        "bone or a tumor (the marked area itself is ruled out by avoided-area)."
    ),
    N_(
        "{label} uses {pressure} pressure on {limb}, which has a {reason} at {avoided}. "
        "Pressure carries along the limb: keep to light or moderate pressure on {limb}."
    ),
    when=_has_reason(*BONE_OR_TUMOR),
    touch=True,
    min_rank=FIRM,
)
def fracture_tumor_limb(facts: Facts, work: Work) -> Iterable[Fields]:
    if work.rank < FIRM:
        return ()
    return [
        _fields(
            work,
            a,
            pressure=work.pressure,
            limb=a.limb,
            reason=AVOID_REASONS[a.reason].lower(),
        )
        for a, how in work.touches
        if a.reason in BONE_OR_TUMOR and how != INSIDE and a.limbs
    ]


@rule(
    "blood-clot-clearance",
    "contraindicated",
    PLAN,
    ("avoid: blood-clot",),
    N_("A blood clot is marked anywhere: the client needs a doctor's clearance first."),
    N_(
        "A blood clot is marked at {avoided}: the client needs their doctor's clearance "
        "before this session. Until then leave {limb} alone entirely. If the limb is swollen, "
        "warm or painful, or the client is short of breath or has chest pain, stop and call "
        "the emergency number."
    ),
    when=_has_reason("blood-clot"),
)
def blood_clot_clearance(facts: Facts) -> Iterable[Fields]:
    return [
        {"avoided": a.phrase, "limb": a.limb} for a in facts.avoided if a.reason == "blood-clot"
    ]


@rule(
    "limb-unknown",
    "caution",
    PLAN,
    ("avoid: blood-clot, skin-infection, tumor, fracture, weakened-bone", "limb table"),
    N_(
        "A clot, skin infection, tumor, fracture or weakened bone is marked on a region that "
        "belongs to no limb, so the limb-wide rules cannot reach beyond it."
    ),
    N_(
        "A {reason} is marked at {avoided}, which is not on an arm or a leg: the planner "
        "rules out only {avoided} itself. Decide with the client's doctor which neighbouring "
        "areas to leave alone, and mark them as areas to avoid."
    ),
    when=_has_reason(*LIMB_WIDE),
)
def limb_unknown(facts: Facts) -> Iterable[Fields]:
    return [
        {"reason": AVOID_REASONS[a.reason].lower(), "avoided": a.phrase}
        for a in facts.avoided
        if a.reason in LIMB_WIDE and not a.limbs
    ]


RULES: tuple[Rule, ...] = (
    blood_clot_clearance,
    limb_unknown,
    avoided_area,
    blood_clot_limb,
    skin_infection_around,
    contains_avoided_area,
    skin_infection_limb,
    fracture_tumor_limb,
)
