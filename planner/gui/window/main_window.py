"""The main window: lays out the editor and the docks, builds the menus, keeps its layout."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.core.library import Library
from planner.gui.client.panel import ClientPanel
from planner.gui.common import commands as c
from planner.gui.common.document import SessionDocument
from planner.gui.common.names import step_from_technique
from planner.gui.common.user_settings import APPLICATION, ORGANIZATION, window_settings
from planner.gui.library.dock import LibraryDock
from planner.gui.window.docks import keep_tabs_whole, manage_docks
from planner.gui.window.file_actions import FileActions
from planner.gui.window.findings_panel import FindingsPanel
from planner.gui.window.first_steps import EmptyTableHint, open_sample
from planner.gui.window.lazy import LazyPanel
from planner.gui.window.preview_place import PreviewPlace, central_tabs
from planner.gui.window.rooms import LaterRooms

if TYPE_CHECKING:
    from planner.gui.bodymap.panel import BodyMapPanel
    from planner.gui.documents.preview import PreviewPane
    from planner.gui.documents.printing import PrintActions
    from planner.gui.homecare.panel import HomeCarePanel
    from planner.storage import Store

APP_NAME = "Massage Session Planner"
__all__ = ["APPLICATION", "APP_NAME", "ORGANIZATION", "MainWindow", "window_settings"]


class MainWindow(QMainWindow):
    """The planner's window over one open store."""

    def __init__(self, store: Store, library: Library, *, read_only_reason: str = "") -> None:
        super().__init__()
        self.store = store
        self.read_only_reason = read_only_reason
        self.setObjectName("main_window")
        # Owned by the window, so the undo stack outlives every close event.
        self.document = SessionDocument(library, parent=self)
        self.document.check_later()
        self.files = FileActions(self, store, self.document)

        self._make_central(read_only_reason)
        self._make_docks(store, library)

        self._build_menus()
        self._connect_signals()
        self.files.new_session()
        # The course and sync rooms: installed once the window is on screen.
        self.rooms = LaterRooms(self)
        self._on_title()
        self.statusBar().showMessage("Ready", 2000)

    def _make_central(self, read_only_reason: str) -> None:
        """The session editor, under a notice when the window is read-only."""
        self.editor_host = QWidget(self)
        host = QVBoxLayout(self.editor_host)
        host.setContentsMargins(0, 0, 0, 0)
        host.setSpacing(0)
        self.info_bar = QLabel(self.editor_host)
        self.info_bar.setObjectName("info_bar")
        self.info_bar.setWordWrap(True)
        self.info_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.info_bar.setAutoFillBackground(True)
        self.info_bar.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.info_bar.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.info_bar.setContentsMargins(10, 6, 10, 6)
        self.info_bar.setAccessibleName("Read-only notice")
        self.info_bar.setVisible(bool(read_only_reason))
        if read_only_reason:
            self.info_bar.setText(
                f"<b>Read-only.</b> {read_only_reason} You can look at and export sessions "
                "here, but not save changes to the store."
            )
        from planner.gui.session.editor import SessionEditor

        self.editor = SessionEditor(self.document, self.editor_host)
        host.addWidget(self.info_bar)
        host.addWidget(self.editor, 1)
        self.central_tabs = central_tabs(self, self.editor_host)

    def _make_docks(self, store: Store, library: Library) -> None:
        """The library on the left; the client, body map, home care, preview and findings
        on the right, the four middle ones as tabs."""
        self.library_dock = LibraryDock(library, self)
        if store.read_only:
            self.library_dock.set_read_only(
                "This window is read-only: your own techniques can be used here but not saved."
            )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.client_panel = ClientPanel(self.document, store)
        self.client_dock = self._dock("&Client", "client_dock", self.client_panel, scroll=True)
        self._home_care: LazyPanel[HomeCarePanel] = LazyPanel(self._make_home_care)
        self.home_care_dock = self._dock("&Home care", "home_care_dock", self._home_care)
        self._home_care.watch(self.home_care_dock)
        self.findings = FindingsPanel(self.document)
        self.findings_dock = self._dock("&Findings", "findings_dock", self.findings)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.client_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)
        # The body map, home care and the preview: tabs beside the client panel, same width.
        # Each is made when its tab is first shown (QtPdf, the body geometry and reportlab
        # are not needed before), and printing when the user first prints.
        self._body_map: LazyPanel[BodyMapPanel] = LazyPanel(self._make_body_map)
        self.body_map_dock = self._dock("&Body map", "body_map_dock", self._body_map)
        self._body_map.watch(self.body_map_dock)
        self._preview: LazyPanel[PreviewPane] = LazyPanel(self._make_preview)
        self.preview_dock = self._dock("&Preview", "preview_dock", self._preview)
        self._preview.watch(self.preview_dock)
        self._printing: PrintActions | None = None
        self.tabifyDockWidget(self.client_dock, self.body_map_dock)
        self.tabifyDockWidget(self.client_dock, self.home_care_dock)
        self.tabifyDockWidget(self.client_dock, self.preview_dock)
        self.client_dock.raise_()
        manage_docks(self)
        self._default_layout_pending = True

    @property
    def home_care(self) -> HomeCarePanel:
        """The home-care panel (made now if its tab was never shown)."""
        return self._home_care.widget()

    @property
    def body_map(self) -> BodyMapPanel:
        """The body-map panel (made now if its tab was never shown)."""
        return self._body_map.widget()

    @property
    def preview(self) -> PreviewPane:
        """The preview pane (made now if its tab was never shown)."""
        return self._preview.widget()

    @property
    def course(self) -> Any:
        """The course room (installed now if the window has not done it yet)."""
        return self.rooms.course()

    @property
    def sync_room(self) -> Any:
        """The clinic-sync room (installed now if the window has not done it yet)."""
        return self.rooms.sync()

    @property
    def printing(self) -> PrintActions:
        """File › Print…: made on first use (it loads Qt's printing and PDF modules)."""
        if self._printing is None:
            from planner.gui.documents.printing import PrintActions

            self._printing = PrintActions(self, self.document, self.files.settings)
        return self._printing

    def _make_body_map(self) -> BodyMapPanel:
        from planner.gui.bodymap.panel import BodyMapPanel

        panel = BodyMapPanel(self.document, self.library_dock.current, self.editor.insert_row)
        panel.step_added.connect(self.editor.select_step)
        # The selected step's area is outlined on the map, also one chosen before it was made.
        self.editor.step_selected.connect(panel.canvas.show_step)
        panel.canvas.show_step(self.editor.selected_step())
        return panel

    def _make_home_care(self) -> HomeCarePanel:
        from planner.gui.homecare.panel import HomeCarePanel

        return HomeCarePanel(self.document, self.store)

    def _make_preview(self) -> PreviewPane:
        from planner.gui.documents.preview import PreviewPane

        return PreviewPane(self.document, self.files.settings)

    def _dock(self, title: str, name: str, widget: QWidget, *, scroll: bool = False) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        if scroll:
            area = QScrollArea(dock)
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidget(widget)
            widget = area
        dock.setWidget(widget)
        return dock

    # -- menus -------------------------------------------------------------

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: object,
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _build_menus(self) -> None:
        files = self.files
        bar = self.menuBar()
        self._build_file_menu(bar.addMenu("&File"))

        edit = bar.addMenu("&Edit")
        undo = self.document.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.document.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        for action in (self.editor.remove_action, self.editor.up_action, self.editor.down_action):
            edit.addAction(action)
        self.undo_action, self.redo_action = undo, redo

        view = bar.addMenu("&View")
        for dock in (
            self.library_dock,
            self.client_dock,
            self.body_map_dock,
            self.home_care_dock,
            self.preview_dock,
            self.findings_dock,
        ):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        self.preview_place = PreviewPlace(self, self.preview_dock, self._preview, self.central_tabs)
        view.addMenu(self.preview_place.menu)
        self.view_menu = view

        tools = bar.addMenu("&Tools")
        self._action(tools, "&Templates…", files.manage_templates)
        self._action(tools, "&Settings…", files.edit_settings, QKeySequence.StandardKey.Preferences)

        # No Alt letter is left for "Help" on the first screen; F1 opens the rulebook.
        help_menu = bar.addMenu("Help")
        self.rulebook_action = self._action(
            help_menu,
            "Safety &rulebook…",
            self.show_rulebook,
            QKeySequence.StandardKey.HelpContents,
        )
        self._action(help_menu, "Open a &sample session", lambda: open_sample(self.files))

    def _build_file_menu(self, file: QMenu) -> None:
        """Sessions, templates, plan files, PDFs, printing, Quit."""
        files = self.files
        self._action(file, "&New session", files.new_session, QKeySequence.StandardKey.New)
        self._action(file, "&Open session…", files.open_session, QKeySequence.StandardKey.Open)
        self.recent_menu = file.addMenu("&Recent sessions")
        self.recent_menu.aboutToShow.connect(lambda: files.fill_recent_menu(self.recent_menu))
        self.save_action = self._action(file, "&Save", files.save, QKeySequence.StandardKey.Save)
        file.addSeparator()
        self._action(file, "New from &template…", files.new_from_template)
        self.template_action = self._action(file, "Save as t&emplate…", files.save_as_template)
        file.addSeparator()
        self._action(file, "Open &plan file…", files.open_plan_file)
        self._action(file, "Save plan as &file…", files.save_plan_file)
        file.addSeparator()
        self._action(file, "Export protocol P&DF…", files.export_protocol)
        self._action(file, "Export &home-care sheet PDF…", lambda: files.export_home_care(None))
        self._action(
            file, "Export home-care sheet in &large print…", lambda: files.export_home_care(True)
        )
        file.addSeparator()
        self._action(
            file,
            "Pr&int protocol…",
            lambda: self.printing.print_protocol(),
            QKeySequence.StandardKey.Print,
        )
        self._action(file, "Print home-&care sheet…", lambda: self.printing.print_home_care())
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        for action in (self.save_action, self.template_action):
            action.setEnabled(not self.store.read_only)

    # -- signals -----------------------------------------------------------

    def _connect_signals(self) -> None:
        document = self.document
        document.undo_stack.cleanChanged.connect(self._on_title)
        document.changed.connect(self._on_title)
        document.refused.connect(self._on_refused)
        document.library_changed.connect(self._on_library)
        self.library_dock.add_requested.connect(self._on_add_technique)
        self.library_dock.new_requested.connect(lambda: self.files.edit_technique(None, False))
        self.library_dock.edit_requested.connect(lambda tid: self.files.edit_technique(tid, True))
        self.library_dock.duplicate_requested.connect(
            lambda tid: self.files.edit_technique(tid, False)
        )
        self.library_dock.delete_requested.connect(self.files.delete_technique)
        from planner.gui.window.records import RecordActions

        self.empty_hint = EmptyTableHint(self.editor.table, self.files)

        self.records = RecordActions(self, self.store, self.files, self.client_panel)
        self.findings.step_selected.connect(self.editor.select_step)
        self.findings.home_care_selected.connect(self.show_home_care_row)

    def show_rulebook(self) -> None:
        from planner.gui.window.rulebook_dialog import RulebookDialog

        RulebookDialog(self).exec()

    def show_home_care_row(self, row: int) -> None:
        """Bring the Home care tab forward with the row of a finding selected."""
        self.home_care_dock.show()
        self.home_care_dock.raise_()
        self.home_care.select_row(row)

    def _on_title(self, *_: object) -> None:
        title = self.document.plan.title or "Untitled session"
        suffix = " (read-only)" if self.store.read_only else ""
        self.setWindowTitle(f"{title}[*] — {APP_NAME}{suffix}")
        self.setWindowModified(self.document.modified)

    def _on_refused(self, text: str) -> None:
        self.statusBar().showMessage(f"Not changed: {text}", 6000)

    def _on_library(self) -> None:
        self.library_dock.set_library(self.document.library)

    def _on_add_technique(self, technique_id: str) -> None:
        technique = self.document.library.techniques.get(technique_id)
        if technique is None:
            return
        row = self.editor.insert_row()
        if self.document.push(c.InsertStep(self.document, row, step_from_technique(technique))):
            self.editor.select_step(row)
            self.statusBar().showMessage(f"Added {technique.name}", 3000)

    # -- layout kept between runs -----------------------------------------------

    def restore_layout(self) -> None:
        settings = window_settings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if isinstance(state, QByteArray) and self.restoreState(state):
            self._default_layout_pending = False
        self.preview_place.restore()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: keep_tabs_whole(self))
        if self._default_layout_pending:
            # Dock sizes only take once the window has been laid out at its real size.
            self._default_layout_pending = False
            QTimer.singleShot(0, self._default_dock_sizes)

    def _default_dock_sizes(self) -> None:
        side = max(250, min(340, self.width() // 5))
        self.resizeDocks([self.library_dock], [side], Qt.Orientation.Horizontal)
        self.resizeDocks([self.client_dock], [side + 120], Qt.Orientation.Horizontal)
        high = self.height()
        self.resizeDocks(
            [self.client_dock, self.findings_dock],
            [high * 2 // 3, high // 3],
            Qt.Orientation.Vertical,
        )

    def save_layout(self) -> None:
        settings = window_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save("closing"):
            event.ignore()
            return
        self.save_layout()
        self.rooms.shutdown()
        event.accept()
