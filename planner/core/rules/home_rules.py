"""Rules for the home-care routine (through the exercises' properties) and for the
plan as a whole."""

from __future__ import annotations

from collections.abc import Iterable

from planner.core.rules.base import (
    CONTAINS,
    HOME_CARE,
    INSIDE,
    N_,
    PLAN,
    Facts,
    Fields,
    Rule,
    Work,
    rule,
)

_SOAK_HARMS = ("open-wound", "skin-infection", "recent-surgery")
_TEMPERATURE = N_(
    "no warmer than body temperature, about 37 °C / 98 °F, checked with a thermometer or an "
    "elbow, never with the feet"
)


@rule(
    "soak-over-wound",
    "contraindicated",
    HOME_CARE,
    ("exercise: soak", "exercise regions", "avoid: open-wound, skin-infection, recent-surgery"),
    N_("A soak where the soaked part has an open wound, a skin infection or recent surgery."),
    N_(
        "{label} soaks {avoided} ({why}): soaking softens healing skin and lets germs in. "
        "Take the soak out of the routine until the skin has healed; a dry exercise can take "
        "its place."
    ),
    when=lambda facts: not facts.reasons.isdisjoint(_SOAK_HARMS),
    needs=("soak",),
    touch=True,
)
def soak_over_wound(facts: Facts, work: Work) -> Iterable[Fields]:
    if "soak" not in work.properties:
        return ()
    return [
        {"label": work.label, "avoided": a.phrase, "why": a.why}
        for a, how in work.touches
        if a.reason in _SOAK_HARMS and how in (INSIDE, CONTAINS)
    ]


@rule(
    "self-pressure-avoided",
    "contraindicated",
    HOME_CARE,
    ("exercise: self_pressure", "exercise regions", "avoid"),
    N_("An exercise in which the client presses or rubs their own tissue over an area to avoid."),
    N_(
        "{label} has the client press or rub {avoided}, which is to be avoided ({why}). A "
        "client cannot reliably work around a spot at home: take it out of the routine, or "
        "choose an exercise that stays off that area."
    ),
    when=lambda facts: bool(facts.avoided),
    needs=("self_pressure",),
    touch=True,
)
def self_pressure_avoided(facts: Facts, work: Work) -> Iterable[Fields]:
    if "self_pressure" not in work.properties:
        return ()
    return [
        {"label": work.label, "avoided": a.phrase, "why": a.why}
        for a, how in work.touches
        if how in (INSIDE, CONTAINS)
    ]


def _may_not_feel(facts: Facts, work: Work) -> str:
    if "severe-sensory-loss" in facts.conditions:
        return "the client has severe loss of sensation"
    if facts.felt("numbness", work):
        return "the client feels that area as numb"
    if "diabetes" in facts.conditions:
        return "the client has diabetes"
    if "neuropathy" in facts.conditions:
        return "the client has neuropathy"
    return ""


@rule(
    "warm-water",
    "caution",
    HOME_CARE,
    (
        "exercise: heat, soak",
        "conditions: diabetes, neuropathy, severe-sensory-loss",
        "symptoms: numbness",
    ),
    N_("Warm water or heat at home, where the client may not feel heat properly."),
    N_(
        "{label} uses warm water or heat, and {why}: they may not feel when it is too hot. "
        "Tell them to keep it {temperature}."
    ),
    when=lambda facts: bool(
        facts.conditions & {"severe-sensory-loss", "diabetes", "neuropathy"}
        or "numbness" in facts.symptoms
    ),
    needs=("heat", "soak"),
)
def warm_water(facts: Facts, work: Work) -> Iterable[Fields]:
    if not work.properties & {"heat", "soak"}:
        return ()
    why = _may_not_feel(facts, work)
    return [{"label": work.label, "why": why, "temperature": _TEMPERATURE}] if why else ()


@rule(
    "soak-diabetes",
    "caution",
    HOME_CARE,
    ("exercise: soak", "conditions: diabetes"),
    N_("A soak for a client with diabetes (never proposed; only when the therapist adds it)."),
    N_(
        "{label} is a soak, and the client has diabetes: soaking dries the skin and softens "
        "it, so it cracks and lets germs in. Keep it short (10 minutes at most), dry well "
        "between the toes, and moisturise the feet but not between the toes."
    ),
    when=lambda facts: "diabetes" in facts.conditions,
    needs=("soak",),
)
def soak_diabetes(facts: Facts, work: Work) -> Iterable[Fields]:
    return [{"label": work.label}] if "soak" in work.properties else ()


def _feet_may_not_feel(facts: Facts) -> str:
    """Why the client's feet may not feel harm ("" when nothing says so)."""
    if facts.numb_feet():
        return "the client's feet are numb"
    for condition in ("diabetes", "neuropathy"):
        if condition in facts.conditions:
            return f"the client has {condition}"
    return ""


@rule(
    "barefoot-feet",
    "caution",
    HOME_CARE,
    (
        "exercise: barefoot",
        "conditions: diabetes, neuropathy, severe-sensory-loss",
        "symptoms: numbness",
    ),
    N_("Bare feet on the floor, with numb feet, neuropathy or diabetes."),
    N_(
        "{label} has the client's bare feet on the floor, and {why}: a splinter, a stone or a "
        "hot floor can hurt a foot that may not feel it. Suggest thin socks or a clean rug, "
        "and ask them to look at their soles afterwards."
    ),
    when=lambda facts: bool(_feet_may_not_feel(facts)),
    needs=("barefoot",),
)
def barefoot_feet(facts: Facts, work: Work) -> Iterable[Fields]:
    if "barefoot" not in work.properties:
        return ()
    return [{"label": work.label, "why": _feet_may_not_feel(facts)}]


@rule(
    "standing-balance",
    "caution",
    HOME_CARE,
    ("exercise: standing", "conditions: neuropathy, severe-sensory-loss", "symptoms: numbness"),
    N_("An exercise done standing, with numb feet or neuropathy (a fall risk)."),
    N_(
        "{label} is done standing, and {why}: they may not feel where their feet are and "
        "lose their balance. Have them hold on to a sturdy chair or counter, or do it sitting."
    ),
    when=lambda facts: facts.numb_feet() or "neuropathy" in facts.conditions,
    needs=("standing",),
)
def standing_balance(facts: Facts, work: Work) -> Iterable[Fields]:
    if "standing" not in work.properties:
        return ()
    why = "the client's feet are numb" if facts.numb_feet() else "the client has neuropathy"
    return [{"label": work.label, "why": why}]


# -- the plan as a whole --------------------------------------------------------------


@rule(
    "pregnancy",
    "caution",
    PLAN,
    ("conditions: pregnancy",),
    N_("The client is pregnant (once per plan)."),
    N_(
        "The client is pregnant: check with their pregnancy care provider before the session, "
        "and keep positioning and pressure comfortable for them."
    ),
    when=lambda facts: "pregnancy" in facts.conditions,
)
def pregnancy(facts: Facts) -> Iterable[Fields]:
    return [{}]


@rule(
    "diabetes",
    "caution",
    PLAN,
    ("conditions: diabetes",),
    N_("The client has diabetes (once per plan)."),
    N_(
        "The client has diabetes: make sure their doctor agrees to massage, and look over both "
        "feet for cuts, blisters or sores before you start."
    ),
    when=lambda facts: "diabetes" in facts.conditions,
)
def diabetes(facts: Facts) -> Iterable[Fields]:
    return [{}]


@rule(
    "lubricant",
    "info",
    PLAN,
    ("conditions: lubricant-allergy",),
    N_("The client is allergic to some oils or lotions (once per plan)."),
    N_(
        "The client is allergic to some oils or lotions: use a product they know is safe for "
        "them, or work without one."
    ),
    when=lambda facts: "lubricant-allergy" in facts.conditions,
)
def lubricant(facts: Facts) -> Iterable[Fields]:
    return [{}]


@rule(
    "over-time",
    "caution",
    PLAN,
    ("steps: minutes", "planned length"),
    N_("The steps add up to more than the planned length (once per plan)."),
    N_(
        "The steps add up to {total} minutes, more than the {planned} minutes planned: "
        "shorten or remove a step."
    ),
    when=lambda facts: facts.plan.length_minutes is not None,
)
def over_time(facts: Facts) -> Iterable[Fields]:
    plan = facts.plan
    if plan.length_minutes is None or plan.total_minutes <= plan.length_minutes:
        return ()
    return [{"total": f"{plan.total_minutes:g}", "planned": f"{plan.length_minutes:g}"}]


@rule(
    "course-worse",
    "caution",
    PLAN,
    ("measures over the course of care",),
    N_("A measure taken at visits (pain, the foot questionnaire, the monofilament) got worse."),
    N_("{note} Ask the client what has changed before you go on, and tell their doctor."),
    when=lambda facts: bool(facts.plan.course_notes),
)
def course_worse(facts: Facts) -> Iterable[Fields]:
    return [{"note": note} for note in facts.plan.course_notes]


@rule(
    "home-care-over-budget",
    "caution",
    PLAN,
    ("home care: minutes x times a day", "settings: home care a day"),
    N_("The written home-care routine takes more time a day than the therapist's limit."),
    N_(
        "The home-care routine takes {total} minutes a day, more than the {limit} minutes a "
        "client can keep up: take an exercise out or shorten one."
    ),
    when=lambda facts: bool(facts.plan.home_care),
)
def home_care_over_budget(facts: Facts) -> Iterable[Fields]:
    # A proposal never goes over the limit; only a routine the therapist wrote can.
    total = sum(item.daily_minutes for item in facts.plan.home_care or ())
    if total <= facts.daily_minutes:
        return ()
    return [{"total": f"{total:g}", "limit": f"{facts.daily_minutes:g}"}]


PLAN_RULES: tuple[Rule, ...] = (
    pregnancy,
    diabetes,
    lubricant,
    over_time,
    home_care_over_budget,
    course_worse,
)
HOME_RULES: tuple[Rule, ...] = (
    soak_over_wound,
    self_pressure_avoided,
    warm_water,
    soak_diabetes,
    barefoot_feet,
    standing_balance,
)
