"""Where the preview is: beside the session, in its own window, or a tab in the middle.

View › Show the preview offers the three places as one choice. Beside the
session, the preview is a tab among the docks on the right, a quarter of a wide
screen. In its own window it is that dock floating, page-sized. As a tab in the
middle it takes the central area, beside the session's steps, the room a
1920×1080 screen has. The choice is kept in the window's settings
(``view/preview``) and put back at start, after the docks' layout.

There is one preview wherever it is: its :class:`LazyPanel` moves between the
dock and the central tabs, and keeps one pane and its renderer. In a dock, the
dock says when it is on screen; in the middle, the current tab does.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QTabWidget, QWidget

from planner.gui.common.user_settings import window_settings
from planner.gui.window.lazy import LazyPanel

BESIDE = "beside"
OWN_WINDOW = "window"
TAB = "tab"
PLACES = {
    BESIDE: "&Beside the session",
    OWN_WINDOW: "In its own &window",
    TAB: "As a &tab in the middle",
}
SETTING = "view/preview"
SESSION_TAB = "Session"
PREVIEW_TAB = "&Preview"


def central_tabs(window: QMainWindow, session: QWidget) -> QTabWidget:
    """The window's middle: the session, and later the preview if it is chosen to go there.

    With the session alone the tab bar hides itself, so the window looks as it
    always did.
    """
    tabs = QTabWidget(window)
    tabs.setObjectName("central_tabs")
    tabs.setDocumentMode(True)
    tabs.setTabBarAutoHide(True)
    tabs.addTab(session, SESSION_TAB)
    window.setCentralWidget(tabs)
    return tabs


def float_page_sized(window: QMainWindow, dock: QDockWidget, *, show: bool) -> None:
    """The dock as a window of its own, as tall as the screen allows and a page wide."""
    dock.setFloating(True)
    if show:
        dock.show()
    area = window.screen().availableGeometry()
    height = min(area.height() - 80, 1000)
    dock.resize(min(area.width() - 80, round(height * 0.8)), height)
    dock.move(area.x() + (area.width() - dock.width()) // 2, area.y() + 40)
    if show:
        dock.raise_()
        dock.activateWindow()


class PreviewPlace(QObject):
    """The View › Show the preview choice and the moves it makes.

    Args:
        window: the main window (the dock's and the tabs' owner).
        dock: the preview's dock.
        panel: the preview's lazy panel, in the dock to begin with.
        tabs: the central tabs (see :func:`central_tabs`).
    """

    def __init__(
        self, window: QMainWindow, dock: QDockWidget, panel: LazyPanel, tabs: QTabWidget
    ) -> None:
        super().__init__(window)
        self._window = window
        self._dock = dock
        self._panel = panel
        self._tabs = tabs
        self._place = OWN_WINDOW if dock.isFloating() else BESIDE
        # What the empty dock would say, were it ever shown while the preview is away.
        self._placeholder = QLabel("The preview is a tab in the middle of the window.", dock)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.hide()
        self.menu = QMenu("Show the pre&view", window)
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for place, text in PLACES.items():
            action = self.menu.addAction(text)
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _=False, chosen=place: self.choose(chosen))
            self.actions[place] = action
        tabs.currentChanged.connect(self._on_tab)
        dock.topLevelChanged.connect(self._on_floating)
        self._check()

    @property
    def place(self) -> str:
        """Where the preview is: ``beside``, ``window`` or ``tab``."""
        return self._place

    def restore(self) -> None:
        """At start, once the docks' layout is restored: the place last chosen.

        Nothing is built or brought forward: as a tab, the preview waits behind
        the session until its tab is chosen. Before the choice was kept, a
        floating preview dock was the only memory of it; it still counts.
        """
        saved = window_settings().value(SETTING)
        if saved not in PLACES:
            saved = OWN_WINDOW if self._dock.isFloating() else BESIDE
        self._move(str(saved), show=False)

    def choose(self, place: str) -> None:
        """The user's choice: the preview goes there, is shown, and the choice is kept."""
        self._move(place, show=True)
        self._remember()

    def _remember(self) -> None:
        settings = window_settings()
        settings.setValue(SETTING, self._place)
        settings.sync()

    def _move(self, place: str, *, show: bool) -> None:
        self._place = place  # first: floating or docking the dock below asks _on_floating
        if place == TAB:
            self._to_tab(show)
        else:
            self._to_dock(floating=place == OWN_WINDOW, show=show)
        self._check()

    def _to_tab(self, show: bool) -> None:
        if self._tabs.indexOf(self._panel) < 0:
            if self._dock.isFloating():
                self._dock.setFloating(False)
            self._dock.setWidget(self._placeholder)
            self._dock.hide()
            self._tabs.addTab(self._panel, PREVIEW_TAB)
            self._tabs.setTabToolTip(self._tabs.indexOf(self._panel), "The live preview (Alt+P)")
        # The dock stays hidden while it is empty: View › Preview would show an empty box.
        self._dock.toggleViewAction().setVisible(False)
        if show:
            self._tabs.setCurrentWidget(self._panel)
        self._on_tab()

    def _to_dock(self, *, floating: bool, show: bool) -> None:
        index = self._tabs.indexOf(self._panel)
        if index >= 0:
            self._tabs.removeTab(index)
            self._dock.setWidget(self._panel)
        self._dock.toggleViewAction().setVisible(True)
        if floating and (show or not self._dock.isFloating()):
            float_page_sized(self._window, self._dock, show=show)
        elif not floating and self._dock.isFloating():
            self._dock.setFloating(False)
        if show:
            self._dock.show()
            self._dock.raise_()
            # A dock made to float or raised is not always told it is on screen.
            self._panel.tell(True)

    def _on_tab(self, *_: object) -> None:
        if self._tabs.indexOf(self._panel) >= 0:
            self._panel.tell(self._tabs.currentWidget() is self._panel)

    def _on_floating(self, floating: bool) -> None:
        """The user floated or docked the preview by its title bar: the choice follows."""
        if self._place == TAB:
            return
        place = OWN_WINDOW if floating else BESIDE
        if place != self._place:
            self._place = place
            self._check()
            self._remember()

    def _check(self) -> None:
        self.actions[self._place].setChecked(True)
