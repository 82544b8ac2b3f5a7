"""The open session: its plan, the library it draws on, and the undo stack.

The document is the one place the window's parts share. Every edit goes through
:meth:`SessionDocument.push`, which applies a command once (so that a bad edit
is refused before it reaches the undo stack) and then tells every view that the
plan changed. Findings are recomputed here, once per change, not per view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.core.library import Library
from planner.core.plan import HomeCareItem, PlanError, SessionPlan

if TYPE_CHECKING:
    from planner.core.safety import Finding
    from planner.storage.records import SessionRecord

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
        # An empty plan has no findings: the check (and the rulebook) wait for a plan.
        self.findings: list[Finding] = []
        # True while the findings wait for the first check (see :meth:`check_later`).
        self.check_pending = False
        self._first_load_waits = False
        if plan is not None:
            self.refresh_findings()

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
        self.check_pending = False
        self.refresh_findings()
        self.changed.emit()

    def check_later(self) -> None:
        """Leave the findings empty until the event loop's second turn (or the next change).

        For the window's start: the first turn of the event loop shows the window; the
        safety check, and loading the rulebook it runs, wait for the turn after, so the
        findings panel fills a moment after the window is on screen.
        """
        self.check_pending = True
        self._first_load_waits = True
        self.findings = []
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self.run_pending_check))

    def run_pending_check(self) -> None:
        """Run the check :meth:`check_later` put off, unless a change has run it since."""
        if self.check_pending:
            self.notify()

    def refresh_findings(self) -> None:
        """Recompute the findings without telling the views (unless the first check waits)."""
        if self.check_pending:
            return
        from planner.core.safety import check_plan

        self.findings = check_plan(self.plan, self.library, self.daily_minutes)

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
        """The home-care routine the client gets: the plan's own or the proposed one.

        A proposal waits with the first check (see :meth:`check_later`): proposing reads
        the rulebook, which the window's first turn does not load.
        """
        if self.check_pending and self.plan.home_care is None:
            return []
        from planner.core.homecare import effective_routine

        return effective_routine(self.plan, self.library, self.daily_minutes)

    def set_home_care_settings(self, daily_minutes: float, emergency_number: str) -> None:
        """Take the settings' daily time and emergency number; the views update."""
        self.daily_minutes = daily_minutes
        self.emergency_number = emergency_number or None
        self.refresh_findings()  # not while the first check waits (see :meth:`check_later`)
        self.changed.emit()

    # -- whole documents ---------------------------------------------------

    def load_record(self, record: SessionRecord) -> None:
        """Show a session from the store, with its id, client, status and notes."""
        self.load(
            record.plan,
            session_id=record.id,
            client_id=record.client_id,
            status=record.status,
            after_notes=record.after_notes,
        )

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
        # The window's first, empty session waits for the check; any later plan does not.
        if self._first_load_waits:
            self._first_load_waits = False
        else:
            self.check_pending = False
        self.refresh_findings()
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
