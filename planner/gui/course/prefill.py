"""A new session for a client starts from the symptom areas of their last visit.

Choosing the client (an edit named "Choose client …") or opening a new, unsaved
session of a stored client brings in the last visit's symptom areas with their
intensities, as one undoable edit after the client's own; areas the session
already has that the last visit did not are kept. Re-rating each area is then
one keystroke in the measures panel. A session already stored, a signed one or
a plan file is never changed this way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from planner.gui.course.room import CourseRoom

CHOSEN = "Choose client"


class SymptomPrefill:
    """Watches the document; see the module docstring."""

    def __init__(self, room: CourseRoom) -> None:
        self.room = room
        self.document = room.document
        self._client = self.document.plan.client.name
        self.document.replaced.connect(self._on_replaced)
        self.document.changed.connect(self._on_changed)

    def _on_replaced(self) -> None:
        self._client = self.document.plan.client.name
        if self.document.client_id and not self.document.session_id:
            QTimer.singleShot(0, self.prefill)

    def _on_changed(self) -> None:
        name = self.document.plan.client.name
        if name != self._client:
            self._client = name
            # Looked at once the edit is on the stack (the client panel's is a macro).
            QTimer.singleShot(0, self._after_client_changed)

    def _after_client_changed(self) -> None:
        stack = self.document.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        # Only a client just chosen, never an undo or redo that brings a name back.
        if top is not None and stack.index() == stack.count() and top.text().startswith(CHOSEN):
            self.prefill()

    def prefill(self) -> bool:
        """Bring in the last visit's symptom areas; True when the session changed."""
        document = self.document
        if document.session_id or document.plan.signature is not None:
            return False
        when, last = self.room.last_symptoms()
        if not last:
            return False
        keys = {(s.region, s.side, s.kind) for s in last}
        kept = [s for s in document.plan.symptoms if (s.region, s.side, s.kind) not in keys]
        merged = [*last, *kept]
        if merged == document.plan.symptoms:
            return False
        # Only now: the command's module (and the session's undo commands it needs) stays
        # out of the window's start, which a session with no earlier visits never uses.
        from planner.gui.course.commands import SetSymptoms

        return document.push(SetSymptoms(document, merged, f"Symptom areas of the visit of {when}"))
