"""Every rule of DOMAIN.md's safety rulebook: when it fires, when it stays silent."""

from __future__ import annotations

from typing import Any

import pytest

from planner.core.plan import AvoidedArea, Client, HomeCareItem, SessionPlan, Step, SymptomArea
from planner.core.regions import REGIONS, area_phrase
from planner.core.safety import RULES, Finding, check_plan, has_contraindication
from planner.core.vocab import SEVERITY_RANK

Row = tuple[str, str, int | None, str | None, str | None]


def step(
    region: str = "foot",
    side: str = "both",
    pressure: str = "light",
    technique: str = "effleurage",
    minutes: float = 5,
) -> Step:
    return Step(technique, region, side, minutes, pressure)


def make_plan(
    *steps: Step,
    conditions: tuple[str, ...] = (),
    avoid: tuple[tuple[str, str], ...] = (),
    symptoms: tuple[tuple[str, str, str], ...] = (),
    length: float | None = None,
    home_care: tuple[str, ...] | None = None,
    course: tuple[str, ...] = (),
) -> SessionPlan:
    return SessionPlan(
        title="Test",
        length_minutes=length,
        client=Client("Alex", conditions),
        avoid=[AvoidedArea(region, side, "open-wound") for region, side in avoid],
        symptoms=[SymptomArea(region, side, kind, 5) for region, side, kind in symptoms],
        steps=list(steps),
        home_care=None if home_care is None else [HomeCareItem(x, 5) for x in home_care],
        course_notes=course,
    )


def rows(plan: SessionPlan, rule: str | None = None) -> list[Row]:
    return [
        (f.severity, f.rule, f.step, f.region, f.side)
        for f in check_plan(plan)
        if rule is None or f.rule == rule
    ]


def test_a_plain_plan_has_no_findings() -> None:
    assert check_plan(make_plan(step(), step("calf", "left", "moderate", "petrissage"))) == []


# Each case: the rule, the plan, and exactly the findings of that rule it must give.
CASES: list[tuple[str, str, dict[str, Any], list[Row]]] = [
    # -- avoided-area
    ("same area", "avoided-area", dict(steps=[step("heel", "left")], avoid=[("heel", "left")]),
     [("contraindicated", "avoided-area", 0, "heel", "left")]),
    ("sub-region of avoided", "avoided-area",
     dict(steps=[step(), step("toes", "left")], avoid=[("foot", "left")]),
     [("contraindicated", "avoided-area", 1, "toes", "left")]),
    ("one side of avoided both", "avoided-area",
     dict(steps=[step("heel", "right")], avoid=[("foot", "both")]),
     [("contraindicated", "avoided-area", 0, "heel", "right")]),
    ("midline", "avoided-area", dict(steps=[step("face", "midline")], avoid=[("head", "midline")]),
     [("contraindicated", "avoided-area", 0, "face", "midline")]),
    ("other side is fine", "avoided-area",
     dict(steps=[step("heel", "right")], avoid=[("heel", "left")]), []),
    ("neighbour is fine", "avoided-area",
     dict(steps=[step("sole", "left")], avoid=[("heel", "left")]), []),
    # -- contains-avoided-area
    ("both heels", "contains-avoided-area",
     dict(steps=[step("heel", "both")], avoid=[("heel", "left")]),
     [("caution", "contains-avoided-area", 0, "heel", "both")]),
    ("both feet", "contains-avoided-area", dict(steps=[step()], avoid=[("heel", "left")]),
     [("caution", "contains-avoided-area", 0, "foot", "both")]),
    ("left foot", "contains-avoided-area",
     dict(steps=[step("foot", "left")], avoid=[("heel", "left")]),
     [("caution", "contains-avoided-area", 0, "foot", "left")]),
    ("whole leg", "contains-avoided-area",
     dict(steps=[step("leg", "right")], avoid=[("toes", "right")]),
     [("caution", "contains-avoided-area", 0, "leg", "right")]),
    ("head holds face", "contains-avoided-area",
     dict(steps=[step("head", "midline")], avoid=[("face", "midline")]),
     [("caution", "contains-avoided-area", 0, "head", "midline")]),
    ("right foot is fine", "contains-avoided-area",
     dict(steps=[step("foot", "right")], avoid=[("heel", "left")]), []),
    ("contained step is not a caution", "contains-avoided-area",
     dict(steps=[step("heel", "left")], avoid=[("foot", "left")]), []),
    # -- bleeding-risk
    ("thinners, firm", "bleeding-risk",
     dict(steps=[step(), step(pressure="firm")], conditions=("blood-thinners",)),
     [("contraindicated", "bleeding-risk", 1, "foot", "both")]),
    ("disorder, deep", "bleeding-risk",
     dict(steps=[step("calf", "left", "deep")], conditions=("bleeding-disorder",)),
     [("contraindicated", "bleeding-risk", 0, "calf", "left")]),
    ("thinners, vigorous but moderate", "bleeding-risk",
     dict(steps=[step("calf", "right", "moderate", "tapotement")], conditions=("blood-thinners",)),
     [("contraindicated", "bleeding-risk", 0, "calf", "right")]),
    ("thinners, gentle moderate", "bleeding-risk",
     dict(steps=[step(pressure="moderate")], conditions=("blood-thinners",)), []),
    ("no condition, deep", "bleeding-risk", dict(steps=[step(pressure="deep")]), []),
    # -- fragile-bone
    ("osteoporosis, firm", "fragile-bone",
     dict(steps=[step("shin", "left", "firm")], conditions=("osteoporosis",)),
     [("caution", "fragile-bone", 0, "shin", "left")]),
    ("osteoporosis, deep", "fragile-bone",
     dict(steps=[step(pressure="deep")], conditions=("osteoporosis",)),
     [("caution", "fragile-bone", 0, "foot", "both")]),
    ("osteoporosis, moderate", "fragile-bone",
     dict(steps=[step(pressure="moderate")], conditions=("osteoporosis",)), []),
    ("no osteoporosis, firm", "fragile-bone",
     dict(steps=[step(pressure="firm")], conditions=("cancer",)), []),
    # -- cancer-deep-pressure
    ("cancer, deep", "cancer-deep-pressure",
     dict(steps=[step("upper-back", "midline", "deep")], conditions=("cancer",)),
     [("caution", "cancer-deep-pressure", 0, "upper-back", "midline")]),
    ("cancer, firm", "cancer-deep-pressure",
     dict(steps=[step(pressure="firm")], conditions=("cancer",)),
     [("caution", "cancer-deep-pressure", 0, "foot", "both")]),
    ("cancer, light", "cancer-deep-pressure",
     dict(steps=[step()], conditions=("cancer",)), []),
    # -- pregnancy, diabetes, lubricant: once per plan
    ("pregnancy", "pregnancy",
     dict(steps=[step(), step(), step()], conditions=("pregnancy",)),
     [("caution", "pregnancy", None, None, None)]),
    ("pregnancy without steps", "pregnancy", dict(steps=[], conditions=("pregnancy",)),
     [("caution", "pregnancy", None, None, None)]),
    ("no pregnancy", "pregnancy", dict(steps=[step()], conditions=("diabetes",)), []),
    ("diabetes", "diabetes", dict(steps=[step(), step()], conditions=("diabetes",)),
     [("caution", "diabetes", None, None, None)]),
    ("no diabetes", "diabetes", dict(steps=[step()], conditions=("neuropathy",)), []),
    ("lubricant", "lubricant", dict(steps=[step(), step()], conditions=("lubricant-allergy",)),
     [("info", "lubricant", None, None, None)]),
    ("no lubricant allergy", "lubricant", dict(steps=[step()]), []),
    # -- reduced-sensation
    ("sensory loss, moderate", "reduced-sensation",
     dict(steps=[step(), step("calf", "left", "moderate")], conditions=("severe-sensory-loss",)),
     [("caution", "reduced-sensation", 1, "calf", "left")]),
    ("sensory loss, light", "reduced-sensation",
     dict(steps=[step()], conditions=("severe-sensory-loss",)), []),
    ("numb sole, moderate on the left foot", "reduced-sensation",
     dict(steps=[step("foot", "left", "moderate")], symptoms=[("sole", "both", "numbness")]),
     [("caution", "reduced-sensation", 0, "foot", "left")]),
    ("numb left sole, work on the right", "reduced-sensation",
     dict(steps=[step("foot", "right", "firm")], symptoms=[("sole", "left", "numbness")]), []),
    ("numb sole, light", "reduced-sensation",
     dict(steps=[step("sole", "both")], symptoms=[("sole", "both", "numbness")]), []),
    ("tingling is not numbness", "reduced-sensation",
     dict(steps=[step(pressure="firm")], symptoms=[("sole", "both", "tingling")]), []),
    ("sensory loss and numbness: one finding", "reduced-sensation",
     dict(steps=[step(pressure="firm")], conditions=("severe-sensory-loss",),
          symptoms=[("foot", "both", "numbness")]),
     [("caution", "reduced-sensation", 0, "foot", "both")]),
    # -- hypersensitive-area
    ("hypersensitive, moderate", "hypersensitive-area",
     dict(steps=[step("heel", "left", "moderate")],
          symptoms=[("foot", "left", "hypersensitivity")]),
     [("caution", "hypersensitive-area", 0, "heel", "left")]),
    ("burning, firm", "hypersensitive-area",
     dict(steps=[step("toes", "both", "firm")], symptoms=[("toes", "right", "burning")]),
     [("caution", "hypersensitive-area", 0, "toes", "both")]),
    ("hypersensitive, light", "hypersensitive-area",
     dict(steps=[step()], symptoms=[("foot", "both", "hypersensitivity")]), []),
    ("burning elsewhere", "hypersensitive-area",
     dict(steps=[step("heel", "right", "firm")], symptoms=[("heel", "left", "burning")]), []),
    ("sharp pain is another rule's business", "hypersensitive-area",
     dict(steps=[step(pressure="firm")], symptoms=[("foot", "both", "sharp-pain")]), []),
    # -- neuropathy-gentle
    ("neuropathy, vigorous", "neuropathy-gentle",
     dict(steps=[step("calf", "both", "light", "tapotement")], conditions=("neuropathy",)),
     [("caution", "neuropathy-gentle", 0, "calf", "both")]),
    ("neuropathy, deep", "neuropathy-gentle",
     dict(steps=[step(), step("sole", "left", "deep")], conditions=("neuropathy",)),
     [("caution", "neuropathy-gentle", 1, "sole", "left")]),
    ("neuropathy, firm and gentle", "neuropathy-gentle",
     dict(steps=[step(pressure="firm")], conditions=("neuropathy",)), []),
    ("no neuropathy, vigorous", "neuropathy-gentle",
     dict(steps=[step("calf", "both", "deep", "deep-tissue")]), []),
    # -- over-time
    ("over time", "over-time", dict(steps=[step(minutes=6), step(minutes=5)], length=10),
     [("caution", "over-time", None, None, None)]),
    ("exactly on time", "over-time", dict(steps=[step(minutes=6), step(minutes=5)], length=11), []),
    ("no length set", "over-time", dict(steps=[step(minutes=200), step(minutes=200)]), []),
    # -- warm-water
    ("marble bath, diabetes", "warm-water",
     dict(steps=[step()], conditions=("diabetes",), home_care=("foot-massage", "marble-bath")),
     [("caution", "warm-water", None, None, None)]),
    ("marble bath, neuropathy", "warm-water",
     dict(steps=[], conditions=("neuropathy",), home_care=("marble-bath",)),
     [("caution", "warm-water", None, None, None)]),
    ("marble bath, sensory loss", "warm-water",
     dict(steps=[], conditions=("severe-sensory-loss",), home_care=("marble-bath",)),
     [("caution", "warm-water", None, None, None)]),
    ("proposed marble bath, neuropathy", "warm-water",
     dict(steps=[step("sole", "both", "light", "circular-friction")], conditions=("neuropathy",)),
     [("caution", "warm-water", None, None, None)]),
    ("marble bath, no condition", "warm-water",
     dict(steps=[], conditions=("cancer",), home_care=("marble-bath",)), []),
    ("no marble bath, diabetes", "warm-water",
     dict(steps=[step("sole", "both", "light", "circular-friction")], conditions=("diabetes",),
          home_care=("ball-roll",)), []),
    # -- course-worse
    ("a measure got worse", "course-worse",
     dict(steps=[step()], course=("Pain has risen from 3 to 6 over 3 visits.",)),
     [("caution", "course-worse", None, None, None)]),
    ("nothing got worse", "course-worse", dict(steps=[step()]), []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "kwargs", "expected"),
    [pytest.param(rule, kw, expected, id=f"{rule}: {name}") for name, rule, kw, expected in CASES],
)  # fmt: skip
def test_rule(rule: str, kwargs: dict[str, Any], expected: list[Row]) -> None:
    kwargs = dict(kwargs)
    plan = make_plan(*kwargs.pop("steps"), **kwargs)
    assert rows(plan, rule) == expected


def test_every_rule_has_cases_that_fire_and_stay_silent() -> None:
    fires = {rule for _, rule, _, expected in CASES if expected}
    silent = {rule for _, rule, _, expected in CASES if not expected}
    assert fires == silent == set(RULES)
    assert len(RULES) == 14


# -- laterality, as the issue spells it out ---------------------------------------


@pytest.mark.parametrize(
    ("region", "side", "expected"),
    [
        ("heel", "right", []),
        ("foot", "right", []),
        ("heel", "left", [("contraindicated", "avoided-area")]),
        ("foot", "left", [("caution", "contains-avoided-area")]),
        ("foot", "both", [("caution", "contains-avoided-area")]),
        ("heel", "both", [("caution", "contains-avoided-area")]),
        ("leg", "both", [("caution", "contains-avoided-area")]),
        ("sole", "left", []),
    ],
)
def test_left_heel_avoided(region: str, side: str, expected: list[tuple[str, str]]) -> None:
    plan = make_plan(step(region, side), avoid=(("heel", "left"),))
    assert [(f.severity, f.rule) for f in check_plan(plan)] == expected


@pytest.mark.parametrize(("region", "side"), [("toes", "left"), ("heel", "left"), ("foot", "left")])
def test_inside_avoided_left_foot_is_contraindicated(region: str, side: str) -> None:
    plan = make_plan(step(region, side), avoid=(("foot", "left"),))
    assert rows(plan) == [("contraindicated", "avoided-area", 0, region, side)]
    assert has_contraindication(check_plan(plan))


def test_one_finding_per_avoided_area() -> None:
    plan = make_plan(
        step("leg", "left"), avoid=(("heel", "left"), ("toes", "left"), ("knee", "right"))
    )
    assert [f.rule for f in check_plan(plan)] == ["contains-avoided-area"] * 2


# -- order and wording ----------------------------------------------------------


@pytest.fixture
def busy_plan() -> SessionPlan:
    return make_plan(
        step("calf", "left", "moderate", "tapotement"),
        step("foot", "both", "deep"),
        step("heel", "left"),
        step("neck", "midline", "firm"),
        conditions=("neuropathy", "diabetes", "blood-thinners", "lubricant-allergy",
                    "osteoporosis", "pregnancy"),
        avoid=(("heel", "left"),),
        symptoms=(("foot", "both", "burning"),),
        length=10,
        home_care=("marble-bath",),
    )  # fmt: skip


def test_order_is_severity_then_step(busy_plan: SessionPlan) -> None:
    findings = check_plan(busy_plan)
    keys = [(SEVERITY_RANK[f.severity], -1 if f.step is None else f.step) for f in findings]
    assert keys == sorted(keys)
    assert [f.severity for f in findings][:1] == ["contraindicated"]
    assert findings[-1].severity == "info"
    cautions = [f for f in findings if f.severity == "caution"]
    # Plan-wide cautions come before the cautions of any step.
    plan_wide = [f.rule for f in cautions if f.step is None]
    assert sorted(plan_wide) == ["diabetes", "over-time", "pregnancy", "warm-water"]
    assert all(f.step is None for f in cautions[: len(plan_wide)])


def test_busy_plan_findings(busy_plan: SessionPlan) -> None:
    assert rows(busy_plan) == [
        ("contraindicated", "bleeding-risk", 0, "calf", "left"),
        ("contraindicated", "bleeding-risk", 1, "foot", "both"),
        ("contraindicated", "avoided-area", 2, "heel", "left"),
        ("contraindicated", "bleeding-risk", 3, "neck", "midline"),
        ("caution", "pregnancy", None, None, None),
        ("caution", "diabetes", None, None, None),
        ("caution", "over-time", None, None, None),
        ("caution", "warm-water", None, None, None),
        ("caution", "neuropathy-gentle", 0, "calf", "left"),
        ("caution", "contains-avoided-area", 1, "foot", "both"),
        ("caution", "fragile-bone", 1, "foot", "both"),
        ("caution", "hypersensitive-area", 1, "foot", "both"),
        ("caution", "neuropathy-gentle", 1, "foot", "both"),
        ("caution", "fragile-bone", 3, "neck", "midline"),
        ("info", "lubricant", None, None, None),
    ]


def test_messages_are_plain_sentences(busy_plan: SessionPlan) -> None:
    for finding in check_plan(busy_plan):
        message = finding.message
        assert message[0].isupper() and message.endswith("."), message
        assert "\n" not in message
        # Words for people: no rule ids and no hyphenated region ids.
        assert not any(rule in message for rule in RULES if "-" in rule), message
        assert not any(region in message for region in REGIONS if "-" in region), message
        if finding.step is not None:
            assert f"Step {finding.step + 1} " in message
            assert area_phrase(finding.region, finding.side) in message


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (
            "avoided-area",
            ["the client's left heel", "open or healing wound", "Leave this step out"],
        ),
        ("bleeding-risk", ["blood thinners", "light or moderate"]),
        ("over-time", ["20 minutes", "10 minutes"]),
        ("warm-water", ["thermometer", "never"]),
        ("diabetes", ["doctor", "feet"]),
    ],
)
def test_messages_say_why_and_what_to_do(
    busy_plan: SessionPlan, rule: str, words: list[str]
) -> None:
    message = next(f.message for f in check_plan(busy_plan) if f.rule == rule)
    for word in words:
        assert word in message


def test_avoided_note_is_part_of_the_reason() -> None:
    plan = make_plan(step("heel", "left"))
    plan.avoid.append(AvoidedArea("heel", "left", "bruise", "fell last week"))
    message = check_plan(plan)[0].message
    assert "bruise: fell last week" in message


def test_finding_to_json() -> None:
    finding = Finding("caution", "diabetes", "Careful.")
    assert finding.to_json() == {
        "severity": "caution", "rule": "diabetes", "message": "Careful.",
        "step": None, "region": None, "side": None,
    }  # fmt: skip


def test_custom_vigorous_technique_counts() -> None:
    from planner.core.library import Technique

    own = Technique("my-pummel", "Pummel", "percussion", "", "light", 3, True, ("calf",))
    plan = make_plan(step("calf", "left", "light", "my-pummel"), conditions=("neuropathy",))
    plan.custom_techniques = (own,)
    assert rows(plan) == [("caution", "neuropathy-gentle", 0, "calf", "left")]
