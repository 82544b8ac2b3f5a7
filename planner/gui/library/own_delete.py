"""Deleting the therapist's own techniques and exercises, after asking.

What a deletion may and may not touch:

* Saved sessions, templates and plan files carry a copy of every own entry they use
  (the store and the plan-file writer pass plans through
  :func:`planner.core.planfile.with_own_definitions`), so deleting an entry from the
  library never makes one of them unreadable: they keep their copy.
* The open session may use the entry without a copy yet: in a step, in its home-care
  routine, through an own technique it carries, or in an edit that Undo or Redo can
  bring back. It is given its copy before the library loses the entry, so it still
  shows, checks, prints and saves as before (a plan saved without it could not be
  read again). Steps and routine rows stay exactly as they were.
* An own exercise that an own technique suggests as home care is refused: the
  library itself would then name an exercise it no longer has. The message names
  the technique to change first.

Imported when the therapist first deletes something, not while the window starts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from planner.core.library import Exercise, Library, Technique
from planner.gui.common import asks
from planner.gui.common.document import SessionDocument

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.storage import Store

READ_ONLY = "This window is read-only: nothing can be deleted here."
BUILTIN_TECHNIQUE = "Built-in techniques cannot be deleted: only your own ones can."
BUILTIN_EXERCISE = "Built-in exercises cannot be deleted: only your own ones can."
_COPIES = (
    "Saved sessions, templates and plan files that use it keep their own copy of it, "
    "so they still open as they were."
)


def _quoted(names: list[str]) -> str:
    """“A”, “A” and “B”, “A”, “B” and “C”."""
    quoted = [f"“{name}”" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _steps(numbers: list[int]) -> str:
    """Step numbers as read: "step 2", "steps 2 and 4", "steps 1, 3 and 5"."""
    if len(numbers) == 1:
        return f"step {numbers[0]}"
    text = [str(number) for number in numbers]
    return "steps " + ", ".join(text[:-1]) + " and " + text[-1]


def _without(library: Library, technique_id: str = "", exercise_id: str = "") -> Library:
    """The library less one own entry (what the store now holds, without reading it again)."""
    return Library(
        {key: value for key, value in library.techniques.items() if key != technique_id},
        {key: value for key, value in library.exercises.items() if key != exercise_id},
        library.builtin_techniques,
        library.builtin_exercises,
    )


def _keep_copy(
    document: SessionDocument,
    used_now: bool,
    technique: Technique | None = None,
    exercise: Exercise | None = None,
) -> None:
    """Give the open plan its copy of the entry when it uses it, or Undo may bring it back."""
    if not used_now and document.undo_stack.count() == 0:
        return
    plan = document.plan
    if technique is not None and all(t.id != technique.id for t in plan.custom_techniques):
        plan.custom_techniques = (*plan.custom_techniques, technique)
    if exercise is not None and all(e.id != exercise.id for e in plan.custom_exercises):
        plan.custom_exercises = (*plan.custom_exercises, exercise)


def _refused_by_store(parent: QWidget | None, title: str, action: Callable[[], None]) -> bool:
    """Run the store's delete; a refusal is one message and the window stays as it was."""
    from planner.storage import StoreError

    try:
        action()
    except StoreError as error:
        asks.show_error(parent, title, str(error))
        return True
    return False


def delete_technique(
    parent: QWidget | None, store: Store | None, document: SessionDocument, technique_id: str
) -> str:
    """Ask, then delete the own technique ``technique_id`` from the store and the library.

    Returns:
        What the status bar says: the deletion, or why there was none ("" when the
        therapist cancelled or the store refused, which has been said in a message).
    """
    library = document.library
    technique = library.techniques.get(technique_id)
    if technique is None:
        return ""
    if not library.is_custom_technique(technique_id):
        return BUILTIN_TECHNIQUE
    if store is None or store.read_only:
        return READ_ONLY
    steps = [n for n, step in enumerate(document.plan.steps, 1) if step.technique == technique_id]
    detail = ["It leaves your library for good: Undo does not bring it back."]
    if steps:
        detail.append(
            f"The open session uses it in {_steps(steps)}. Those steps stay as they are: "
            "the session keeps its own copy of the technique."
        )
    detail.append(_COPIES)
    title = "Delete technique"
    question = f"Delete your technique “{technique.name}”?"
    if not asks.ask_delete(parent, title, question, "\n\n".join(detail)):
        return ""
    if _refused_by_store(parent, title, lambda: store.delete_technique(technique_id)):
        return ""
    _keep_copy(document, bool(steps), technique=technique)
    document.set_library(_without(library, technique_id=technique_id))
    return f"Deleted your technique “{technique.name}”"


def delete_exercise(
    parent: QWidget | None, store: Store | None, document: SessionDocument, exercise_id: str
) -> str:
    """Ask, then delete the own exercise ``exercise_id`` (see :func:`delete_technique`).

    An own technique that suggests the exercise stops it, with a message naming it.
    """
    library = document.library
    exercise = library.exercises.get(exercise_id)
    if exercise is None:
        return ""
    if not library.is_custom_exercise(exercise_id):
        return BUILTIN_EXERCISE
    if store is None or store.read_only:
        return READ_ONLY
    title = "Delete exercise"
    suggested_by = sorted(
        (t.name for t in library.techniques.values() if exercise_id in t.exercises),
        key=str.casefold,
    )
    if suggested_by:
        many = len(suggested_by) > 1
        asks.show_error(
            parent,
            title,
            f"“{exercise.title}” cannot be deleted: your "
            f"{'techniques' if many else 'technique'} {_quoted(suggested_by)} "
            f"{'suggest' if many else 'suggests'} it as home care.\n\n"
            f"Edit {'them' if many else 'it'} in the technique library and untick the "
            "exercise first, then delete it.",
        )
        return ""
    in_routine = any(item.exercise == exercise_id for item in document.routine())
    carried_by = [t.name for t in document.plan.custom_techniques if exercise_id in t.exercises]
    detail = ["It leaves your exercises for good: Undo does not bring it back."]
    if in_routine:
        detail.append(
            "The open session's home-care routine includes it. It stays there: "
            "the session keeps its own copy of the exercise."
        )
    elif carried_by:
        detail.append(
            f"The open session's own copy of {_quoted(carried_by)} suggests it: "
            "the session keeps its own copy of the exercise too."
        )
    detail.append(_COPIES)
    question = f"Delete your exercise “{exercise.title}”?"
    if not asks.ask_delete(parent, title, question, "\n\n".join(detail)):
        return ""
    if _refused_by_store(parent, title, lambda: store.delete_exercise(exercise_id)):
        return ""
    _keep_copy(document, in_routine or bool(carried_by), exercise=exercise)
    document.set_library(_without(library, exercise_id=exercise_id))
    return f"Deleted your exercise “{exercise.title}”"
