"""The clinic-sync room in the window: its menu entries, its status-bar note, its timer.

Tools › Clinic sync… sets the server (address, user; the password goes to the
system keyring, or is kept in memory for this session where there is none),
Tools › Sync now syncs at once, and while a server is set the window syncs
every few minutes on a worker thread (:mod:`planner.gui.sync.worker`). The
status bar says when it last synced and how many conflicts wait; Tools ›
Conflicts… shows them.
"""

from __future__ import annotations

import datetime
import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

SYNC_EVERY_MS = 5 * 60 * 1000


class SyncRoom(QObject):
    """What the sync room adds to one main window.

    Signals:
        state_read(object): the ledger's state and conflict count, read beside the window.
        synced(object): a sync ended (its result, or the one line that says why not).
    """

    state_read = Signal(object)
    synced = Signal(object)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window: Any = window
        self.store = window.store
        self.url = ""
        self.user = ""
        self.password = ""  # only when the system has no keyring; never written anywhere
        self.conflicts = 0
        self.last_synced: datetime.datetime | None = None
        self.worker: Any = None
        self.note = QLabel("", window)
        self.note.setObjectName("sync_note")
        window.statusBar().addPermanentWidget(self.note)
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_EVERY_MS)
        self.timer.timeout.connect(self.sync_now)
        self.state_read.connect(self._on_state)
        if not self.store.read_only:
            # The ledger can be megabytes: read beside the window, after it shows.
            QTimer.singleShot(500, self._read_state)

    def add_menus(self, tools: Any) -> None:
        tools.addSeparator()
        server = tools.addAction("Clinic s&ync…")
        server.triggered.connect(self.edit_server)
        self.sync_action = tools.addAction("Sync &now")
        self.sync_action.triggered.connect(self.sync_now)
        self.conflicts_action = tools.addAction("Sync con&flicts…")
        self.conflicts_action.triggered.connect(self.show_conflicts)
        for action in (server, self.sync_action, self.conflicts_action):
            action.setEnabled(not self.store.read_only)

    # -- state -----------------------------------------------------------------

    def _read_state(self) -> None:
        def read() -> None:
            from planner.storage.ledger import Ledger

            try:
                ledger = Ledger(self.store.folder, read_only=True)
                found = (dict(ledger.state), len(ledger.conflicted()))
            except Exception:  # a ledger that cannot be read says so at the next sync
                found = ({}, 0)
            self.state_read.emit(found)
            if found[0].get("url"):
                from planner.sync.couch import warm_up

                warm_up()  # now, while idle, rather than during the first sync

        threading.Thread(target=read, name="sync-state", daemon=True).start()

    def _on_state(self, found: tuple[dict[str, Any], int]) -> None:
        state, self.conflicts = found
        self.url = state.get("url") or ""
        self.user = state.get("user") or ""
        if self.url:
            self.timer.start()
        self._show()

    def _show(self, text: str = "") -> None:
        if not text:
            if not self.url:
                self.note.setText("")
                return
            when = self.last_synced.strftime("%H:%M") if self.last_synced else "not yet"
            text = f"Synced: {when}"
            if self.conflicts:
                many = self.conflicts > 1
                text += f" · {self.conflicts} conflict{'s wait' if many else ' waits'}"
        self.note.setText(text)

    # -- actions ---------------------------------------------------------------

    def edit_server(self) -> None:
        from planner.gui.sync.dialogs import ServerDialog

        dialog = ServerDialog(self.window, self.url, self.user)
        if not dialog.exec():
            return
        self.url, self.user, password = dialog.values()
        from planner.storage.ledger import Ledger
        from planner.sync import secret

        ledger = Ledger(self.store.folder)
        ledger.state.update(url=self.url, user=self.user)
        ledger.save()
        self.password = "" if secret.keep_password(self.url, self.user, password) else password
        self.timer.start()
        self.sync_now()

    def _password(self) -> str:
        from planner.sync import secret

        if not self.user:
            return ""
        return self.password or secret.find_password(self.url, self.user, None)[0]

    def sync_now(self) -> None:
        if not self.url or self.store.read_only:
            return
        if self.worker is None:
            from planner.gui.sync.worker import SyncWorker

            self.worker = SyncWorker(self.store, self._held, self)
            self.worker.finished.connect(self._on_finished)
        if self.worker.start(self.url, self.user, self._password()):
            self._show("Syncing…")

    def _open_doc(self) -> str:
        session_id = getattr(self.window.document, "session_id", "")
        return f"session:{session_id}" if session_id else ""

    def _held(self) -> set[str]:
        """The session open in the editor, when it has unsaved changes, and the records
        open in a dialog (a client being edited)."""
        from planner.gui.common.editing import being_edited

        doc = self._open_doc()
        clean = self.window.document.undo_stack.isClean()
        return ({doc} if doc and not clean else set()) | being_edited(self.store)

    def _on_finished(self, outcome: Any) -> None:
        if isinstance(outcome, str):
            self._show(f"Not synced: {outcome}")
        else:
            self.last_synced = datetime.datetime.now()
            self.conflicts = outcome.conflicts
            self._show()
            if outcome.received:
                self._reload(outcome)
        self.synced.emit(outcome)

    def _reload(self, outcome: Any = None) -> None:
        """Show what arrived: the client list, the library, the open session if it changed.

        An open session with unsaved changes is left as it is (the sync kept the
        store's copy too); saving it makes the two versions a conflict to resolve.
        """
        written = {doc.split(":", 1)[0] for doc in outcome.written} if outcome else None
        panel = getattr(self.window, "client_panel", None)
        if panel is not None and (written is None or "client" in written):
            panel.refresh_clients()
        document = self.window.document
        if written is None or {"technique", "exercise"} & written:
            document.set_library(self.store.library())
        doc = self._open_doc()
        if outcome is None or not doc:
            return
        if doc in outcome.held:
            self.window.statusBar().showMessage(
                "The open session was changed on another desk: saving it keeps both "
                "versions, as a conflict to resolve.",
                15000,
            )
        elif doc in outcome.written and document.undo_stack.isClean():
            self.window.files.open_session_id(document.session_id)

    def show_conflicts(self) -> None:
        from planner.gui.sync.dialogs import ConflictsDialog

        if self.worker is not None and self.worker.running:
            self._show("Syncing… (the conflicts can be seen once it ends)")
            return
        dialog = ConflictsDialog(self.window, self.store)
        dialog.exec()
        self.conflicts = dialog.remaining
        self._show()
        if dialog.resolved:
            self._reload()

    def shutdown(self) -> None:
        self.timer.stop()
        if self.worker is not None:
            self.worker.close()


def install(window: Any) -> SyncRoom:
    """Add the sync room to a main window (after its menus are made)."""
    room = SyncRoom(window)
    tools = next(
        (a.menu() for a in window.menuBar().actions() if a.text() == "&Tools"),
        None,
    )
    if tools is not None:
        room.add_menus(tools)
    return room
