"""Undo commands: each one calls one method of the plan, and undo calls its inverse.

A command is applied once by :meth:`SessionDocument.push` (``apply``) so that a
refused edit never reaches the undo stack; the stack's first ``redo`` call is
then skipped. Every redo and undo ends by telling the document the plan changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from planner.core.plan import AvoidedArea, HomeCareItem, SessionPlan, Step, SymptomArea
from planner.gui.common.document import SessionDocument


class PlanCommand(QUndoCommand):
    """Base: ``do`` changes the plan, ``undo_change`` reverts it."""

    def __init__(self, document: SessionDocument, text: str) -> None:
        super().__init__(text)
        self.document = document
        self._applied = False

    @property
    def plan(self) -> SessionPlan:
        return self.document.plan

    def apply(self) -> None:
        self.do()
        self._applied = True
        self.notify()

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # the first redo comes from push(): already done
            return
        self.do()
        self.notify()

    def undo(self) -> None:
        self.undo_change()
        self.notify()

    def notify(self) -> None:
        """Tell the document what changed (the plan, unless a command says otherwise)."""
        self.document.notify()

    def do(self) -> None:
        raise NotImplementedError

    def undo_change(self) -> None:
        raise NotImplementedError


class InsertStep(PlanCommand):
    def __init__(self, document: SessionDocument, index: int, step: Step) -> None:
        super().__init__(document, "Add step")
        self.index, self.step = index, step

    def do(self) -> None:
        self.plan.insert_step(self.index, self.step)

    def undo_change(self) -> None:
        self.plan.remove_step(self.index)


class RemoveStep(PlanCommand):
    def __init__(self, document: SessionDocument, index: int) -> None:
        super().__init__(document, "Remove step")
        self.index = index
        self.step: Step | None = None

    def do(self) -> None:
        self.step = self.plan.remove_step(self.index)

    def undo_change(self) -> None:
        assert self.step is not None
        self.plan.insert_step(self.index, self.step)


class MoveStep(PlanCommand):
    def __init__(self, document: SessionDocument, source: int, target: int) -> None:
        super().__init__(document, "Move step")
        self.source, self.target = source, target

    def do(self) -> None:
        self.plan.move_step(self.source, self.target)

    def undo_change(self) -> None:
        self.plan.move_step(self.target, self.source)


class UpdateStep(PlanCommand):
    def __init__(self, document: SessionDocument, index: int, **changes: Any) -> None:
        super().__init__(document, f"Change step {index + 1}")
        self.index, self.changes = index, changes
        self.old: Step | None = None

    def do(self) -> None:
        self.old = self.plan.update_step(self.index, **self.changes)

    def undo_change(self) -> None:
        assert self.old is not None
        self.plan.replace_step(self.index, self.old)


class SetDetails(PlanCommand):
    """Title, date, planned length, therapist or client."""

    def __init__(self, document: SessionDocument, text: str, **changes: Any) -> None:
        super().__init__(document, text)
        self.changes = changes
        self.old: dict[str, Any] = {}

    def do(self) -> None:
        self.old = self.plan.set_details(**self.changes)

    def undo_change(self) -> None:
        self.plan.set_details(**self.old)


class SetSessionDetails(PlanCommand):
    """The session's status or after-session notes: kept by the document, not the plan.

    Typing in the notes pushes one command per change; the changes of one spell of
    typing (``burst``) merge into one undo entry. The stack never merges into the
    entry it was saved at, so a save always starts a new one.
    """

    _NOTES_ID = 1001

    def __init__(self, document: SessionDocument, text: str, burst: int = -1, **changes: str):
        super().__init__(document, text)
        self.changes = changes
        self.burst = burst
        self.old: dict[str, str] = {}

    def id(self) -> int:
        # Only notes typed in one spell merge; a status change is always its own entry.
        return self._NOTES_ID if self.burst >= 0 and set(self.changes) == {"after_notes"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetSessionDetails) or other.burst != self.burst:
            return False
        # ``self.old`` stays: what the notes were before this spell of typing.
        self.changes = dict(other.changes)
        # Typing back to what was there before: the entry has nothing left to undo.
        self.setObsolete(self.changes == self.old)
        return True

    def do(self) -> None:
        self.old = self.document.set_session_details(**self.changes)

    def undo_change(self) -> None:
        self.document.set_session_details(**self.old)

    def notify(self) -> None:
        self.document.notify_session()


class SetConditions(PlanCommand):
    def __init__(self, document: SessionDocument, conditions: tuple[str, ...]) -> None:
        super().__init__(document, "Change conditions")
        self.conditions = conditions
        self.old: tuple[str, ...] = ()

    def do(self) -> None:
        self.old = self.plan.set_conditions(self.conditions)

    def undo_change(self) -> None:
        self.plan.set_conditions(self.old)


class AvoidArea(PlanCommand):
    def __init__(self, document: SessionDocument, area: AvoidedArea) -> None:
        super().__init__(document, "Avoid area")
        self.area = area
        self.index = -1

    def do(self) -> None:
        self.index = self.plan.avoid_area(self.area)

    def undo_change(self) -> None:
        self.plan.remove_avoided(self.index)


class RemoveAvoided(PlanCommand):
    def __init__(self, document: SessionDocument, index: int) -> None:
        super().__init__(document, "Stop avoiding area")
        self.index = index
        self.area: AvoidedArea | None = None

    def do(self) -> None:
        self.area = self.plan.remove_avoided(self.index)

    def undo_change(self) -> None:
        assert self.area is not None
        self.plan.insert_avoided(self.index, self.area)


class MarkSymptom(PlanCommand):
    def __init__(self, document: SessionDocument, symptom: SymptomArea) -> None:
        super().__init__(document, "Mark symptom")
        self.symptom = symptom
        self.index = -1

    def do(self) -> None:
        self.index = self.plan.mark_symptom(self.symptom)

    def undo_change(self) -> None:
        self.plan.remove_symptom(self.index)


class RemoveSymptom(PlanCommand):
    def __init__(self, document: SessionDocument, index: int) -> None:
        super().__init__(document, "Remove symptom")
        self.index = index
        self.symptom: SymptomArea | None = None

    def do(self) -> None:
        self.symptom = self.plan.remove_symptom(self.index)

    def undo_change(self) -> None:
        assert self.symptom is not None
        self.plan.insert_symptom(self.index, self.symptom)


class SetHomeCare(PlanCommand):
    """Replace the whole routine; the first edit of a proposal makes it the plan's own."""

    def __init__(
        self, document: SessionDocument, items: list[HomeCareItem] | None, text: str
    ) -> None:
        super().__init__(document, text)
        self.items = None if items is None else list(items)
        self.old: list[HomeCareItem] | None = None

    def do(self) -> None:
        self.old = self.plan.set_home_care(None if self.items is None else list(self.items))

    def undo_change(self) -> None:
        self.plan.set_home_care(None if self.old is None else list(self.old))


class InsertHomeCare(PlanCommand):
    def __init__(self, document: SessionDocument, index: int, item: HomeCareItem) -> None:
        super().__init__(document, "Add home-care exercise")
        self.index, self.item = index, item

    def do(self) -> None:
        self.plan.insert_home_care(self.index, self.item)

    def undo_change(self) -> None:
        self.plan.remove_home_care(self.index)


class RemoveHomeCare(PlanCommand):
    def __init__(self, document: SessionDocument, index: int) -> None:
        super().__init__(document, "Remove home-care exercise")
        self.index = index
        self.item: HomeCareItem | None = None

    def do(self) -> None:
        self.item = self.plan.remove_home_care(self.index)

    def undo_change(self) -> None:
        assert self.item is not None
        self.plan.insert_home_care(self.index, self.item)


class MoveHomeCare(PlanCommand):
    def __init__(self, document: SessionDocument, source: int, target: int) -> None:
        super().__init__(document, "Move home-care exercise")
        self.source, self.target = source, target

    def do(self) -> None:
        self.plan.move_home_care(self.source, self.target)

    def undo_change(self) -> None:
        self.plan.move_home_care(self.target, self.source)


class ReplaceHomeCare(PlanCommand):
    def __init__(self, document: SessionDocument, index: int, item: HomeCareItem) -> None:
        super().__init__(document, "Change home-care exercise")
        self.index, self.item = index, item
        self.old: HomeCareItem | None = None

    def do(self) -> None:
        self.old = self.plan.replace_home_care(self.index, self.item)

    def undo_change(self) -> None:
        assert self.old is not None
        self.plan.replace_home_care(self.index, self.old)


def own_routine_then(document: SessionDocument, command: PlanCommand) -> bool:
    """Apply a home-care edit, first making the proposed routine the plan's own.

    The two steps form one undo entry, so one Undo brings the proposal back.
    """
    if document.plan.home_care is not None:
        return document.push(command)
    stack = document.undo_stack
    stack.beginMacro(command.text())
    try:
        ok = document.push(SetHomeCare(document, document.routine(), "Edit home care"))
        ok = ok and document.push(command)
    finally:
        stack.endMacro()
    if not ok and stack.canUndo() and stack.undoText() == command.text():
        stack.undo()  # the routine stays proposed when the edit itself was refused
    return ok
