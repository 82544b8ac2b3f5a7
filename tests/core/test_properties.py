"""Properties over any valid session plan: files round-trip, the checks never break."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.homecare import effective_routine, propose_routine
from planner.core.library import (
    EXERCISE_PROPERTIES,
    TECHNIQUE_PROPERTIES,
    Exercise,
    Technique,
    builtin_library,
)
from planner.core.plan import (
    AvoidedArea,
    Client,
    HomeCareItem,
    SessionPlan,
    Step,
    SymptomArea,
    Therapist,
)
from planner.core.planfile import dumps_plan, loads_plan
from planner.core.regions import PAIRED_REGIONS, REGIONS
from planner.core.safety import check_plan
from planner.core.validate import ID_PATTERN
from planner.core.vocab import (
    AVOID_REASONS,
    CONDITIONS,
    PRESSURES,
    SYMPTOM_KINDS,
)

settings.register_profile(
    "core-properties",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile("core-properties")

LIBRARY = builtin_library()

# Any text a person could type or paste: every script, emoji, markup, line breaks and
# control characters; only lone surrogates are left out (no file can hold them).
ANY_CHAR = st.characters(blacklist_categories=("Cs",))


def texts(max_size: int = 80) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(ANY_CHAR, max_size=max_size),
        st.sampled_from(
            ["", "<b>bold</b> & <i>", "🦶🏽 Füße\n\tzweite Zeile", "a\r\nb", "\x00\x1f"]
        ),
    )


def filled(max_size: int = 80) -> st.SearchStrategy[str]:
    return texts(max_size).filter(lambda s: s.strip() != "")


def sides_for(region: str) -> list[str]:
    return ["left", "right", "both"] if region in PAIRED_REGIONS else ["midline"]


areas = st.sampled_from(REGIONS).flatmap(
    lambda region: st.sampled_from(sides_for(region)).map(lambda side: (region, side))
)
minutes = st.one_of(
    st.integers(1, 240),
    st.floats(0, 240, exclude_min=True, allow_nan=False, allow_infinity=False),
)
session_minutes = st.one_of(
    st.none(),
    st.integers(1, 1440),
    st.floats(0, 1440, exclude_min=True, allow_nan=False, allow_infinity=False),
)
own_ids = st.from_regex(ID_PATTERN, fullmatch=True).filter(
    lambda i: i not in LIBRARY.techniques and i not in LIBRARY.exercises
)
region_lists = st.lists(st.sampled_from(REGIONS), unique=True, max_size=5).map(tuple)


@st.composite
def own_exercises(draw: st.DrawFn) -> tuple[Exercise, ...]:
    ids = draw(st.lists(own_ids, unique=True, max_size=3))
    return tuple(
        Exercise(
            id=exercise_id,
            title=draw(filled(120)),
            steps=tuple(draw(st.lists(filled(), min_size=1, max_size=5))),
            minutes=draw(minutes),
            times_a_day=draw(st.integers(1, 6)),
            days_a_week=draw(st.integers(1, 7)),
            cautions=tuple(draw(st.lists(filled(), max_size=3))),
            regions=draw(region_lists),
            **{name: draw(st.booleans()) for name in EXERCISE_PROPERTIES},
        )
        for exercise_id in ids
    )


@st.composite
def own_techniques(draw: st.DrawFn, exercise_ids: list[str]) -> tuple[Technique, ...]:
    ids = draw(st.lists(own_ids, unique=True, max_size=3))
    return tuple(
        Technique(
            id=technique_id,
            name=draw(filled(120)),
            family=draw(filled(40)),
            description=draw(texts(300)),
            default_pressure=draw(st.sampled_from(PRESSURES)),
            default_minutes=draw(minutes),
            regions=draw(region_lists),
            **{name: draw(st.booleans()) for name in TECHNIQUE_PROPERTIES},
            exercises=tuple(draw(st.lists(st.sampled_from(exercise_ids), unique=True, max_size=4))),
        )
        for technique_id in ids
    )


@st.composite
def session_plans(draw: st.DrawFn) -> SessionPlan:
    custom_exercises = draw(own_exercises())
    exercise_ids = list(LIBRARY.exercises) + [e.id for e in custom_exercises]
    custom_techniques = draw(own_techniques(exercise_ids))
    technique_ids = list(LIBRARY.techniques) + [t.id for t in custom_techniques]

    avoided = draw(st.lists(areas, unique=True, max_size=8))
    symptom_keys = draw(
        st.lists(st.tuples(areas, st.sampled_from(list(SYMPTOM_KINDS))), unique=True, max_size=8)
    )
    steps = []
    for _ in range(draw(st.integers(0, 12))):
        region, side = draw(areas)
        steps.append(
            Step(
                technique=draw(st.sampled_from(technique_ids)),
                region=region,
                side=side,
                minutes=draw(minutes),
                pressure=draw(st.sampled_from(PRESSURES)),
                notes=draw(texts()),
            )
        )
    home_care = draw(
        st.one_of(
            st.none(),
            st.lists(
                st.builds(
                    HomeCareItem,
                    exercise=st.sampled_from(exercise_ids),
                    minutes=minutes,
                    times_a_day=st.integers(1, 6),
                    days_a_week=st.integers(1, 7),
                    note=texts(),
                ),
                max_size=6,
            ),
        )
    )
    return SessionPlan(
        title=draw(texts(300)),
        date=draw(st.dates()),
        length_minutes=draw(session_minutes),
        therapist=Therapist(draw(texts(300)), draw(texts(300))),
        client=Client(
            draw(texts(300)),
            tuple(draw(st.lists(st.sampled_from(list(CONDITIONS)), unique=True))),
            draw(texts(500)),
        ),
        avoid=[
            AvoidedArea(region, side, draw(st.sampled_from(list(AVOID_REASONS))), draw(texts()))
            for region, side in avoided
        ],
        symptoms=[
            SymptomArea(region, side, kind, draw(st.none() | st.integers(0, 10)))
            for (region, side), kind in symptom_keys
        ],
        steps=steps,
        home_care=home_care,
        custom_techniques=custom_techniques,
        custom_exercises=custom_exercises,
    )


def _library_for(plan: SessionPlan) -> Any:
    return LIBRARY.with_custom(plan.custom_techniques, plan.custom_exercises)


@PROFILE
@given(session_plans())
def test_dumps_then_loads_gives_an_equal_plan(plan: SessionPlan) -> None:
    text = dumps_plan(plan)
    text.encode("utf-8")  # what save_plan writes must be encodable
    assert loads_plan(text) == plan


@PROFILE
@given(session_plans())
def test_check_plan_never_raises_and_is_sorted(plan: SessionPlan) -> None:
    library = _library_for(plan)
    findings = check_plan(plan, library)
    routine = effective_routine(plan, library)
    keys = [f.sort_key()[:3] for f in findings]
    assert keys == sorted(keys)
    for finding in findings:
        assert finding.message.strip()
        assert finding.step is None or finding.home_care is None
        if finding.step is not None:
            step = plan.steps[finding.step]
            assert (finding.region, finding.side) == (step.region, step.side)
        if finding.home_care is not None:
            assert 0 <= finding.home_care < len(routine)
            assert finding.region is None and finding.side is None
    # Once-per-plan rules appear at most once; the per-area plan rules once per area.
    plan_wide = [f.rule for f in findings if f.step is None and f.home_care is None]
    once = [rule for rule in plan_wide if rule not in ("blood-clot-clearance", "limb-unknown")]
    assert len(once) == len(set(once))
    assert plan_wide.count("blood-clot-clearance") == [a.reason for a in plan.avoid].count(
        "blood-clot"
    )


@PROFILE
@given(session_plans())
def test_without_steps_and_home_care_only_plan_findings_remain(plan: SessionPlan) -> None:
    plan.steps = []
    plan.home_care = []
    findings = check_plan(plan, _library_for(plan))
    assert all(f.step is None and f.home_care is None for f in findings)


@PROFILE
@given(session_plans())
def test_the_proposal_never_holds_a_contraindicated_item(plan: SessionPlan) -> None:
    plan.home_care = None
    library = _library_for(plan)
    findings = check_plan(plan, library)
    assert not [f for f in findings if f.home_care is not None and f.severity == "contraindicated"]
    if "diabetes" in plan.client.conditions:
        soaks = [
            item for item in propose_routine(plan, library) if library.exercise(item.exercise).soak
        ]
        assert soaks == []


@PROFILE
@given(session_plans())
def test_home_care_proposal_never_raises_and_has_no_duplicates(plan: SessionPlan) -> None:
    library = _library_for(plan)
    routine = propose_routine(plan, library)
    chosen = [item.exercise for item in routine]
    assert len(chosen) == len(set(chosen))
    assert set(chosen) <= set(library.exercises)
    if plan.home_care is not None:
        assert effective_routine(plan, library) == plan.home_care
    else:
        assert effective_routine(plan, library) == routine


@PROFILE
@given(session_plans(), st.integers(1, 60))
def test_a_proposal_keeps_the_limit_and_is_never_contraindicated(
    plan: SessionPlan, budget: int
) -> None:
    from planner.core.homecare import MAX_EXERCISES, daily_minutes

    library = _library_for(plan)
    plan.home_care = None
    routine = propose_routine(plan, library, budget)
    assert len(routine) <= MAX_EXERCISES
    assert daily_minutes(routine) <= budget
    if "diabetes" in plan.client.conditions:
        exercises = {**library.exercises, **{e.id: e for e in plan.custom_exercises}}
        assert not any(exercises[item.exercise].soak for item in routine)
    # The rulebook, run on the plan with this routine, finds nothing contraindicated in it.
    findings = check_plan(plan, library, budget)
    assert not [f for f in findings if f.home_care is not None and f.severity == "contraindicated"]
    assert not [f for f in findings if f.rule == "home-care-over-budget"]
