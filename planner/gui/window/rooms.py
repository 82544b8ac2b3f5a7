"""The course and clinic-sync rooms: installed on the event loop's second turn.

Their menu entries, the sync room's status-bar note and their modules are not
needed to show the window: the first turn of the event loop shows it, and the
rooms are installed on the turn after (as the first safety check waits, see
``SessionDocument.check_later``). The course dock itself is made before, with the
window's other docks, so that the layout the window restores places it as it
always did; its content is made when it is first shown.

Whatever needs a room sooner installs both at once, in the same order, so the
menus come out the same: opening a menu, asking the window for ``course`` or
``sync_room`` (closing the window, a test), or a change of the session before
that turn, which the course room then handles as if it had been there. The
window's first session is a blank one (no client, no signature): the course room
has nothing to do for it, so installing after it misses nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

from planner.gui.window.lazy import LazyPanel


class LaterRooms:
    """The course and sync rooms of one main window, installed once it is on screen."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self._course: Any = None
        self._sync: Any = None
        self.course_panel: LazyPanel[QWidget] = LazyPanel(lambda: self.course().make_panel())
        self.course_dock = QDockWidget("Course", window)
        self.course_dock.setObjectName("course_dock")
        self.course_dock.setWidget(self.course_panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.course_dock)
        window.tabifyDockWidget(window.client_dock, self.course_dock)
        # Hidden until asked for (Tools › Measures and notes, or View): a fifth tab beside
        # the client's would narrow every label of that group. The window remembers it.
        self.course_dock.hide()
        window.client_dock.raise_()
        self.course_panel.watch(self.course_dock)
        document = window.document
        document.replaced.connect(self._on_replaced)
        document.changed.connect(self._on_changed)
        window.client_panel.history_requested.connect(self._on_history)
        for action in window.menuBar().actions():
            action.menu().aboutToShow.connect(self.install)
        QTimer.singleShot(0, window, lambda: QTimer.singleShot(0, window, self.install))

    @property
    def installed(self) -> bool:
        return self._course is not None

    def install(self) -> None:
        """Install both rooms now, unless they are (the course room first, as its menus go)."""
        if self._course is not None:
            return
        from planner.gui.course.room import install
        from planner.gui.sync.room import install as install_sync

        self._course = install(self.window, self.course_dock, self.course_panel)
        self._sync = install_sync(self.window)

    def course(self) -> Any:
        """The course room (installed now if it was not yet)."""
        self.install()
        return self._course

    def sync(self) -> Any:
        """The sync room (installed now if it was not yet)."""
        self.install()
        return self._sync

    def shutdown(self) -> None:
        """Closing the window: stop the sync room's timer and worker, if it was installed."""
        if self._sync is not None:
            self._sync.shutdown()

    # A change before the rooms are installed installs them; the course room was not yet
    # connected when the signal went out, so it is handed this one.

    def _on_replaced(self) -> None:
        if self._course is None:
            room = self.course()
            room._on_replaced()
            room.prefill._on_replaced()

    def _on_changed(self) -> None:
        if self._course is None:
            self.course().prefill._on_changed()

    def _on_history(self, client_id: str) -> None:
        if self._course is None:
            self.course().open_history(client_id)
