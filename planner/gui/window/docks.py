"""The docks' manners: whole tab labels, plain titles when floating.

A dock's title carries its Alt+letter ("&Preview"): right for the tab, which
shows it underlined, but a floating dock is a window of its own and its title
bar would show the ampersand.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

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


def manage_docks(window: QMainWindow, docks: list[QDockWidget]) -> None:
    """Plain titles when floating; tab labels kept whole whenever a dock moves."""
    from PySide6.QtCore import QTimer

    for dock in docks:
        title_without_mnemonic_when_floating(dock)
        dock.dockLocationChanged.connect(
            lambda *_: QTimer.singleShot(0, lambda: keep_tabs_whole(window))
        )


def keep_tabs_whole(window: QMainWindow) -> None:
    """Give every tabbed group of docks a minimum width that shows each tab label whole.

    Run once the window is laid out (the tab bars exist from then on). The group
    is as wide as its widest member asks, so each member gets the minimum.
    """
    docks = {plain_title(d.windowTitle()): d for d in window.findChildren(QDockWidget)}
    for bar in window.findChildren(QTabBar):
        if bar.parent() is not window or bar.count() < 2:
            continue
        needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count())) + TAB_BAR_SLACK
        for i in range(bar.count()):
            dock = docks.get(plain_title(bar.tabText(i)))
            if dock is not None and not dock.isFloating():
                dock.setMinimumWidth(max(dock.minimumWidth(), needed))


def elided_tabs(window: QMainWindow) -> list[str]:
    """The dock tabs whose labels do not fit their tab (for tests and checks)."""
    found = []
    for bar in window.findChildren(QTabBar):
        if bar.parent() is not window or not bar.isVisible():
            continue
        for i in range(bar.count()):
            if bar.tabRect(i).width() < bar.tabSizeHint(i).width():
                found.append(plain_title(bar.tabText(i)))
    return found
