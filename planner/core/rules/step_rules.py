"""Rules about how a step is done: pressure and technique, against the client's conditions
and what they feel where."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from planner.core.regions import LIMB_OF
from planner.core.rules.base import (
    DEEP,
    FIRM,
    LIGHT,
    MODERATE,
    N_,
    STEP,
    Facts,
    Fields,
    Rule,
    Work,
    rule,
)

_BLEEDING = {
    "blood-thinners": "takes blood thinners",
    "bleeding-disorder": "has a bleeding disorder",
}
_FRAGILE = {
    "osteoporosis": "osteoporosis",
    "cancer": "cancer",
    "severe-sensory-loss": "severe loss of sensation",
}
_BACK_AND_RIBS = frozenset(("upper-back", "lower-back", "chest"))


def _has(*conditions: str) -> Callable[[Facts], bool]:
    return lambda facts: not facts.conditions.isdisjoint(conditions)


def _felt(kind: str) -> Callable[[Facts], bool]:
    return lambda facts: kind in facts.symptoms


def _bleeding_who(facts: Facts) -> str:
    return " and ".join(_BLEEDING[c] for c in sorted(facts.conditions & _BLEEDING.keys()))


def _brisk(work: Work) -> str:
    """ "percussive" or "vigorous" when the step is, else ""."""
    if "percussive" in work.properties:
        return "percussive"
    return "vigorous" if "vigorous" in work.properties else ""


def _numb_here(facts: Facts, work: Work) -> str:
    """Why the client may not feel this step: "" when nothing says so."""
    if "severe-sensory-loss" in facts.conditions:
        return "the client has severe loss of sensation"
    if facts.felt("numbness", work):
        return "the client feels this area as numb"
    return ""


@rule(
    "bleeding-risk",
    "contraindicated",
    STEP,
    ("conditions: blood-thinners, bleeding-disorder", "technique: vigorous", "pressure"),
    N_("Blood thinners or a bleeding disorder, and a vigorous step or firm or deep pressure."),
    N_(
        "{label} is {what}, and the client {who}: they bruise and bleed easily. Use a gentle, "
        "non-vigorous technique with light or moderate pressure."
    ),
    when=_has(*_BLEEDING),
)
def bleeding_risk(facts: Facts, work: Work) -> Iterable[Fields]:
    vigorous = "vigorous" in work.properties
    if not vigorous and work.rank < FIRM:
        return ()
    what = "vigorous" if vigorous else work.pressure
    return [{"label": work.label, "what": what, "who": _bleeding_who(facts)}]


@rule(
    "skin-pull-bleeding",
    "caution",
    STEP,
    ("conditions: blood-thinners, bleeding-disorder", "technique: skin_pull"),
    N_("Blood thinners or a bleeding disorder, and a technique that pulls or drags the skin."),
    N_(
        "{label} pulls or drags the skin, and the client {who}: shearing the skin breaks small "
        "vessels and leaves bruises. Glide over the skin instead of dragging it, and stay light."
    ),
    when=_has(*_BLEEDING),
    needs=("skin_pull",),
)
def skin_pull_bleeding(facts: Facts, work: Work) -> Iterable[Fields]:
    if "skin_pull" not in work.properties:
        return ()
    return [{"label": work.label, "who": _bleeding_who(facts)}]


@rule(
    "fragile-bone",
    "caution",
    STEP,
    ("conditions: osteoporosis", "pressure"),
    N_("Osteoporosis, and firm or deep pressure."),
    N_(
        "{label} uses {pressure} pressure, and the client has osteoporosis: bones can break "
        "under pressure. Lighten the pressure."
    ),
    when=_has("osteoporosis"),
    min_rank=FIRM,
)
def fragile_bone(facts: Facts, work: Work) -> Iterable[Fields]:
    if work.rank < FIRM:
        return ()
    return [{"label": work.label, "pressure": work.pressure}]


@rule(
    "percussion-back-osteoporosis",
    "contraindicated",
    STEP,
    ("conditions: osteoporosis", "technique: percussive", "step area"),
    N_("Osteoporosis, and a percussive technique on the back or the chest."),
    N_(
        "{label} strikes the spine or ribs of a client with osteoporosis: tapping or striking "
        "there can crack a weakened vertebra or rib. Leave it out; slow, light effleurage "
        "is a safe choice for the back."
    ),
    when=_has("osteoporosis"),
    needs=("percussive",),
)
def percussion_back_osteoporosis(facts: Facts, work: Work) -> Iterable[Fields]:
    if "percussive" not in work.properties or work.region not in _BACK_AND_RIBS:
        return ()
    return [{"label": work.label}]


@rule(
    "vigorous-fragile",
    "caution",
    STEP,
    ("conditions: osteoporosis, cancer, severe-sensory-loss", "technique: percussive, vigorous"),
    N_("Osteoporosis, cancer or severe loss of sensation, and a percussive or vigorous step."),
    N_(
        "{label} is {what}, and the client has {conditions}: striking or forceful work can "
        "break fragile bone, hurt tissue weakened by illness or treatment, or do harm the "
        "client cannot feel. Choose a slow, steady technique such as effleurage at light or "
        "moderate pressure."
    ),
    when=_has(*_FRAGILE),
    needs=("percussive", "vigorous"),
)
def vigorous_fragile(facts: Facts, work: Work) -> Iterable[Fields]:
    what = _brisk(work)
    if not what:
        return ()
    names = [_FRAGILE[c] for c in _FRAGILE if c in facts.conditions]
    return [{"label": work.label, "what": what, "conditions": " and ".join(names)}]


@rule(
    "cancer-deep-pressure",
    "caution",
    STEP,
    ("conditions: cancer", "pressure"),
    N_("Cancer, and firm or deep pressure."),
    N_(
        "{label} uses {pressure} pressure, and the client has cancer: ask their oncologist "
        "before deep or intense pressure, and never press over a tumor."
    ),
    when=_has("cancer"),
    min_rank=FIRM,
)
def cancer_deep_pressure(facts: Facts, work: Work) -> Iterable[Fields]:
    if work.rank < FIRM:
        return ()
    return [{"label": work.label, "pressure": work.pressure}]


@rule(
    "pregnancy-legs",
    "caution",
    STEP,
    ("conditions: pregnancy", "pressure", "limb table"),
    N_("Pregnancy, and firm or deep pressure anywhere on the legs."),
    N_(
        "{label} uses {pressure} pressure on the legs of a pregnant client: pregnancy makes "
        "blood clots in the legs more likely, and firm pressure could loosen one. Keep the legs "
        "to light or moderate strokes, and never press deep into the calf or inner thigh."
    ),
    when=_has("pregnancy"),
    min_rank=FIRM,
)
def pregnancy_legs(facts: Facts, work: Work) -> Iterable[Fields]:
    if work.rank < FIRM or LIMB_OF.get(work.region or "") != "leg":
        return ()
    return [{"label": work.label, "pressure": work.pressure}]


@rule(
    "reduced-sensation",
    "caution",
    STEP,
    ("conditions: severe-sensory-loss", "symptoms: numbness", "pressure"),
    N_("Severe loss of sensation, or numbness on the step's area, and pressure above light."),
    N_(
        "{label} is above light pressure, and {why}: they may not feel harm. Use light "
        "pressure and watch the tissue."
    ),
    when=lambda facts: "severe-sensory-loss" in facts.conditions or "numbness" in facts.symptoms,
    min_rank=MODERATE,
)
def reduced_sensation(facts: Facts, work: Work) -> Iterable[Fields]:
    if work.rank <= LIGHT:
        return ()
    why = _numb_here(facts, work)
    return [{"label": work.label, "why": why}] if why else ()


@rule(
    "deep-static-numb",
    "caution",
    STEP,
    ("conditions: severe-sensory-loss", "symptoms: numbness", "technique: deep_static"),
    N_("Sustained pressure held on an area the client feels as numb (at any pressure)."),
    N_(
        "{label} holds pressure on one spot, and {why}: they cannot tell you when a hold "
        "starts to hurt or to cut off the blood flow. Keep holds short and light, and "
        "check that the skin colour comes back after each one."
    ),
    when=lambda facts: "severe-sensory-loss" in facts.conditions or "numbness" in facts.symptoms,
    needs=("deep_static",),
)
def deep_static_numb(facts: Facts, work: Work) -> Iterable[Fields]:
    if "deep_static" not in work.properties:
        return ()
    why = _numb_here(facts, work)
    return [{"label": work.label, "why": why}] if why else ()


@rule(
    "heat-sensation",
    "caution",
    STEP,
    (
        "conditions: severe-sensory-loss, neuropathy, diabetes",
        "symptoms: numbness",
        "technique: heat",
    ),
    N_("A step that uses heat, where the client may not feel heat properly."),
    N_(
        "{label} uses heat, and {why}: they may not feel a burn in time. Keep anything warm "
        "no warmer than body temperature, about 37 °C / 98 °F, checked with a thermometer or "
        "on your own elbow before it touches the client, and look at the skin often."
    ),
    when=lambda facts: bool(
        facts.conditions & {"severe-sensory-loss", "neuropathy", "diabetes"}
        or "numbness" in facts.symptoms
    ),
    needs=("heat",),
)
def heat_sensation(facts: Facts, work: Work) -> Iterable[Fields]:
    if "heat" not in work.properties:
        return ()
    why = _numb_here(facts, work) or _heat_condition(facts)
    return [{"label": work.label, "why": why}] if why else ()


def _heat_condition(facts: Facts) -> str:
    for condition, words in (
        ("neuropathy", "the client has neuropathy"),
        ("diabetes", "the client has diabetes"),
    ):
        if condition in facts.conditions:
            return words
    return ""


@rule(
    "hypersensitive-area",
    "caution",
    STEP,
    ("symptoms: hypersensitivity, burning", "pressure"),
    N_("Pressure above light where the client feels hypersensitivity or burning."),
    N_(
        "{label} is above light pressure where the client feels {kinds}: start light and "
        "ask for feedback as you go."
    ),
    when=lambda facts: "hypersensitivity" in facts.symptoms or "burning" in facts.symptoms,
    min_rank=MODERATE,
)
def hypersensitive_area(facts: Facts, work: Work) -> Iterable[Fields]:
    if work.rank <= LIGHT:
        return ()
    felt = [kind for kind in ("burning", "hypersensitivity") if facts.felt(kind, work)]
    return [{"label": work.label, "kinds": " and ".join(felt)}] if felt else ()


@rule(
    "sharp-pain-area",
    "caution",
    STEP,
    ("symptoms: sharp-pain", "pressure"),
    N_("Pressure above light where the client feels sharp pain."),
    N_(
        "{label} is above light pressure where the client feels sharp pain. Find out why "
        "first (an injury, a wound, a clot or a trapped nerve can be behind it), and stay "
        "light there until you know."
    ),
    when=_felt("sharp-pain"),
    min_rank=MODERATE,
)
def sharp_pain_area(facts: Facts, work: Work) -> Iterable[Fields]:
    if work.rank <= LIGHT or not facts.felt("sharp-pain", work):
        return ()
    return [{"label": work.label}]


@rule(
    "neuropathy-gentle",
    "caution",
    STEP,
    ("conditions: neuropathy", "technique: vigorous", "pressure"),
    N_("Neuropathy, and a vigorous step or deep pressure."),
    N_(
        "{label} is {what}, and the client has neuropathy: harsh work can make nerve pain "
        "worse. Choose a gentler technique or pressure."
    ),
    when=_has("neuropathy"),
)
def neuropathy_gentle(facts: Facts, work: Work) -> Iterable[Fields]:
    vigorous = "vigorous" in work.properties
    if not vigorous and work.rank < DEEP:
        return ()
    return [{"label": work.label, "what": "vigorous" if vigorous else "deep"}]


RULES: tuple[Rule, ...] = (
    bleeding_risk,
    percussion_back_osteoporosis,
    skin_pull_bleeding,
    fragile_bone,
    vigorous_fragile,
    cancer_deep_pressure,
    pregnancy_legs,
    reduced_sensation,
    deep_static_numb,
    heat_sensation,
    hypersensitive_area,
    sharp_pain_area,
    neuropathy_gentle,
)
