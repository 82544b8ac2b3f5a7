"""Checks of keyboard use shared by the GUI tests: where Tab goes, which Alt+letters are taken."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)


def tab_stops(start: QWidget, count: int) -> list[QWidget]:
    """The widgets Tab reaches after ``start``, in order (as Qt's focus chain gives them)."""
    stops, widget = [], start
    while len(stops) < count:
        widget = widget.nextInFocusChain()
        accepts_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if accepts_tab and widget.isVisible() and widget.isEnabled() and not widget.focusProxy():
            stops.append(widget)
        assert widget is not start, "the focus chain came round without the expected widgets"
    return stops


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys of the visible buttons and labelled fields under ``root``."""
    keys = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            text = widget.text().replace("&&", "")
            if "&" in text:
                keys.append(text[text.index("&") + 1].casefold())
    return keys


def _key(text: str) -> str | None:
    text = text.replace("&&", "")
    return text[text.index("&") + 1].casefold() if "&" in text else None


def window_mnemonics(window: QMainWindow) -> list[str]:
    """Every Alt+letter live on the window's screen: fields, buttons, menus, dock tabs,
    the tabs in the middle."""
    keys = mnemonics(window)
    keys += [_key(action.text()) or "" for action in window.menuBar().actions()]
    # A tabbed dock's title is an Alt+letter too: its tab takes it (not while it is hidden).
    keys += [
        _key(dock.windowTitle()) or ""
        for dock in window.findChildren(QDockWidget)
        if window.tabifiedDockWidgets(dock) and not dock.isHidden()
    ]
    middle = window.centralWidget()
    if isinstance(middle, QTabWidget) and middle.tabBar().isVisible():
        keys += [_key(middle.tabText(i)) or "" for i in range(middle.count())]
    return [key for key in keys if key]


def menu_mnemonics(menu: QMenu) -> list[str]:
    """The Alt+letters of one menu's entries."""
    return [key for action in menu.actions() if (key := _key(action.text()))]


def clashes(keys: list[str]) -> list[str]:
    """The letters taken more than once."""
    return sorted({key for key in keys if keys.count(key) > 1})
