"""The technique library and the home-care exercises.

The built-in entries live in ``resources/techniques.json`` and
``resources/exercises.json`` and are validated when loaded: a malformed entry
fails loudly, naming the file and the entry. The user's own techniques and
exercises (from the store, or carried inside a plan file) have the same shape and
are layered over the built-in ones by :meth:`Library.with_custom`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from planner._resources import resources_dir
from planner.core import howoften
from planner.core import validate as v
from planner.core.properties import (
    EXERCISE_PROPERTIES,
    TECHNIQUE_PROPERTIES,
    read_properties,
)
from planner.core.regions import REGIONS
from planner.core.vocab import MAX_STEP_MINUTES, PRESSURES

FAMILIES: dict[str, str] = {
    "stroking": "Stroking",
    "kneading": "Kneading",
    "friction": "Friction",
    "pressure": "Pressure",
    "fascia": "Fascia",
    "deep": "Deep work",
    "percussion": "Percussion",
    "movement": "Movement",
}

TECHNIQUE_KEYS = (
    "id",
    "name",
    "family",
    "description",
    "default_pressure",
    "default_minutes",
    *TECHNIQUE_PROPERTIES,
    "regions",
    "exercises",
)
EXERCISE_KEYS = (
    "id",
    "title",
    "steps",
    "minutes",
    "times_a_day",
    "days_a_week",
    "cautions",
    "regions",
    *EXERCISE_PROPERTIES,
)
# Own exercises saved before how often became two numbers said it in words.
_OLD_EXERCISE_KEYS = ("frequency",)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


class LibraryError(ValueError):
    """A library resource file that cannot be used; the text names file and entry."""


@dataclass(frozen=True)
class Technique:
    """A massage technique the therapist can put into a session."""

    id: str
    name: str
    family: str
    description: str
    default_pressure: str
    default_minutes: int | float
    vigorous: bool
    regions: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()
    percussive: bool = False
    skin_pull: bool = False
    heat: bool = False
    deep_static: bool = False

    @cached_property
    def properties(self) -> frozenset[str]:
        """The names of the properties this technique has (see TECHNIQUE_PROPERTIES)."""
        return frozenset(name for name in TECHNIQUE_PROPERTIES if getattr(self, name))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "family": self.family,
            "description": self.description,
            "default_pressure": self.default_pressure,
            "default_minutes": self.default_minutes,
            **{name: getattr(self, name) for name in TECHNIQUE_PROPERTIES},
            "regions": list(self.regions),
            "exercises": list(self.exercises),
        }


@dataclass(frozen=True)
class Exercise:
    """A home-care exercise the client does between sessions."""

    id: str
    title: str
    steps: tuple[str, ...]
    minutes: int | float
    times_a_day: int = 1
    days_a_week: int = 7
    cautions: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    # Per step, the regions it touches; "leave out your left heel" goes into those
    # steps. Empty: the steps do not say (own exercises written as plain lines).
    step_regions: tuple[tuple[str, ...], ...] = ()
    soak: bool = False
    heat: bool = False
    barefoot: bool = False
    standing: bool = False
    self_pressure: bool = False

    def regions_of_step(self, index: int) -> tuple[str, ...]:
        return self.step_regions[index] if index < len(self.step_regions) else ()

    @property
    def touch_regions(self) -> tuple[str, ...]:
        """Where the client's hands, feet or water touch: what the safety rules and
        "leave out" read. The steps' regions when they say (a foot check only looks,
        so it touches nowhere), else all of the exercise's regions."""
        if not self.step_regions:
            return self.regions
        return tuple(dict.fromkeys(r for regions in self.step_regions for r in regions))

    @cached_property
    def properties(self) -> frozenset[str]:
        """The names of the properties this exercise has (see EXERCISE_PROPERTIES)."""
        return frozenset(name for name in EXERCISE_PROPERTIES if getattr(self, name))

    def to_json(self) -> dict[str, Any]:
        # Steps that say where they touch are objects; one that touches nowhere is an
        # object too when no step touches anywhere, so that "nowhere" is kept.
        explicit = bool(self.step_regions) and not self.touch_regions
        steps: list[Any] = [
            {"text": text, "regions": list(self.regions_of_step(i))}
            if self.regions_of_step(i) or (explicit and i < len(self.step_regions))
            else text
            for i, text in enumerate(self.steps)
        ]
        return {
            "id": self.id,
            "title": self.title,
            "steps": steps,
            "minutes": self.minutes,
            "times_a_day": self.times_a_day,
            "days_a_week": self.days_a_week,
            "cautions": list(self.cautions),
            "regions": list(self.regions),
            **{name: getattr(self, name) for name in EXERCISE_PROPERTIES},
        }


def sentence_count(text: str) -> int:
    return len(_SENTENCE_END.findall(text.strip()))


def parse_technique(
    value: Any, place: str, exercise_ids: Iterable[str], *, builtin: bool = False
) -> Technique:
    """A technique from its JSON form; built-in entries are held to a stricter standard."""
    required = TECHNIQUE_KEYS if builtin else ("id", "name")
    data = v.obj(value, place, required, TECHNIQUE_KEYS)
    at = lambda key: v.join(place, key)  # noqa: E731
    description = v.text(data.get("description", ""), at("description"), allow_empty=not builtin)
    if builtin and not 2 <= sentence_count(description) <= 4:
        raise v.FormatError(at("description"), "must be 2 to 4 sentences")
    family = v.text(data.get("family", "other"), at("family"), allow_empty=False, max_length=40)
    if builtin:
        v.choice(family, at("family"), FAMILIES, "technique family")
    return Technique(
        id=v.identifier(data["id"], at("id")),
        name=v.text(data["name"], at("name"), allow_empty=False, max_length=120),
        family=family,
        description=description,
        default_pressure=v.choice(
            data.get("default_pressure", "light"), at("default_pressure"), PRESSURES, "pressure"
        ),
        default_minutes=v.number(
            data.get("default_minutes", 5), at("default_minutes"), maximum=MAX_STEP_MINUTES
        ),
        regions=v.id_list(data.get("regions", []), at("regions"), REGIONS, "region"),
        exercises=v.id_list(
            data.get("exercises", []), at("exercises"), set(exercise_ids), "exercise"
        ),
        **read_properties(data, place, TECHNIQUE_PROPERTIES),  # type: ignore[arg-type]
    )


def parse_exercise(value: Any, place: str, *, builtin: bool = False) -> Exercise:
    """An exercise from its JSON form; built-in entries need every field filled."""
    required = EXERCISE_KEYS if builtin else ("id", "title", "steps")
    allowed = EXERCISE_KEYS if builtin else EXERCISE_KEYS + _OLD_EXERCISE_KEYS
    data = v.obj(value, place, required, allowed)
    at = lambda key: v.join(place, key)  # noqa: E731
    # Checked in the order of the fields, so that the first problem named is the first one.
    exercise_id = v.identifier(data["id"], at("id"))
    title = v.text(data["title"], at("title"), allow_empty=False, max_length=120)
    steps, step_regions = _exercise_steps(
        data["steps"], at("steps"), min_items=3 if builtin else 1, max_items=7 if builtin else 30
    )
    minutes = v.number(data.get("minutes", 5), at("minutes"), maximum=MAX_STEP_MINUTES)
    times, days = howoften.read(data, place)
    # An old own exercise's "how often" in words stays with it, as its last step.
    old_words = howoften.kept_note(data.get("frequency", ""), "")
    if old_words and len(steps) < 30:
        steps += (f"How often: {old_words.rstrip('.')}.",)
    return Exercise(
        id=exercise_id,
        title=title,
        steps=steps,
        step_regions=step_regions,
        minutes=minutes,
        times_a_day=times,
        days_a_week=days,
        cautions=v.text_list(
            data.get("cautions", []), at("cautions"), min_items=1 if builtin else 0
        ),
        regions=v.id_list(
            data.get("regions", []), at("regions"), REGIONS, "region", min_items=1 if builtin else 0
        ),
        **read_properties(data, place, EXERCISE_PROPERTIES),  # type: ignore[arg-type]
    )


def _exercise_steps(
    value: Any, place: str, *, min_items: int, max_items: int
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The steps' texts and, per step, the regions it works.

    A step is a line of text, or ``{"text": ..., "regions": [...]}`` naming where it works.
    """
    items = v.array(value, place, max_items=max_items)
    if len(items) < min_items:
        raise v.FormatError(place, f"needs at least {min_items} entries")
    texts: list[str] = []
    regions: list[tuple[str, ...]] = []
    for i, item in enumerate(items):
        at = v.join(place, i)
        if isinstance(item, dict):
            entry = v.obj(item, at, ("text",), ("text", "regions"))
            texts.append(v.text(entry["text"], v.join(at, "text"), allow_empty=False))
            regions.append(
                v.id_list(entry.get("regions", []), v.join(at, "regions"), REGIONS, "region")
            )
        else:
            texts.append(v.text(item, at, allow_empty=False))
            regions.append(())
    explicit = any(isinstance(item, dict) for item in items)
    return tuple(texts), tuple(regions) if explicit else ()


@dataclass(frozen=True)
class Library:
    """Techniques and exercises by id: the built-in ones plus the user's own."""

    techniques: Mapping[str, Technique]
    exercises: Mapping[str, Exercise]
    builtin_techniques: frozenset[str] = field(default_factory=frozenset)
    builtin_exercises: frozenset[str] = field(default_factory=frozenset)

    def technique(self, technique_id: str) -> Technique:
        try:
            return self.techniques[technique_id]
        except KeyError:
            raise LookupError(f"{technique_id!r} is not a known technique") from None

    def exercise(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise LookupError(f"{exercise_id!r} is not a known exercise") from None

    def is_custom_technique(self, technique_id: str) -> bool:
        return technique_id not in self.builtin_techniques

    def is_custom_exercise(self, exercise_id: str) -> bool:
        return exercise_id not in self.builtin_exercises

    def with_custom(
        self, techniques: Iterable[Technique] = (), exercises: Iterable[Exercise] = ()
    ) -> Library:
        """This library with the user's own entries added (or replacing earlier own ones).

        Built-in ids cannot be replaced: a user's changed copy of a built-in
        technique has an id of its own.
        """
        all_techniques = dict(self.techniques)
        for technique in techniques:
            if technique.id in self.builtin_techniques:
                raise LookupError(f"{technique.id!r} is a built-in technique")
            all_techniques[technique.id] = technique
        all_exercises = dict(self.exercises)
        for exercise in exercises:
            if exercise.id in self.builtin_exercises:
                raise LookupError(f"{exercise.id!r} is a built-in exercise")
            all_exercises[exercise.id] = exercise
        return Library(
            all_techniques, all_exercises, self.builtin_techniques, self.builtin_exercises
        )


def _read_resource(path: Path, expected_format: str) -> Any:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise LibraryError(f"{path.name}: cannot be read: {error}") from None
    if not isinstance(data, dict) or data.get("format") != expected_format:
        raise LibraryError(f"{path.name}: is not a {expected_format} file")
    if data.get("version") != 1:
        raise LibraryError(f"{path.name}: version must be 1")
    return data


def _entries(data: Any, path: Path, key: str) -> list[Any]:
    if set(data) != {"format", "version", key} or not isinstance(data[key], list):
        raise LibraryError(f"{path.name}: must hold exactly 'format', 'version' and a {key!r} list")
    return data[key]


def _entry_name(entry: Any, index: int, key: str) -> str:
    name = entry.get("id") if isinstance(entry, dict) else None
    return f"{key}[{index}]" + (f" ({name!r})" if isinstance(name, str) else "")


def load_library(folder: Path | None = None) -> Library:
    """Read and validate the built-in techniques and exercises."""
    folder = folder or resources_dir()
    exercise_path = folder / "exercises.json"
    technique_path = folder / "techniques.json"
    exercises: dict[str, Exercise] = {}
    for i, entry in enumerate(
        _entries(_read_resource(exercise_path, "exercise-library"), exercise_path, "exercises")
    ):
        try:
            exercise = parse_exercise(entry, "", builtin=True)
        except v.FormatError as error:
            raise LibraryError(
                f"{exercise_path.name}: {_entry_name(entry, i, 'exercises')}: {error}"
            ) from None
        if exercise.id in exercises:
            raise LibraryError(
                f"{exercise_path.name}: {_entry_name(entry, i, 'exercises')}: id is used twice"
            )
        exercises[exercise.id] = exercise
    techniques: dict[str, Technique] = {}
    for i, entry in enumerate(
        _entries(_read_resource(technique_path, "technique-library"), technique_path, "techniques")
    ):
        try:
            technique = parse_technique(entry, "", exercises, builtin=True)
        except v.FormatError as error:
            raise LibraryError(
                f"{technique_path.name}: {_entry_name(entry, i, 'techniques')}: {error}"
            ) from None
        if technique.id in techniques:
            raise LibraryError(
                f"{technique_path.name}: {_entry_name(entry, i, 'techniques')}: id is used twice"
            )
        techniques[technique.id] = technique
    return Library(techniques, exercises, frozenset(techniques), frozenset(exercises))


@lru_cache(maxsize=1)
def builtin_library() -> Library:
    """The built-in library, read once per process."""
    return load_library()
