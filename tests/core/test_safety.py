"""The safety check as a whole: laterality, order, wording and the JSON form of findings.

Each rule on its own, firing and near misses, is in test_rulebook.py.
"""

from __future__ import annotations

import pytest
from rule_plans import make_plan, rows, step

from planner.core.plan import AvoidedArea, SessionPlan
from planner.core.regions import REGIONS, area_phrase
from planner.core.safety import RULES, Finding, check_plan, has_contraindication
from planner.core.vocab import SEVERITY_RANK


def test_a_plain_plan_has_no_findings() -> None:
    assert check_plan(make_plan(step(), step("calf", "left", "moderate", "petrissage"))) == []


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
    keys = [f.sort_key() for f in findings]
    assert keys == sorted(keys)
    assert [f.severity for f in findings][:1] == ["contraindicated"]
    assert findings[-1].severity == "info"
    cautions = [f for f in findings if f.severity == "caution"]
    # Plan-wide cautions come first, then the steps' in order, then the home care's.
    plan_wide = [f.rule for f in cautions if f.step is None and f.home_care is None]
    assert sorted(plan_wide) == ["diabetes", "over-time", "pregnancy"]
    assert all(f.step is None and f.home_care is None for f in cautions[: len(plan_wide)])
    assert [f.home_care for f in cautions][-2:] == [0, 0]
    assert SEVERITY_RANK[findings[0].severity] == 0


def test_busy_plan_findings(busy_plan: SessionPlan) -> None:
    assert rows(busy_plan) == [
        ("contraindicated", "bleeding-risk", 0, "calf", "left"),
        ("contraindicated", "bleeding-risk", 1, "foot", "both"),
        ("contraindicated", "avoided-area", 2, "heel", "left"),
        ("contraindicated", "bleeding-risk", 3, "neck", "midline"),
        ("contraindicated", "soak-over-wound", "home 0", None, None),
        ("caution", "pregnancy", None, None, None),
        ("caution", "diabetes", None, None, None),
        ("caution", "over-time", None, None, None),
        ("caution", "vigorous-fragile", 0, "calf", "left"),
        ("caution", "neuropathy-gentle", 0, "calf", "left"),
        ("caution", "contains-avoided-area", 1, "foot", "both"),
        ("caution", "fragile-bone", 1, "foot", "both"),
        ("caution", "pregnancy-legs", 1, "foot", "both"),
        ("caution", "hypersensitive-area", 1, "foot", "both"),
        ("caution", "neuropathy-gentle", 1, "foot", "both"),
        ("caution", "fragile-bone", 3, "neck", "midline"),
        ("caution", "contains-avoided-area", "home 0", None, None),
        ("caution", "warm-water", "home 0", None, None),
        ("caution", "soak-diabetes", "home 0", None, None),
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
        "step": None, "home_care": None, "region": None, "side": None,
    }  # fmt: skip
    on_item = Finding("caution", "warm-water", "Careful.", home_care=2).to_json()
    assert (on_item["step"], on_item["home_care"]) == (None, 2)


def test_custom_vigorous_technique_counts() -> None:
    from planner.core.library import Technique

    own = Technique("my-pummel", "Pummel", "percussion", "", "light", 3, True, ("calf",))
    plan = make_plan(step("calf", "left", "light", "my-pummel"), conditions=("neuropathy",))
    plan.custom_techniques = (own,)
    assert rows(plan) == [("caution", "neuropathy-gentle", 0, "calf", "left")]
