"""The user's own techniques and exercises, kept in ``own.json`` beside the main store.

They live in a small plain JSON file rather than in tinydb so that ``planner
check`` and ``planner techniques`` can read them with the json module alone,
without the lock and without importing tinydb. The file::

    {"format": "own-library", "version": 1,
     "techniques": [<technique as in a plan file's custom_techniques>, ...],
     "exercises": [<exercise as in a plan file's custom_exercises>, ...]}

It is written atomically (temporary file, fsync, rename) with mode 0600.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from planner.core import validate as v
from planner.core.atomicfile import write_atomic
from planner.core.library import (
    Exercise,
    Library,
    Technique,
    builtin_library,
    parse_exercise,
    parse_technique,
)
from planner.storage.errors import StoreError
from planner.storage.paths import FILE_MODE, OWN_FILE

FORMAT = "own-library"
T = TypeVar("T")
VERSION = 1


def read_own(
    folder: Path, *, read_only: bool = True
) -> tuple[tuple[Technique, ...], tuple[Exercise, ...]]:
    """The own techniques and exercises stored in ``folder`` (none when there is no file)."""
    path = folder / OWN_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return (), ()
    except OSError as error:
        raise StoreError(f"The store file {path} cannot be read: {error.strerror}.") from None
    try:
        return _parse(json.loads(raw.decode("utf-8")), builtin_library())
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        from planner.storage.backups import damaged

        raise damaged(path, str(error) or "not valid JSON", read_only=read_only) from None


def _parse(data: object, library: Library) -> tuple[tuple[Technique, ...], tuple[Exercise, ...]]:
    data = v.obj(data, "", ("format", "version", "techniques", "exercises"))
    if data["format"] != FORMAT or data["version"] != VERSION:
        raise v.FormatError("format", f"is not a version {VERSION} {FORMAT} file")
    exercises = tuple(
        parse_exercise(item, v.join("exercises", i))
        for i, item in enumerate(v.array(data["exercises"], "exercises"))
    )
    exercise_ids = set(library.exercises) | {e.id for e in exercises}
    techniques = tuple(
        parse_technique(item, v.join("techniques", i), exercise_ids)
        for i, item in enumerate(v.array(data["techniques"], "techniques"))
    )
    return techniques, exercises


def own_library(folder: Path) -> Library:
    """The built-in library plus the own entries in ``folder``; creates nothing."""
    techniques, exercises = read_own(folder)
    library = builtin_library()
    if not techniques and not exercises:
        return library
    try:
        return library.with_custom(techniques, exercises)
    except LookupError as error:
        from planner.storage.backups import damaged

        raise damaged(folder / OWN_FILE, str(error), read_only=True) from None


def write_own(folder: Path, techniques: Iterable[Technique], exercises: Iterable[Exercise]) -> None:
    """Replace ``own.json`` with these entries, atomically."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "techniques": [t.to_json() for t in techniques],
        "exercises": [e.to_json() for e in exercises],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    try:
        write_atomic(folder / OWN_FILE, text.encode("utf-8"), FILE_MODE)
    except OSError as error:
        raise StoreError(
            f"Your own techniques could not be saved in {folder}: {error.strerror or error}."
        ) from None


class OwnLibraryMixin:
    """The own-technique methods of :class:`planner.storage.store.Store`."""

    folder: Path
    read_only: bool
    _writable: Callable[[], None]
    _library: tuple[Any, Library] | None

    def library(self) -> Library:
        """The built-in library plus the user's own techniques and exercises."""
        path = self.folder / OWN_FILE
        try:
            stat = os.stat(path)
            key: Any = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        except FileNotFoundError:
            key = None
        if self._library is None or self._library[0] != key:
            self._library = (key, own_library(self.folder))
        return self._library[1]

    def _own(self) -> tuple[list[Technique], list[Exercise]]:
        techniques, exercises = read_own(self.folder, read_only=self.read_only)
        return list(techniques), list(exercises)

    def save_technique(self, technique: Technique) -> None:
        self._writable()
        library = self.library()
        if technique.id in library.builtin_techniques:
            raise StoreError(f"{technique.id!r} is a built-in technique; give yours another id.")
        _check_entry(lambda: parse_technique(technique.to_json(), "", library.exercises))
        techniques, exercises = self._own()
        techniques = [t for t in techniques if t.id != technique.id] + [technique]
        write_own(self.folder, techniques, exercises)

    def delete_technique(self, technique_id: str) -> None:
        self._writable()
        techniques, exercises = self._own()
        if technique_id not in {t.id for t in techniques}:
            raise StoreError(f"There is no technique of your own with the id {technique_id!r}.")
        write_own(self.folder, [t for t in techniques if t.id != technique_id], exercises)

    def save_exercise(self, exercise: Exercise) -> None:
        self._writable()
        if exercise.id in self.library().builtin_exercises:
            raise StoreError(f"{exercise.id!r} is a built-in exercise; give yours another id.")
        _check_entry(lambda: parse_exercise(exercise.to_json(), ""))
        techniques, exercises = self._own()
        exercises = [e for e in exercises if e.id != exercise.id] + [exercise]
        write_own(self.folder, techniques, exercises)

    def delete_exercise(self, exercise_id: str) -> None:
        self._writable()
        techniques, exercises = self._own()
        if exercise_id not in {e.id for e in exercises}:
            raise StoreError(f"There is no exercise of your own with the id {exercise_id!r}.")
        users = [t.name for t in techniques if exercise_id in t.exercises]
        if users:
            raise StoreError(f"The exercise {exercise_id!r} is suggested by {users[0]!r}.")
        write_own(self.folder, techniques, [e for e in exercises if e.id != exercise_id])


def _check_entry(parse: Callable[[], T]) -> T:
    try:
        return parse()
    except v.FormatError as error:
        raise StoreError(f"This entry cannot be saved: {error}.") from None
