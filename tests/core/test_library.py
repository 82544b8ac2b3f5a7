"""The built-in technique library and home-care exercises, and how bad resources fail."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner._resources import resources_dir
from planner.core.library import (
    FAMILIES,
    Library,
    LibraryError,
    builtin_library,
    load_library,
    parse_exercise,
    parse_technique,
    sentence_count,
)
from planner.core.regions import REGIONS
from planner.core.validate import FormatError
from planner.core.vocab import PRESSURES

# DOMAIN.md's technique table: id -> (family, vigorous).
DOMAIN_TECHNIQUES = {
    "effleurage": ("stroking", False),
    "gentle-stroking": ("stroking", False),
    "petrissage": ("kneading", False),
    "circular-friction": ("friction", False),
    "cross-fiber-friction": ("friction", True),
    "thumb-pressure": ("pressure", False),
    "compression": ("pressure", False),
    "trigger-point": ("pressure", True),
    "myofascial-release": ("fascia", False),
    "connective-tissue": ("fascia", False),
    "deep-tissue": ("deep", True),
    "tapotement": ("percussion", True),
    "vibration": ("percussion", False),
    "passive-stretching": ("movement", False),
    "range-of-motion": ("movement", False),
    "toe-work": ("kneading", False),
    "lymph-drainage": ("stroking", False),
    "reflexology": ("pressure", False),
}
DOMAIN_EXERCISES = (
    "foot-massage",
    "toe-alphabet",
    "toe-squeeze",
    "between-toes",
    "calf-massage",
    "floor-foot-rub",
    "ball-roll",
    "marble-bath",
    "hand-massage",
    "finger-stroke",
)


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


def test_builtin_library_loads_and_is_cached(library: Library) -> None:
    assert builtin_library() is library
    assert set(DOMAIN_TECHNIQUES) <= set(library.techniques)
    assert set(DOMAIN_EXERCISES) <= set(library.exercises)
    assert library.builtin_techniques == frozenset(library.techniques)
    assert library.builtin_exercises == frozenset(library.exercises)


@pytest.mark.parametrize("technique_id", sorted(DOMAIN_TECHNIQUES))
def test_technique_is_complete(library: Library, technique_id: str) -> None:
    technique = library.technique(technique_id)
    family, vigorous = DOMAIN_TECHNIQUES[technique_id]
    assert technique.id == technique_id
    assert technique.name.strip()
    assert technique.family == family
    assert technique.vigorous is vigorous
    assert 2 <= sentence_count(technique.description) <= 4
    assert technique.default_pressure in PRESSURES
    assert 0 < technique.default_minutes <= 60
    assert technique.regions
    assert set(technique.regions) <= set(REGIONS)
    assert set(technique.exercises) <= set(library.exercises)


@pytest.mark.parametrize("exercise_id", DOMAIN_EXERCISES)
def test_exercise_is_complete(library: Library, exercise_id: str) -> None:
    exercise = library.exercise(exercise_id)
    assert exercise.title.strip()
    assert 3 <= len(exercise.steps) <= 7
    for step in exercise.steps:
        # Short sentences a client can follow: one line each, ending like a sentence.
        assert step.strip() == step and step[-1] in ".!?"
        assert len(step) <= 200
    assert 0 < exercise.minutes <= 60
    assert 1 <= exercise.times_a_day <= 6 and 1 <= exercise.days_a_week <= 7
    assert exercise.cautions and all(caution.strip() for caution in exercise.cautions)
    assert exercise.regions and set(exercise.regions) <= set(REGIONS)


def test_every_family_is_known(library: Library) -> None:
    assert {t.family for t in library.techniques.values()} <= set(FAMILIES)


def test_foot_techniques_lead_to_foot_exercises(library: Library) -> None:
    # The neuropathy routine must be reachable from the steps a foot session uses.
    assert "foot-massage" in library.technique("effleurage").exercises
    assert {"toe-squeeze", "between-toes"} <= set(library.technique("toe-work").exercises)
    assert "toe-alphabet" in library.technique("range-of-motion").exercises


def test_lookup_of_unknown_ids(library: Library) -> None:
    with pytest.raises(LookupError, match="'no-such'"):
        library.technique("no-such")
    with pytest.raises(LookupError, match="'no-such'"):
        library.exercise("no-such")


# -- malformed resource files ---------------------------------------------------


@pytest.fixture
def resources(tmp_path: Path) -> Path:
    """A private copy of the resource files that a test may break."""
    folder = tmp_path / "resources"
    folder.mkdir()
    for name in ("techniques.json", "exercises.json"):
        shutil.copy(resources_dir() / name, folder / name)
    return folder


def _edit(folder: Path, name: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_copy_of_resources_loads(resources: Path) -> None:
    assert set(load_library(resources).techniques) == set(builtin_library().techniques)


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda entry: entry.__setitem__(key, value)


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda entry: entry.pop(key)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_drop("default_pressure"), "default_pressure: is missing"),
        (_drop("description"), "description: is missing"),
        (_set("default_pressure", "crushing"), "default_pressure: 'crushing' is not a known"),
        (_set("regions", ["foot", "tail"]), "regions[1]: 'tail' is not a known region"),
        (_set("regions", ["foot", "foot"]), "regions[1]: 'foot' is listed twice"),
        (_set("description", "Strike the area rhythmically."), "description: must be 2 to 4"),
        (_set("description", "One. Two. Three. Four. Five."), "description: must be 2 to 4"),
        (_set("exercises", ["no-such"]), "exercises[0]: 'no-such' is not a known exercise"),
        (_set("vigorous", "yes"), "vigorous: must be true or false"),
        (_set("default_minutes", 0), "default_minutes: must be greater than 0"),
        (_set("family", "magic"), "family: 'magic' is not a known technique family"),
        (_set("name", "  "), "name: must not be empty"),
        (_set("colour", "red"), "colour: unknown key"),
        (_set("precussive", True), "precussive: unknown key"),
        (_set("percussive", "yes"), "percussive: must be true or false"),
        (_drop("skin_pull"), "skin_pull: is missing"),
    ],
)
def test_broken_technique_names_file_and_entry(
    resources: Path, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    _edit(resources, "techniques.json", lambda data: change(data["techniques"][11]))
    with pytest.raises(LibraryError) as caught:
        load_library(resources)
    message = str(caught.value)
    assert message.startswith("techniques.json: techniques[11] ('tapotement'): ")
    assert expected in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_drop("cautions"), "cautions: is missing"),
        (_set("steps", ["Sit down.", "Stand up."]), "steps: needs at least 3"),
        (_set("steps", ["Do it."] * 8), "steps: has too many entries"),
        (_set("steps", ["Sit down.", "", "Stand up."]), "steps[1]: must not be empty"),
        (_set("regions", []), "regions: needs at least 1"),
        (_set("regions", ["paw"]), "regions[0]: 'paw' is not a known region"),
        (_set("minutes", -5), "minutes: must be greater than 0"),
        (_set("minutes", True), "minutes: must be a number"),
        (_set("cautions", []), "cautions: needs at least 1"),
        (_set("soaks", True), "soaks: unknown key"),
        (_set("barefoot", 1), "barefoot: must be true or false"),
        (_drop("self_pressure"), "self_pressure: is missing"),
    ],
)
def test_broken_exercise_names_file_and_entry(
    resources: Path, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    _edit(resources, "exercises.json", lambda data: change(data["exercises"][2]))
    with pytest.raises(LibraryError) as caught:
        load_library(resources)
    message = str(caught.value)
    assert message.startswith("exercises.json: exercises[2] ('toe-squeeze'): ")
    assert expected in message


def test_entry_without_id_is_named_by_position(resources: Path) -> None:
    _edit(resources, "techniques.json", lambda data: data["techniques"][3].pop("id"))
    with pytest.raises(LibraryError, match=r"^techniques\.json: techniques\[3\]: id: is missing"):
        load_library(resources)


def test_duplicate_id(resources: Path) -> None:
    _edit(resources, "techniques.json", lambda d: d["techniques"].append(d["techniques"][0]))
    with pytest.raises(LibraryError, match=r"techniques\[18\] \('effleurage'\): id is used twice"):
        load_library(resources)


def test_duplicate_exercise_id(resources: Path) -> None:
    _edit(resources, "exercises.json", lambda d: d["exercises"].insert(1, d["exercises"][0]))
    with pytest.raises(LibraryError, match=r"exercises\[1\] \('foot-massage'\): id is used twice"):
        load_library(resources)


def test_entry_that_is_not_an_object(resources: Path) -> None:
    _edit(resources, "exercises.json", lambda d: d["exercises"].insert(4, "ball-roll"))
    with pytest.raises(LibraryError, match=r"exercises\[4\]: must be an object, not text"):
        load_library(resources)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"format": "technique-library", "version": 1, "techniques": [', "cannot be read"),
        ("", "cannot be read"),
        ("[]", "is not a technique-library file"),
        ('{"format": "exercise-library", "version": 1, "techniques": []}', "is not a technique"),
        ('{"format": "technique-library", "version": 2, "techniques": []}', "version must be 1"),
        ('{"format": "technique-library", "version": 1, "techniques": {}}', "'techniques' list"),
        ('{"format": "technique-library", "version": 1, "techniques": [], "x": 1}', "exactly"),
    ],
)
def test_broken_file(resources: Path, content: str, expected: str) -> None:
    (resources / "techniques.json").write_text(content, encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        load_library(resources)
    assert str(caught.value).startswith("techniques.json: ")
    assert expected in str(caught.value)


def test_missing_file(resources: Path) -> None:
    (resources / "exercises.json").unlink()
    with pytest.raises(LibraryError, match=r"^exercises\.json: cannot be read"):
        load_library(resources)


def test_not_utf8(resources: Path) -> None:
    (resources / "exercises.json").write_bytes(b'{"format": "\xff\xfe"}')
    with pytest.raises(LibraryError, match=r"^exercises\.json: cannot be read"):
        load_library(resources)


# -- properties the safety rules read ---------------------------------------------------


def test_builtin_properties(library: Library) -> None:
    techniques = library.techniques
    assert techniques["tapotement"].properties == {"vigorous", "percussive"}
    assert "skin_pull" in techniques["connective-tissue"].properties
    assert "deep_static" in techniques["thumb-pressure"].properties
    assert techniques["effleurage"].properties == frozenset()
    exercises = library.exercises
    assert exercises["marble-bath"].properties == {"soak", "heat"}
    # The floor rub keeps socks on: no built-in exercise sends bare feet to the floor.
    assert exercises["floor-foot-rub"].properties == {"self_pressure"}
    assert not any(e.barefoot for e in exercises.values())
    # The foot check only looks: it touches nowhere.
    assert exercises["foot-check"].touch_regions == () and exercises["foot-check"].regions
    assert exercises["toe-alphabet"].properties == frozenset()
    # The ball roll goes from the toes to the heel; the foot bath holds the whole foot.
    assert "heel" in exercises["ball-roll"].regions
    assert exercises["marble-bath"].regions == ("foot",)


def test_own_entries_without_properties_read_as_false() -> None:
    technique = parse_technique({"id": "my-stroke", "name": "My stroke"}, "", ())
    assert technique.properties == frozenset() and technique.vigorous is False
    exercise = parse_exercise({"id": "my-walk", "title": "Walk", "steps": ["Walk."]}, "")
    assert exercise.properties == frozenset()


def test_own_entry_properties_round_trip() -> None:
    technique = parse_technique(
        {"id": "my-stones", "name": "Stones", "heat": True, "deep_static": True}, "", ()
    )
    assert technique.properties == {"heat", "deep_static"}
    assert parse_technique(technique.to_json(), "", ()) == technique
    exercise = parse_exercise(
        {"id": "my-walk", "title": "Walk", "steps": ["Walk."], "standing": True}, ""
    )
    assert exercise.properties == {"standing"}
    assert parse_exercise(exercise.to_json(), "") == exercise


@pytest.mark.parametrize(
    ("entry", "parse", "expected"),
    [
        ({"id": "my-stroke", "name": "S", "hot": True}, "technique",
            "techniques[0].hot: unknown key"),
        ({"id": "my-walk", "title": "W", "steps": ["Go."], "standng": True}, "exercise",
         "exercises[0].standng: unknown key"),
    ],
)  # fmt: skip
def test_unknown_property_of_an_own_entry_names_entry_and_key(
    entry: dict[str, Any], parse: str, expected: str
) -> None:
    with pytest.raises(FormatError, match=re.escape(expected)):
        if parse == "technique":
            parse_technique(entry, "techniques[0]", ())
        else:
            parse_exercise(entry, "exercises[0]")
