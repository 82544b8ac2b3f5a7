"""The docks' manners: whole tab labels, plain titles when floating.

A dock's title carries its Alt+letter ("&Preview"): right for the tab, which
shows it underlined, but a floating dock is a window of its own and its title
bar would show the ampersand.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

_Child = TypeVar("_Child", bound=QObject)

# Room for the tab bar's frame beyond the tabs themselves.
TAB_BAR_SLACK = 12


def plain_title(text: str) -> str:
    """A title without its mnemonic marker ("&&" stays a literal "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def title_without_mnemonic_when_floating(dock: QDockWidget) -> None:
    titled = dock.windowTitle()

    def retitle(floating: bool) -> None:
        dock.setWindowTitle(plain_title(titled) if floating else titled)

    dock.topLevelChanged.connect(retitle)


def manage_docks(window: QMainWindow) -> None:
    """Plain titles when floating; tab labels kept whole whenever a dock moves."""
    from PySide6.QtCore import QTimer

    docks = _children(window, QDockWidget)
    for dock in docks:
        title_without_mnemonic_when_floating(dock)
        dock.dockLocationChanged.connect(
            lambda *_: QTimer.singleShot(0, lambda: keep_tabs_whole(window))
        )


def _children(window: QMainWindow, kind: type[_Child]) -> list[_Child]:
    """The window's own children of a kind (its docks, the tab bars of its tabbed docks).

    Only direct children: a search through every widget of the window makes PySide6
    wrap each of them (and some 70 Python enums for Qt's private classes among them),
    several milliseconds of the window's start.
    """
    return window.findChildren(kind, options=Qt.FindChildOption.FindDirectChildrenOnly)


def keep_tabs_whole(window: QMainWindow) -> None:
    """Give every tabbed group of docks a minimum width that shows each tab label whole.

    Run once the window is laid out (the tab bars exist from then on). The group
    is as wide as its widest member asks, so each member gets the minimum.
    """
    docks = {plain_title(d.windowTitle()): d for d in _children(window, QDockWidget)}
    for bar in _children(window, QTabBar):
        if bar.count() < 2:
            continue
        needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count())) + TAB_BAR_SLACK
        for i in range(bar.count()):
            dock = docks.get(plain_title(bar.tabText(i)))
            if dock is not None and not dock.isFloating():
                dock.setMinimumWidth(max(dock.minimumWidth(), needed))


def elided_tabs(window: QMainWindow) -> list[str]:
    """The dock tabs whose labels do not fit their tab (for tests and checks)."""
    found = []
    for bar in _children(window, QTabBar):
        if not bar.isVisible():
            continue
        for i in range(bar.count()):
            if bar.tabRect(i).width() < bar.tabSizeHint(i).width():
                found.append(plain_title(bar.tabText(i)))
    return found
