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

# How far along a session is, as the store keeps it (key -> what the therapist reads).
SESSION_STATUSES: dict[str, str] = {"draft": "Draft", "done": "Done"}


class SessionDocument(QObject):
    """A session being edited.

    Besides the plan, the document holds what the store keeps beside it: the
    session's status and the therapist's notes after the session. They are not
    part of a plan (plan files and templates do not carry them), so they live here.

    Signals:
        changed: the plan changed (an edit, an undo or a redo).
        session_changed: the status or the after-session notes changed.
        replaced: a different plan was loaded; views should start afresh.
        library_changed: the technique library changed (an own technique was saved).
        refused(str): an edit was refused; the text says why, for the status bar.
        commit_requested: views with text typed but not yet pushed push it now
            (before a save, or before the session is replaced).
    """

    changed = Signal()
    session_changed = Signal()
    commit_requested = Signal()
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
        self.status = "draft"
        self.after_notes = ""
        # From the settings: the most a proposed routine takes a day (None: the default),
        # and the emergency number the client's sheet gives (None: the locale's).
        self.daily_minutes: float | None = None
        self.emergency_number: str | None = None
        self.findings: list[Finding] = check_plan(self.plan, library)

    # -- editing -----------------------------------------------------------

    def push(self, command: QUndoCommand) -> bool:
        """Apply an edit and put it on the undo stack; False (and ``refused``) if refused.

        A signed session takes no edits (only addenda, which the store adds).
        """
        if self.plan.signature is not None:
            self.refused.emit("this session is signed and cannot be changed; add an addendum")
            return False
        try:
            command.apply()  # type: ignore[attr-defined]
        except (PlanError, IndexError) as error:
            self.refused.emit(str(error))
            return False
        self.undo_stack.push(command)
        return True

    def notify(self) -> None:
        """Recompute the findings and tell the views (called by every command)."""
        self.findings = check_plan(self.plan, self.library, self.daily_minutes)
        self.changed.emit()

    def notify_session(self) -> None:
        """Tell the views the status or the notes changed (not the plan, so not the findings)."""
        self.session_changed.emit()

    def set_session_details(self, **changes: str) -> dict[str, str]:
        """Change ``status`` and/or ``after_notes``; the old values, to undo with.

        Raises:
            PlanError: an unknown status or field (the edit is refused, nothing changes).
        """
        for name, value in changes.items():
            if name not in ("status", "after_notes") or not isinstance(value, str):
                raise PlanError(f"{name!r} is not a detail of a session")
            if name == "status" and value not in SESSION_STATUSES:
                raise PlanError(f"{value!r} is not a session status (draft or done)")
        old = {name: getattr(self, name) for name in changes}
        for name, value in changes.items():
            setattr(self, name, value)
        return old

    def commit_pending(self) -> None:
        """Ask the views to push any text typed but not yet made an edit."""
        self.commit_requested.emit()

    def routine(self) -> list[HomeCareItem]:
        """The home-care routine the client gets: the plan's own or the proposed one."""
        return effective_routine(self.plan, self.library, self.daily_minutes)

    def set_home_care_settings(self, daily_minutes: float, emergency_number: str) -> None:
        """Take the settings' daily time and emergency number; the views update."""
        self.daily_minutes = daily_minutes
        self.emergency_number = emergency_number or None
        self.notify()

    # -- whole documents ---------------------------------------------------

    def load(
        self,
        plan: SessionPlan,
        *,
        session_id: str = "",
        client_id: str = "",
        clean: bool = True,
        status: str = "draft",
        after_notes: str = "",
    ) -> None:
        """Show another plan; the undo history starts afresh.

        ``status`` and ``after_notes`` come from the store's record; a new session,
        a template or a plan file starts as a draft without notes.
        """
        self.plan = plan
        self.session_id = session_id
        self.client_id = client_id
        self.status = status if status in SESSION_STATUSES else "draft"
        self.after_notes = after_notes
        self.undo_stack.clear()
        if not clean:
            # A plan from a template or a file is not in the store yet.
            self.undo_stack.resetClean()
        self.findings = check_plan(self.plan, self.library, self.daily_minutes)
        # Models reset on ``replaced`` (connected first), then views refresh.
        self.replaced.emit()
        self.changed.emit()
        self.session_changed.emit()

    def set_library(self, library: Library) -> None:
        self.library = library
        self.library_changed.emit()
        self.notify()

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()
