"""A monofilament site not felt counts as reduced sensation for the rulebook."""

from __future__ import annotations

from planner.core.measures import make_measures
from planner.core.plan import Client, SessionPlan, Step
from planner.core.safety import check_plan
from planner.core.sensation import screened_symptoms


def plan(screen: dict[str, bool], step: Step) -> SessionPlan:
    return SessionPlan(
        client=Client("Alex"), steps=[step], measures=make_measures(monofilament=screen)
    )


def rules(p: SessionPlan) -> list[tuple[str, int | None]]:
    return [(f.rule, f.step) for f in check_plan(p)]


def test_not_felt_on_the_left_big_toe_is_numbness_there() -> None:
    p = plan(
        {"left-hallux": False, "right-hallux": True},
        Step("thumb-pressure", "toes", "left", 5, "moderate"),
    )
    assert [(s.region, s.side, s.kind) for s in screened_symptoms(p)] == [
        ("toes", "left", "numbness")
    ]
    assert ("reduced-sensation", 0) in rules(p)


def test_near_misses_stay_silent() -> None:
    # The other foot, the same foot at light pressure, a site that was felt.
    assert (
        rules(plan({"left-hallux": False}, Step("thumb-pressure", "toes", "right", 5, "moderate")))
        == []
    )
    assert rules(plan({"left-hallux": False}, Step("effleurage", "toes", "left", 5, "light"))) == []
    assert (
        rules(plan({"left-hallux": True}, Step("thumb-pressure", "toes", "left", 5, "moderate")))
        == []
    )


def test_ball_of_foot_sites_are_on_the_sole() -> None:
    p = plan({"right-met5": False}, Step("circular-friction", "foot", "right", 5, "firm"))
    assert ("reduced-sensation", 0) in rules(p)
