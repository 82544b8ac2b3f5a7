"""The course room in the window: its dock (measures, notes, signature) and its menu entries.

:func:`install` is all the main window calls, once it is on screen; the window
makes the room's dock beforehand, with its other docks, so that the layout it
restores places it (see :mod:`planner.gui.window.rooms`). The dock's content
(:meth:`CourseRoom.make_panel`), the history window and the PDFs are made when
first needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from planner.core.plan import SymptomArea
from planner.core.progress import Rating, Visit, course_series, worsening_notes
from planner.gui.common import asks
from planner.gui.window.lazy import LazyPanel

if TYPE_CHECKING:
    from planner.core.soap import Soap
    from planner.gui.common.document import SessionDocument
    from planner.gui.course.history import HistoryWindow
    from planner.storage import Store


class CourseRoom:
    """What the course room adds to one main window."""

    def __init__(self, window: Any, dock: QDockWidget, panel: LazyPanel[QWidget]) -> None:
        self.window: QMainWindow = window
        self.store: Store = window.store
        self.document: SessionDocument = window.document
        self.files = window.files
        self.history_window: HistoryWindow | None = None
        # Made by the window; the panel's factory is make_panel.
        self.dock = dock
        self.panel = panel
        self.document.replaced.connect(self._on_replaced)
        window.client_panel.history_requested.connect(self.open_history)
        from planner.gui.course.prefill import SymptomPrefill

        self.prefill = SymptomPrefill(self)

    # -- the dock ------------------------------------------------------------

    def make_panel(self) -> QWidget:
        """The dock's content: measures, notes and signature as tabs."""
        from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget

        from planner.gui.course.measures_panel import MeasuresPanel
        from planner.gui.course.notes_panel import SignaturePanel, SoapPanel

        tabs = QTabWidget()
        tabs.setObjectName("course_tabs")
        self.measures = MeasuresPanel(self.document, self.last_symptoms)
        scroll = QScrollArea(tabs)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The questionnaire's labels wrap to the dock's width instead of scrolling sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.measures)
        self.notes = SoapPanel(self.document, self.draft_notes)
        self.signature = SignaturePanel(self.document)
        self.signature.sign_requested.connect(self.sign)
        self.signature.addendum_requested.connect(self.add_addendum)
        tabs.addTab(scroll, "Measures")
        tabs.addTab(self.notes, "Notes")
        tabs.addTab(self.signature, "Signature")
        return tabs

    def add_menus(self, file_menu: QMenu, before: Any) -> None:
        """File › Export progress report and Print intake form; Tools › history, signing."""
        export = file_menu.addAction("Export pro&gress report…")
        export.triggered.connect(self.export_progress)
        intake = file_menu.addAction("Print inta&ke form…")
        intake.triggered.connect(self.print_intake)
        if before is not None:
            file_menu.insertAction(before, export)
            file_menu.insertAction(before, intake)
            file_menu.insertSeparator(before)
        # The Tools menu: every free Alt+letter of the menu bar is taken.
        tools: QMenu = next(
            a.menu() for a in self.window.menuBar().actions() if a.text() == "&Tools"
        )  # type: ignore[assignment]
        tools.addSeparator()
        tools.addAction("&Measures and notes").triggered.connect(self.show_dock)
        tools.addAction("Client &history…").triggered.connect(lambda: self.open_history())
        tools.addAction("Si&gn session…").triggered.connect(self.sign)
        tools.addAction("Add a&ddendum…").triggered.connect(self.add_addendum)
        self.course_menu = tools
        view = getattr(self.window, "view_menu", None)
        if view is not None:
            view.addAction(self.dock.toggleViewAction())

    def show_dock(self) -> None:
        self.dock.show()
        self.dock.raise_()

    # -- the client and their visits ----------------------------------------------

    def client_id(self) -> str:
        """The current session's client: from the store's record, else by name."""
        if self.document.client_id:
            return self.document.client_id
        name = self.document.plan.client.name.strip()
        if not name:
            return ""
        from planner.storage import StoreError

        try:
            found = self.store.match_client(name)
        except StoreError:
            return ""
        return found.id if found is not None else ""

    def earlier_visits(self) -> list[Visit]:
        """The client's other visits up to this session's date (oldest first)."""
        client_id = self.client_id()
        if not client_id:
            return []
        day = self.document.plan.date.isoformat()
        try:
            visits = self.store.visits(client_id)
        except Exception:  # noqa: BLE001 - a damaged file must not stop editing
            return []
        return [v for v in visits if v.id != self.document.session_id and v.date <= day]

    def _this_visit(self) -> Visit:
        plan = self.document.plan
        return Visit(
            self.document.session_id or "this",
            plan.date.isoformat(),
            plan.title,
            measures=plan.measures,
            symptoms=tuple(Rating(s.region, s.side, s.kind, s.intensity) for s in plan.symptoms),
        )

    def last_symptoms(self) -> tuple[str, list[Any]]:
        for visit in reversed(self.earlier_visits()):
            if visit.symptoms:
                return visit.date, [SymptomArea(*rating) for rating in visit.symptoms]
        return "", []

    def draft_notes(self) -> Soap:
        from planner.core.soapfill import draft_soap

        series = course_series([*self.earlier_visits(), self._this_visit()])
        findings = [f.message for f in self.document.findings if f.severity != "info"]
        return draft_soap(
            self.document.plan, series, library=self.document.library, findings=findings
        )

    def _on_replaced(self) -> None:
        """A session for a client warns of what got worse over the visits before it."""
        if self.document.plan.signature is not None:
            self._status("This session is signed: it cannot be changed, only given addenda.")
        earlier = [v for v in self.earlier_visits() if v.date < self.document.plan.date.isoformat()]
        notes = worsening_notes(course_series(earlier))
        if notes != self.document.plan.course_notes:
            self.document.plan.course_notes = notes
            self.document.refresh_findings()

    # -- actions ---------------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    def open_history(self, client_id: str = "") -> None:
        """The history window of ``client_id`` (default: the session's client)."""
        client_id = client_id or self.client_id()
        if not client_id:
            asks.show_error(
                self.window, "Client history", "Choose a client, or save the session first."
            )
            return
        from planner.gui.course.history import HistoryWindow

        try:
            name = self.store.client(client_id).name
            visits = self.store.visits(client_id)
        except Exception as error:  # noqa: BLE001 - one message, never a crash
            asks.show_error(self.window, "Client history", str(error))
            return
        if self.history_window is not None:
            self.history_window.close()
        self.history_window = HistoryWindow(name, visits, self.window)
        self.history_window.open_requested.connect(self.files.open_session_id)
        self.history_window.show()

    def sign(self) -> None:
        title = "Sign session"
        if self.store.read_only:
            asks.show_error(self.window, title, "The store is open read-only.")
            return
        if self.document.plan.signature is not None:
            asks.show_error(self.window, title, "This session is already signed.")
            return
        self.document.commit_pending()
        if (not self.document.session_id or self.document.modified) and not self.files.save():
            return
        if not asks.ask_yes_no(
            self.window,
            title,
            "Sign this session with your name and the time? After signing it cannot be "
            "changed; later notes are added as dated addenda.",
        ):
            return
        self._store_action(title, lambda: self.store.sign_session(self.document.session_id))

    def add_addendum(self) -> None:
        title = "Add addendum"
        if self.document.plan.signature is None:
            asks.show_error(self.window, title, "Only a signed session takes addenda.")
            return
        text = asks.ask_text(self.window, title, "The addendum (it is dated and signed):")
        if text:
            self._store_action(
                title, lambda: self.store.add_addendum(self.document.session_id, text)
            )

    def _store_action(self, title: str, action: Any) -> None:
        from planner.storage import StoreError

        try:
            record = action()
        except StoreError as error:
            asks.show_error(self.window, title, str(error))
            return
        self.document.load_record(record)
        self._status(f"{title}: done")

    def export_progress(self) -> None:
        from planner.gui.course.documents import export_progress

        export_progress(self)

    def print_intake(self) -> None:
        from planner.gui.course.documents import print_intake

        print_intake(self)


def install(window: Any, dock: QDockWidget, panel: LazyPanel[QWidget]) -> CourseRoom:
    """Add the course room to a main window (after its docks and menus are made).

    ``dock`` is the room's dock, made and placed by the window, holding ``panel``,
    whose factory calls the room's :meth:`CourseRoom.make_panel`.
    """
    room = CourseRoom(window, dock, panel)
    file_menu = window.menuBar().actions()[0].menu()
    actions = file_menu.actions()
    quit_action = next((a for a in actions if a.text() == "&Quit"), None)
    room.add_menus(file_menu, _separator_before(actions, quit_action))
    return room


def _separator_before(actions: list[Any], target: Any) -> Any:
    if target is None:
        return None
    index = actions.index(target)
    return actions[index - 1] if index > 0 and actions[index - 1].isSeparator() else target
