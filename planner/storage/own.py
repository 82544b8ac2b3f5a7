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
from collections.abc import Iterable
from pathlib import Path

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
