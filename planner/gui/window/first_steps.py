"""Showing the way: what to do first, where the empty steps table is, and a sample session.

On an empty store the steps table says to create a client, then to add
techniques from the library; once there is a client, it says how to add a
technique. Help › Open a sample session loads a worked example (a client with
neuropathy and diabetes, an avoided heel, numb soles, a routine of eight steps),
not saved unless the therapist saves it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QTableView, QWidget

if TYPE_CHECKING:
    from planner.gui.common.document import SessionDocument
    from planner.gui.window.file_actions import FileActions

NO_CLIENTS = (
    "<b>Start here.</b><br>1. Create the client: <i>New client…</i> in the client panel, "
    "on the right.<br>2. Add techniques from the library, on the left: type a name and "
    "press Enter, or double-click one.<br><br>To look around first: Help › Open a sample "
    "session."
)
NO_CLIENT_CHOSEN = (
    "Choose the client in the client panel (or <i>New client…</i>), then add techniques "
    "from the library: type a name and press Enter, or double-click one."
)
NO_STEPS = (
    "Add techniques from the library: type a name and press Enter, double-click one, or "
    "drag it here. Click a region on the body map to add a step there."
)


def hint_text(has_clients: bool, client_chosen: bool) -> str:
    """What the empty steps table says, by how far the therapist has come."""
    if not has_clients:
        return NO_CLIENTS
    return NO_STEPS if client_chosen else NO_CLIENT_CHOSEN


def viewport_of(table: QTableView) -> QWidget:
    """The table's viewport, found by the name Qt gives it.

    The same widget as ``table.viewport()``, but that call, the first time it hands
    Qt's private viewport class to Python, makes some 70 Python enums (about 9 ms
    of the window's start); asked for as a QWidget by name, it comes at once.
    """
    found = table.findChild(
        QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly
    )
    return found if found is not None else table.viewport()


class EmptyTableHint(QObject):
    """A note in the middle of the steps table while it has no rows."""

    def __init__(self, table: QTableView, files: FileActions) -> None:
        super().__init__(table)
        self.table, self.files = table, files
        viewport = viewport_of(table)
        self.label = QLabel(viewport)
        self.label.setObjectName("empty_hint")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setForegroundRole(self.label.foregroundRole().PlaceholderText)
        self.label.setAccessibleName("What to do first")
        viewport.installEventFilter(self)
        document: SessionDocument = files.document
        document.changed.connect(self.refresh)
        document.replaced.connect(self.refresh)
        files.stored.append(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        document = self.files.document
        empty = not document.plan.steps
        self.label.setVisible(empty)
        if empty:
            from planner.storage import StoreError

            try:
                has_clients = self.files.store.client_count() > 0  # runs on every edit
            except StoreError:
                has_clients = True
            chosen = bool(document.plan.client.name)
            self.label.setText(hint_text(has_clients, chosen))
            if self.table.isVisible():  # else the table's first resize, as it shows, places it
                self._place()

    def _place(self) -> None:
        area = self.table.viewport().rect().adjusted(24, 16, -24, -16)
        width = min(area.width(), 520)
        height = self.label.heightForWidth(width)
        self.label.setGeometry(
            area.x() + (area.width() - width) // 2, area.y() + 24, width, max(height, 40)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False


def open_sample(files: FileActions) -> bool:
    """Help › Open a sample session: the worked example, unsaved (True when shown)."""
    from planner.core.planfile import PlanFileError
    from planner.core.sample import sample_session

    if not files.maybe_save():
        return False
    try:
        plan = sample_session(files.document.library)
    except (PlanFileError, OSError) as error:
        from planner.gui.common import asks

        asks.show_error(files.window, "Sample session", f"The sample cannot be opened: {error}")
        return False
    blank = files.blank_plan()
    plan.date, plan.therapist = blank.date, blank.therapist
    files.document.load(plan, clean=False)
    files._status("A sample session: look around; it is not saved unless you save it")
    return True
