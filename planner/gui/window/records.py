"""Deleting a client or a session from the window, after asking.

A controller like :class:`planner.gui.window.file_actions.FileActions`: the
client panel asks for a delete with a signal, this asks the therapist (with
what goes with it), deletes through the store and says what it did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.gui.common import asks

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.gui.client.panel import ClientPanel
    from planner.gui.common.document import SessionDocument
    from planner.gui.window.file_actions import FileActions
    from planner.storage import Store


class RecordActions:
    """Delete a session or a whole client, asked first; the open session follows suit."""

    def __init__(
        self, window: QWidget, store: Store, files: FileActions, panel: ClientPanel
    ) -> None:
        self.window = window
        self.store = store
        self.files = files
        panel.open_session.connect(files.open_session_id)
        panel.delete_session.connect(self.delete_session)
        panel.delete_client.connect(self.delete_client)
        files.stored.append(panel.refresh_clients)
        files.stored.append(panel.refresh_sessions)

    @property
    def document(self) -> SessionDocument:
        return self.files.document

    def delete_session(self, session_id: str) -> bool:
        from planner.storage import StoreError

        if self.store.read_only or not session_id:
            return False
        try:
            record = self.store.session(session_id)
        except StoreError as error:
            asks.show_error(self.window, "Delete session", str(error))
            return False
        title = record.plan.title or "Untitled session"
        what = f"“{title}” of {record.plan.date:%d %b %Y}"
        if not asks.ask_delete(
            self.window,
            "Delete session",
            f"Delete the session {what}?",
            "Its plan, status and notes after the session go; the client's record stays.",
        ):
            return False
        try:
            self.store.delete_session(session_id)
        except StoreError as error:
            asks.show_error(self.window, "Delete session", str(error))
            return False
        if self.document.session_id == session_id:
            # The plan stays on screen, no longer in the store: saving stores it anew.
            self.document.session_id = ""
            self.document.undo_stack.resetClean()
        self.files._status(f"Deleted the session {what}")
        for listener in self.files.stored:
            listener()
        return True

    def delete_client(self, client_id: str) -> bool:
        from planner.storage import StoreError

        if self.store.read_only or not client_id:
            return False
        try:
            client = self.store.client(client_id)
            count = len(self.store.session_summaries(client_id))
        except StoreError as error:
            asks.show_error(self.window, "Delete client", str(error))
            return False
        sessions = f"{count} session{'s' if count != 1 else ''}"
        if not asks.ask_delete(
            self.window,
            "Delete client",
            f"Delete {client.name} and their {sessions}?",
            "A copy of the whole store is kept in its backups folder first.",
        ):
            return False
        backup = self.files._guard("Delete client", lambda: self.store.delete_client(client_id))
        if backup is None:
            return False
        if self.document.client_id == client_id:
            self.document.load(self.files.blank_plan())
        self.files._status(f"Deleted {client.name} and {sessions}; a backup is in {backup}")
        for listener in self.files.stored:
            listener()
        return True
