"""Plan files: PLAN_FORMAT.md read strictly, every error named by its place, written atomically."""

from __future__ import annotations

import copy
import datetime
import json
import os
from pathlib import Path
from typing import Any

import pytest

from planner.core import planfile
from planner.core.library import Exercise, Technique, builtin_library
from planner.core.plan import AvoidedArea, HomeCareItem, SessionPlan, Step, SymptomArea
from planner.core.planfile import (
    PlanFileError,
    dumps_plan,
    load_plan,
    loads_plan,
    parse_plan,
    plan_to_json,
    save_plan,
    with_own_definitions,
)
from planner.core.validate import FormatError

# The example of PLAN_FORMAT.md, as a therapist would write it.
EXAMPLE = """{
  "format": "session-plan",
  "version": 1,
  "title": "Neuropathy foot care, week 1",
  "date": "2026-11-21",
  "length_minutes": 60,
  "therapist": {"name": "Sam Rivera, LMT", "clinic": "Northside Bodywork"},
  "client": {
    "name": "Alex Doe",
    "conditions": ["neuropathy", "diabetes"],
    "notes": "Prefers feet first."
  },
  "avoid": [
    {"region": "heel", "side": "left", "reason": "open-wound", "note": "healing blister"}
  ],
  "symptoms": [
    {"region": "sole", "side": "both", "kind": "numbness", "intensity": 6}
  ],
  "steps": [
    {"technique": "effleurage", "region": "foot", "side": "both",
     "minutes": 5, "pressure": "light", "notes": ""}
  ],
  "home_care": [
    {"exercise": "toe-alphabet", "minutes": 5, "frequency": "twice daily", "note": ""}
  ]
}
"""


@pytest.fixture
def example() -> dict[str, Any]:
    """The example with three steps, so that errors in later steps can be placed."""
    data = json.loads(EXAMPLE)
    data["steps"] += [
        {"technique": "toe-work", "region": "toes", "side": "right", "minutes": 10},
        {"technique": "petrissage", "region": "calf", "minutes": 7.5, "pressure": "moderate"},
    ]
    return data


def write(folder: Path, content: str | bytes, name: str = "plan.json") -> Path:
    path = folder / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_example_of_plan_format_loads(tmp_path: Path) -> None:
    plan = load_plan(write(tmp_path, EXAMPLE))
    assert plan.title == "Neuropathy foot care, week 1"
    assert plan.date == datetime.date(2026, 11, 21)
    assert plan.length_minutes == 60
    assert plan.therapist.name == "Sam Rivera, LMT"
    assert plan.therapist.clinic == "Northside Bodywork"
    assert plan.client.conditions == ("neuropathy", "diabetes")
    assert plan.client.notes == "Prefers feet first."
    assert plan.avoid == [AvoidedArea("heel", "left", "open-wound", "healing blister")]
    assert plan.symptoms == [SymptomArea("sole", "both", "numbness", 6)]
    assert plan.steps == [Step("effleurage", "foot", "both", 5, "light", "")]
    assert plan.home_care == [HomeCareItem("toe-alphabet", 5, 2, 7, "")]


def test_defaults() -> None:
    plan = loads_plan(
        '{"format": "session-plan", "version": 1, "steps": ['
        '{"technique": "petrissage", "region": "calf"},'
        '{"technique": "lymph-drainage", "region": "neck"},'
        '{"technique": "effleurage", "region": "heel", "side": "left", "minutes": 2.5}]}'
    )
    assert plan.title == ""
    assert plan.date == datetime.date.today()
    assert plan.length_minutes is None
    assert plan.planned_minutes == plan.total_minutes == 5 + 10 + 2.5
    assert plan.client.conditions == ()
    assert plan.avoid == [] and plan.symptoms == []
    assert plan.home_care is None
    assert plan.steps == [
        Step("petrissage", "calf", "both", 5, "moderate"),
        Step("lymph-drainage", "neck", "midline", 10, "light"),
        Step("effleurage", "heel", "left", 2.5, "light"),
    ]


def test_home_care_defaults_come_from_the_exercise() -> None:
    plan = loads_plan(
        '{"format": "session-plan", "version": 1, "steps": [],'
        ' "home_care": [{"exercise": "ball-roll"}]}'
    )
    ball_roll = builtin_library().exercise("ball-roll")
    assert plan.home_care == [
        HomeCareItem("ball-roll", ball_roll.minutes, ball_roll.times_a_day, ball_roll.days_a_week)
    ]


def test_empty_home_care_stays_empty() -> None:
    plan = loads_plan('{"format": "session-plan", "version": 1, "steps": [], "home_care": []}')
    assert plan.home_care == []
    assert loads_plan(dumps_plan(plan)).home_care == []


def test_save_then_load_is_equal(tmp_path: Path, example: dict[str, Any]) -> None:
    plan = parse_plan(example)
    path = tmp_path / "copy.json"
    save_plan(plan, path)
    assert load_plan(path) == plan
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "session-plan"
    # A plan without a length or home care keeps them unset.
    plan.length_minutes = None
    plan.home_care = None
    save_plan(plan, path)
    again = load_plan(path)
    assert again == plan and again.length_minutes is None and again.home_care is None


def test_text_is_written_readably(tmp_path: Path) -> None:
    plan = SessionPlan(title="Füße – 足 🦶 <b>&amp;</b>\nline two")
    save_plan(plan, tmp_path / "p.json")
    text = (tmp_path / "p.json").read_text(encoding="utf-8")
    assert "Füße – 足 🦶" in text
    assert load_plan(tmp_path / "p.json").title == plan.title


# -- malformed shapes ---------------------------------------------------------------


def _set(path: str, value: Any):
    def change(data: dict[str, Any]) -> None:
        *parents, last = _parse_path(path)
        target = data
        for key in parents:
            target = target[key]
        target[last] = value

    return change


def _drop(path: str):
    def change(data: dict[str, Any]) -> None:
        *parents, last = _parse_path(path)
        target = data
        for key in parents:
            target = target[key]
        del target[last]

    return change


def _parse_path(path: str) -> list[str | int]:
    keys: list[str | int] = []
    for part in path.replace("[", ".").replace("]", "").split("."):
        keys.append(int(part) if part.isdigit() else part)
    return keys


def _append(path: str, value: Any):
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in _parse_path(path):
            target = target[key]
        target.append(value)

    return change


OWN = {"id": "my-opener", "name": "Opener"}
SHAPES = [
    (_set("steps.2.minutes", 0), "steps[2].minutes: must be greater than 0"),
    (_set("steps.1.minutes", -1), "steps[1].minutes: must be greater than 0"),
    (_set("steps.0.presure", "light"), "steps[0].presure: unknown key (check the spelling)"),
    (_set("version", 3), "version: this file is version 3, but this program reads versions up"),
    (_set("version", "1"), "version: must be a whole number"),
    (_set("version", 0), "version: must be at least 1"),
    (_set("client.conditions", ["neuropathy", "gout"]), "client.conditions[1]: 'gout' is not"),
    (_set("client.conditions", ["cancer", "cancer"]), "client.conditions[1]: 'cancer' is listed"),
    (_set("avoid.0.side", "midline"), "avoid[0].side: must be 'left', 'right' or 'both'"),
    (_drop("avoid.0.reason"), "avoid[0].reason: is missing"),
    (_set("avoid.0.reason", "itchy"), "avoid[0].reason: 'itchy' is not a known reason"),
    (_append("avoid", {"region": "heel", "side": "left", "reason": "bruise"}),
     "avoid[1]: the client's left heel is already listed"),
    (_set("symptoms.0.intensity", 11), "symptoms[0].intensity: must be at most 10"),
    (_set("symptoms.0.intensity", -1), "symptoms[0].intensity: must not be negative"),
    (_set("symptoms.0.intensity", 2.5), "symptoms[0].intensity: must be a whole number"),
    (_set("symptoms.0.kind", "itch"), "symptoms[0].kind: 'itch' is not a known kind of symptom"),
    (_set("home_care.0.exercise", "yoga"), "home_care[0].exercise: 'yoga' is not a known exercise"),
    (_set("home_care", {}), "home_care: must be a list, not an object"),
    (_set("custom_techniques", [{"id": "effleurage", "name": "Mine"}]),
     "custom_techniques[0].id: 'effleurage' is a built-in technique"),
    (_set("custom_techniques", [OWN, OWN]),
     "custom_techniques[1].id: 'my-opener' is defined twice"),
    (_set("custom_techniques", [{**OWN, "exercises": ["nope"]}]),
     "custom_techniques[0].exercises[0]: 'nope' is not a known exercise"),
    (_set("custom_techniques", [{**OWN, "id": "My Opener"}]),
     "custom_techniques[0].id: 'My Opener' is not a valid id"),
    (_set("custom_exercises", [{"id": "mine", "title": "Mine"}]),
     "custom_exercises[0].steps: is missing"),
    (_set("format", "recipe"), "format: must be 'session-plan'"),
    (_drop("format"), "format: is missing"),
    (_drop("version"), "version: is missing"),
    (_drop("steps"), "steps: is missing"),
    (_set("steps", {}), "steps: must be a list, not an object"),
    (_set("steps.0", "effleurage"), "steps[0]: must be an object, not text"),
    (_set("steps.0.minutes", True), "steps[0].minutes: must be a number, not true"),
    (_set("steps.0.minutes", 241), "steps[0].minutes: must be at most 240"),
    (_set("steps.0.minutes", "5"), "steps[0].minutes: must be a number, not text"),
    (_set("steps.0.minutes", None), "steps[0].minutes: must be a number, not null"),
    (_set("steps.1.technique", "shiatsu"),
     "steps[1].technique: 'shiatsu' is not a known technique"),
    (_drop("steps.1.technique"), "steps[1].technique: is missing"),
    (_set("steps.0.region", "tail"), "steps[0].region: 'tail' is not a known body region"),
    (_set("steps.0.region", "neck"), "steps[0].side: must be 'midline' for the neck"),
    (_set("steps.0.pressure", "hard"), "steps[0].pressure: 'hard' is not a known pressure"),
    (_set("steps.0.notes", ["a"]), "steps[0].notes: must be text, not a list"),
    (_set("date", "2026-13-01"), "date: '2026-13-01' is not a date like 2026-11-21"),
    (_set("date", "2026-W47-1"), "date: '2026-W47-1' is not a date"),
    (_set("date", "20261121"), "date: '20261121' is not a date"),
    (_set("date", 20261121), "date: must be text, not a number"),
    (_set("length_minutes", 0), "length_minutes: must be greater than 0"),
    (_set("length_minutes", "an hour"), "length_minutes: must be a number, not text"),
    (_set("title", 5), "title: must be text, not a number"),
    (_set("title", "x" * 301), "title: is too long"),
    (_set("title", "\ud800"), "title: holds an invalid character"),
    (_set("therapist", "Sam"), "therapist: must be an object, not text"),
    (_set("therapist.phone", "555"), "therapist.phone: unknown key"),
    (_set("client.name", None), "client.name: must be text, not null"),
    (_set("colour", "red"), "colour: unknown key"),
    (_set("ti\ntle", "x"), "['ti\\ntle']: unknown key"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "expected"), [pytest.param(c, e, id=e.split(":")[0]) for c, e in SHAPES]
)
def test_malformed_shape_names_its_place(
    tmp_path: Path, example: dict[str, Any], change: Any, expected: str
) -> None:
    change(example)
    path = write(tmp_path, json.dumps(example))
    with pytest.raises(PlanFileError) as caught:
        load_plan(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert "\n" not in message


def test_at_least_twenty_shapes() -> None:
    assert len(SHAPES) >= 20


def test_format_error_knows_the_place(example: dict[str, Any]) -> None:
    example["steps"][2]["minutes"] = 0
    with pytest.raises(FormatError) as caught:
        parse_plan(example)
    assert caught.value.place == "steps[2].minutes"
    assert caught.value.problem == "must be greater than 0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]", "must be an object, not a list"),
        ('"plan"', "must be an object, not text"),
        ("null", "must be an object, not null"),
        ('{"format": "session-plan", "format": "session-plan", "version": 1, "steps": []}',
         "the key 'format' appears twice"),
        ('{"format": "session-plan", "version": 1, "steps": [{"technique": "effleurage",'
         ' "region": "foot", "minutes": NaN}]}', "NaN is not allowed"),
        ('{"format": "session-plan", "version": 1, "length_minutes": Infinity, "steps": []}',
         "Infinity is not allowed"),
        ('{"format": "session-plan", "version": 1, "length_minutes": 1e999, "steps": []}',
         "length_minutes: must be a finite number"),
        ('{"format": "session-plan",\n "version": 1,\n "steps": [}',
         "line 3, column 12: not valid"),
        ('{"format": "session-plan"', "not valid JSON"),
        ("", "the file is empty"),
        (" \n\t\n", "the file is empty"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)  # fmt: skip
def test_malformed_text(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(PlanFileError) as caught:
        load_plan(write(tmp_path, text))
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


# -- files ----------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="nope.json: no such file$"):
        load_plan(tmp_path / "nope.json")


def test_folder(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="is a folder, not a plan file"):
        load_plan(tmp_path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"   \r\n  ", "the file is empty"),
        (bytes(range(256)) * 4, "holds binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "holds binary data"),
        (b'{"title": "caf\xe9"}', "is not UTF-8 text (bad byte at position 14)"),
        (b"\xff\xfe{\x00}\x00", "holds binary data"),
    ],
)
def test_bad_bytes(tmp_path: Path, content: bytes, expected: str) -> None:
    with pytest.raises(PlanFileError) as caught:
        load_plan(write(tmp_path, content))
    assert expected in str(caught.value)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeff" + EXAMPLE)
    assert load_plan(path).title == "Neuropathy foot care, week 1"


def test_huge_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.write(b" " * (planfile.MAX_FILE_BYTES + 1))
    with pytest.raises(PlanFileError, match="is too large for a plan file"):
        load_plan(path)


def test_many_steps_load(tmp_path: Path) -> None:
    steps = [{"technique": "effleurage", "region": "foot", "minutes": 1}] * 2000
    data = {"format": "session-plan", "version": 1, "steps": steps}
    assert len(load_plan(write(tmp_path, json.dumps(data))).steps) == 2000


# -- the user's own techniques and exercises -----------------------------------------

TOWEL = Exercise(
    "my-towel-stretch",
    "Towel stretch",
    ("Sit with legs out.", "Loop a towel round the foot.", "Pull gently for 20 seconds."),
    3,
    1,
    7,
    ("Stop if it hurts.",),
    ("foot",),
)
OPENER = Technique(
    "my-foot-opener",
    "Foot opener",
    "movement",
    "Spread the metatarsals. Hold.",
    "light",
    4,
    False,
    ("foot",),
    ("my-towel-stretch", "toe-alphabet"),
)


def own_plan() -> SessionPlan:
    return SessionPlan(
        title="Own",
        steps=[Step("my-foot-opener", "foot", "left", 4, "light")],
        home_care=[HomeCareItem("my-towel-stretch", 3)],
        custom_techniques=(OPENER,),
        custom_exercises=(TOWEL,),
    )


def test_custom_definitions_round_trip(tmp_path: Path) -> None:
    plan = own_plan()
    save_plan(plan, tmp_path / "own.json")
    data = json.loads((tmp_path / "own.json").read_text(encoding="utf-8"))
    assert data["custom_techniques"] == [OPENER.to_json()]
    assert data["custom_exercises"] == [TOWEL.to_json()]
    assert load_plan(tmp_path / "own.json") == plan


def test_custom_technique_defaults_fill_a_step() -> None:
    data = plan_to_json(own_plan())
    data["steps"] = [{"technique": "my-foot-opener", "region": "toes"}]
    plan = parse_plan(data)
    assert plan.steps == [Step("my-foot-opener", "toes", "both", 4, "light")]


def test_step_cannot_use_a_custom_id_without_its_definition() -> None:
    data = plan_to_json(own_plan())
    del data["custom_techniques"]
    with pytest.raises(FormatError, match="steps\\[0\\].technique: 'my-foot-opener' is not"):
        parse_plan(data)


def test_with_own_definitions_carries_what_the_plan_uses() -> None:
    library = builtin_library().with_custom([OPENER], [TOWEL])
    bare = own_plan()
    bare.custom_techniques = ()
    bare.custom_exercises = ()
    carried = with_own_definitions(bare, library)
    assert carried.custom_techniques == (OPENER,)
    assert carried.custom_exercises == (TOWEL,)
    assert bare.custom_techniques == ()  # the original is left alone
    assert loads_plan(dumps_plan(carried)) == carried


# -- writing ------------------------------------------------------------------------


def test_save_to_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="the folder does not exist"):
        save_plan(own_plan(), tmp_path / "no" / "plan.json")
    assert list(tmp_path.iterdir()) == []


def test_save_onto_a_folder(tmp_path: Path) -> None:
    (tmp_path / "plan.json").mkdir()
    with pytest.raises(PlanFileError, match="plan.json: "):
        save_plan(own_plan(), tmp_path / "plan.json")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_save_to_an_unwritable_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(PlanFileError, match="permission denied"):
            save_plan(own_plan(), folder / "plan.json")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_failed_save_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, EXAMPLE)

    def refuse(*args: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PlanFileError, match="cannot be written: permission denied"):
        save_plan(own_plan(), path)
    assert path.read_text(encoding="utf-8") == EXAMPLE
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_save_replaces_an_existing_file(tmp_path: Path) -> None:
    path = write(tmp_path, EXAMPLE)
    inode = path.stat().st_ino
    save_plan(own_plan(), path)
    assert load_plan(path) == own_plan()
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]
    assert path.stat().st_ino != inode  # renamed into place, not rewritten in place


def test_dumps_does_not_change_the_plan(example: dict[str, Any]) -> None:
    plan = parse_plan(copy.deepcopy(example))
    before = plan.copy()
    dumps_plan(plan)
    assert plan == before


def test_refused_json_names_its_place() -> None:
    from planner.core import validate as v

    cases = {
        '{"a": [1, {"m": NaN}]}': "a[1].m: NaN is not allowed",
        '{"a": Infinity}': "a: Infinity is not allowed",
        '{"s": [{}, {"k": 1, "k": 2}]}': "s[1]: the key 'k' appears twice",
        '{"k": 1, "k": 2}': "top level: the key 'k' appears twice",
        '{"v": ' + "9" * 200 + "}": "v: a number of 200 digits is far too large",
    }
    for text, expected in cases.items():
        with pytest.raises(v.FormatError) as caught:
            v.strict_json(text)
        assert str(caught.value).startswith(expected)
    # Near misses: the same shapes, allowed.
    assert v.strict_json('{"a": [1, {"m": 1.5}], "v": ' + "9" * 100 + "}")["a"][1]["m"] == 1.5
    assert v.strict_json('{"s": [{"k": 1}, {"k": 2}]}')["s"][1]["k"] == 2


def test_quotes_are_short_and_on_one_line() -> None:
    from planner.core import validate as v

    assert v.quote("short") == "'short'"
    long = v.quote("x" * 10_000)
    assert len(long) <= 62 and long.endswith("…'")
    assert "\n" not in v.quote("a\nb") and len(v.join("steps", "k" * 500)) < 80


def test_the_sample_session_is_a_realistic_neuropathy_plan():
    from planner.core.safety import check_plan
    from planner.core.sample import sample_session

    plan = sample_session()
    assert {"neuropathy", "diabetes"} <= set(plan.client.conditions)
    assert plan.avoid and {s.kind for s in plan.symptoms} >= {"numbness", "burning"}
    assert plan.total_minutes <= plan.planned_minutes
    rules = {f.rule: f.severity for f in check_plan(plan)}
    assert "contraindicated" not in rules.values()  # an example of what to do, done safely
    assert {"diabetes", "contains-avoided-area"} <= set(rules)
