"""The open session: its plan, the library it draws on, and the undo stack.

The document is the one place the window's parts share. Every edit goes through
:meth:`SessionDocument.push`, which applies a command once (so that a bad edit
is refused before it reaches the undo stack) and then tells every view that the
plan changed. Findings are recomputed here, once per change, not per view.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.core.homecare import effective_routine
from planner.core.library import Library
from planner.core.plan import HomeCareItem, PlanError, SessionPlan
from planner.core.safety import Finding, check_plan


class SessionDocument(QObject):
    """A session being edited.

    Signals:
        changed: the plan changed (an edit, an undo or a redo).
        replaced: a different plan was loaded; views should start afresh.
        library_changed: the technique library changed (an own technique was saved).
        refused(str): an edit was refused; the text says why, for the status bar.
    """

    changed = Signal()
    replaced = Signal()
    library_changed = Signal()
    refused = Signal(str)

    def __init__(
        self, library: Library, plan: SessionPlan | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.plan = plan or SessionPlan()
        self.undo_stack = QUndoStack(self)
        # Where the plan lives in the store ("" until it is saved there).
        self.session_id = ""
        self.client_id = ""
        self.findings: list[Finding] = check_plan(self.plan, library)

    # -- editing -----------------------------------------------------------

    def push(self, command: QUndoCommand) -> bool:
        """Apply an edit and put it on the undo stack; False (and ``refused``) if refused."""
        try:
            command.apply()  # type: ignore[attr-defined]
        except (PlanError, IndexError) as error:
            self.refused.emit(str(error))
            return False
        self.undo_stack.push(command)
        return True

    def notify(self) -> None:
        """Recompute the findings and tell the views (called by every command)."""
        self.findings = check_plan(self.plan, self.library)
        self.changed.emit()

    def routine(self) -> list[HomeCareItem]:
        """The home-care routine the client gets: the plan's own or the proposed one."""
        return effective_routine(self.plan, self.library)

    # -- whole documents ---------------------------------------------------

    def load(
        self, plan: SessionPlan, *, session_id: str = "", client_id: str = "", clean: bool = True
    ) -> None:
        """Show another plan; the undo history starts afresh."""
        self.plan = plan
        self.session_id = session_id
        self.client_id = client_id
        self.undo_stack.clear()
        if not clean:
            # A plan from a template or a file is not in the store yet.
            self.undo_stack.resetClean()
        self.findings = check_plan(self.plan, self.library)
        # Models reset on ``replaced`` (connected first), then views refresh.
        self.replaced.emit()
        self.changed.emit()

    def set_library(self, library: Library) -> None:
        self.library = library
        self.library_changed.emit()
        self.notify()

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()
